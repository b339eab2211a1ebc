// Runs one long core call (export or import) while polling its progress, and lets the user cancel
// it. The core stops at the next article or file, so a cancel never leaves anything half-written.
import { useCallback, useRef, useState } from 'react';
import { call } from '../api';

export interface JobProgress {
  done: number;
  total: number;
  current: string;
}

export function useJob() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const jobId = useRef('');

  const run = useCallback(async <T,>(total: number, start: (jobId: string) => Promise<T>): Promise<T> => {
    const id = crypto.randomUUID();
    jobId.current = id;
    setProgress({ done: 0, total, current: '' });
    const timer = setInterval(() => {
      void call('jobProgress', { jobId: id })
        .then((p) => p && jobId.current === id && setProgress(p))
        .catch(() => undefined);
    }, 250);
    try {
      return await start(id);
    } finally {
      clearInterval(timer);
      if (jobId.current === id) setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => {
    if (jobId.current) void call('cancelJob', { jobId: jobId.current }).catch(() => undefined);
  }, []);

  return { run, cancel, progress };
}
