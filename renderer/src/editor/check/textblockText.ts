// A textblock's text as the checker reads it, one character per document position, so a finding's
// offset is its position in the paragraph. Editor's notes are never published and never checked:
// their characters become U+FFFC, which no rule matches, so the offsets around them still hold.
import type { Node as PmNode } from '@tiptap/pm/model';

const HIDDEN = '\uFFFC';

export function textblockText(block: PmNode): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText) {
      const value = child.text ?? '';
      text += child.marks.some((m) => m.type.name === 'editorNote') ? HIDDEN.repeat(value.length) : value;
    } else {
      text += child.type.name === 'hardBreak' ? '\n' : HIDDEN.repeat(child.nodeSize);
    }
  });
  return text;
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
