// Opens a newsroom story live for the article screen: while the library is connected, the core
// joins the story's shared document and this window keeps a replica of it for the editor. The
// screen waits for it (the editor is created once, bound to it). If it cannot be opened (offline,
// refused) the story opens the ordinary way and the reason is shown. When the server starts a new
// document for the story (approval, a restored version), it is opened again: `serial` changes; and
// so when the connection is back online (signed in again) after the story was let go or never opened.
import { useEffect, useState } from 'react';
import { openLiveDocument, type LiveDocument } from '../newsroom/live/LiveDocument';
import { useBackOnline } from '../newsroom/useCoreEvents';

/** The status itself is read where it is shown (newsroom/live/useLiveStatus.ts), not here: it swings with every keystroke. */
type Phase =
  | { phase: 'off'; live: null; error: null }
  | { phase: 'opening'; live: null; error: null }
  | { phase: 'live'; live: LiveDocument; error: null }
  | { phase: 'failed'; live: null; error: unknown };

/** `lateKept`: changes this window made after the story turned read-only were kept aside (a late revision), not put in the story. */
export type LiveStory = Phase & { serial: number; lateKept: boolean };

export function useLiveStory(connected: boolean, id: string): LiveStory {
  const [serial, setSerial] = useState(0);
  const [lateKept, setLateKept] = useState(false);
  const [story, setStory] = useState<Phase>({ phase: connected ? 'opening' : 'off', live: null, error: null });
  useBackOnline(connected, () => {
    if (story.phase === 'failed' || story.live?.ended) setSerial((n) => n + 1);
  });
  useEffect(() => {
    if (!connected) {
      setStory({ phase: 'off', live: null, error: null });
      return;
    }
    setStory({ phase: 'opening', live: null, error: null });
    let gone = false;
    let opened: LiveDocument | null = null;
    const stops: (() => void)[] = [];
    openLiveDocument(id).then(
      (live) => {
        if (gone) return void live.destroy();
        opened = live;
        setStory({ phase: 'live', live, error: null });
        // A new document for the story (approval, a restore), or this window's late changes kept
        // aside: open it again as the server holds it, as a new editor.
        stops.push(
          live.onEnded((reason) => {
            if ((reason !== 'epoch' && reason !== 'lateRevision') || gone) return;
            if (reason === 'lateRevision') setLateKept(true);
            void live.destroy().then(() => !gone && setSerial((n) => n + 1));
          }),
        );
      },
      (error: unknown) => !gone && setStory({ phase: 'failed', live: null, error }),
    );
    return () => {
      gone = true;
      for (const stop of stops) stop();
      void opened?.destroy();
    };
  }, [connected, id, serial]);
  return { ...story, serial, lateKept };
}
