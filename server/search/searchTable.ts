// Keeping the search table in step with the articles: the article service calls `indexArticle`
// on every write and `removeArticle` on a purge, inside its own transaction, so the list every
// server instance reads changes exactly when the article does.
import type { Article, ArticleSummary } from '../../shared/model/article';
import { articleText, type FieldText } from '../../shared/search/articleText';
import { summarise } from '../../core/articleSummary';
import type { Queryable } from '../db/Database';
import { articleTerms } from './searchTerms';

const COLUMNS = ['id', 'trashed', 'status', 'desk', 'owner_id', 'reporter_names', 'tags', 'headline', 'created_at', 'updated_at', 'terms', 'high', 'low'];
const CASTS = ['', '', '', '', '', '::text[]', '::text[]', '', '::timestamptz', '::timestamptz', '::tsvector', '::tsvector', '::tsvector'];

interface RowValues {
  article: unknown[];
  row: [string, string, string];
}

function valuesOf(a: Article): RowValues {
  const summary: ArticleSummary = summarise(a);
  const fields: FieldText[] = articleText(a);
  const t = articleTerms(fields);
  return {
    article: [a.id, a.trashedAt !== null, a.status, a.byline.desk, a.ownerId, a.byline.reporters.map((r) => r.name), a.tags, a.headline, a.createdAt, a.updatedAt, t.terms, t.high, t.low],
    row: [a.id, JSON.stringify(summary), JSON.stringify(fields)],
  };
}

function placeholders(rows: number, width: number, casts: readonly string[] = []): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) out.push(`(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}${casts[c] ?? ''}`).join(', ')})`);
  return out.join(', ');
}

const UPDATE_ARTICLE = COLUMNS.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ');

/** Writes rows for these articles (new or changed), several to a statement. */
export async function indexArticles(q: Queryable, articles: readonly Article[]): Promise<void> {
  if (articles.length === 0) return;
  const values = articles.map(valuesOf);
  await q.query(
    `INSERT INTO search_articles (${COLUMNS.join(', ')}) VALUES ${placeholders(values.length, COLUMNS.length, CASTS)}
     ON CONFLICT (id) DO UPDATE SET ${UPDATE_ARTICLE}`,
    values.flatMap((v) => v.article),
  );
  await q.query(
    `INSERT INTO search_rows (id, summary, fields) VALUES ${placeholders(values.length, 3, ['', '::jsonb', '::jsonb'])}
     ON CONFLICT (id) DO UPDATE SET summary = EXCLUDED.summary, fields = EXCLUDED.fields`,
    values.flatMap((v) => v.row),
  );
}

/** The article's list row and terms as they are now: call on every write, in its transaction. */
export function indexArticle(q: Queryable, article: Article): Promise<void> {
  return indexArticles(q, [article]);
}

/** The article is gone for good (purged): it leaves the list and the search. */
export async function removeArticle(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM search_articles WHERE id = $1', [id]);
}
