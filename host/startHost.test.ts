import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_ARCHIVE_BYTES, MAX_IMPORT_BYTES, MAX_PHOTO_BYTES, methods } from '../shared/contract/api';
import type { Handlers } from '../shared/contract/dispatch';
import { startHost, type HostHandle } from './startHost';
import { BODY_LIMITS, DEFAULT_BODY_LIMIT, bodyLimit } from './bodyLimits';
import { FRAMED_TYPE } from './requestBody';
import type { CoreEvent } from '../shared/contract/newsroom';

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
  host = await startHost({ handlers, rendererDir: renderer, mediaFile, refusalLingerMs: 300 });
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
const cookie = () => `copydesk_token_${new URL(host.origin).port}=${host.token}`;
/** What the bridge script uses of a page besides window and fetch. */
function pageGlobals(href = 'http://127.0.0.1/') {
  const history = { state: null, replaceState: vi.fn() };
  return { location: { href }, history, URL, Blob, Uint8Array, TextEncoder };
}
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

  it('lets the browser keep the built assets (named by their content), never the page, the bridge or a miss', async () => {
    expect((await http('/assets/app.js', { headers: { cookie: cookie() } })).headers['cache-control']).toBe('private, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/__copydesk/bridge.js', '/assets/missing.js']) {
      expect((await http(path, { headers: { cookie: cookie() } })).headers['cache-control'], path).toBe('no-store');
    }
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%2fetc%2fpasswd', '/assets/link.txt', '/assets/..%5c..%5csecret.txt']) {
      const res = await http(path, { headers: { cookie: cookie() } });
      expect([403, 404]).toContain(res.status);
      expect(res.body).not.toContain('outside');
    }
  });

  it('guards the API: token header, host, origin, method, size', async () => {
    const stale = await api('getAppInfo', '{}', { 'x-copydesk-token': 'nope' });
    expect(stale.status).toBe(401);
    // A window left open across a restart hears that, not "not allowed" (which would read as a locked copy).
    expect(JSON.parse(stale.body)).toMatchObject({ ok: false, error: { code: 'hostChanged' } });
    expect((await api('getAppInfo', '{}', { host: 'evil.example' })).status).toBe(403);
    expect((await api('getAppInfo', '{}', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await http('/api/getAppInfo', { headers: { cookie: cookie(), 'x-copydesk-token': host.token } })).status).toBe(405);
    expect((await api('dropEverything', '{}')).status).toBe(404);
    const big = await api('getAppInfo', 'x'.repeat(3 * 1024 * 1024));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'tooLarge', params: { limitMB: 2 } } });
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  it('answers malformed JSON with malformedData and bad payloads with invalidInput, without calling the core', async () => {
    expect(JSON.parse((await api('listArticles', '{scope:')).body)).toMatchObject({ ok: false, error: { code: 'malformedData' } });
    expect(JSON.parse((await api('listArticles', '{"scope":"all"}')).body)).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(listArticles).not.toHaveBeenCalled();
    expect(JSON.parse((await api('listArticles', '{"actor":"00000000-0000-4000-8000-00000000000a","scope":"trash"}')).body)).toEqual({ ok: true, value: [] });
    expect(listArticles).toHaveBeenCalledWith({ actor: '00000000-0000-4000-8000-00000000000a', scope: 'trash' });
  });

  it('the bridge shares one event stream among its listeners and closes it after the last', async () => {
    const script = (await http('/__copydesk/bridge.js', { headers: { cookie: cookie() } })).body;
    const sources: { url: string; closed: boolean; onmessage?: (m: { data: string }) => void; close(): void }[] = [];
    class EventSource {
      url: string;
      closed = false;
      onmessage?: (m: { data: string }) => void;
      constructor(url: string) {
        this.url = url;
        sources.push(this);
      }
      close() {
        this.closed = true;
      }
    }
    const window: Record<string, unknown> = {};
    runInNewContext(script, { window, fetch: vi.fn(), EventSource, ...pageGlobals() });
    const bridge = window.copydesk as { onEvent(l: (e: unknown) => void): () => void };
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.onEvent((e) => a.push(e));
    const offB = bridge.onEvent((e) => b.push(e));
    expect(sources.map((s) => s.url)).toEqual(['/__copydesk/events']);
    sources[0].onmessage?.({ data: '{"type":"removed","id":"x"}' });
    sources[0].onmessage?.({ data: 'not json' });
    expect([a, b]).toEqual([[{ type: 'removed', id: 'x' }], [{ type: 'removed', id: 'x' }]]);
    offA();
    expect(sources[0].closed).toBe(false);
    offB();
    expect(sources[0].closed).toBe(true);
  });

  it('bridge defines exactly the contract methods and sends the token', async () => {
    const script = (await http('/__copydesk/bridge.js', { headers: { cookie: cookie() } })).body;
    const fetch = vi.fn(async () => ({ json: async () => ({ ok: true, value: 'pong' }) }));
    const window: Record<string, unknown> = {};
    runInNewContext(script, { window, fetch, ...pageGlobals() });
    const bridge = window.copydesk as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...methods, 'onEvent'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(await bridge.getAppInfo({})).toEqual({ ok: true, value: 'pong' });
    expect(fetch).toHaveBeenCalledWith('/api/getAppInfo', expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ 'x-copydesk-token': host.token }) }));
    const failing = { copydesk: undefined } as Record<string, unknown>;
    runInNewContext(script, { window: failing, fetch: async () => { throw new Error('down'); }, ...pageGlobals() });
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

});


describe('browser host bytes and body limits', () => {
  /** The real bridge script in a stand-in page whose fetch reaches this host. */
  function bridgeAgainstHost(script: string, href = `${host.origin}/`) {
    const window: Record<string, unknown> = {};
    const fetch = vi.fn((path: string, init: RequestInit) => globalThis.fetch(host.origin + path, init));
    const page = pageGlobals(href);
    runInNewContext(script, { window, fetch, ...page });
    return { bridge: window.copydesk as Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string; params: Record<string, unknown> } }>>, fetch, history: page.history };
  }
  const script = async () => (await http('/__copydesk/bridge.js', { headers: { cookie: cookie() } })).body;

  it('sends bytes raw after the JSON, and the handler gets exactly those bytes', async () => {
    importPhoto.mockClear();
    const { bridge, fetch } = bridgeAgainstHost(await script());
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
    await bridge.importPhoto({ actor: '00000000-0000-4000-8000-00000000000a', name: 'a.jpg', bytes });
    expect(importPhoto).toHaveBeenCalledTimes(1);
    const received = importPhoto.mock.calls[0][0].bytes;
    expect(received).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(received).equals(Buffer.from(bytes))).toBe(true);
    const init = fetch.mock.calls[0][1];
    expect((init.headers as Record<string, string>)['content-type']).toBe(FRAMED_TYPE);
    expect((init.body as Blob).size).toBeLessThan(bytes.length + 200); // raw, not base64 (a third more)
  });

  it('refuses byte references that point outside the body', async () => {
    importPhoto.mockClear();
    for (const ref of ['[0,99]', '[-1,1]', '[0.5,1]', '["0",1]', '[0]']) {
      const res = await api('importPhoto', `{"actor":"00000000-0000-4000-8000-00000000000a","name":"a.jpg","bytes":{"$bytes":${ref}}}\nabc`, { 'content-type': FRAMED_TYPE });
      expect(JSON.parse(res.body), ref).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    }
    // Without the framed type the reference is just an object, which the contract refuses.
    expect(JSON.parse((await api('importPhoto', '{"actor":"00000000-0000-4000-8000-00000000000a","name":"a.jpg","bytes":{"$bytes":[0,1]}}')).body)).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(importPhoto).not.toHaveBeenCalled();
  });

  it('keeps the limits in one table: small for ordinary calls, the contract ceilings for uploads', () => {
    expect(bodyLimit('getAppInfo')).toBe(DEFAULT_BODY_LIMIT);
    expect(DEFAULT_BODY_LIMIT).toBeLessThanOrEqual(2 * 1024 * 1024);
    for (const method of methods) expect(bodyLimit(method), method).toBeGreaterThanOrEqual(DEFAULT_BODY_LIMIT);
    expect(bodyLimit('importPhoto')).toBeGreaterThanOrEqual(MAX_PHOTO_BYTES);
    expect(bodyLimit('importPhoto')).toBeLessThan(MAX_PHOTO_BYTES * 1.01);
    expect(bodyLimit('importFiles')).toBeGreaterThanOrEqual(MAX_IMPORT_BYTES);
    expect(bodyLimit('importFiles')).toBeLessThan(MAX_IMPORT_BYTES * 1.01); // base64 made it 670 MB
    expect(bodyLimit('importBackupArchive')).toBeGreaterThanOrEqual(MAX_BACKUP_ARCHIVE_BYTES);
    expect(bodyLimit('saveArticle')).toBeGreaterThan(DEFAULT_BODY_LIMIT);
    expect(Object.keys(BODY_LIMITS).every((m) => (methods as string[]).includes(m))).toBe(true);
  });

  it('answers a client that declares more than the limit and then stalls, once the linger is over', async () => {
    const started = Date.now();
    const res = await api('getAppInfo', '{}', { 'content-length': String(5 * 1024 * 1024) }); // 2 bytes of 5 MB sent
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  it('the bridge refuses an over-limit call itself, with the same envelope, without sending it', async () => {
    const { bridge, fetch } = bridgeAgainstHost(await script());
    const result = await bridge.listArticles({ scope: 'x'.repeat(3 * 1024 * 1024) });
    expect(result).toMatchObject({ ok: false, error: { code: 'tooLarge', params: { limitMB: 2 } } });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('browser host token and fetch metadata', () => {
  const withSite = (site: string, extra: Record<string, string> = {}) => ({ 'sec-fetch-site': site, ...extra });

  it('marks every response same-origin only, so no other port can embed or read it', async () => {
    const responses = [
      await http(`/?token=${host.token}`),
      await http('/__copydesk/bridge.js', { headers: { cookie: cookie() } }),
      await http('/assets/app.js', { headers: { cookie: cookie() } }),
      await http(`/media/${PHOTO_ID}/preview`, { headers: { cookie: cookie() } }),
      await api('listArticles', '{"actor":"00000000-0000-4000-8000-00000000000a","scope":"trash"}'),
      await http('/__copydesk/bridge.js'),
    ];
    for (const res of responses) expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('gives the bridge script only to our own page', async () => {
    const get = (site: string) => http('/__copydesk/bridge.js', { headers: withSite(site, { cookie: cookie() }) });
    for (const site of ['same-site', 'cross-site', 'none']) {
      const res = await get(site);
      expect(res.status, site).toBe(403);
      expect(res.body).not.toContain(host.token);
    }
    const ours = await get('same-origin');
    expect(ours.status).toBe(200);
    expect(ours.body).toContain(host.token);
  });

  it('answers API calls only from our own page, even with the token', async () => {
    listArticles.mockClear();
    for (const site of ['same-site', 'cross-site', 'none']) {
      const res = await api('listArticles', '{"scope":"trash"}', withSite(site, { cookie: cookie() }));
      expect(res.status, site).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(listArticles).not.toHaveBeenCalled();
    expect((await api('listArticles', '{"scope":"trash"}', withSite('same-origin'))).status).toBe(200);
  });

  it('opens the app from a typed address, bookmark or reload, not from another site', async () => {
    expect((await http(`/?token=${host.token}`, { headers: withSite('none') })).status).toBe(200);
    expect((await http('/', { headers: withSite('none', { cookie: cookie() }) })).status).toBe(200);
    expect((await http('/', { headers: withSite('same-origin', { cookie: cookie() }) })).status).toBe(200);
    for (const site of ['same-site', 'cross-site']) expect((await http('/', { headers: withSite(site, { cookie: cookie() }) })).status, site).toBe(403);
    expect((await http('/assets/app.js', { headers: withSite('same-site', { cookie: cookie() }) })).status).toBe(403);
  });

  it('sets the cookie on the first load with the token, scoped to this host, and serves reloads by it', async () => {
    const first = await http(`/?token=${host.token}`);
    const set = String(first.headers['set-cookie']);
    expect(set).toContain(`copydesk_token_${new URL(host.origin).port}=${host.token}`);
    for (const part of ['HttpOnly', 'SameSite=Strict', 'Path=/']) expect(set).toContain(part);
    expect(set).not.toMatch(/domain=/i);
    const reload = await http('/', { headers: { cookie: cookie() } });
    expect(reload.status).toBe(200);
    expect(reload.headers['set-cookie']).toBeUndefined();
    expect((await http('/', { headers: { cookie: `copydesk_token_${new URL(host.origin).port}=stale` } })).status).toBe(401);
    // Another host's cookie (another port) is not ours.
    expect((await http('/', { headers: { cookie: `copydesk_token_1=${host.token}` } })).status).toBe(401);
  });

  it('the bridge takes the token out of the address bar and keeps the rest', async () => {
    const script = (await http('/__copydesk/bridge.js', { headers: { cookie: cookie() } })).body;
    const page = pageGlobals(`${host.origin}/?token=${host.token}&lang=ko#top`);
    runInNewContext(script, { window: {}, fetch: vi.fn(), ...page });
    expect(page.history.replaceState).toHaveBeenCalledWith(null, '', '/?lang=ko#top');
    const clean = pageGlobals(`${host.origin}/`);
    runInNewContext(script, { window: {}, fetch: vi.fn(), ...clean });
    expect(clean.history.replaceState).not.toHaveBeenCalled();
  });
});

describe('the core’s pushes', () => {
  it('streams them as server-sent events to the page that holds the pass, and lets go when it leaves', async () => {
    const listeners = new Set<(e: CoreEvent) => void>();
    const events = (listener: (e: CoreEvent) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    };
    const pushing = await startHost({ handlers, rendererDir: join(work, 'renderer'), events });
    try {
      const { port } = new URL(pushing.origin);
      const open = (withCookie: boolean) =>
        new Promise<import('node:http').IncomingMessage>((ok, fail) => {
          const headers: Record<string, string> = withCookie ? { cookie: `copydesk_token_${port}=${pushing.token}` } : {};
          request({ host: '127.0.0.1', port, path: '/__copydesk/events', agent: false, headers }, ok).on('error', fail).end();
        });
      const refused = await open(false);
      expect(refused.statusCode).toBe(401);
      refused.resume();

      const stream = await open(true);
      expect([stream.statusCode, stream.headers['content-type']]).toEqual([200, 'text/event-stream; charset=utf-8']);
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      await vi.waitFor(() => expect(listeners.size).toBe(1));
      for (const l of listeners) l({ type: 'connection', state: 'offline' });
      await vi.waitFor(() => expect(text).toContain('data: {"type":"connection","state":"offline"}\n\n'));
      stream.destroy();
      await vi.waitFor(() => expect(listeners.size).toBe(0));
    } finally {
      await pushing.close();
    }
  });
});
