// What the library list keeps of an article (its index entry's summary), in one place for the
// library and the benches that write a library directly. Counting the 매수 here costs a walk of
// the body per save, a fraction of writing the file.
import type { Article, ArticleSummary } from '../../shared/model/article';
import { bodySheets } from '../../shared/counting/sheets';
import { photoIdsIn } from '../../shared/photos/figures';

export function summarise(a: Article): ArticleSummary {
  return {
    id: a.id,
    language: a.language,
    kicker: a.kicker,
    headline: a.headline,
    byline: a.byline,
    status: a.status,
    revision: a.revision,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    trashedAt: a.trashedAt,
    ownerId: a.ownerId,
    embargo: a.embargo,
    lastTransition: a.lastTransition,
    sheets: bodySheets(a.body),
    photoCount: photoIdsIn(a.body).length,
  };
}
