// The server's doors: /healthz for anyone, 401 JSON for everything else without a session, bodies
// bounded and checked, and one server per --data folder.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServer, SERVER_VERSION } from './openServer';
import { pgliteStore, postgresStore, type TestStore } from './testing/bothDatabases';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { ADMIN, setUpAdmin, startTestServer, type TestServer } from './testing/testServer';
import { DEFAULT_BODY_LIMIT } from './http/readJsonBody';
import { version } from '../package.json';
import { accountRoutes } from './accounts/accountRoutes';
import type { AccountService } from './accounts/AccountService';

describe('the server without a session', () => {
  let store: TestStore;
  let server: TestServer;
  beforeAll(async () => {
    store = await pgliteStore();
    server = await startTestServer(store);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await store.dispose();
  });

  it('answers /healthz with its version', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version });
    expect(SERVER_VERSION).toBe(version);
  });

  it('answers everything else with 401 JSON and a translatable code, known route or not', async () => {
    for (const [method, path] of [['GET', '/api/me'], ['GET', '/api/people'], ['POST', '/api/people/add'], ['GET', '/api/no-such-thing'], ['GET', '/'], ['POST', '/healthz']] as const) {
      const answer = await server.call(method, path, method === 'POST' ? {} : undefined);
      expect([path, answer.status, answer.body]).toEqual([path, 401, { ok: false, error: { code: 'notSignedIn', message: 'no session', params: {} } }]);
    }
    // Every account route but sign-in and setup, walked from the route table itself.
    const routes = accountRoutes({} as AccountService).filter((r) => !r.open);
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) expect([r.path, (await server.call(r.method, r.path, r.method === 'POST' ? {} : undefined)).status]).toEqual([r.path, 401]);
    expect(accountRoutes({} as AccountService).filter((r) => r.open).map((r) => r.path).sort()).toEqual(['/api/login', '/api/setup']);
    const forged = await server.call('GET', '/api/me', undefined, 'A'.repeat(43));
    expect([forged.status, forged.body.error?.code]).toEqual([401, 'notSignedIn']);
  });

  it('refuses an oversized body with 413 before reading it, and broken or unchecked bodies with 400', async () => {
    const big = JSON.stringify({ login: 'x'.repeat(DEFAULT_BODY_LIMIT), password: 'y' });
    const tooLarge = await post(server.url, '/api/login', big);
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).error.code).toBe('tooLarge');
    // Sent in chunks with no declared length: counted, refused past the limit, and still answered.
    const chunked = await post(server.url, '/api/login', big, 'application/json', false);
    expect([chunked.status, JSON.parse(chunked.body).error.code]).toEqual([413, 'tooLarge']);
    const broken = await post(server.url, '/api/login', '{"login":');
    expect([broken.status, JSON.parse(broken.body).error.code]).toEqual([400, 'malformedData']);
    const unchecked = await server.call('POST', '/api/login', { login: 'a b', password: 1 });
    expect([unchecked.status, unchecked.body.error?.code]).toEqual([400, 'invalidInput']);
    const notJson = await post(server.url, '/api/login', 'login=a', 'application/x-www-form-urlencoded');
    expect([notJson.status, JSON.parse(notJson.body).error.code]).toEqual([400, 'invalidInput']);
  });

  it('answers an unknown route (404) and a wrong method (405) only to a signed-in person', async () => {
    const token = await setUpAdmin(server);
    expect((await server.call('GET', '/api/no-such-thing', undefined, token)).status).toBe(404);
    const wrongMethod = await server.call('GET', '/api/people/add', undefined, token);
    expect([wrongMethod.status, wrongMethod.headers.get('allow'), wrongMethod.body.error?.code]).toEqual([405, 'POST', 'invalidInput']);
  });
});

describe('one server per --data folder', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await pgliteStore();
  });
  afterAll(() => store.dispose());

  it('refuses a second server on the same folder while the first runs, and opens after it stops', async () => {
    const first = await openServer({ dataDir: store.dataDir, port: 0 });
    await expect(openServer({ dataDir: store.dataDir, port: 0 })).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'libraryLocked' } });
    await first.close();
    const second = await openServer({ dataDir: store.dataDir, port: 0 });
    await second.close();
  }, 60_000);

  it('takes over the lock a killed server left behind', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    await writeFile(join(store.dataDir, '.lock'), JSON.stringify({ pid: child.pid, host: hostname(), since: new Date().toISOString() }));
    const server = await openServer({ dataDir: store.dataDir, port: 0 });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  }, 60_000);
});

describe('the setup code across restarts', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await pgliteStore();
  });
  afterAll(() => store.dispose());

  it('is new on each start until used, the old one stops working, and none is issued once an admin exists', async () => {
    const first = await startTestServer(store);
    const oldCode = first.setupCode;
    await first.close();
    const second = await startTestServer(store);
    expect(second.setupCode).not.toBe(oldCode);
    const stale = await second.call('POST', '/api/setup', { code: oldCode, login: 'admin', password: 'admin password', person: ADMIN });
    expect([stale.status, stale.body.error?.params.reason]).toEqual([403, 'setupCode']);
    await setUpAdmin(second);
    await second.close();
    const third = await startTestServer(store);
    expect(third.setupCode).toBeNull();
    await third.close();
  }, 60_000);
});

const shared = await postgresStore();

describe.skipIf('skip' in shared)('the setup code with several instances on one PostgreSQL', () => {
  afterAll(() => (shared as TestStore).dispose());

  it('works from whichever instance printed it while both run, and not once its instance stopped', async () => {
    const url = (shared as TestStore).url;
    const dirs = [await mkdtemp(join(tmpdir(), 'copydesk-a-')), await mkdtemp(join(tmpdir(), 'copydesk-b-'))];
    const a = await startTestServer({ dataDir: dirs[0], url } as TestStore);
    const b = await startTestServer({ dataDir: dirs[1], url } as TestStore);
    try {
      expect(a.setupCode).not.toBe(b.setupCode);
      const aCode = a.setupCode;
      await a.close();
      // A stopped: its code was withdrawn, through either instance.
      const stale = await b.call('POST', '/api/setup', { code: aCode, login: 'admin', password: 'admin password', person: ADMIN });
      expect([stale.status, stale.body.error?.params.reason]).toEqual([403, 'setupCode']);
      const c = await startTestServer({ dataDir: dirs[0], url } as TestStore);
      try {
        // The code B printed before C started still works, asked of C.
        const made = await c.call('POST', '/api/setup', { code: b.setupCode, login: 'admin', password: 'admin password', person: ADMIN });
        expect(made.status).toBe(200);
        // One admin only: C's own code is no use now.
        const second = await c.call('POST', '/api/setup', { code: c.setupCode, login: 'admin2', password: 'admin password', person: ADMIN });
        expect(second.status).toBe(403);
      } finally {
        await c.close();
      }
    } finally {
      await b.close();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** A raw POST (fetch cannot send a body that is not what its content-type says). */
function post(base: string, path: string, body: string, type = 'application/json', declareLength = true): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': type };
    if (declareLength) headers['content-length'] = Buffer.byteLength(body);
    const req = request(`${base}${path}`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    // Without a declared length Node sends it chunked, a piece per write.
    if (!declareLength) for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
    req.end(declareLength ? body : undefined);
  });
}
