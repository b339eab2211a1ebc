// A new figure prefilled from what the photo's file says: caption, credit (the credit line, or
// the creator when there is none) and alt text. The same values are kept as `fromFile` so the UI
// can show which ones the desk has not changed.
import type { PhotoInfo } from '../../../shared/model/photo';
import type { NewFigure } from '../editor/figure/Figure';

export function figureFromPhoto(photo: PhotoInfo): NewFigure {
  const m = photo.metadata;
  const caption = m.caption.replace(/\s+/g, ' ').trim();
  const credit = (m.credit || m.creator.join(', ')).trim();
  const alt = m.altText.trim();
  return { photoId: photo.id, caption, credit, alt, fromFile: { caption, credit, alt } };
}
