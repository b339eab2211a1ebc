// Two newsroom server instances on one real PostgreSQL and one Redis (the tests' own), each with
// its own --data folder, as an nginx upstream would have them. The desk of three is made on the
// first before the second starts (a start while nobody exists issues a new setup code).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerOptions } from '../openServer';
import { redisAndDatabase } from './redisAndDatabase';
import type { TestRedis } from './testRedis';
import { staffDeskOfThree, startTestServer, type TestServer } from './testServer';
import type { TestStore } from './bothDatabases';

export interface TwoInstances {
  a: TestServer;
  b: TestServer;
  tokens: Record<string, string>;
  ids: Record<string, string>;
  /** The throwaway database both use (tests read what is stored). */
  databaseUrl: string;
  /** Their Redis (the fault tests kill and start it). */
  redis: TestRedis;
  close(): Promise<void>;
}

/** `onlyB`: options the second instance alone gets (a test's hook in its appends). */
export async function startTwoInstances(options: Partial<ServerOptions> = {}, onlyB: Partial<ServerOptions> = {}): Promise<TwoInstances | { skip: string }> {
  const stores = await redisAndDatabase();
  if ('skip' in stores) return stores;
  const { redis, db } = stores;
  const dirs = [await mkdtemp(join(tmpdir(), 'copydesk-a-')), await mkdtemp(join(tmpdir(), 'copydesk-b-'))];
  const store = (dataDir: string) => ({ dataDir, url: db.url }) as TestStore;
  const a = await startTestServer(store(dirs[0]), { redis: redis.url, ...options });
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  await staffDeskOfThree(a, tokens, ids);
  const b = await startTestServer(store(dirs[1]), { redis: redis.url, ...options, ...onlyB, collab: { ...options.collab, ...onlyB.collab } });
  return {
    a,
    b,
    tokens,
    ids,
    databaseUrl: db.url,
    redis,
    async close() {
      await Promise.all([a.close(), b.close()]);
      await redis.stop();
      await db.drop();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    },
  };
}
