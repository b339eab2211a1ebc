// --redis as given: refused without a real PostgreSQL (from the command, in both languages, and
// from openServer), and a Redis that does not answer stops the start with a clear error, the
// --data folder left free.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServerCommand, type ServerIo } from '../cli/runServerCommand';
import { openServer, REDIS_NEEDS_POSTGRES } from '../openServer';
import { throwawayDatabase } from '../testing/realPostgres';
import { startTestRedis } from '../testing/testRedis';
import { until } from '../testing/until';

function cliIo(language: 'en' | 'ko', env: Record<string, string> = {}, signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ServerIo = { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: '/', home: '/nonexistent', language, signal };
  return { io, out, err };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the --redis option', () => {
  it('is refused without --database, from the flag or REDIS_URL, in English and Korean', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-redis-option-'));
    try {
      const en = cliIo('en');
      expect(await runServerCommand(['--data', dir, '--redis', 'redis://127.0.0.1:6379'], en.io)).toBe(2);
      expect(en.err.join('\n')).toContain('--redis (several instances) needs --database');
      const ko = cliIo('ko', { REDIS_URL: 'redis://127.0.0.1:6379' });
      expect(await runServerCommand(['--data', dir], ko.io)).toBe(2);
      expect(ko.err.join('\n')).toContain('--redis(여러 인스턴스)에는 --database가 필요합니다');
      await expect(openServer({ dataDir: dir, redis: 'redis://127.0.0.1:6379' })).rejects.toThrow(REDIS_NEEDS_POSTGRES);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops the start when Redis does not answer, and leaves the data folder free', async () => {
    const db = await throwawayDatabase();
    if ('skip' in db) return console.warn(`not run: ${db.skip}`);
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-redis-option-'));
    try {
      const port = await closedPort();
      await expect(openServer({ dataDir: dir, databaseUrl: db.url, redis: `redis://127.0.0.1:${port}` })).rejects.toThrow(`Redis at redis://127.0.0.1:${port} does not answer`);
      const alone = await openServer({ dataDir: dir, databaseUrl: db.url });
      expect(alone.instanceId).toBeNull();
      await alone.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.drop();
    }
  }, 30_000);

  it('starts as one of several instances from REDIS_URL and says so', async () => {
    const redis = await startTestRedis();
    if ('skip' in redis) return console.warn(`not run: ${redis.skip}`);
    const db = await throwawayDatabase();
    if ('skip' in db) {
      await redis.stop();
      return console.warn(`not run: ${db.skip}`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-redis-option-'));
    const stop = new AbortController();
    try {
      const cli = cliIo('en', { REDIS_URL: redis.url, DATABASE_URL: db.url }, stop.signal);
      const running = runServerCommand(['--data', dir, '--port', '0'], cli.io);
      await until(() => cli.out.some((l) => l.startsWith('listening on')), 20_000);
      expect(cli.out.join('\n')).toMatch(new RegExp(`one of several instances: copydesk-[0-9a-f-]{36}, through Redis at ${redis.url}`));
      stop.abort();
      expect(await running).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await db.drop();
      await redis.stop();
    }
  }, 30_000);
});
