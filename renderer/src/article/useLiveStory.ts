// Opens a newsroom story live for the article screen: while the library is connected, the core
// joins the story's shared document and this window keeps a replica of it for the editor. The
// screen waits for it (the editor is created once, bound to it). If it cannot be opened (offline,
// refused) the story opens the ordinary way and the reason is shown.
import { useEffect, useState } from 'react';
import type { LiveStatus } from '../../../shared/contract/liveStory';
import { LiveDocument } from '../newsroom/live/LiveDocument';

export type LiveStory =
  | { phase: 'off'; live: null; status: null; error: null }
  | { phase: 'opening'; live: null; status: null; error: null }
  | { phase: 'live'; live: LiveDocument; status: LiveStatus; error: null }
  | { phase: 'failed'; live: null; status: null; error: unknown };

const OFF: LiveStory = { phase: 'off', live: null, status: null, error: null };
const OPENING: LiveStory = { phase: 'opening', live: null, status: null, error: null };

export function useLiveStory(connected: boolean, id: string, actor: string): LiveStory {
  const [story, setStory] = useState<LiveStory>(connected ? OPENING : OFF);
  useEffect(() => {
    if (!connected) {
      setStory(OFF);
      return;
    }
    setStory(OPENING);
    let gone = false;
    let opened: LiveDocument | null = null;
    let stopStatus: (() => void) | null = null;
    LiveDocument.open(id, actor).then(
      (live) => {
        if (gone) return live.destroy();
        opened = live;
        setStory({ phase: 'live', live, status: live.status, error: null });
        stopStatus = live.onStatus((status) => setStory({ phase: 'live', live, status, error: null }));
      },
      (error: unknown) => !gone && setStory({ phase: 'failed', live: null, status: null, error }),
    );
    return () => {
      gone = true;
      stopStatus?.();
      opened?.destroy();
    };
  }, [connected, id, actor]);
  return story;
}
