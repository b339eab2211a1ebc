// A value derived from the editor's document, recomputed off the typing path: an update only marks
// it stale, and it is computed again at most once per `intervalMs`. Counts and the photo panel use it.
import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';

export function useEditorDerived<T>(editor: Editor | null, compute: (editor: Editor) => T, intervalMs: number): T | null {
  const [value, setValue] = useState<T | null>(null);
  const latest = useRef(compute);
  latest.current = compute;
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recompute = () => {
      timer = null;
      if (!editor.isDestroyed) setValue(latest.current(editor));
    };
    const schedule = () => {
      timer ??= setTimeout(recompute, intervalMs);
    };
    recompute();
    editor.on('update', schedule);
    return () => {
      editor.off('update', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [editor, intervalMs]);
  return value;
}
