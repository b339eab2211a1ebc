// The screens' side of what the core pushes: the newsroom connection's state, and story changes
// (another desk's step or save) that the list and the open story catch up with at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../shared/model/article';
import type { ConnectionState, NewsroomStatus } from '../../../shared/contract/newsroom';
import { call, onEvent } from '../api';

/** A burst of changes (a step is a save and a step) is followed once, this long after its last event. */
export const STORY_EVENT_DEBOUNCE_MS = 100;

/**
 * While `connected`, calls `onChange` once per burst of story events (changed or removed), `delayMs`
 * after the last; and when the connection is back online, since what changed meanwhile was not pushed.
 */
export function useStoryEvents(connected: boolean, onChange: () => void, delayMs = STORY_EVENT_DEBOUNCE_MS): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!connected) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = onEvent((event) => {
      if (event.type === 'connection' && event.state !== 'online') return;
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
  }, [connected, delayMs]);
}

/** While `connected`, every change to the story `id` as the newsroom reports it (its list row, with revision and state). */
export function useArticleEvents(connected: boolean, id: string, onChange: (summary: ArticleSummary) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => (connected ? onEvent((event) => event.type === 'article' && event.summary.id === id && latest.current(event.summary)) : undefined), [connected, id]);
}

/**
 * While `connected`, calls `onOnline` each time the connection is back online (changes made
 * meanwhile were not pushed), and when the server says some changes may have gone unpushed (resync).
 */
export function useBackOnline(connected: boolean, onOnline: () => void): void {
  const latest = useRef(onOnline);
  latest.current = onOnline;
  useEffect(() => (connected ? onEvent((event) => ((event.type === 'connection' && event.state === 'online') || event.type === 'resync') && latest.current()) : undefined), [connected]);
}

/** How often the core is asked again while the window is open (see useConnectionState). */
export const CONNECTION_RESYNC_MS = 5000;

/**
 * The connection's state, starting from start-up's answer and following the core's events. The
 * core is asked again when listening starts (a change between start-up and then is not missed),
 * whenever `sync` is called, and every CONNECTION_RESYNC_MS: an event sent while a reloaded window
 * was still opening its event stream is lost, and the core says "offline" once, so the window
 * would show "online" for as long as the server stays away. An answer counts only if no event came
 * meanwhile (events are newer: the answer and the pushed events travel on different connections,
 * in no fixed order).
 */
export function useConnectionState(newsroom: NewsroomStatus | null): [ConnectionState | null, () => void] {
  const [state, setState] = useState<ConnectionState | null>(newsroom?.state ?? null);
  const heard = useRef(0);
  const sync = useCallback(() => {
    const at = heard.current;
    call('getLibraryInfo', {}).then(
      (info) => heard.current === at && info.newsroom && setState(info.newsroom.state),
      () => undefined,
    );
  }, []);
  const bound = newsroom !== null;
  useEffect(() => {
    if (!bound) return;
    const unsubscribe = onEvent((event) => {
      if (event.type !== 'connection') return;
      heard.current++;
      setState(event.state);
    });
    sync();
    const again = setInterval(sync, CONNECTION_RESYNC_MS);
    return () => {
      clearInterval(again);
      unsubscribe();
    };
  }, [bound, sync]);
  return [state, sync];
}
