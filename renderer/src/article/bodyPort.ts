// The body editor as the article session sees it. Adopting the library's copy is one transaction
// on the same editor (undoable as one step, caret mapped through it), marked so that the editor
// does not report it back as the person's edit; an identical body is not touched at all.
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import type { Body } from '../../../shared/model/article';
import type { BodyPort } from './ArticleSession';

/** Meta on a transaction that brings the library's copy in: not an edit to save. */
export const ADOPT_META = 'copydesk:adopt';

/**
 * Whether an editor update is the person's own edit, to be saved: the document changed, and not by
 * adopting the library's copy. (TipTap also emits `update` on setEditable, with no change: a lock
 * flipping after a step must not look like an edit.)
 */
export function isPersonsEdit(transaction: Transaction): boolean {
  return transaction.docChanged && !transaction.getMeta(ADOPT_META);
}

export function bodyPort(editor: Editor): BodyPort {
  return {
    getBody: () => editor.getJSON() as Body,
    setBody: (body) => {
      if (editor.isDestroyed) return;
      const next = editor.schema.nodeFromJSON(body);
      const { state } = editor;
      if (next.eq(state.doc)) return;
      const tr = state.tr.replaceWith(0, state.doc.content.size, next.content).setMeta(ADOPT_META, true);
      editor.view.dispatch(tr);
    },
  };
}

/**
 * A live story's body: the shared document is its one copy, kept by the server, so adopting the
 * library's copy leaves the editor alone (writing it in would replace everyone's text with this
 * window's idea of it). Saves still read the body for the fields beside it.
 */
export function liveBodyPort(editor: Editor): BodyPort {
  return {
    getBody: () => editor.getJSON() as Body,
    setBody: () => undefined,
  };
}
