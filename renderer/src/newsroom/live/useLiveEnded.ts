// Why the core let a live story go for good (signed out, access withdrawn, the story gone), or null
// while it is live. Endings the screen recovers from by itself — a new document for the story, or
// this window's late changes kept aside — open it again and are not reported here.
import { useEffect, useState } from 'react';
import type { LiveEndReason } from '../../../../shared/contract/liveStory';
import type { LiveDocument } from './LiveDocument';

export type FinalEnd = Exclude<LiveEndReason, 'epoch' | 'lateRevision'>;

const forGood = (reason: LiveEndReason | null): FinalEnd | null => (reason === null || reason === 'epoch' || reason === 'lateRevision' ? null : reason);

export function useLiveEnded(live: LiveDocument | null): FinalEnd | null {
  const [ended, setEnded] = useState(() => forGood(live?.ended ?? null));
  useEffect(() => {
    setEnded(forGood(live?.ended ?? null));
    return live?.onEnded((reason) => setEnded(forGood(reason)));
  }, [live]);
  return ended;
}
