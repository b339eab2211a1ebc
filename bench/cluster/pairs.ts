// Part 1 of the cluster bench: one-syllable edits from a client until another client of the same
// story has them, one at a time and 10 ms apart, with both clients on one instance (the baseline)
// and with the sender on instance A and the receiver on B (the edit crosses Redis), rounds taking
// turns so noise on the machine hits both. The clients live in the bench's process; the instances
// are child processes.
import { openCollab, type CollabClient } from '../../server/testing/collabClient';
import { EditClock } from '../collab/editClock';
import { percentile } from '../stats';
import { sized, type BenchOptions } from '../bench';
import type { Cluster } from './cluster';

const SYLLABLES = '폐배터리에서리튬을캐는도시광산재활용경쟁이불붙었다';

interface Pair {
  name: string;
  a: CollabClient;
  b: CollabClient;
  clock: EditClock;
  propagation: number[];
}

async function round(pair: Pair, edits: number): Promise<void> {
  const { a, b, clock } = pair;
  for (let i = 0; i < edits; i++) {
    const [arrived, acked] = [clock.propagation.length + 1, clock.ack.length + 1];
    clock.type(a, SYLLABLES[i % SYLLABLES.length]);
    await clock.until(() => clock.propagation.length >= arrived && clock.ack.length >= acked && b.provider.isSynced, 30_000);
    pair.propagation.push(clock.propagation[clock.propagation.length - 1]);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface PairsResult {
  lines: string[];
  ok: boolean;
  /** The one-instance pair's propagation p95, the baseline for the load run's. */
  baselineP95: number;
}

export async function pairs(opts: BenchOptions, cluster: Cluster): Promise<PairsResult> {
  const rounds = sized(opts, 10, 4);
  const edits = sized(opts, 50, 25);
  const [one, two] = [await cluster.createStory(), await cluster.createStory()];
  const [urlA, urlB] = cluster.instances.map((i) => i.url);
  const make = (name: string, story: string, urls: [string, string]): Pair => ({ name, a: openCollab(urls[0], story, cluster.tokens[0]), b: openCollab(urls[1], story, cluster.tokens[1]), clock: new EditClock(), propagation: [] });
  const single = make('1 instance  (A → A)', one, [urlA, urlA]);
  const cross = make('2 instances (A → B)', two, [urlA, urlB]);
  try {
    for (const pair of [single, cross]) {
      pair.clock.watch(pair.a);
      pair.clock.watch(pair.b);
      await pair.clock.until(() => pair.a.provider.isSynced && pair.b.provider.isSynced, 30_000);
      // A warm-up round each (JIT, the first appends and Redis messages), not counted.
      await round(pair, 10);
      pair.propagation.length = 0;
    }
    for (let r = 0; r < rounds; r++) for (const pair of r % 2 === 0 ? [single, cross] : [cross, single]) await round(pair, edits);
    const p = (pair: Pair, q: number) => percentile(pair.propagation, q);
    const n = rounds * edits;
    const same = [single, cross].every((pair) => JSON.stringify(pair.a.body()) === JSON.stringify(pair.b.body()));
    return {
      ok: same && single.propagation.length === n && cross.propagation.length === n,
      baselineP95: p(single, 95),
      lines: [
        `1. one-syllable edits, client → instance(s) → client, 10 ms apart (${n} each, ${rounds} rounds taking turns):`,
        ...[single, cross].map((pair) => `   ${pair.name}  propagation p50 ${p(pair, 50).toFixed(2)} ms, p95 ${p(pair, 95).toFixed(2)} ms`),
        `   ratio 2 instances / 1: p50 ${(p(cross, 50) / p(single, 50)).toFixed(2)}×, p95 ${(p(cross, 95) / p(single, 95)).toFixed(2)}×${same ? '' : '; THE PAIRS DIVERGED'}`,
      ],
    };
  } finally {
    for (const pair of [single, cross]) {
      pair.a.destroy();
      pair.b.destroy();
    }
  }
}
