import { describe, expect, it } from 'vitest';
import { JobRegistry } from './JobRegistry';

describe('JobRegistry', () => {
  it('reports progress while a job runs and stops it on cancel', async () => {
    const jobs = new JobRegistry();
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const running = jobs.run('job-00001', 3, async (job) => {
      job.step(1, 'first');
      await gate;
      return job.signal.aborted;
    });
    expect(jobs.progress('job-00001')).toEqual({ done: 1, total: 3, current: 'first' });
    expect(jobs.cancel('job-00001')).toBe(true);
    release();
    expect(await running).toBe(true);
    // Finished: a second cancel has nothing to stop, but the last count is still there.
    expect(jobs.cancel('job-00001')).toBe(false);
    expect(jobs.progress('job-00001')?.done).toBe(1);
  });

  it('forgets finished jobs after a minute', async () => {
    let now = 0;
    const jobs = new JobRegistry(() => now);
    await jobs.run('job-00001', 1, async () => undefined);
    now = 61_000;
    await jobs.run('job-00002', 1, async () => undefined);
    expect(jobs.progress('job-00001')).toBeNull();
    expect(jobs.progress('job-00002')).not.toBeNull();
    expect(jobs.progress('unknown-1')).toBeNull();
  });
});
