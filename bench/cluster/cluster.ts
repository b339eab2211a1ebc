// The cluster the bench measures: a redis-server and a throwaway PostgreSQL database of its own,
// and two newsroom server instances as child processes (serverChild.ts) so that one can be killed
// with SIGKILL and each one's RSS and CPU read from /proc. A newsroom with an admin and an editor,
// made through the first instance before the second starts (as server/testing/twoInstances.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type * as Y from 'yjs';
import type { Article } from '../../shared/model/article';
import { throwawayDatabase, type ThrowawayDatabase } from '../../server/testing/realPostgres';
import { startTestRedis, type TestRedis } from '../../server/testing/testRedis';
import { ADMIN } from '../../server/testing/testServer';
import { postJson as post } from '../../server/testing/postJson';
import { storedLiveDoc } from '../../server/testing/storedLiveDoc';

const ROOT = join(import.meta.dirname, '..', '..');
const EDITOR = { name: '데스크', role: 'editor', desk: '', email: '', bylineName: '데스크', bylineRole: '', active: true };

export interface Instance {
  url: string;
  child: ChildProcess;
  /** The last lines it wrote on stderr (a crash's reason). */
  stderr: string[];
}

export interface Cluster {
  instances: Instance[];
  /** An admin's and an editor's session tokens. */
  tokens: string[];
  databaseUrl: string;
  createStory(): Promise<string>;
  /** What PostgreSQL holds of a story's live document (its open epoch's updates). */
  storedDoc(storyId: string): Promise<Y.Doc>;
  /** `copydesk_errors_total` from an instance's /metrics. */
  errorsLogged(i: number): Promise<number>;
  /** The bucket bound under which 95% of a histogram's observations (with this label) fall, in ms, from an instance's /metrics. */
  histogramP95(i: number, name: string, label: string): Promise<number>;
  /** One unlabelled gauge from an instance's /metrics (NaN when absent). */
  gauge(i: number, name: string): Promise<number>;
  close(): Promise<void>;
}

async function startInstance(dataDir: string, databaseUrl: string, redisUrl: string): Promise<Instance & { setupCode: string | null }> {
  const options = { databaseUrl, redis: redisUrl };
  // COPYDESK_BENCH_PROFILE=DIR: each instance writes a CPU profile there when the cluster closes (open it in Chrome's DevTools).
  const profile = process.env.COPYDESK_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.COPYDESK_BENCH_PROFILE}`] : [];
  // COPYDESK_BENCH_HEAP=DIR: each instance writes a heap snapshot there on SIGUSR2 (the load run sends it, see heapSnapshots).
  const heap = process.env.COPYDESK_BENCH_HEAP ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${process.env.COPYDESK_BENCH_HEAP}`] : [];
  const child = spawn(process.execPath, [...profile, ...heap, '--import', 'tsx', join(ROOT, 'server/testing/serverChild.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, COPYDESK_CHILD_OPTIONS: JSON.stringify(options) } });
  const stderr: string[] = [];
  // Drained, so a chatty instance never blocks on a full pipe.
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > 20) stderr.shift();
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([once(lines, 'line') as Promise<[string]>, once(child, 'exit').then(() => null)]);
  if (!first) throw new Error(`a server instance did not start: ${stderr.join('\n')}`);
  lines.on('line', () => undefined);
  return { child, stderr, ...(JSON.parse(first[0]) as { url: string; setupCode: string | null }) };
}

/** Redis, a database, two instances: or an error saying which is missing (the bench then fails). */
/** Redis or a real PostgreSQL is not there: the bench cannot run at all on this machine. */
export class ClusterUnavailable extends Error {}

export async function startCluster(): Promise<Cluster> {
  const redis = await startTestRedis();
  if ('skip' in redis) throw new ClusterUnavailable(`the cluster bench needs redis-server: ${redis.skip}`);
  let db: ThrowawayDatabase | { skip: string } | null = null;
  const dirs: string[] = [];
  const instances: Instance[] = [];
  const close = async () => {
    // A profiled instance exits by itself on SIGTERM (the profile is written on exit); 10 s at most.
    if (process.env.COPYDESK_BENCH_PROFILE) {
      for (const i of instances) i.child.kill('SIGTERM');
      await Promise.all(instances.map((i) => (i.child.exitCode === null && i.child.signalCode === null ? Promise.race([once(i.child, 'exit'), new Promise((r) => setTimeout(r, 10_000))]) : null)));
    }
    for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => (i.child.exitCode === null && i.child.signalCode === null ? once(i.child, 'exit') : null)));
    await (redis as TestRedis).stop();
    if (db && !('skip' in db)) await db.drop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  };
  try {
    db = await throwawayDatabase();
    if ('skip' in db) throw new ClusterUnavailable(`the cluster bench needs a real PostgreSQL (several instances share one): ${db.skip}`);
    const databaseUrl = db.url;
    for (let i = 0; i < 2; i++) dirs.push(await mkdtemp(join(tmpdir(), `copydesk-bench-instance-${i}-`)));
    const a = await startInstance(dirs[0], databaseUrl, redis.url);
    instances.push(a);
    const admin = (await post<{ token: string }>(`${a.url}/api/setup`, { code: a.setupCode, login: 'admin', password: 'admin password', person: ADMIN })).token;
    await post(`${a.url}/api/people/add`, { login: 'desk', password: 'desk password 1', person: EDITOR }, admin);
    const desk = (await post<{ token: string }>(`${a.url}/api/login`, { login: 'desk', password: 'desk password 1' })).token;
    instances.push(await startInstance(dirs[1], databaseUrl, redis.url));
    return {
      instances,
      tokens: [admin, desk],
      databaseUrl,
      createStory: async () => (await post<Article>(`${a.url}/api/call/createArticle`, {}, admin)).id,
      storedDoc: (storyId) => storedLiveDoc(databaseUrl, storyId),
      async errorsLogged(i) {
        const text = await (await fetch(`${instances[i].url}/metrics`)).text();
        const line = text.split('\n').find((l) => l.startsWith('copydesk_errors_total'));
        return line ? Number(line.split(' ').at(-1)) : NaN;
      },
      async gauge(i, name) {
        const text = await (await fetch(`${instances[i].url}/metrics`)).text();
        const line = text.split('\n').find((l) => l.startsWith(`${name} `));
        return line ? Number(line.split(' ').at(-1)) : NaN;
      },
      async histogramP95(i, name, label) {
        const text = await (await fetch(`${instances[i].url}/metrics`)).text();
        // Cumulative buckets: `NAME_bucket{le="0.005",LABEL} COUNT`, in order, +Inf last.
        const buckets = text
          .split('\n')
          .filter((l) => l.startsWith(`${name}_bucket{`) && l.includes(label))
          .map((l) => ({ le: Number(/le="([^"]+)"/.exec(l)?.[1] ?? NaN), count: Number(l.split(' ').at(-1)) }));
        const total = buckets.at(-1)?.count ?? 0;
        // Past the largest finite bucket: +Inf (Number('+Inf') is NaN).
        const le = buckets.find((b) => b.count >= 0.95 * total)?.le ?? NaN;
        return Number.isNaN(le) && total > 0 ? Infinity : le * 1000;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** A process's resident memory in bytes and its CPU time in seconds, from /proc (Linux). */
export async function processUsage(pid: number): Promise<{ rss: number; cpu: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
  // utime and stime are fields 14 and 15, after the command's name in parentheses.
  const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) / 100;
  return { rss, cpu };
}
