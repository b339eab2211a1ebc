// Live counts that stay off the typing path: the editor's update only marks the counts stale;
// they are recomputed (mostly from the per-block cache) at most every 200 ms.
import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { BodyCounter, type BodyCounts } from '../editor/BodyCounter';

const INTERVAL_MS = 200;

export function useBodyCounts(editor: Editor | null): BodyCounts | null {
  const counter = useRef(new BodyCounter());
  const [counts, setCounts] = useState<BodyCounts | null>(null);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recount = () => {
      timer = null;
      if (!editor.isDestroyed) setCounts(counter.current.count(editor.state.doc));
    };
    const schedule = () => {
      timer ??= setTimeout(recount, INTERVAL_MS);
    };
    recount();
    editor.on('update', schedule);
    return () => {
      editor.off('update', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return counts;
}
