// The screens' side of what the core pushes: the newsroom connection's state, and story changes
// (another desk's step or save) that the list and the open story catch up with at once.
import { useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import type { ConnectionState, NewsroomStatus } from '../../../shared/contract/newsroom';
import { call, onEvent } from '../api';

/** A burst of changes (a step is a save and a step) is followed once, this long after its last event. */
export const STORY_EVENT_DEBOUNCE_MS = 100;

/** Calls `onChange` once per burst of story events (changed or removed), `delayMs` after the last. */
export function useStoryEvents(onChange: () => void, delayMs = STORY_EVENT_DEBOUNCE_MS): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = onEvent((event) => {
      if (event.type === 'connection') return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        latest.current();
      }, delayMs);
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [delayMs]);
}

/** Every change to the story `id` as the newsroom reports it (its list row, with revision and state). */
export function useArticleEvents(id: string, onChange: (summary: ArticleSummary) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => onEvent((event) => event.type === 'article' && event.summary.id === id && latest.current(event.summary)), [id]);
}

/**
 * The connection's state, starting from start-up's answer and following the core's events. The
 * core is asked once more after listening starts: a change between start-up and then is not missed.
 */
export function useConnectionState(newsroom: NewsroomStatus | null): [ConnectionState | null, (state: ConnectionState) => void] {
  const [state, setState] = useState<ConnectionState | null>(newsroom?.state ?? null);
  const bound = newsroom !== null;
  useEffect(() => {
    if (!bound) return;
    let heard = false;
    const unsubscribe = onEvent((event) => {
      if (event.type !== 'connection') return;
      heard = true;
      setState(event.state);
    });
    call('getLibraryInfo', {}).then(
      (info) => !heard && info.newsroom && setState(info.newsroom.state),
      () => undefined,
    );
    return unsubscribe;
  }, [bound]);
  return [state, setState];
}
