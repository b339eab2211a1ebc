// Live stories (server/collab/): what the newsroom server's sign-in, access rules and durable
// acknowledgement (an edit is acknowledged once appended to PostgreSQL) cost against a bare
// Hocuspocus relay on loopback (no auth, nothing stored), measured in the same run. Clients and
// both servers share this process (the server's appends run on the clients' event loop too):
//   1. one-syllable edits from provider A until provider B's document has them, one at a time
//      (back to back, and 10 ms apart), rounds interleaved so machine noise hits both; and until
//      A has them acknowledged;
//   2. 50 clients typing at a human rate in 10 stories (5 each), then every client's document
//      must equal what the server stored and the article row: lost edits fail the bench;
//   3. keystroke latency in the app's editor on a 10,000-word Korean story while a remote client
//      types into it, against typing alone (collab/remoteTyping.ts).
import { EditClock } from './collab/editClock';
import { remoteTyping } from './collab/remoteTyping';
import { startBareRelay, startNewsroom, textLength, type BareRelay, type Newsroom } from './collab/relays';
import { seededRandom } from './koreanText';
import { percentile } from './stats';
import { benchCheck, sized, type Bench, type BenchOptions } from './bench';
import type { CollabClient } from '../server/testing/collabClient';
import { readBody } from '../shared/live/bodyFragment';
import { until } from '../server/testing/until';

const SYLLABLES = '폐배터리에서리튬을캐는도시광산재활용경쟁이불붙었다';
const ms = (x: number) => `${x.toFixed(2)} ms`;
const p = (s: number[], q: number) => percentile(s, q);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/**
 * Waits until each story's article row holds its live body (the server's store debounce, about 2 s
 * after the last edit, has run): that work then lands in no one else's turn. False after 15 s.
 */
async function rowsCaughtUp(newsroom: Newsroom, stories: readonly (readonly [string, CollabClient])[]): Promise<boolean> {
  const started = Date.now();
  for (const [id, client] of stories) {
    const text = JSON.stringify(client.body());
    while (JSON.stringify(await newsroom.rowBody(id)) !== text) {
      if (Date.now() - started > 15_000) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return true;
}

async function synced(clients: CollabClient[], clock: EditClock): Promise<void> {
  await clock.until(() => clients.every((c) => c.provider.isSynced), 30_000);
}

/**
 * Part 1: `edits` edits from A to B, one at a time, each once the last has arrived and been
 * acknowledged: back to back (`pause` 0: the CPU each edit costs), or `pause` ms apart as between
 * keystrokes (each edit from a rested process: on a shared machine a process busy without a break
 * has the scheduler take its turns out of its edits).
 */
async function pairRound(a: CollabClient, b: CollabClient, clock: EditClock, edits: number, pause: number): Promise<void> {
  for (let i = 0; i < edits; i++) {
    const [arrived, acked] = [clock.propagation.length + 1, clock.ack.length + 1];
    clock.type(a, SYLLABLES[i % SYLLABLES.length]);
    await clock.until(() => clock.propagation.length >= arrived && clock.ack.length >= acked && b.provider.isSynced);
    if (pause) await new Promise((r) => setTimeout(r, pause));
  }
}

const PACES = [
  { name: 'back to back', pause: 0 },
  { name: '10 ms apart', pause: 10 },
] as const;

async function pairs(opts: BenchOptions, newsroom: Newsroom, bare: BareRelay): Promise<{ lines: string[]; ok: boolean }> {
  const rounds = sized(opts, 10, 2);
  const edits = sized(opts, 50, 30);
  const story = await newsroom.createStory('r0');
  const ours = { clock: new EditClock(), a: newsroom.connect(story, 'r0'), b: newsroom.connect(story, 'park') };
  const base = { clock: new EditClock(), a: bare.connect('pair'), b: bare.connect('pair') };
  for (const side of [ours, base]) {
    side.clock.watch(side.a);
    side.clock.watch(side.b);
    await synced([side.a, side.b], side.clock);
  }
  // A warm-up round each (JIT, first appends), not counted.
  for (const side of [base, ours]) {
    await pairRound(side.a, side.b, side.clock, 10, 0);
    side.clock.reset();
  }
  await rowsCaughtUp(newsroom, [[story, ours.a]]);
  // The samples of each side at each pace.
  const got = new Map<string, { propagation: number[]; ack: number[] }>();
  const bucket = (side: typeof ours, pace: string) => {
    const key = `${side === ours ? 'ours' : 'bare'} ${pace}`;
    if (!got.has(key)) got.set(key, { propagation: [], ack: [] });
    return got.get(key)!;
  };
  for (let r = 0; r < rounds; r++) {
    for (const side of r % 2 === 0 ? [ours, base] : [base, ours]) {
      for (const pace of PACES) {
        const [from, fromAck] = [side.clock.propagation.length, side.clock.ack.length];
        await pairRound(side.a, side.b, side.clock, edits, pace.pause);
        bucket(side, pace.name).propagation.push(...side.clock.propagation.slice(from));
        bucket(side, pace.name).ack.push(...side.clock.ack.slice(fromAck));
      }
      // The server's store debounce runs after our turn, not in the bare relay's.
      if (side === ours) await rowsCaughtUp(newsroom, [[story, ours.a]]);
    }
  }
  const n = rounds * edits;
  const ok = [...got.values()].every((g) => g.propagation.length === n && g.ack.length === n) && [ours, base].every((s) => JSON.stringify(s.a.body()) === JSON.stringify(s.b.body()));
  const lines = [`1. one-syllable edit, provider A → server → provider B (${n} edits each way of typing, ${rounds} rounds taking turns):`];
  for (const pace of PACES) {
    const [o, b] = [bucket(ours, pace.name), bucket(base, pace.name)];
    lines.push(
      `   ${pace.name}:`,
      `     bare Hocuspocus relay   propagation p50 ${ms(p(b.propagation, 50))}, p95 ${ms(p(b.propagation, 95))}; ack p50 ${ms(p(b.ack, 50))}, p95 ${ms(p(b.ack, 95))} (in memory)`,
      `     newsroom server         propagation p50 ${ms(p(o.propagation, 50))}, p95 ${ms(p(o.propagation, 95))}; ack p50 ${ms(p(o.ack, 50))}, p95 ${ms(p(o.ack, 95))} (= stored)`,
      `     ratio ours/bare: propagation p50 ${ratio(p(o.propagation, 50), p(b.propagation, 50))}, p95 ${ratio(p(o.propagation, 95), p(b.propagation, 95))} (target ≤ 1.5×); ack p50 ${ratio(p(o.ack, 50), p(b.ack, 50))}, p95 ${ratio(p(o.ack, 95), p(b.ack, 95))}`,
    );
  }
  return { ok, lines };
}

interface Crowd {
  stories: CollabClient[][];
  clock: EditClock;
  typed: number[];
}

async function crowdOf(stories: CollabClient[][]): Promise<Crowd> {
  const clock = new EditClock();
  for (const c of stories.flat()) clock.watch(c);
  await synced(stories.flat(), clock);
  return { stories, clock, typed: stories.map(() => 0) };
}

/** Part 2: every client types a syllable every 120–280 ms (about 5 a second) for `seconds`, then all is delivered and acknowledged. */
async function typeFor(crowd: Crowd, seconds: number, seed: number): Promise<void> {
  const { stories, clock, typed } = crowd;
  const rand = seededRandom(seed);
  const end = performance.now() + seconds * 1000;
  const arrivals = clock.propagation.length;
  let edits = 0;
  await Promise.all(
    stories.flatMap((clients, s) =>
      clients.map(async (client, k) => {
        // Staggered starts, so the clients do not type in lockstep.
        await new Promise((r) => setTimeout(r, rand() * 200));
        for (let i = k; performance.now() < end; i++) {
          clock.type(client, SYLLABLES[i % SYLLABLES.length]);
          typed[s] += 1;
          edits += 1;
          await new Promise((r) => setTimeout(r, 120 + rand() * 160));
        }
      }),
    ),
  );
  const all = stories.flat();
  // Every edit reached its story's other clients and is acknowledged (else the checks below say so).
  await clock.until(() => all.every((c) => c.provider.unsyncedChanges === 0) && clock.propagation.length >= arrivals + edits * (stories[0].length - 1), 60_000).catch(() => undefined);
}

async function crowds(opts: BenchOptions, newsroom: Newsroom, bare: BareRelay): Promise<{ lines: string[]; ok: boolean }> {
  const storyCount = 10;
  const perStory = 5;
  const seconds = sized(opts, 20, 3);
  const ids = await Promise.all(Array.from({ length: storyCount }, (_, s) => newsroom.createStory(`r${s}`)));
  // Each story: its reporter on three machines and the desk on two.
  const ourClients = ids.map((id, s) => Array.from({ length: perStory }, (_, k) => newsroom.connect(id, k % 2 === 0 ? `r${s}` : 'park')));
  const bareClients = ids.map((_, s) => Array.from({ length: perStory }, () => bare.connect(`crowd-${s}`)));
  await Promise.all(ourClients.flat().map((c) => until(() => c.provider.isSynced, 30_000)));
  const before = ourClients.map((cs) => textLength(cs[0].body()));
  const [base, ours] = [await crowdOf(bareClients), await crowdOf(ourClients)];
  // A warm-up second each, not counted; then slices of the run taking turns (which goes first
  // alternates), so noise on the machine hits both. The same seed gives both the same rhythm.
  for (const crowd of [base, ours]) await typeFor(crowd, 1, 1);
  await rowsCaughtUp(newsroom, ids.map((id, s) => [id, ourClients[s][0]] as const));
  const warm = [base, ours].map((c) => [...c.typed]);
  for (const crowd of [base, ours]) crowd.clock.reset();
  const slices = sized(opts, 4, 2);
  for (let i = 0; i < slices; i++) {
    for (const crowd of i % 2 === 0 ? [base, ours] : [ours, base]) {
      await typeFor(crowd, seconds / slices, 100 + i);
      if (crowd === ours) await rowsCaughtUp(newsroom, ids.map((id, s) => [id, ourClients[s][0]] as const));
    }
  }

  // What was typed is what is stored, in every client, in the update log and (after the store debounce) in the row.
  let lost = 0;
  let differing = 0;
  let rowsBehind = 0;
  for (const [s, id] of ids.entries()) {
    const stored = await newsroom.storedBody(id);
    const text = JSON.stringify(stored);
    lost += Math.max(0, before[s] + ours.typed[s] - textLength(stored));
    differing += ourClients[s].filter((c) => JSON.stringify(c.body()) !== text).length;
    if (!(await rowsCaughtUp(newsroom, [[id, ourClients[s][0]]]))) rowsBehind += 1;
  }
  const bareDiffering = bareClients.filter((cs) => new Set(cs.map((c) => JSON.stringify(readBody(c.doc)))).size !== 1).length;
  const edits = (c: Crowd) => c.typed.reduce((a, b) => a + b, 0) - warm[c === base ? 0 : 1].reduce((a, b) => a + b, 0);
  const [op, bp, oa, ba] = [ours.clock.propagation, base.clock.propagation, ours.clock.ack, base.clock.ack];
  const lines = [
    `2. ${storyCount * perStory} clients typing about 5 syllables/s each in ${storyCount} stories (${perStory} each), ${seconds} s each in ${slices} slices taking turns:`,
    `   bare Hocuspocus relay   ${edits(base)} edits; propagation p50 ${ms(p(bp, 50))}, p95 ${ms(p(bp, 95))}; ack p95 ${ms(p(ba, 95))}`,
    `   newsroom server         ${edits(ours)} edits; propagation p50 ${ms(p(op, 50))}, p95 ${ms(p(op, 95))}; acknowledged-stored p95 ${ms(p(oa, 95))}`,
    `   ratio ours/bare: propagation p50 ${ratio(p(op, 50), p(bp, 50))}, p95 ${ratio(p(op, 95), p(bp, 95))}; ack p95 ${ratio(p(oa, 95), p(ba, 95))}`,
    `   lost edits ${lost}; clients whose document differs from the stored one ${differing}; article rows not matching after the store debounce ${rowsBehind}; bare stories not converged ${bareDiffering}`,
  ];
  const ok = lost === 0 && differing === 0 && rowsBehind === 0 && bareDiffering === 0 && op.length === edits(ours) * (perStory - 1) && oa.length === edits(ours) && ba.length === edits(base);
  return { lines, ok };
}

export const collabBench: Bench = {
  name: 'collab (live stories)',
  async run(opts) {
    const newsroom = await startNewsroom(10);
    const bare = await startBareRelay();
    const lines = [`database: ${newsroom.database}`];
    try {
      const one = await pairs(opts, newsroom, bare);
      lines.push(...one.lines);
      benchCheck(one.ok, lines);
      const two = await crowds(opts, newsroom, bare);
      lines.push(...two.lines);
      benchCheck(two.ok, lines);
      const three = await remoteTyping(opts, newsroom);
      lines.push(...three.lines);
      benchCheck(three.ok, lines);
    } finally {
      await bare.close();
      await newsroom.close();
    }
    return lines;
  },
};
