// A textblock's text as house style and spelling read it, in the editor and on the approval
// checklist alike: one character per document position, so a finding's offset is its position in
// the paragraph and a kept finding is known by the same text on every machine. Editor's notes are
// never published and never checked: their characters, and any other inline node, become U+FFFC,
// which no rule matches; a line break is a newline.
import type { DocNode } from '../model/article';
import { NOTE_MARK } from '../workflow/notes';

export const HIDDEN = '\uFFFC';

/** One child of a textblock, as ProseMirror nodes and their JSON both describe it. */
export type InlinePiece = { text: string | null; note: boolean; hardBreak: boolean; size: number };

export function checkedText(pieces: Iterable<InlinePiece>): string {
  let text = '';
  for (const piece of pieces) {
    if (piece.text !== null) text += piece.note ? HIDDEN.repeat(piece.text.length) : piece.text;
    else text += piece.hardBreak ? '\n' : HIDDEN.repeat(piece.size);
  }
  return text;
}

function* jsonPieces(block: DocNode): Iterable<InlinePiece> {
  for (const child of block.content ?? []) {
    if (child.type === 'text') yield { text: child.text ?? '', note: (child.marks ?? []).some((m) => m.type === NOTE_MARK), hardBreak: false, size: (child.text ?? '').length };
    // Inline nodes in a textblock are leaves: one position each.
    else yield { text: null, note: false, hardBreak: child.type === 'hardBreak', size: 1 };
  }
}

/** The checked text of a textblock in an article's JSON body. */
export function checkedTextOf(block: DocNode): string {
  return checkedText(jsonPieces(block));
}
