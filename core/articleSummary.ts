// What the library list keeps of an article (its index entry's summary), in one place for the
// library and the benches that write a library directly.
import { headerOf, type Article, type ArticleSummary } from '../shared/model/article';
import { bodySheets } from '../shared/counting/sheets';
import { manuscriptRows } from '../shared/counting/manuscriptRows';
import { figuresIn, photoIdsIn } from '../shared/photos/figures';

// The 매수 is counted on every save, and the grid walk costs about 50 µs a paragraph (a 600-매
// story: 90 ms). A save changes a paragraph or two, so paragraphs already counted are remembered.
const ROWS_REMEMBERED = 20_000;
const rows = new Map<string, number>();
function rowsOf(paragraph: string): number {
  let n = rows.get(paragraph);
  if (n === undefined) {
    if (rows.size >= ROWS_REMEMBERED) rows.clear();
    n = manuscriptRows(paragraph);
    rows.set(paragraph, n);
  }
  return n;
}

export function summarise(a: Article): ArticleSummary {
  return {
    ...headerOf(a),
    byline: a.byline,
    ownerId: a.ownerId,
    embargo: a.embargo,
    lastTransition: a.lastTransition,
    sheets: bodySheets(a.body, rowsOf),
    photoCount: photoIdsIn(a.body).length,
    waitingPhotos: figuresIn(a.body).filter((f) => !f.photoId).length,
  };
}
