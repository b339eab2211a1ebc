// What the photo panel warns about: a figure still waiting for its photo (web-copy imports make
// them), a figure without caption, credit or alt text, or a photo too small for the web. Pure, so the panel and the pre-approval checklist (later) agree.
import type { FigureData } from './figures';

export type FigureWarning = 'noPhoto' | 'noCaption' | 'noCredit' | 'noAlt' | 'tooSmall' | 'missingPhoto';

export function figureWarnings(figure: FigureData, photo: { width: number } | null | undefined, minWidth: number): FigureWarning[] {
  const out: FigureWarning[] = [];
  if (!figure.photoId) out.push('noPhoto');
  if (!figure.caption) out.push('noCaption');
  if (!figure.credit) out.push('noCredit');
  if (!figure.alt) out.push('noAlt');
  if (!figure.photoId) return out; // no photo yet: nothing to find in the library or to measure
  if (photo === null) out.push('missingPhoto');
  else if (photo && photo.width < minWidth) out.push('tooSmall');
  return out;
}
