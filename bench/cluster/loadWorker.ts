// A child process of the cluster bench holding some of the load run's headless clients (whole
// stories, so each edit's propagation is timed on one clock), driven by its parent over IPC
// (see crowd.ts for the messages). Run as `node --import tsx loadWorker.ts`.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { openCollab, type CollabClient } from '../../server/testing/collabClient';
import { readBody } from '../../shared/live/bodyFragment';
import { EditClock } from '../collab/editClock';
import { seededRandom } from '../koreanText';
import { seedStory, Typist } from './typist';
import type { ToWorker, WorkerResult, FromWorker } from './crowd';

const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const send = (m: FromWorker) => process.send!(m);

async function until(fn: () => boolean, ms: number, every = 20): Promise<boolean> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) return false;
    await sleep(every);
  }
  return true;
}

interface Story {
  id: string;
  typists: Typist[];
}

interface Watched {
  closes: number[];
  synced: number[];
}

let stories: Story[] = [];
let clock = new EditClock();
const watched = new Map<CollabClient, Watched>();
const lag = monitorEventLoopDelay({ resolution: 10 });
let typing: Promise<void>[] = [];
let stopping = false;
let since = { wall: 0, cpu: process.cpuUsage(), edits: 0 };
let closesAtMark = new Map<CollabClient, number>();
let markedAt = 0;
let killedAt = 0;
let refused = 0;
let perStorySize = 0;

function open(url: string, id: string, token: string): CollabClient {
  const client = openCollab(url, id, token);
  const w: Watched = { closes: [], synced: [] };
  watched.set(client, w);
  client.provider.on('close', () => w.closes.push(wall()));
  client.provider.on('synced', () => w.synced.push(wall()));
  client.provider.on('authenticationFailed', () => (refused += 1));
  return client;
}

async function start(m: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  perStorySize = m.size;
  const rand = seededRandom(m.seed);
  stories = await Promise.all(
    m.stories.map(async (id, s) => {
      // The first client lays out one paragraph per client and has it stored before the others come.
      const first = open(m.url, id, m.tokens[0]);
      if (!(await until(() => first.provider.isSynced, 60_000))) throw new Error(`story ${id}: the first client did not sync in 60 s`);
      seedStory(first, m.perStory, m.size);
      if (!(await until(() => first.provider.unsyncedChanges === 0, 60_000))) throw new Error(`story ${id}: the seed was not acknowledged in 60 s`);
      const clients = [first, ...Array.from({ length: m.perStory - 1 }, (_, k) => open(m.url, id, m.tokens[(k + 1 + s) % m.tokens.length]))];
      return { id, typists: clients.map((c, k) => new Typist(c, k, m.size, seededRandom(Math.floor(rand() * 2 ** 31)))) };
    }),
  );
  const all = stories.flatMap((s) => s.typists.map((t) => t.client));
  if (!(await until(() => all.every((c) => c.provider.isSynced), 120_000, 50))) throw new Error(`${all.filter((c) => !c.provider.isSynced).length} clients did not sync in 120 s`);
}

function startTyping(): void {
  stopping = false;
  clock = new EditClock();
  for (const s of stories) for (const t of s.typists) clock.watch(t.client);
  lag.reset();
  lag.enable();
  since = { wall: wall(), cpu: process.cpuUsage(), edits: stories.reduce((n, s) => n + s.typists.reduce((m, t) => m + t.edits, 0), 0) };
  closesAtMark = new Map();
  markedAt = 0;
  killedAt = 0;
  const rand = seededRandom(Math.floor(Math.random() * 2 ** 31));
  typing = stories.flatMap((s) =>
    s.typists.map(async (t) => {
      // Staggered, so the clients do not type in lockstep; a keystroke every 120–280 ms (about 5 a second).
      await sleep(rand() * 300);
      while (!stopping) {
        t.stroke(clock);
        await sleep(120 + rand() * 160);
      }
    }),
  );
}

async function stop(settleMs: number): Promise<WorkerResult> {
  stopping = true;
  await Promise.all(typing);
  lag.disable();
  const seconds = (wall() - since.wall) / 1000;
  const cpu = process.cpuUsage(since.cpu);
  const all = stories.flatMap((s) => s.typists.map((t) => t.client));
  const vector = (c: CollabClient) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64');
  const settled = await until(() => all.every((c) => c.provider.isSynced && c.provider.unsyncedChanges === 0) && stories.every((s) => new Set(s.typists.map((t) => vector(t.client))).size === 1), settleMs, 100);
  const reconnects: number[] = [];
  let unexpectedCloses = 0;
  for (const c of all) {
    const w = watched.get(c)!;
    // Closes while typing, other than the killed instance's, are errors.
    unexpectedCloses += w.closes.filter((t) => t >= since.wall && (!markedAt || t < markedAt)).length;
    const before = closesAtMark.get(c);
    if (before === undefined || !killedAt) continue;
    const cut = w.closes.slice(before);
    if (cut.length === 0) continue;
    const back = w.synced.find((t) => t > cut[0]);
    reconnects.push(back === undefined ? -1 : back - killedAt);
  }
  const edits = stories.reduce((n, s) => n + s.typists.reduce((m, t) => m + t.edits, 0), 0) - since.edits;
  return {
    settled,
    edits,
    seconds,
    propagation: Float64Array.from(clock.propagation),
    ack: Float64Array.from(clock.ack),
    expectedArrivals: edits * (stories[0]?.typists.length - 1),
    lagP99: lag.percentile(99) / 1e6,
    lagMax: lag.max / 1e6,
    cpuShare: (cpu.user + cpu.system) / 1e6 / seconds,
    unexpectedCloses,
    refused,
    reconnects,
    stories: stories.map((s) => {
      const bodies = s.typists.map((t) => JSON.stringify(readBody(t.client.doc)));
      return {
        id: s.id,
        body: bodies[0],
        differing: bodies.filter((b) => b !== bodies[0]).length,
        // Each typist's paragraph, in each replica of the story.
        lost: s.typists.reduce((n, t) => n + Math.max(...s.typists.map((r) => t.lostIn(r.client.doc))), 0),
        expected: s.typists.map((t) => t.expected),
        size: perStorySize,
      };
    }),
  };
}

process.on('message', (m: ToWorker) => {
  const reply = async () => {
    if (m.type === 'start') {
      await start(m);
      send({ type: 'ready' });
    } else if (m.type === 'type') startTyping();
    else if (m.type === 'stop') send({ type: 'stopped', result: await stop(m.settleMs) });
    else if (m.type === 'mark') {
      closesAtMark = new Map([...watched].map(([c, w]) => [c, w.closes.length]));
      markedAt = wall();
      send({ type: 'marked' });
    } else if (m.type === 'killed') killedAt = m.at;
    else if (m.type === 'exit') {
      for (const c of watched.keys()) c.destroy();
      process.exit(0);
    }
  };
  reply().catch((err: unknown) => send({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
});
process.on('disconnect', () => process.exit(0));
