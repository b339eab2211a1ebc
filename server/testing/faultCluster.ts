// The fault tests' newsroom: `copydesk server` (the real command) twice, each in a child process on
// a port of its own kept across restarts, on one throwaway PostgreSQL and one Redis of the test's
// own, behind a round-robin proxy; stories made, and clients spread over both instances through
// the proxy. `typing` has every client type (ASCII and Korean, the Korean through composition-like
// updates) into a paragraph of its own, one edit at a time, noting the edits it saw acknowledged
// (so no two clients' edits interleave, and an edit's text is found whole or not at all).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../shared/live/bodyFragment';
import type { Article } from '../../shared/model/article';
import { openCollab, type CollabClient } from './collabClient';
import type { StoryEdits } from './everyEditKept';
import type { ThrowawayDatabase } from './realPostgres';
import { redisAndDatabase } from './redisAndDatabase';
import { roundRobinProxy, type RoundRobinProxy } from './roundRobinProxy';
import type { TestRedis } from './testRedis';
import { ADMIN } from './testServer';
import { until } from './until';
import { freePort } from './freePort';
import { postJson as post } from './postJson';

const ROOT = join(import.meta.dirname, '..', '..');
const EDITOR = { name: '데스크', role: 'editor', desk: '', email: '', bylineName: '데스크', bylineRole: '', active: true };

/** COPYDESK_FAULTS_LONG=1 (the bench): longer typing, more of it. */
export const FAULTS_LONG = process.env.COPYDESK_FAULTS_LONG === '1';
/** How long a fault test waits for its typists to reach a count of edits, and its own limit. */
export const FAULTS_WAIT_MS = FAULTS_LONG ? 900_000 : 120_000;
export const FAULTS_TEST_MS = FAULTS_LONG ? 3_600_000 : 300_000;

export interface Instance {
  port: number;
  url: string;
  dataDir: string;
  child: ChildProcess | null;
  /** Its stderr (pino's JSON lines), the last few hundred, for a failure's message. */
  log: string[];
}

export interface FaultCluster {
  db: ThrowawayDatabase;
  redis: TestRedis;
  proxy: RoundRobinProxy;
  instances: Instance[];
  tokens: { admin: string; desk: string };
  stories: string[];
  /** By story, its clients (opened through the proxy, in turn). */
  clients: Map<string, CollabClient[]>;
  all(): CollabClient[];
  /** SIGKILL; resolves once it exited. */
  kill(i: number): Promise<void>;
  /** SIGTERM (a graceful stop); resolves with its exit code and signal. */
  stop(i: number): Promise<[number | null, NodeJS.Signals | null]>;
  /** Started again on its port and folder. */
  start(i: number): Promise<void>;
  close(): Promise<void>;
}

/** `copydesk server` for `instance`; its stdout up to "listening on" (the setup code is in it on a first start). */
async function launch(instance: Instance, databaseUrl: string, redisUrl: string): Promise<string[]> {
  const args = ['--import', 'tsx', join(ROOT, 'cli/copydesk.ts'), 'server', '--data', instance.dataDir, '--port', String(instance.port), '--database', databaseUrl, '--redis', redisUrl];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
  instance.child = child;
  // Read to the end (a full pipe would stall the server), keeping the last lines.
  createInterface({ input: child.stderr! }).on('line', (l) => {
    instance.log.push(l);
    if (instance.log.length > 400) instance.log.splice(0, 100);
  });
  const out: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    out.push(line);
    if (line.startsWith('listening on ')) break;
  }
  // The rest of stdout is drained too.
  child.stdout!.resume();
  if (!out.some((l) => l.startsWith('listening on '))) throw new Error(`copydesk server did not start on ${instance.port}:\n${instance.log.slice(-20).join('\n')}`);
  return out;
}

/**
 * `stories` stories with `perStory` clients each (alternately the admin and the editor), opened
 * through the proxy one after another so its round robin spreads them over both instances.
 * Resolves once every client synced; null (with the reason printed) where Redis or PostgreSQL is
 * missing outside CI.
 */
export async function startFaultCluster(shape: { stories: number; perStory: number }): Promise<FaultCluster | { skip: string }> {
  const stores = await redisAndDatabase();
  if ('skip' in stores) return stores;
  const { redis, db } = stores;
  const instances: Instance[] = [];
  for (let i = 0; i < 2; i++) instances.push({ port: await freePort(), url: '', dataDir: await mkdtemp(join(tmpdir(), `copydesk-fault-${i}-`)), child: null, log: [] });
  for (const instance of instances) instance.url = `http://127.0.0.1:${instance.port}`;
  let proxy: RoundRobinProxy | null = null;
  const clients = new Map<string, CollabClient[]>();
  const all = () => [...clients.values()].flat();
  const close = async () => {
    for (const c of all()) c.destroy();
    await proxy?.close();
    for (const instance of instances) {
      if (instance.child && instance.child.exitCode === null && instance.child.signalCode === null) {
        instance.child.kill('SIGKILL');
        await once(instance.child, 'exit');
      }
    }
    await redis.stop();
    await db.drop();
    for (const instance of instances) await rm(instance.dataDir, { recursive: true, force: true });
  };
  try {
    const first = (await launch(instances[0], db.url, redis.url)).join('\n');
    const code = /\n {2}([0-9A-F]{4}(?:-[0-9A-F]{4}){4})\n/.exec(first)?.[1];
    if (!code) throw new Error(`no setup code in:\n${first}`);
    const a = instances[0].url;
    const admin = (await post<{ token: string }>(`${a}/api/setup`, { code, login: 'admin', password: 'admin password', person: ADMIN })).token;
    await post(`${a}/api/people/add`, { login: 'desk', password: 'desk password 1', person: EDITOR }, admin);
    const desk = (await post<{ token: string }>(`${a}/api/login`, { login: 'desk', password: 'desk password 1' })).token;
    const stories: string[] = [];
    for (let s = 0; s < shape.stories; s++) stories.push((await post<Article>(`${a}/api/call/createArticle`, {}, admin)).id);
    await launch(instances[1], db.url, redis.url);
    proxy = await roundRobinProxy(instances.map((i) => i.url));
    for (const id of stories) {
      const mine: CollabClient[] = [];
      clients.set(id, mine);
      for (let k = 0; k < shape.perStory; k++) {
        const c = openCollab(proxy.url, id, k % 2 ? desk : admin);
        mine.push(c);
        // One at a time: the proxy's turn follows the order the sockets arrive in.
        await until(() => c.provider.isSynced, 30_000);
      }
    }
    const cluster: FaultCluster = {
      db,
      redis,
      proxy,
      instances,
      tokens: { admin, desk },
      stories,
      clients,
      all,
      async kill(i) {
        const child = instances[i].child!;
        child.kill('SIGKILL');
        if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
      },
      async stop(i) {
        const child = instances[i].child!;
        const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
        child.kill('SIGTERM');
        return exited;
      },
      async start(i) {
        await launch(instances[i], db.url, redis.url);
      },
      close,
    };
    return cluster;
  } catch (err) {
    await close();
    throw err;
  }
}

export interface Typing {
  /** By story, the edits a client saw acknowledged. */
  acked: Map<string, string[]>;
  count(): number;
  /** Edits typed and not (yet) seen acknowledged when typing stopped. */
  pending(): number;
  /** Ends every typist's loop (its last edit waited for a little, not required). */
  stop(): Promise<void>;
  /** The stories as `everyEditKept` takes them. */
  stories(): StoryEdits[];
}

const KOREAN = ['한', '국', '어', '기', '사', '속', '보', '편', '집', '부'];
/** Composition-like steps to a syllable (what an IME shows on the way): 한 is ㅎ → 하 → 한. */
function composing(syllable: string): string[] {
  const code = syllable.charCodeAt(0) - 0xac00;
  const lead = Math.floor(code / 588);
  const vowel = Math.floor((code % 588) / 28);
  const tail = code % 28;
  const leads = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
  const steps = [leads[lead], String.fromCharCode(0xac00 + lead * 588 + vowel * 28)];
  if (tail) steps.push(syllable);
  return steps;
}

/**
 * Every client of `cluster` types until `stop`: edits like `[t1s2c3e14]` or `[t1s2c3e15 한국]` (session, story, client, edit), each
 * after the last was acknowledged (or `paceMs` after it was typed, when its instance is away),
 * `paceMs` apart, into a paragraph of the client's own.
 */
let sessions = 0;

export function startTyping(cluster: FaultCluster, paceMs: number): Typing {
  // Each session's edits are its own (a second test in the same stories must not find the first's).
  const session = ++sessions;
  const acked = new Map<string, string[]>(cluster.stories.map((id) => [id, []]));
  let stopped = false;
  let pending = 0;
  const typist = async (c: CollabClient, story: number, who: number) => {
    const fragment = c.doc.getXmlFragment(BODY_FRAGMENT);
    const run = new Y.XmlText();
    c.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      fragment.insert(fragment.length, [paragraph]);
      paragraph.insert(0, [run]);
    });
    const waiting: string[] = [];
    for (let n = 1; !stopped; n++) {
      const korean = n % 3 === 0;
      const name = `t${session}s${story}c${who}e${n}`;
      const edit = korean ? `[${name} ${KOREAN[n % 10]}${KOREAN[(n + who) % 10]}]` : `[${name}]`;
      if (korean) {
        // The ASCII part at once, then each syllable through its composition steps.
        const head = edit.slice(0, edit.indexOf(' ') + 1);
        c.doc.transact(() => run.insert(run.length, head));
        for (const syllable of edit.slice(head.length, -1)) {
          let shown = '';
          for (const step of composing(syllable)) {
            c.doc.transact(() => {
              if (shown) run.delete(run.length - shown.length, shown.length);
              run.insert(run.length, step);
            });
            shown = step;
          }
        }
        c.doc.transact(() => run.insert(run.length, ']'));
      } else {
        c.doc.transact(() => run.insert(run.length, edit));
      }
      waiting.push(edit);
      const typedAt = Date.now();
      // Acknowledged when the provider holds nothing unsynced: every edit typed so far is.
      await until(() => stopped || c.provider.unsyncedChanges === 0 || Date.now() - typedAt > paceMs * 4, 60_000).catch(() => undefined);
      if (c.provider.unsyncedChanges === 0) acked.get(cluster.stories[story])!.push(...waiting.splice(0));
      await new Promise((r) => setTimeout(r, paceMs / 2 + Math.random() * paceMs));
    }
    // A last look: what was acknowledged meanwhile counts.
    await until(() => c.provider.unsyncedChanges === 0, 5_000).catch(() => undefined);
    if (c.provider.unsyncedChanges === 0) acked.get(cluster.stories[story])!.push(...waiting.splice(0));
    pending += waiting.length;
  };
  const running = cluster.stories.flatMap((id, s) => cluster.clients.get(id)!.map((c, who) => typist(c, s, who)));
  const count = () => [...acked.values()].reduce((n, a) => n + a.length, 0);
  return {
    acked,
    count,
    pending: () => pending,
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
    stories: () => cluster.stories.map((id) => ({ id, clients: cluster.clients.get(id)!, acked: acked.get(id)! })),
  };
}
