// HTTPS with --cert/--key (a certificate made here by openssl), and browser origins: a page from
// an origin not allowed is refused before anything else; an allowed one gets CORS answers.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { startTestServer, type TestServer } from '../testing/testServer';

function httpsGet(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject).end();
  });
}

describe('TLS and origins', () => {
  let store: TestStore;
  let server: TestServer;
  let dir: string;
  let cert: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copydesk-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    cert = await readFile(join(dir, 'cert.pem'));
    store = await pgliteStore();
    server = await startTestServer(store, { tls: { cert, key: await readFile(join(dir, 'key.pem')) }, allowedOrigins: ['https://desk.example.org'] });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await store?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves HTTPS with the given certificate, and nothing in plain HTTP', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await httpsGet(`${server.url}/healthz`, cert);
    expect([health.status, JSON.parse(health.body).status]).toEqual([200, 'ok']);
    await expect(fetch(server.url.replace('https:', 'http:') + '/healthz')).rejects.toThrow();
    // A client that does not trust the certificate is not let in quietly.
    await expect(httpsGet(`${server.url}/healthz`, Buffer.from(''))).rejects.toThrow();
  });

  it('refuses a page from another origin, and answers an allowed one with CORS headers', async () => {
    const get = (origin: string, method = 'GET') =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
        const req = request(`${server.url}/healthz`, { ca: cert, method, headers: { origin, 'access-control-request-method': 'POST' } }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject).end();
      });
    const stranger = await get('https://evil.example.com');
    expect([stranger.status, JSON.parse(stranger.body).error.params.reason]).toEqual([403, 'origin']);
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    const desk = await get('https://desk.example.org');
    expect([desk.status, desk.headers['access-control-allow-origin']]).toEqual([200, 'https://desk.example.org']);
    const preflight = await get('https://desk.example.org', 'OPTIONS');
    expect([preflight.status, preflight.headers['access-control-allow-headers']]).toEqual([204, 'authorization, content-type']);
  });
});
