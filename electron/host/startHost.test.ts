import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { methods } from '../../shared/contract/api';
import type { Handlers } from '../../shared/contract/dispatch';
import { startHost, type HostHandle } from './startHost';

let work: string;
let host: HostHandle;
const getAppInfo = vi.fn(async () => ({ version: '1', platform: 'linux', host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' }));
const listArticles = vi.fn(async () => []);
const importPhoto = vi.fn(async ({ bytes }: { bytes: Uint8Array }) => ({ received: Array.from(bytes) }));
const handlers = { getAppInfo, listArticles, importPhoto } as unknown as Handlers;
const PHOTO_ID = 'e'.repeat(64);
const mediaFile = vi.fn(async (id: string, variant: string) => (id === PHOTO_ID && variant === 'preview' ? { path: join(work, 'photo.jpg'), type: 'image/jpeg' } : null));

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'copydesk-host-'));
  const renderer = join(work, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(work, 'secret.txt'), 'outside');
  await symlink(join(work, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  await writeFile(join(work, 'photo.jpg'), 'jpeg bytes');
  host = await startHost({ handlers, rendererDir: renderer, mediaFile });
});
afterAll(async () => {
  await host.close();
  await rm(work, { recursive: true, force: true });
});

type Res = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
function http(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
  const { port } = new URL(host.origin);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}
const cookie = () => `copydesk_token=${host.token}`;
const api = (method: string, body: string, headers: Record<string, string> = {}) =>
  http(`/api/${method}`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-copydesk-token': host.token, ...headers } });

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses everything without the token', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/__copydesk/bridge.js']) expect((await http(path)).status).toBe(401);
    expect((await http('/?token=wrong')).status).toBe(401);
    expect((await http('/api/getAppInfo', { method: 'POST', body: '{}', headers: { cookie: cookie() } })).status).toBe(401);
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  it('serves the app with the bridge first and a strict cookie', async () => {
    const res = await http(`/?token=${host.token}`);
    expect(res.status).toBe(200);
    expect(res.body.indexOf('/__copydesk/bridge.js')).toBeLessThan(res.body.indexOf('/assets/app.js'));
    expect(String(res.headers['set-cookie'])).toContain('HttpOnly; SameSite=Strict');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const asset = await http('/assets/app.js', { headers: { cookie: cookie() } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%2fetc%2fpasswd', '/assets/link.txt', '/assets/..%5c..%5csecret.txt']) {
      const res = await http(path, { headers: { cookie: cookie() } });
      expect([403, 404]).toContain(res.status);
      expect(res.body).not.toContain('outside');
    }
  });

  it('guards the API: token header, host, origin, method, size', async () => {
    expect((await api('getAppInfo', '{}', { 'x-copydesk-token': 'nope' })).status).toBe(401);
    expect((await api('getAppInfo', '{}', { host: 'evil.example' })).status).toBe(403);
    expect((await api('getAppInfo', '{}', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await http('/api/getAppInfo', { headers: { cookie: cookie(), 'x-copydesk-token': host.token } })).status).toBe(405);
    expect((await api('dropEverything', '{}')).status).toBe(404);
    expect((await api('getAppInfo', 'x'.repeat(9 * 1024 * 1024))).status).toBe(413);
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  it('answers malformed JSON and bad payloads with invalidInput, without calling the core', async () => {
    expect(JSON.parse((await api('listArticles', '{scope:')).body)).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(JSON.parse((await api('listArticles', '{"scope":"all"}')).body)).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(listArticles).not.toHaveBeenCalled();
    expect(JSON.parse((await api('listArticles', '{"actor":"00000000-0000-4000-8000-00000000000a","scope":"trash"}')).body)).toEqual({ ok: true, value: [] });
    expect(listArticles).toHaveBeenCalledWith({ actor: '00000000-0000-4000-8000-00000000000a', scope: 'trash' });
  });

  it('bridge defines exactly the contract methods and sends the token', async () => {
    const script = (await http('/__copydesk/bridge.js', { headers: { cookie: cookie() } })).body;
    const fetch = vi.fn(async () => ({ json: async () => ({ ok: true, value: 'pong' }) }));
    const window: Record<string, unknown> = {};
    runInNewContext(script, { window, fetch });
    const bridge = window.copydesk as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...methods].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(await bridge.getAppInfo({})).toEqual({ ok: true, value: 'pong' });
    expect(fetch).toHaveBeenCalledWith('/api/getAppInfo', expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ 'x-copydesk-token': host.token }) }));
    const failing = { copydesk: undefined } as Record<string, unknown>;
    runInNewContext(script, { window: failing, fetch: async () => { throw new Error('down'); } });
    expect(await (failing.copydesk as typeof bridge).getAppInfo({})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('browser host media and bytes', () => {
  it('serves photos by id to an authenticated page, and nothing else', async () => {
    expect((await http(`/media/${PHOTO_ID}/preview`)).status).toBe(401);
    const ok = await http(`/media/${PHOTO_ID}/preview`, { headers: { cookie: cookie() } });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('jpeg bytes');
    expect(ok.headers['content-type']).toBe('image/jpeg');
    mediaFile.mockClear();
    for (const path of [`/media/../secret.txt`, `/media/${PHOTO_ID}/../../secret.txt`, `/media/abc/preview`, `/media/${PHOTO_ID}/raw`]) {
      expect([403, 404]).toContain((await http(path, { headers: { cookie: cookie() } })).status);
    }
    expect(mediaFile).not.toHaveBeenCalled();
    expect((await http(`/media/${'f'.repeat(64)}/original`, { headers: { cookie: cookie() } })).status).toBe(404);
  });

  it('turns the bridge\'s {"$bytes": base64} back into bytes before the handler sees them', async () => {
    const res = await api('importPhoto', JSON.stringify({ actor: '00000000-0000-4000-8000-00000000000a', name: 'a.jpg', bytes: { $bytes: Buffer.from([1, 2, 250]).toString('base64') } }));
    expect(importPhoto).toHaveBeenCalledTimes(1);
    expect(importPhoto.mock.calls[0][0].bytes).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false }); // the stub's output is not a PhotoInfo: the contract checks outputs too
  });
});

