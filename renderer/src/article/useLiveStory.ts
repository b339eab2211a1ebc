// Opens a newsroom story live for the article screen: while the library is connected, the core
// joins the story's shared document and this window keeps a replica of it for the editor. The
// screen waits for it (the editor is created once, bound to it). If it cannot be opened (offline,
// refused) the story opens the ordinary way and the reason is shown. When the server starts a new
// document for the story (approval, a restored version), it is opened again: `serial` changes; and
// so when the connection is back online (signed in again) after the story was let go or never opened.
import { useEffect, useState } from 'react';
import type { LiveStatus } from '../../../shared/contract/liveStory';
import { openLiveDocument, type LiveDocument } from '../newsroom/live/LiveDocument';
import { useBackOnline } from '../newsroom/useCoreEvents';

export type LiveStory =
  | { phase: 'off'; live: null; status: null; error: null; serial: number }
  | { phase: 'opening'; live: null; status: null; error: null; serial: number }
  | { phase: 'live'; live: LiveDocument; status: LiveStatus; error: null; serial: number }
  | { phase: 'failed'; live: null; status: null; error: unknown; serial: number };

export function useLiveStory(connected: boolean, id: string): LiveStory {
  const [serial, setSerial] = useState(0);
  const [story, setStory] = useState<LiveStory>({ phase: connected ? 'opening' : 'off', live: null, status: null, error: null, serial });
  useBackOnline(connected, () => {
    if (story.phase === 'failed' || story.live?.ended) setSerial((n) => n + 1);
  });
  useEffect(() => {
    if (!connected) {
      setStory({ phase: 'off', live: null, status: null, error: null, serial });
      return;
    }
    setStory({ phase: 'opening', live: null, status: null, error: null, serial });
    let gone = false;
    let opened: LiveDocument | null = null;
    const stops: (() => void)[] = [];
    openLiveDocument(id).then(
      (live) => {
        if (gone) return void live.destroy();
        opened = live;
        setStory({ phase: 'live', live, status: live.status, error: null, serial });
        stops.push(live.onStatus((status) => setStory({ phase: 'live', live, status, error: null, serial })));
        // A new document for the story (approval, a restore): open it again, as a new editor.
        stops.push(live.onEnded((reason) => reason === 'epoch' && !gone && void live.destroy().then(() => !gone && setSerial((n) => n + 1))));
      },
      (error: unknown) => !gone && setStory({ phase: 'failed', live: null, status: null, error, serial }),
    );
    return () => {
      gone = true;
      for (const stop of stops) stop();
      void opened?.destroy();
    };
  }, [connected, id, serial]);
  return story;
}
