// Counts over the article body (TipTap JSON). Each textblock is one paragraph for the grid; the
// renderer counts block by block and caches per node, so these work on one block's text at a time.
import type { DocNode } from '../model/article';
import { countText, type TextCounts } from './countText';
import { manuscriptRows } from './manuscriptRows';

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

export function countBlock(text: string): BlockCounts {
  return { ...countText(text), rows: manuscriptRows(text) };
}

export function countBlocks(texts: readonly string[]): BlockCounts {
  return texts.reduce((sum, t) => addCounts(sum, countBlock(t)), emptyCounts());
}

/** Plain text of each textblock in document order, split into body and captions. */
export function blockTexts(doc: DocNode): { body: string[]; captions: string[] } {
  const out = { body: [] as string[], captions: [] as string[] };
  const walk = (node: DocNode, inCaption: boolean) => {
    const caption = inCaption || CAPTION_TYPES.has(node.type);
    if (TEXTBLOCKS.has(node.type)) {
      (caption ? out.captions : out.body).push(inlineText(node));
      return;
    }
    node.content?.forEach((child) => walk(child, caption));
  };
  walk(doc, false);
  return out;
}
