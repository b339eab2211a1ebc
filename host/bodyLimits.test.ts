// The browser host's memory stays bounded whatever a client uploads: a body over its method's
// limit is refused without being buffered, and an accepted upload costs about its own size once.
// Host and client run in this process, so its RSS is what is measured.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../shared/contract/dispatch';
import { FRAMED_TYPE } from './requestBody';
import { startHost, type HostHandle } from './startHost';

const MB = 1024 * 1024;
let work: string;
let host: HostHandle;
const saveArticle = vi.fn(async () => ({ revision: 1, updatedAt: new Date().toISOString() }));
let receivedBytes = 0;
const importFiles = vi.fn(async (input: { files: { bytes: Uint8Array }[] }) => {
  receivedBytes = input.files.reduce((n, f) => n + f.bytes.byteLength, 0);
  return { results: [], cancelled: false };
});
const handlers = { saveArticle, importFiles } as unknown as Handlers;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'copydesk-limits-'));
  await mkdir(join(work, 'renderer'));
  await writeFile(join(work, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  host = await startHost({ handlers, rendererDir: join(work, 'renderer') });
  await upload('saveArticle', 20 * MB, { declared: false }); // warm up the HTTP machinery before measuring
  saveArticle.mockClear();
});
afterAll(async () => {
  await host.close();
  await rm(work, { recursive: true, force: true });
});

/**
 * POSTs `head` then `total` bytes of filler from one reused 1 MB buffer (so the client itself
 * holds almost nothing), honouring back-pressure; stops sending once the host has answered.
 */
function upload(method: string, total: number, opts: { declared: boolean; head?: string; type?: string }): Promise<{ status: number; body: string; peakGrowth: number }> {
  const { port } = new URL(host.origin);
  const filler = Buffer.alloc(MB, 0x78);
  const head = Buffer.from(opts.head ?? '');
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return new Promise((ok, fail) => {
    let answered: { status: number; body: string } | null = null;
    const done = () => {
      clearInterval(sample);
      peak = Math.max(peak, process.memoryUsage().rss);
      ok({ ...answered!, peakGrowth: peak - before });
      req.destroy();
    };
    const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/json', 'x-copydesk-token': host.token };
    if (opts.declared) headers['content-length'] = String(head.length + total);
    const req = request({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', agent: false, headers }, (res) => {
      answered = { status: res.statusCode ?? 0, body: '' };
      res.on('data', (c) => (answered!.body += c));
      res.on('end', done);
    });
    // The host may cut a refused upload off once it has answered; what it answered is the result.
    req.on('error', (err) => (answered ? done() : fail(err)));
    let sent = 0;
    const pump = () => {
      if (sent === 0 && head.length) req.write(head);
      while (sent < total && !answered && !req.destroyed) {
        const n = Math.min(MB, total - sent);
        sent += n;
        if (!req.write(n === MB ? filler : filler.subarray(0, n))) return void req.once('drain', pump);
      }
      if (sent >= total && !answered && !req.destroyed) req.end();
    };
    pump();
  });
}

describe('browser host body limits and memory', () => {
  it('refuses a 300 MB ordinary call streamed without a length', async () => {
    const res = await upload('listArticles', 300 * MB, { declared: false });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'tooLarge', params: { limitMB: 2 } } });
    expect(res.peakGrowth).toBeLessThan(50 * MB);
  });

  it('refuses a 300 MB save streamed without a length, buffering no more than its limit', async () => {
    const res = await upload('saveArticle', 300 * MB, { declared: false });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'tooLarge', params: { limitMB: 16 } } });
    // Its 16 MB limit, read in before the refusal, plus what dropping the rest churns through.
    expect(res.peakGrowth).toBeLessThan(64 * MB);
    expect(saveArticle).not.toHaveBeenCalled();
  });

  it('refuses a 300 MB save that declares its length, without buffering it', async () => {
    const started = Date.now();
    const res = await upload('saveArticle', 300 * MB, { declared: true });
    expect(res.status).toBe(413);
    expect(res.peakGrowth).toBeLessThan(50 * MB);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(saveArticle).not.toHaveBeenCalled();
  });

  it('takes a 200 MB import at about its own size (base64 in JSON cost five times that)', async () => {
    const size = 200 * MB;
    const head = `${JSON.stringify({ actor: 'person-1', jobId: 'job-12345', files: [{ name: 'big.txt', bytes: { $bytes: [0, size] } }] })}\n`;
    const res = await upload('importFiles', size, { declared: true, head, type: FRAMED_TYPE });
    expect(JSON.parse(res.body), res.body).toMatchObject({ ok: true });
    expect(receivedBytes).toBe(size);
    expect(res.peakGrowth).toBeLessThan(size * 1.5);
  });
});
