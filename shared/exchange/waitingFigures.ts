// A figure still waiting for its photo (web copy brings caption lines without one) is not
// publishable: a caption under no photo. Publication formats leave it out and say so; only the PDF
// proof, the desk's own copy, shows it (as a framed empty place).
import type { Block } from './blocks';
import type { ExportArticle } from './types';
import { excerpt } from '../workflow/places';

/** A figure left out: its number in the body ("사진 2") and the start of its caption, as the checklist names it. */
export interface LeftOutFigure {
  figure: number;
  caption: string;
}

/** The article without its waiting figures, the figure blocks renumbered to the figures kept. */
export function withoutWaitingFigures(a: ExportArticle): { doc: ExportArticle; leftOut: LeftOutFigure[] } {
  const leftOut: LeftOutFigure[] = [];
  const newIndex = new Map<number, number>();
  const figures = a.figures.filter((f, i) => {
    if (f.photoId) {
      newIndex.set(i, newIndex.size);
      return true;
    }
    leftOut.push({ figure: i + 1, caption: excerpt(f.caption) });
    return false;
  });
  if (leftOut.length === 0) return { doc: a, leftOut };
  const keep = (blocks: readonly Block[]): Block[] =>
    blocks.flatMap((b): Block[] => {
      if (b.type === 'figure') return newIndex.has(b.index) ? [{ type: 'figure', index: newIndex.get(b.index)! }] : [];
      if (b.type === 'quote') return [{ ...b, blocks: keep(b.blocks) }];
      if (b.type === 'list') return [{ ...b, items: b.items.map(keep) }];
      return [b];
    });
  return { doc: { ...a, figures, blocks: keep(a.blocks) }, leftOut };
}
