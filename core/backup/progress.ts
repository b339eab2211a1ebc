// Backup jobs report progress in thousandths of the whole, because their size is only known once
// they have started (how many articles changed, how many entries an archive holds) and a job's
// total is fixed when it starts. Each phase maps its own count onto its share.
import type { Job } from '../exchange/JobRegistry';

export const PROGRESS_SCALE = 1000;

export interface Progress {
  readonly signal: AbortSignal;
  /** `done` of `total` in this phase, working on `current`. */
  of(done: number, total: number, current: string): void;
}

/** The part of `job` from `from` to `to` thousandths. */
export function phase(job: Pick<Job, 'signal' | 'step'>, from: number, to: number, signal: AbortSignal = job.signal): Progress {
  return { signal, of: (done, total, current) => job.step(Math.round(from + ((to - from) * Math.min(done, total)) / Math.max(total, 1)), current) };
}
