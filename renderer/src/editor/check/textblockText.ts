// The editor's textblocks as the checker reads them (shared/style/checkedText.ts holds the rule).
import type { Node as PmNode } from '@tiptap/pm/model';
import { checkedText, type InlinePiece } from '../../../../shared/style/checkedText';
import { NOTE_MARK } from '../../../../shared/workflow/notes';

function* pieces(block: PmNode): Iterable<InlinePiece> {
  for (let i = 0; i < block.childCount; i++) {
    const child = block.child(i);
    yield { text: child.isText ? (child.text ?? '') : null, note: child.marks.some((m) => m.type.name === NOTE_MARK), hardBreak: child.type.name === 'hardBreak', size: child.nodeSize };
  }
}

export function textblockText(block: PmNode): string {
  return checkedText(pieces(block));
}

/** Each textblock of the document with the position where its text starts. */
export function textblocks(doc: PmNode): Array<{ start: number; node: PmNode }> {
  const blocks: Array<{ start: number; node: PmNode }> = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      blocks.push({ start: pos + 1, node });
      return false;
    }
    return true;
  });
  return blocks;
}
