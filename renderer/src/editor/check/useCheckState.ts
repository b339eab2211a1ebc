// The check's state for React: the open card, the findings and whether spelling is off, read after
// each transaction (a burst of typing is read once).
import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { openFindings, styleCheckKey, type PlacedFinding } from './StyleCheck';

export type CheckView = { findings: PlacedFinding[]; active: PlacedFinding | null; spellingOff: string | null };

const EMPTY: CheckView = { findings: [], active: null, spellingOff: null };

export function useCheckState(editor: Editor | null): CheckView {
  const [view, setView] = useState<CheckView>(EMPTY);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      timer = null;
      if (editor.isDestroyed) return;
      const state = styleCheckKey.getState(editor.state);
      setView({ findings: openFindings(editor.state), active: state?.active ?? null, spellingOff: state?.spellingOff ?? null });
    };
    const schedule = () => {
      timer ??= setTimeout(read, 50);
    };
    read();
    editor.on('transaction', schedule);
    return () => {
      editor.off('transaction', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return view;
}

/**
 * Only the open card, for the body editor: its state changes when a card opens or closes, not on
 * every keystroke (the findings list does), so typing never re-renders the editor's component.
 */
export function useActiveFinding(editor: Editor | null): PlacedFinding | null {
  const [active, setActive] = useState<PlacedFinding | null>(null);
  useEffect(() => {
    if (!editor) return;
    const read = () => {
      if (editor.isDestroyed) return;
      const now = styleCheckKey.getState(editor.state)?.active ?? null;
      setActive((was) => (was === now ? was : now));
    };
    read();
    editor.on('transaction', read);
    return () => {
      editor.off('transaction', read);
    };
  }, [editor]);
  return active;
}
