// Counts over the article body (TipTap JSON). Each textblock is one paragraph for the grid; the
// renderer counts block by block and caches per node, so these work on one block's text at a time.
import type { DocNode } from '../model/article';
import { countText, type TextCounts } from './countText';
import { manuscriptRows } from './manuscriptRows';
import { NOTE_MARK } from '../workflow/notes';

export type BlockCounts = TextCounts & { rows: number };

/** Node types whose text is a caption, counted apart from the body. */
export const CAPTION_TYPES = new Set(['figure', 'figureCaption']);
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'figureCaption']);

export function emptyCounts(): BlockCounts {
  return { chars: 0, charsNoSpaces: 0, words: 0, rows: 0 };
}

export function addCounts(a: BlockCounts, b: BlockCounts): BlockCounts {
  return { chars: a.chars + b.chars, charsNoSpaces: a.charsNoSpaces + b.charsNoSpaces, words: a.words + b.words, rows: a.rows + b.rows };
}

/** Inline text of a textblock; a hard break reads as a space and stays in the same paragraph. */
export function inlineText(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(inlineText).join('');
}

const isNoteText = (n: DocNode) => n.type === 'text' && (n.marks ?? []).some((m) => m.type === NOTE_MARK);
const PUNCTUATION_AFTER = /^[.,!?;:。、]/;

/**
 * What counts toward a textblock's length, and its editor's-note text apart. Notes are for the
 * desk and never published (stripNotes), so they do not count; where one is left out, the space
 * it leaves doubled or before punctuation is dropped, as the published text has it. The one rule
 * of what counts: the length panel, the checklist and every 매수 go through here.
 */
export function countedText(block: DocNode): { text: string; notes: string } {
  let text = '';
  let notes = '';
  let gap = false; // a note was just left out
  for (const child of block.content ?? []) {
    if (isNoteText(child)) {
      notes += child.text ?? '';
      gap = true;
      continue;
    }
    let piece = inlineText(child);
    if (gap && (text === '' || /\s$/.test(text))) piece = piece.replace(/^\s+/, '');
    if (gap && PUNCTUATION_AFTER.test(piece)) text = text.replace(/\s+$/, '');
    text += piece;
    if (piece) gap = false;
  }
  if (gap) text = text.replace(/\s+$/, '');
  return { text, notes };
}

export function countBlock(text: string): BlockCounts {
  return { ...countText(text), rows: manuscriptRows(text) };
}

export function countBlocks(texts: readonly string[]): BlockCounts {
  return texts.reduce((sum, t) => addCounts(sum, countBlock(t)), emptyCounts());
}

/** The counted text of each textblock in document order, split into body and captions, and the editor's-note text apart. */
export function blockTexts(doc: DocNode): { body: string[]; captions: string[]; notes: string[] } {
  const out = { body: [] as string[], captions: [] as string[], notes: [] as string[] };
  const walk = (node: DocNode, inCaption: boolean) => {
    const caption = inCaption || CAPTION_TYPES.has(node.type);
    if (TEXTBLOCKS.has(node.type)) {
      const { text, notes } = countedText(node);
      (caption ? out.captions : out.body).push(text);
      if (notes) out.notes.push(notes);
      return;
    }
    node.content?.forEach((child) => walk(child, caption));
  };
  walk(doc, false);
  return out;
}
