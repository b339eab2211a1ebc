// Whether a section's last change is stored: saving, saved at a time, or refused (why). Only the
// latest change counts, so a slow earlier save never overwrites the answer about a later one.
import { useCallback, useRef, useState } from 'react';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; error: unknown };

export function useSaveStatus() {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const latest = useRef(0);
  /** Follows one save; resolves to whether it was stored (the failure is shown, not thrown). */
  const track = useCallback(async (save: Promise<unknown>): Promise<boolean> => {
    const n = ++latest.current;
    setStatus({ kind: 'saving' });
    try {
      await save;
      if (n === latest.current) setStatus({ kind: 'saved', at: new Date().toISOString() });
      return true;
    } catch (error) {
      if (n === latest.current) setStatus({ kind: 'failed', error });
      return false;
    }
  }, []);
  return { status, track };
}
