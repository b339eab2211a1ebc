// The server command's log: JSON lines (level, time, msg) on its error output, one per request
// with method, path, status and ms, and the start and stop; --log-level picks the detail. No
// password, token, setup code or article text reaches it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { runServerCommand, type ServerIo } from '../cli/runServerCommand';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { openCollab } from '../testing/collabClient';
import { ADMIN } from '../testing/testServer';
import { until } from '../testing/until';
import { createLogger, logLines, scrub } from './logger';

let store: TestStore;
beforeAll(async () => {
  store = await pgliteStore();
});
afterAll(() => store.dispose());

function io(signal?: AbortSignal, env: NodeJS.ProcessEnv = {}): ServerIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), env, cwd: store.dataDir, home: store.dataDir, language: 'en', signal };
}

async function post<T>(url: string, body: unknown, token?: string): Promise<{ status: number; value: T }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, value: ((await res.json()) as { value: T }).value };
}

interface Line {
  level: string;
  time: string;
  msg: string;
  [field: string]: unknown;
}

describe('the server command logs JSON lines', () => {
  it('logs requests, start and stop as JSON with no secrets in them', async () => {
    const stop = new AbortController();
    const out = io(stop.signal);
    const PASSWORD = 'correct horse battery';
    const running = runServerCommand(['--data', store.dataDir, '--port', '0', '--log-level', 'debug'], out);
    const listening = () => out.lines.find((l) => l.startsWith('listening on ')) ?? '';
    await expect.poll(listening, { timeout: 30_000 }).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = listening().slice('listening on '.length);
    const code = /\n {2}([0-9A-F]{4}(?:-[0-9A-F]{4}){4})\n/.exec(out.lines.join('\n') + '\n')![1];
    const token = (await post<{ token: string }>(`${url}/api/setup`, { code, login: 'admin', password: PASSWORD, person: ADMIN })).value.token;
    expect((await post(`${url}/api/login`, { login: 'admin', password: 'wrong password' })).status).toBe(401);
    const story = (await post<Article>(`${url}/api/call/createArticle`, {}, token)).value;
    const client = openCollab(url, story.id, token);
    await until(() => client.provider.isSynced);
    client.type('로그에 나오면 안 되는 본문');
    await until(() => client.provider.unsyncedChanges === 0);
    client.destroy();
    // A live connection refused (a made-up token): a warning, not an error.
    const refused = openCollab(url, story.id, 'x'.repeat(43));
    await until(() => refused.refused !== null);
    refused.destroy();
    await fetch(`${url}/readyz`);
    stop.abort();
    expect(await running).toBe(0);

    const lines = out.errors.map((l) => JSON.parse(l) as Line);
    for (const line of lines) {
      expect(line.level).toMatch(/^(fatal|error|warn|info|debug|trace)$/);
      expect(new Date(line.time).getTime()).toBeGreaterThan(0);
      expect(typeof line.msg).toBe('string');
    }
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.find((l) => l.path === '/api/setup')).toMatchObject({ level: 'info', method: 'POST', route: '/api/setup', status: 200 });
    expect(requests.find((l) => l.path === '/api/login')).toMatchObject({ method: 'POST', status: 401 });
    expect(requests.find((l) => l.path === '/api/call/createArticle')).toMatchObject({ method: 'POST', status: 200, ms: expect.any(Number) });
    // Polled endpoints are there at debug only.
    expect(requests.find((l) => l.path === '/readyz')).toMatchObject({ level: 'debug', status: 200 });
    expect(lines.find((l) => l.msg.startsWith('live connection to'))).toMatchObject({ level: 'warn' });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['listening', 'stopping', 'stopped']));
    const all = out.errors.join('\n');
    for (const secret of [PASSWORD, 'wrong password', token, code, '로그에', 'x'.repeat(43)]) expect(all).not.toContain(secret);
  }, 90_000);

  it('--log-level warn leaves the requests out; a bad level or a short metrics token is a usage error', async () => {
    const stop = new AbortController();
    const out = io(stop.signal, { COPYDESK_LOG_LEVEL: 'debug' });
    const running = runServerCommand(['--data', store.dataDir, '--port', '0', '--log-level', 'warn'], out);
    await expect.poll(() => out.lines.some((l) => l.startsWith('listening on ')), { timeout: 30_000 }).toBe(true);
    const url = out.lines.find((l) => l.startsWith('listening on '))!.slice('listening on '.length);
    await fetch(`${url}/healthz`);
    await post(`${url}/api/login`, { login: 'nobody', password: 'nothing at all' });
    stop.abort();
    expect(await running).toBe(0);
    expect(out.errors).toEqual([]);

    const bad = io();
    expect(await runServerCommand(['--data', store.dataDir, '--log-level', 'loud'], bad)).toBe(2);
    expect(bad.errors.join('\n')).toContain('--log-level must be one of fatal, error, warn, info, debug, trace, silent, not "loud"');
    const fromEnv = io(undefined, { COPYDESK_LOG_LEVEL: 'chatty' });
    expect(await runServerCommand(['--data', store.dataDir], fromEnv)).toBe(2);
    const short = io(undefined, { COPYDESK_METRICS_TOKEN: 'short' });
    expect(await runServerCommand(['--data', store.dataDir], short)).toBe(2);
    expect(short.errors.join('\n')).toContain('at least 16 characters');
  }, 90_000);

  it('scrubs passwords in URLs and tokens from a logged line, at the level given (an error unless said)', () => {
    const written: string[] = [];
    const log = logLines(createLogger('info', (l) => written.push(l)));
    log('database connection lost: postgres://desk:s3cret-pw@db.internal/news refused; Authorization: Bearer abcdefghijklmnopqrstu; {"password":"hunter22"} token=zzzzzzzzzzzzzzzz');
    log('ready again: database answers', 'info');
    log('a detail', 'debug');
    expect(written).toHaveLength(2);
    const [first, second] = written.map((l) => JSON.parse(l) as Line);
    expect(first.level).toBe('error');
    expect(first.msg).toContain('postgres://desk:***@db.internal/news');
    for (const secret of ['s3cret-pw', 'abcdefghijklmnopqrstu', 'hunter22', 'zzzzzzzzzzzzzzzz']) expect(first.msg).not.toContain(secret);
    expect(second).toMatchObject({ level: 'info', msg: 'ready again: database answers' });
    expect(scrub('no secrets here')).toBe('no secrets here');
  });

  it('redacts fields that could hold a secret', () => {
    const written: string[] = [];
    const logger = createLogger('info', (l) => written.push(l));
    logger.info({ password: 'p4ss', token: 't0ken', headers: { authorization: 'Bearer b' }, nested: { password: 'p5' }, path: '/api/login' }, 'request');
    const line = JSON.parse(written[0]) as Line;
    expect(line).toMatchObject({ password: '***', token: '***', nested: { password: '***' }, path: '/api/login' });
    expect(written[0]).not.toMatch(/p4ss|t0ken|Bearer b|p5/);
  });
});
