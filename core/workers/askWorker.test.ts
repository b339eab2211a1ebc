// askWorker with real worker threads (small inline scripts): an answer resolves, with progress
// passed on first; a worker's error, its exit without an answer, a start or job past its time and
// a cancel each reject with what the caller chose and leave no worker running; a kept worker takes
// the next job; and whatever comes after the first ending is ignored.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { askWorker, type JobEnd, type WorkerJob } from './askWorker';

type Reply = { t: 'ready' } | { t: 'progress'; n: number } | { t: 'done'; value: number };

// Each mode is what the worker does with a job ({ n }); every worker says `ready` first, except 'silent' and 'exitEarly'.
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const mode = workerData.mode;
if (mode === 'exitEarly') process.exit(4);
parentPort.on('message', ({ n }) => {
  if (mode === 'answer') {
    parentPort.postMessage({ t: 'progress', n: 1 });
    parentPort.postMessage({ t: 'progress', n: 2 });
    parentPort.postMessage({ t: 'done', value: n * 2 });
  } else if (mode === 'throw') throw new Error('boom ' + n);
  else if (mode === 'exit') process.exit(3);
  else if (mode === 'busy') for (;;);
  else if (mode === 'twice') {
    parentPort.postMessage({ t: 'done', value: 1 });
    parentPort.postMessage({ t: 'done', value: 2 });
    setTimeout(() => { throw new Error('after the answer'); }, 10);
  }
});
if (mode !== 'silent') parentPort.postMessage({ t: 'ready' });
`;

type Mode = 'answer' | 'throw' | 'exit' | 'exitEarly' | 'busy' | 'silent' | 'twice';

const started: Worker[] = [];

/** A worker and a promise of its exit: these workers wait for jobs forever, so an exit the test did not cause is askWorker terminating it. */
function start(mode: Mode): { worker: Worker; exited: Promise<number> } {
  const worker = new Worker(SCRIPT, { eval: true, execArgv: [], workerData: { mode } });
  started.push(worker);
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  return { worker, exited };
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.terminate()));
});

/** A job whose every ending is recorded; `ends` names them in the order they were asked for. */
function job(overrides: Partial<WorkerJob<Reply, number>> = {}) {
  const ends: string[] = [];
  const progress: number[] = [];
  const named =
    <A extends unknown[]>(name: string, how: (...args: A) => JobEnd<number>) =>
    (...args: A) => {
      ends.push(name);
      return how(...args);
    };
  const spec: WorkerJob<Reply, number> = {
    request: { n: 21 },
    ready: false,
    isReady: (r) => r.t === 'ready',
    onReply: (r) => {
      if (r.t === 'progress') {
        progress.push(r.n);
        return undefined;
      }
      return r.t === 'done' ? { value: r.value } : undefined;
    },
    // Generous: a loaded machine may take seconds to start a thread.
    startMs: 30_000,
    notStarted: named('notStarted', () => ({ error: new Error('not started') })),
    limitMs: 30_000,
    tooSlow: named('tooSlow', () => ({ error: new Error('too slow') })),
    failed: named('failed', (err: Error, ready: boolean) => ({ error: new Error(`failed (${ready ? 'ready' : 'loading'}): ${err.message}`) })),
    exited: named('exited', (code: number, ready: boolean) => ({ error: new Error(`exited ${code} (${ready ? 'ready' : 'loading'})`) })),
    ...overrides,
  };
  return { spec, ends, progress };
}

describe('askWorker', () => {
  it('resolves with the answer, passes progress on before it, and terminates the worker', async () => {
    const { worker, exited } = start('answer');
    const { spec, ends, progress } = job();
    await expect(askWorker(worker, spec)).resolves.toBe(42);
    expect(progress).toEqual([1, 2]);
    expect(ends).toEqual([]);
    await exited; // it would wait for jobs forever had it not been terminated
    expect(worker.listenerCount('message')).toBe(0);
  });

  it('hands a worker whose answer is marked keep to the caller, ready for the next job', async () => {
    const { worker, exited } = start('answer');
    const kept: Worker[] = [];
    const onReply: WorkerJob<Reply, number>['onReply'] = (r) => (r.t === 'done' ? { value: r.value, keep: true } : undefined);
    expect(await askWorker(worker, job({ onReply, keep: (w) => kept.push(w) }).spec)).toBe(42);
    expect(kept).toEqual([worker]);
    // The same worker answers a second job; it said `ready` once, so the caller says so.
    expect(await askWorker(worker, job({ request: { n: 5 }, ready: true, onReply }).spec)).toBe(10);
    await exited;
  });

  it("rejects with the caller's error when the worker throws, and the exit that follows is ignored", async () => {
    const { worker, exited } = start('throw');
    const { spec, ends } = job();
    await expect(askWorker(worker, spec)).rejects.toThrow('failed (ready): boom 21');
    await exited;
    expect(ends).toEqual(['failed']);
  });

  it('rejects when the worker exits without an answer, saying whether it had got ready', async () => {
    const crashed = start('exit');
    const a = job();
    await expect(askWorker(crashed.worker, a.spec)).rejects.toThrow('exited 3 (ready)');
    expect(a.ends).toEqual(['exited']);

    const early = start('exitEarly');
    const b = job();
    await expect(askWorker(early.worker, b.spec)).rejects.toThrow('exited 4 (loading)');
    expect(b.ends).toEqual(['exited']);
    await Promise.all([crashed.exited, early.exited]);
  });

  it('a worker that never gets ready ends with notStarted, and is terminated', async () => {
    const { worker, exited } = start('silent');
    const { spec, ends } = job({ startMs: 300, notStarted: () => ({ value: -1 }) });
    // A caller may answer for itself (readHtmlPage reads the page in its own thread).
    await expect(askWorker(worker, spec)).resolves.toBe(-1);
    await exited;
    expect(ends).toEqual([]);
  });

  it('a job past its time ends with tooSlow, and its busy worker is terminated', async () => {
    const { worker, exited } = start('busy');
    const { spec, ends } = job({ limitMs: 200 });
    await expect(askWorker(worker, spec)).rejects.toThrow('too slow');
    await exited;
    expect(ends).toEqual(['tooSlow']);
  });

  it("a cancel terminates the busy worker and rejects with the caller's reason", async () => {
    const { worker, exited } = start('busy');
    const abort = new AbortController();
    const reason = new Error('cancelled by the caller');
    const asked = askWorker(worker, job({ signal: abort.signal, cancelled: () => reason, onReply: () => undefined }).spec);
    // Cancelled once the job is under way (its worker said `ready`).
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));
    abort.abort();
    await expect(asked).rejects.toBe(reason);
    await exited;
  });

  it("without a cancelled(), a cancel rejects with the signal's own reason; an aborted signal ends the job at once", async () => {
    const running = start('busy');
    const abort = new AbortController();
    const asked = askWorker(running.worker, job({ signal: abort.signal }).spec);
    const reason = new Error('stop');
    abort.abort(reason);
    await expect(asked).rejects.toBe(reason);
    await running.exited;

    const idle = start('answer');
    const before = AbortSignal.abort(new Error('already'));
    await expect(askWorker(idle.worker, job({ signal: before }).spec)).rejects.toThrow('already');
    await idle.exited;
  });

  it('settles once: a second answer, a later error and the exit are not seen by the job', async () => {
    const { worker, exited } = start('twice');
    // Kept, so the worker lives on to post again and then fail: as a caller keeping a worker does,
    // an error listener of its own keeps that failure from crashing this process.
    const keep = (w: Worker) => w.on('error', () => undefined);
    const onReply: WorkerJob<Reply, number>['onReply'] = (r) => (r.t === 'done' ? { value: r.value, keep: true } : undefined);
    const { spec, ends } = job({ onReply, keep });
    let settled = 0;
    const value = await askWorker(worker, spec).finally(() => settled++);
    expect(value).toBe(1);
    await exited; // the worker's own uncaught error
    expect(settled).toBe(1);
    expect(ends).toEqual([]);
  });

  it('a progress handler that throws ends the job with its error, and the worker is terminated', async () => {
    const { worker, exited } = start('answer');
    const onReply: WorkerJob<Reply, number>['onReply'] = () => {
      throw new Error('progress handler broke');
    };
    await expect(askWorker(worker, job({ onReply }).spec)).rejects.toThrow('progress handler broke');
    await exited;
  });
});
