// The load run's clients, spread over a few child processes (loadWorker.ts), whole stories each:
// on a 2-core machine 200 providers in one Node process would be CPU-bound and time their own
// backlog, not the servers'. The parent sends each worker its stories and then says when to type,
// stop (and settle), mark the clients before an instance is killed, and when it was killed.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export type ToWorker =
  | { type: 'start'; url: string; stories: string[]; tokens: string[]; perStory: number; size: number; seed: number }
  | { type: 'type' }
  | { type: 'stop'; settleMs: number }
  | { type: 'mark' }
  | { type: 'killed'; at: number }
  | { type: 'exit' };

export interface StoryResult {
  id: string;
  /** Its first client's body, as JSON. */
  body: string;
  /** Clients whose body differs from the first's. */
  differing: number;
  /** Characters where a paragraph's replicas differ from what its typist typed. */
  lost: number;
  /** What each typist typed: its paragraph's text. */
  expected: string[];
  size: number;
}

export interface WorkerResult {
  /** Every client acknowledged all and each story's replicas hold the same state. */
  settled: boolean;
  edits: number;
  seconds: number;
  propagation: Float64Array;
  ack: Float64Array;
  expectedArrivals: number;
  /** The worker's own event-loop delay while typing, ms. */
  lagP99: number;
  lagMax: number;
  /** The worker's CPU time over wall time while typing (1 = one core busy). */
  cpuShare: number;
  unexpectedCloses: number;
  refused: number;
  /** For each client cut off by the kill, ms from the kill until it was synced again (-1: never). */
  reconnects: number[];
  stories: StoryResult[];
}

export type FromWorker = { type: 'ready' } | { type: 'stopped'; result: WorkerResult } | { type: 'marked' } | { type: 'failed'; error: string };

export interface Crowd {
  workers: ChildProcess[];
  type(): void;
  stop(settleMs: number): Promise<WorkerResult[]>;
  mark(): Promise<void>;
  killed(at: number): void;
  close(): Promise<void>;
}

function ask<T extends FromWorker['type']>(worker: ChildProcess, message: ToWorker | null, reply: T): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromWorker) => {
      if (m.type === 'failed') done(new Error(`a load worker failed: ${m.error}`));
      else if (m.type === reply) done(null, m as Extract<FromWorker, { type: T }>);
    };
    const onExit = (code: number | null) => done(new Error(`a load worker exited (${code}) before answering "${reply}"`));
    const done = (err: Error | null, m?: Extract<FromWorker, { type: T }>) => {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    };
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    if (message) worker.send(message);
  });
}

/** `workers` processes holding `stories` (whole, in turn), `perStory` clients each, connected through `url`. */
export async function startCrowd(opts: { url: string; stories: string[]; tokens: string[]; perStory: number; size: number; workers: number }): Promise<Crowd> {
  const workers = Array.from({ length: opts.workers }, () => fork(join(import.meta.dirname, 'loadWorker.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const all = async <T extends FromWorker['type']>(message: ToWorker | null, reply: T) => Promise.all(workers.map((w) => ask(w, message, reply)));
  const crowd: Crowd = {
    workers,
    type: () => workers.forEach((w) => w.send({ type: 'type' } satisfies ToWorker)),
    stop: async (settleMs) => (await all({ type: 'stop', settleMs }, 'stopped')).map((m) => m.result),
    mark: async () => void (await all({ type: 'mark' }, 'marked')),
    killed: (at) => workers.forEach((w) => w.send({ type: 'killed', at } satisfies ToWorker)),
    async close() {
      for (const w of workers) {
        if (w.exitCode !== null || w.signalCode !== null) continue;
        w.send({ type: 'exit' } satisfies ToWorker);
        const timer = setTimeout(() => w.kill('SIGKILL'), 10_000);
        await once(w, 'exit');
        clearTimeout(timer);
      }
    },
  };
  try {
    await Promise.all(workers.map((w, i) => ask(w, { type: 'start', url: opts.url, stories: opts.stories.filter((_, s) => s % opts.workers === i), tokens: opts.tokens, perStory: opts.perStory, size: opts.size, seed: 1000 + i }, 'ready')));
  } catch (err) {
    for (const w of workers) w.kill('SIGKILL');
    throw err;
  }
  return crowd;
}
