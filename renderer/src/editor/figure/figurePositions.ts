// Finding and moving figures in a document; shared by the figure's commands and its node view.
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { closeHistory } from '@tiptap/pm/history';

/** Marks a transaction as its own undo step for Yjs undo in a live story (editor/live/OwnUndoSteps.ts). */
export const OWN_UNDO_STEP = 'copydesk:ownUndoStep';

/** Each figure operation (insert, move, replace, remove) is its own undo step, however quickly they follow typing or each other. */
export function ownUndoStep(tr: Transaction): Transaction {
  return closeHistory(tr).setMeta(OWN_UNDO_STEP, true);
}

/** Position of the figure that holds the selection (or is selected), or null. */
export function selectedFigure(state: EditorState): { pos: number; node: PMNode } | null {
  const sel = state.selection;
  if (sel instanceof NodeSelection && sel.node.type.name === 'figure') return { pos: sel.from, node: sel.node };
  const { $from } = sel;
  for (let d = $from.depth; d > 0; d--) {
    if ($from.node(d).type.name === 'figure') return { pos: $from.before(d), node: $from.node(d) };
  }
  return null;
}

/** Moves the figure at `pos` past its neighbouring block; the selection follows it. */
export function moveFigureAt(tr: Transaction, pos: number, direction: -1 | 1): boolean {
  const node = tr.doc.nodeAt(pos);
  if (!node) return false;
  const $pos = tr.doc.resolve(pos);
  const index = $pos.index();
  const parent = $pos.parent;
  if (direction === -1 && index === 0) return false;
  if (direction === 1 && index >= parent.childCount - 1) return false;
  ownUndoStep(tr);
  const wasNode = tr.selection instanceof NodeSelection;
  const caretOffset = tr.selection.from - pos;
  tr.delete(pos, pos + node.nodeSize);
  let target: number;
  if (direction === -1) {
    target = pos - parent.child(index - 1).nodeSize;
  } else {
    target = pos + parent.child(index + 1).nodeSize;
  }
  tr.insert(target, node);
  if (wasNode) tr.setSelection(NodeSelection.create(tr.doc, target));
  else tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(Math.max(target + caretOffset, target + 2), target + node.nodeSize - 2))));
  tr.scrollIntoView();
  return true;
}
