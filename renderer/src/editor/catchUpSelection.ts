import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Makes the editor's selection the one the browser shows. A key that moves the caret (Ctrl+Home,
 * a click) changes the DOM selection at once, but ProseMirror learns of it only on the next
 * `selectionchange` task; a shortcut pressed right after would act from the old place (F8 after
 * Ctrl+Home went to the second note, not the first).
 */
export function catchUpSelection(view: EditorView): void {
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return; // inside a node view ProseMirror does not map (a figure's inputs): nothing to catch up
  }
  const { selection } = view.state;
  if (selection.anchor === anchor && selection.head === head) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.between(view.state.doc.resolve(anchor), view.state.doc.resolve(head))).setMeta('addToHistory', false));
}
