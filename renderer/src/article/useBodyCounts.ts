// Live counts that stay off the typing path: recomputed (mostly from the per-block cache) at most
// every 200 ms after the body changes.
import { useRef } from 'react';
import type { Editor } from '@tiptap/react';
import { BodyCounter, type BodyCounts } from '../editor/BodyCounter';
import { useEditorDerived } from '../editor/useEditorDerived';

export function useBodyCounts(editor: Editor | null): BodyCounts | null {
  const counter = useRef(new BodyCounter());
  return useEditorDerived(editor, (e) => counter.current.count(e.state.doc), 200);
}
