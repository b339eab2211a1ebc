// One job for one worker thread, settled exactly once whatever happens first: the worker answers,
// fails, exits, takes too long to start or to answer, or the caller cancels. Whatever ends the job
// removes every listener and timer it added, and then either hands the worker back to the caller
// (an answer marked `keep`: the caller keeps it for the next job) or terminates it, so an
// abandoned job never leaves a worker running. What each ending means (an error, a fallback
// value) is the caller's: this file holds only the order of events. The worker's side posts a
// `ready` message once it has loaded, then answers each job it is sent.
import type { Worker } from 'node:worker_threads';

/** How a job ends: a value, or an error to reject with; `keep`: the worker is healthy and may take the next job. */
export type JobEnd<T> = ({ value: T } | { error: unknown }) & { keep?: boolean };

export interface WorkerJob<Reply, T> {
  /** Posted at once: a worker queues it until its module has loaded. */
  request: unknown;
  /** The worker said it was ready before (a worker kept from an earlier job). */
  ready: boolean;
  isReady: (reply: Reply) => boolean;
  /** Any other message: the answer (its end), or progress (undefined: the job goes on). */
  onReply: (reply: Reply) => JobEnd<T> | undefined;
  /** How long the worker may take to get ready (loading is not the job's fault); then `notStarted`. */
  startMs: number;
  notStarted: () => JobEnd<T>;
  /** The job's own time, counted from `ready`; then `tooSlow`. */
  limitMs: number;
  tooSlow: () => JobEnd<T>;
  /** The worker's `error` event, and whether it had got ready. */
  failed: (err: Error, ready: boolean) => JobEnd<T>;
  /** The worker stopped without answering (a crash, process.exit). */
  exited: (code: number, ready: boolean) => JobEnd<T>;
  signal?: AbortSignal;
  /** What an abort rejects with; without it, the signal's own reason. */
  cancelled?: () => unknown;
  /** Receives the worker after an end marked `keep`. */
  keep?: (worker: Worker) => void;
}

/** Runs `job` on `worker`; the promise settles once, and the worker is kept or terminated by then. */
export function askWorker<Reply, T>(worker: Worker, job: WorkerJob<Reply, T>): Promise<T> {
  const { signal } = job;
  return new Promise<T>((resolve, reject) => {
    let ready = job.ready;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const end = (how: () => JobEnd<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      let result: JobEnd<T>;
      try {
        result = how();
      } catch (err) {
        // A caller's callback that throws (a progress handler) ends the job, not the process.
        result = { error: err };
      }
      if (result.keep && job.keep) job.keep(worker);
      else void worker.terminate();
      if ('value' in result) resolve(result.value);
      else reject(result.error);
    };
    const startClock = () => {
      clearTimeout(timer);
      timer = setTimeout(() => end(job.tooSlow), job.limitMs);
    };
    const onMessage = (reply: Reply) => {
      if (job.isReady(reply)) {
        ready = true;
        startClock();
        return;
      }
      let result: JobEnd<T> | undefined;
      try {
        result = job.onReply(reply);
      } catch (err) {
        result = { error: err };
      }
      if (result) end(() => result);
    };
    const onError = (err: Error) => end(() => job.failed(err, ready));
    const onExit = (code: number) => end(() => job.exited(code, ready));
    const onAbort = () => end(() => ({ error: job.cancelled ? job.cancelled() : signal?.reason }));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (ready) startClock();
    else timer = setTimeout(() => end(job.notStarted), job.startMs);
    worker.postMessage(job.request);
  });
}
