// What every fault test does around its fault: a newsroom on two instances (one PostgreSQL, one
// Redis, both the test's own), clients typing edits that each wait for their acknowledgement, and
// the end check: every client's document is the same, equal to what PostgreSQL holds for the open
// epoch, and holds every edit a client saw acknowledged, exactly once.
import { expectEveryEditKept as expectKept } from './everyEditKept';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readBody } from '../../shared/live/bodyFragment';
import type { ServerOptions } from '../openServer';
import type { CollabClient } from './collabClient';
import type { TestStore } from './bothDatabases';
import { staffDeskOfThree, startTestServer, type TestServer } from './testServer';
import { until } from './until';
import { storedLiveDoc } from './storedLiveDoc';

export interface Newsroom {
  servers: TestServer[];
  tokens: Record<string, string>;
  ids: Record<string, string>;
  call<T>(server: TestServer, who: string, method: string, input?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** `count` instances on `databaseUrl` (and `redisUrl` when more than one), the desk of three made on the first. */
/** `options`: for every instance, or by its index (a test's hook in one of them). */
export async function startNewsroom(databaseUrl: string, redisUrl: string | undefined, count: number, options: Partial<ServerOptions> | ((i: number) => Partial<ServerOptions>) = {}): Promise<Newsroom> {
  const dirs: string[] = [];
  const servers: TestServer[] = [];
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const dir = await mkdtemp(join(tmpdir(), `copydesk-fault-${i}-`));
    dirs.push(dir);
    servers.push(await startTestServer({ dataDir: dir, url: databaseUrl } as TestStore, { ...(redisUrl ? { redis: redisUrl } : {}), ...(typeof options === 'function' ? options(i) : options) }));
    if (i === 0) await staffDeskOfThree(servers[0], tokens, ids);
  }
  return {
    servers,
    tokens,
    ids,
    async call<T>(server: TestServer, who: string, method: string, input: Record<string, unknown> = {}): Promise<T> {
      const answer = await server.call('POST', `/api/call/${method}`, input, tokens[who]);
      if (answer.status !== 200) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
      return answer.body.value as T;
    },
    async close() {
      await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Typists {
  /** Edits whose acknowledgement a client saw (the ack means stored: durableAck.ts). */
  acked: string[];
  /** Every edit typed, acknowledged or not. */
  typed: string[];
  /** Stops typing; resolves once every typist has stopped. */
  stop(): Promise<void>;
}

/**
 * Each client types an edit (`[<tag><n>]`), waits for its acknowledgement, and types the next,
 * until stopped; `pauseMs` between edits keeps the pace human and the test's load small. An edit
 * not acknowledged in `ackWaitMs` stays unsynced in the client (sent again on reconnect) and typing
 * goes on.
 */
export function startTypists(clients: readonly CollabClient[], tags: readonly string[], opts: { pauseMs?: number; ackWaitMs?: number } = {}): Typists {
  const acked: string[] = [];
  const typed: string[] = [];
  let stopped = false;
  const one = async (c: CollabClient, tag: string) => {
    for (let n = 1; !stopped; n++) {
      const edit = `[${tag}${n}]`;
      c.type(edit);
      typed.push(edit);
      try {
        await until(() => stopped || c.provider.unsyncedChanges === 0, opts.ackWaitMs ?? 30_000);
      } catch {
        /* not acknowledged yet: it is checked at the end with the rest */
      }
      if (c.provider.unsyncedChanges === 0) acked.push(edit);
      await new Promise((r) => setTimeout(r, opts.pauseMs ?? 30));
    }
  };
  const running = clients.map((c, i) => one(c, tags[i]));
  return {
    acked,
    typed,
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}

/** The open epoch's stored updates, applied to one document: what a fresh instance would load. */
export async function storedText(databaseUrl: string, articleId: string): Promise<string> {
  return JSON.stringify(readBody(await storedLiveDoc(databaseUrl, articleId)));
}

/** `until` with what was waited for in its failure (a fault test waits for many things). */
export async function waitFor(what: string, fn: () => boolean, ms: number): Promise<void> {
  try {
    await until(fn, ms);
  } catch {
    throw new Error(`not in ${ms / 1000} s: ${what}`);
  }
}

export const bodyText = (c: CollabClient): string => JSON.stringify(c.body());

/** Waits for every client to be synced with nothing unacknowledged and the same body. */
export async function converged(clients: readonly CollabClient[], ms = 45_000): Promise<void> {
  await until(() => clients.every((c) => c.provider.isSynced && c.provider.unsyncedChanges === 0 && bodyText(c) === bodyText(clients[0])), ms);
}

/**
 * The end check: every client's body is the same and equal to what PostgreSQL holds; every
 * acknowledged edit is in it once; every edit typed (acknowledged or not, clients having
 * converged with nothing unsynced) is in it too. Returns the stored text.
 */
export async function expectEveryEditKept(clients: readonly CollabClient[], databaseUrl: string, articleId: string, typists: Pick<Typists, 'acked' | 'typed'>): Promise<string> {
  await converged(clients);
  // The verdict every fault test shares (everyEditKept.ts); these tests also know every edit typed.
  await expectKept(databaseUrl, [{ id: articleId, clients: [...clients], acked: typists.acked }]);
  const stored = await storedText(databaseUrl, articleId);
  for (const edit of typists.typed) expect(stored.split(edit), `typed ${edit} stored once`).toHaveLength(2);
  return stored;
}
