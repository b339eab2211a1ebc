// What is still open in the body: editor's notes (a mark, painted by EditorNote) and TKs (plain
// text, so painted here with a decoration). Both are found by the shared rule (openMarksIn, as the
// count, the checklist and the export strip find them), and F8 / Shift+F8 or the toolbar button
// select the next / previous one after the caret, wrapping around, and scroll to it. Typing over a
// whole selected note answers it: the new text is plain, not more note (the mark is inclusive).
import { Extension } from '@tiptap/core';
import { Mark, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { NOTE_MARK, openMarksIn, type OpenMark } from '../../../shared/workflow/notes';

/** Like an IDE's "next problem" (F8 in VS Code), which no browser or the app's menu takes. */
export const NEXT_OPEN_MARK = 'F8';
export const PREVIOUS_OPEN_MARK = 'Shift+F8';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    openMarks: {
      /** Selects the next (1) or previous (-1) open note or TK, wrapping around; false when there is none. */
      goToOpenMark: (direction: 1 | -1) => ReturnType;
    };
  }
}

interface OpenMarksState {
  /** Every open note and TK, in document order, with document positions. */
  marks: OpenMark[];
  decorations: DecorationSet;
}

export const openMarksKey = new PluginKey<OpenMarksState>('openMarks');

// Nodes are immutable and an unedited block keeps its node, so a keystroke looks at one block again.
const perBlock = new WeakMap<PMNode, OpenMark[]>();

function blockMarks(block: PMNode): OpenMark[] {
  let marks = perBlock.get(block);
  if (!marks) {
    const runs: { text: string | null; note: boolean }[] = [];
    block.forEach((child) => runs.push(child.isText ? { text: child.text ?? '', note: child.marks.some((m) => m.type.name === NOTE_MARK) } : { text: null, note: false }));
    marks = openMarksIn(runs);
    perBlock.set(block, marks);
  }
  return marks;
}

function collect(doc: PMNode): OpenMarksState {
  const marks: OpenMark[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (const m of blockMarks(node)) marks.push({ kind: m.kind, from: pos + 1 + m.from, to: pos + 1 + m.to });
    return false;
  });
  const tks = marks.filter((m) => m.kind === 'tk').map((m) => Decoration.inline(m.from, m.to, { class: 'tk-mark', 'data-tk': '' }));
  return { marks, decorations: DecorationSet.create(doc, tks) };
}

/** The open notes and TKs of the editor's document. */
export function openMarksOf(state: EditorState): OpenMark[] {
  return openMarksKey.getState(state)?.marks ?? [];
}

/** The mark `direction` goes to from the selection: after the caret (or after a selected mark), or before it. */
export function targetMark(marks: readonly OpenMark[], selection: { from: number; empty: boolean }, direction: 1 | -1): OpenMark | null {
  if (marks.length === 0) return null;
  if (direction === 1) return marks.find((m) => (selection.empty ? m.from >= selection.from : m.from > selection.from)) ?? marks[0];
  return [...marks].reverse().find((m) => m.from < selection.from) ?? marks[marks.length - 1];
}

/** Whether the selection is exactly one whole open note (as F8 and the checklist select it). */
export function selectsWholeNote(state: EditorState): boolean {
  const { selection } = state;
  return selection instanceof TextSelection && !selection.empty && openMarksOf(state).some((m) => m.kind === 'note' && m.from === selection.from && m.to === selection.to);
}

/** The marks new text over the selection should carry: those across it, less the note. */
function answerMarks(state: EditorState): readonly Mark[] {
  const { $from, $to } = state.selection;
  return ($from.marksAcross($to) ?? Mark.none).filter((m) => m.type.name !== NOTE_MARK);
}

/**
 * Clears the whole selected note and leaves the caret with plain marks stored. (Stored marks alone
 * cannot do it: ProseMirror keeps them only at a caret, never on a selection.)
 */
function clearNoteForAnswer(state: EditorState): Transaction {
  const marks = answerMarks(state);
  return state.tr.deleteSelection().setStoredMarks(marks);
}

/** Puts typed text in place of a whole selected note, plain; false (nothing done) for any other selection. */
function answerNote(view: EditorView, text: string): boolean {
  if (!view.editable || !selectsWholeNote(view.state)) return false;
  const { state } = view;
  const { from, to } = state.selection;
  view.dispatch(state.tr.setStoredMarks(answerMarks(state)).insertText(text, from, to).scrollIntoView());
  return true;
}

export const OpenMarks = Extension.create({
  name: 'openMarks',
  addCommands() {
    return {
      goToOpenMark:
        (direction) =>
        ({ state, tr, dispatch }) => {
          const target = targetMark(openMarksOf(state), state.selection, direction);
          if (!target) return false;
          if (dispatch) tr.setSelection(TextSelection.create(tr.doc, target.from, target.to)).scrollIntoView();
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<OpenMarksState>({
        key: openMarksKey,
        state: {
          init: (_config, state) => collect(state.doc),
          apply: (tr, old) => (tr.docChanged ? collect(tr.doc) : old),
        },
        props: {
          decorations: (state) => openMarksKey.getState(state)?.decorations,
          // Typing over a whole note: a key's text is inserted plain here; an IME composition
          // starts at a caret with plain marks stored, which ProseMirror composes into; a text
          // input that reaches ProseMirror another way is made plain as it lands.
          handleDOMEvents: {
            beforeinput: (view, event) => {
              if (event.inputType !== 'insertText' || !event.data || !answerNote(view, event.data)) return false;
              event.preventDefault();
              return true;
            },
            compositionstart: (view) => {
              if (view.editable && selectsWholeNote(view.state)) view.dispatch(clearNoteForAnswer(view.state));
              return false;
            },
          },
          handleTextInput: (view, from, to, text) => {
            const { selection } = view.state;
            return selection.from === from && selection.to === to && answerNote(view, text);
          },
        },
      }),
    ];
  },
});
