// TipTap's focus command moves the focus in the next animation frame: a key pressed before then (a
// quick typist, a busy machine) lands on the button or field that still has the focus and is lost
// (a caption typed after the photo panel's warning once began "nions"). Going to a place in the body
// from outside it (a warning, the checklist, F8) focuses at once instead.
import type { Editor } from '@tiptap/core';

/** Focuses the body editor now, keeping its selection. */
export function focusNow(editor: Editor): void {
  if (!editor.isDestroyed) editor.view.focus();
}
