// Long exports and imports report progress and can be cancelled. The renderer names each job,
// polls `jobProgress` while the long call runs, and may call `cancelJob`; the worker checks its
// signal between articles, so a cancel stops at a clean boundary with nothing half-written.
import { ApiError } from '../../shared/contract/errors';

export interface Job {
  readonly signal: AbortSignal;
  step(done: number, current: string): void;
}

interface Entry {
  controller: AbortController;
  done: number;
  total: number;
  current: string;
  finishedAt: number | null;
}

/** Finished jobs are kept this long so a last poll still sees the final count. */
const KEEP_MS = 60_000;

export class JobRegistry {
  private readonly jobs = new Map<string, Entry>();

  constructor(private readonly clock: () => number = Date.now) {}

  async run<T>(jobId: string, total: number, work: (job: Job) => Promise<T>): Promise<T> {
    this.sweep();
    const running = this.jobs.get(jobId);
    if (running && running.finishedAt === null) throw new ApiError('invalidInput', `job ${jobId} is already running`, { jobId });
    const entry: Entry = { controller: new AbortController(), done: 0, total, current: '', finishedAt: null };
    this.jobs.set(jobId, entry);
    try {
      return await work({
        signal: entry.controller.signal,
        step: (done, current) => {
          entry.done = done;
          entry.current = current;
        },
      });
    } finally {
      entry.finishedAt = this.clock();
    }
  }

  progress(jobId: string): { done: number; total: number; current: string } | null {
    const e = this.jobs.get(jobId);
    return e ? { done: e.done, total: e.total, current: e.current } : null;
  }

  cancel(jobId: string): boolean {
    const e = this.jobs.get(jobId);
    if (!e || e.finishedAt !== null) return false;
    e.controller.abort();
    return true;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [id, e] of this.jobs) if (e.finishedAt !== null && now - e.finishedAt > KEEP_MS) this.jobs.delete(id);
  }
}
