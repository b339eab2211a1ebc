// Keeping the search tables in step with the articles: the article service calls `indexArticle`
// on every write and `removeArticle` on a purge, inside its own transaction, so the list every
// server instance reads changes exactly when the article does.
import type { Article } from '../../shared/model/article';
import { articleText } from '../../shared/search/articleText';
import { summarise } from '../../core/articleSummary';
import type { Queryable } from '../db/Database';
import { articleTerms } from './searchTerms';

interface TableRows {
  article: unknown[];
  rank: unknown[];
  row: unknown[];
  /** [kind, value, id] per desk and tag. */
  facets: unknown[][];
}

function rowsOf(a: Article): TableRows {
  const fields = articleText(a);
  const t = articleTerms(fields, { desk: a.byline.desk, tags: a.tags, ownerId: a.ownerId, reporterNames: a.byline.reporters.map((r) => r.name) });
  return {
    article: [a.id, a.trashedAt !== null, a.status, a.createdAt, a.updatedAt, t.terms],
    rank: [a.id, t.high, t.low],
    row: [a.id, a.headline, JSON.stringify(summarise(a)), JSON.stringify(fields)],
    facets: [...(a.byline.desk ? [['desk', a.byline.desk, a.id]] : []), ...[...new Set(a.tags)].filter(Boolean).map((tag) => ['tag', tag, a.id])],
  };
}

/** `($1, $2::x), ($3, $4::x)…` for `rows` rows of these casts. */
function placeholders(rows: number, casts: readonly string[]): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) out.push(`(${casts.map((cast, c) => `$${r * casts.length + c + 1}${cast}`).join(', ')})`);
  return out.join(', ');
}

/** Writes the rows of these articles (new or changed), many to a statement (a bulk load passes hundreds). */
export async function indexArticles(q: Queryable, articles: readonly Article[]): Promise<void> {
  if (articles.length === 0) return;
  const rows = articles.map(rowsOf);
  await q.query(
    `INSERT INTO search_articles (id, trashed, status, created_at, updated_at, terms)
     VALUES ${placeholders(rows.length, ['', '', '', '::timestamptz', '::timestamptz', '::tsvector'])}
     ON CONFLICT (id) DO UPDATE SET trashed = EXCLUDED.trashed, status = EXCLUDED.status, created_at = EXCLUDED.created_at,
       updated_at = EXCLUDED.updated_at, terms = EXCLUDED.terms`,
    rows.flatMap((r) => r.article),
  );
  await q.query(
    `INSERT INTO search_rank (id, high, low) VALUES ${placeholders(rows.length, ['', '::tsvector', '::tsvector'])}
     ON CONFLICT (id) DO UPDATE SET high = EXCLUDED.high, low = EXCLUDED.low`,
    rows.flatMap((r) => r.rank),
  );
  await q.query(
    `INSERT INTO search_rows (id, headline, summary, fields) VALUES ${placeholders(rows.length, ['', '', '::jsonb', '::jsonb'])}
     ON CONFLICT (id) DO UPDATE SET headline = EXCLUDED.headline, summary = EXCLUDED.summary, fields = EXCLUDED.fields`,
    rows.flatMap((r) => r.row),
  );
  // The menus' rows: the article's desk and tags as they are now, and no others.
  await q.query('DELETE FROM search_facets WHERE id = ANY($1::text[])', [articles.map((a) => a.id)]);
  const facets = rows.flatMap((r) => r.facets);
  if (facets.length) await q.query(`INSERT INTO search_facets (kind, value, id) VALUES ${placeholders(facets.length, ['', '', ''])}`, facets.flat());
  await foldCounts(q);
}

/** Past this many rows, a writer folds search_counts (a trigger appends one or two per change). */
const COUNTS_FOLD_AT = 256;
/** Any fixed number: one writer folds at a time, the others go on without waiting. */
const COUNTS_FOLD_LOCK = 7_310_516;

/**
 * Folds the counts' +1/-1 rows into one per (scope, state), when there are many. Only the rows
 * this transaction sees are folded, so rows other writers are adding meanwhile stay as they are.
 */
async function foldCounts(q: Queryable): Promise<void> {
  const [many] = await q.query<{ yes: boolean }>(`SELECT count(*) > ${COUNTS_FOLD_AT} AS yes FROM (SELECT 1 FROM search_counts LIMIT ${COUNTS_FOLD_AT + 1}) c`);
  if (!many?.yes) return;
  const [mine] = await q.query<{ yes: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS yes', [COUNTS_FOLD_LOCK]);
  if (!mine?.yes) return;
  await q.query(
    `WITH gone AS (DELETE FROM search_counts RETURNING trashed, status, n)
     INSERT INTO search_counts (trashed, status, n) SELECT trashed, status, sum(n) FROM gone GROUP BY trashed, status HAVING sum(n) <> 0`,
  );
}

/** The article's list row and terms as they are now: call on every write, in its transaction. */
export function indexArticle(q: Queryable, article: Article): Promise<void> {
  return indexArticles(q, [article]);
}

/** The article is gone for good (purged): it leaves the list, the search and the filter menus (their rows cascade). */
export async function removeArticle(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM search_articles WHERE id = $1', [id]);
  await foldCounts(q);
}
