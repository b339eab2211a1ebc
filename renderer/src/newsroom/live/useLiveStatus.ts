// A live story's status for one component, as `pick` reads it: the component re-renders only when
// that value changes. The article screen picks `readOnly` alone, so the "waiting / stored" swing
// of every keystroke re-renders the small sync badge, never the whole screen and its editor.
import { useEffect, useState } from 'react';
import type { LiveStatus } from '../../../../shared/contract/liveStory';
import type { LiveDocument } from './LiveDocument';

export function useLiveStatus<T extends string | number | boolean>(live: LiveDocument | null, pick: (status: LiveStatus) => T): T | null {
  const [value, setValue] = useState<T | null>(() => (live ? pick(live.status) : null));
  useEffect(() => {
    if (!live) {
      setValue(null);
      return;
    }
    setValue(pick(live.status));
    // A primitive: React skips the render when it is the same.
    return live.onStatus((status) => setValue(pick(status)));
    // `pick` is read when the status changes: a new function each render must not subscribe again.
  }, [live]);
  return value;
}
