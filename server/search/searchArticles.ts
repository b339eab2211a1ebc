// The library list on the server: one window of a query (scope, search text, filters, order) with
// the total and the per-state counts, answered from the search table by SQL, the same answer the
// desktop's index gives for the same articles (server/search/sameAsDesktop.test.ts checks it).
import type { ArticleStatus } from '../../shared/model/article';
import { ArticleStatusSchema } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import type { FieldText } from '../../shared/search/articleText';
import type { ArticleQuery, QueryResult, ResultRow } from '../../shared/search/query';
import { findMarks, parseQuery, type QueryPart } from '../../shared/search/tokenize';
import { HEADLINE_COLLATOR } from '../../core/search/ListTable';
import { WAITING } from '../../core/search/runQuery';
import { snippetOf } from '../../core/search/snippet';
import type { Database, Queryable } from '../db/Database';
import { FIELD_WEIGHTS } from '../../core/search/SearchIndex';
import { anyPartQuery, filterKey, matchQuery, partQuery } from './searchTerms';

/** Adds a parameter and gives its placeholder. */
export type Bind = (value: unknown) => string;

export interface SearchOptions {
  /**
   * Who may see what: an SQL condition on the search table (alias `s`: id, status, trashed; join
   * `articles` on `s.id` for more) added to every query, with its values bound through `bind`.
   * Without it every article is listed (the article service supplies the draft rule).
   */
  visibility?: (bind: Bind) => string;
}

/** A part's score for one article: the best field weight of any term the part matches there. */
function partScore(part: QueryPart, bind: Bind): string {
  const q = (labels: string) => `${bind(partQuery(part, labels))}::tsquery`;
  const any = `${bind(partQuery(part))}::tsquery`;
  // Only where no better field holds the part and a notes-only term does is the body checked
  // (rare): the terms left once the high and low ones are taken out are the body's.
  return `CASE WHEN r.high @@ ${q('A')} THEN ${FIELD_WEIGHTS.headline} WHEN r.high @@ ${q('B')} THEN ${FIELD_WEIGHTS.kicker}
    WHEN r.high @@ ${q('C')} THEN ${FIELD_WEIGHTS.deck} WHEN r.high @@ ${q('D')} THEN ${FIELD_WEIGHTS.byline}
    WHEN r.low @@ ${q('A')} THEN ${FIELD_WEIGHTS.caption} WHEN NOT (r.low @@ ${q('B')}) THEN ${FIELD_WEIGHTS.body}
    WHEN ts_delete((SELECT x.terms FROM search_articles x WHERE x.id = r.id), tsvector_to_array(r.high) || tsvector_to_array(r.low)) @@ ${any} THEN ${FIELD_WEIGHTS.body}
    ELSE ${FIELD_WEIGHTS.notes} END`;
}

/**
 * One window of the list for `viewer`. Pass the Database (not a transaction's handle) where you
 * can: the query then runs in a read transaction of its own that tells the planner to reach hits
 * through the GIN index (its row estimate for a common word makes a full scan look cheaper, but a
 * full scan would unpack every article's terms).
 */
export async function searchArticles(db: Queryable | Database, query: ArticleQuery, viewer: Person, offset: number, limit: number, opts: SearchOptions = {}): Promise<QueryResult> {
  const { total, counts, ids } = await searchIds(db, query, viewer, offset, limit, opts);
  const parsed = parseQuery(query.text);
  return { total, counts, rows: await rowsOf(db, ids, parsed.parts.length > 0 ? parsed : null), indexing: null };
}

/** The ids of one window of the list, in order, with the total and per-state counts (queryArticleIds takes a window from 0). */
export async function searchIds(
  db: Queryable | Database,
  query: ArticleQuery,
  viewer: Person,
  offset: number,
  limit: number,
  opts: SearchOptions = {},
): Promise<Pick<QueryResult, 'total' | 'counts'> & { ids: string[] }> {
  const params: unknown[] = [];
  const bind: Bind = (v) => {
    params.push(v);
    return `$${params.length}`;
  };
  const f = query.filters;
  const parsed = parseQuery(query.text);
  const searching = parsed.parts.length > 0;
  // The text and the desk, tag and reporter filters are one tsquery on the terms' GIN index.
  const match: string[] = [];
  if (searching) match.push(matchQuery(parsed));
  if (f.desk) match.push(filterKey.desk(f.desk));
  if (f.tag) match.push(filterKey.tag(f.tag));
  if (f.reporter) {
    // As on the desktop: the owner, or a reporter in the byline under the person's name or byline
    // name; an unknown person filters nothing.
    const [who] = await db.query<{ name: string; byline_name: string }>('SELECT name, byline_name FROM people WHERE id = $1', [f.reporter]);
    if (who) match.push(`(${[filterKey.owner(f.reporter), ...[who.name, who.byline_name].filter(Boolean).map(filterKey.reporter)].join(' | ')})`);
  }
  const where = [`s.trashed = ${bind(query.scope === 'trash')}`];
  if (match.length) where.push(`s.terms @@ ${bind(match.join(' & '))}::tsquery`);
  if (f.from) where.push(`s.updated_at >= ${bind(f.from)}::timestamptz`);
  if (f.to) where.push(`s.updated_at < ${bind(f.to)}::timestamptz`);
  if (opts.visibility) where.push(`(${opts.visibility(bind)})`);
  // Ranked by relevance: only the hits with a part outside the body score other than 2 a part.
  const ranked = searching && query.order === 'auto';
  const rankSql = ranked
    ? `, t AS MATERIALIZED (
        SELECT r.id, ${parsed.parts.map((p) => `(${partScore(p, bind)})`).join(' + ')} AS score
        FROM search_rank r WHERE r.high @@ ${bind(anyPartQuery(parsed))}::tsquery OR r.low @@ ${bind(anyPartQuery(parsed))}::tsquery
      )`
    : '';
  const score = ranked ? `coalesce(t.score, ${FIELD_WEIGHTS.body * parsed.parts.length})` : '0';
  const stateFilter = f.state === 'all' ? 'true' : `m.status = ${bind(f.state)}`;
  const waiting = WAITING[viewer.role];
  const rank = query.order !== 'auto' ? '' : searching ? 'score DESC, ' : `CASE status ${waiting.map((st, i) => `WHEN ${bind(st)} THEN ${i}`).join(' ')} ELSE ${waiting.length} END, `;
  const byDate = query.order === 'created' ? 'created_at' : 'updated_at';
  const headlineOrder = query.order === 'headline';
  const sql = `
    WITH m AS MATERIALIZED (
      SELECT s.id, s.status, s.created_at, s.updated_at FROM search_articles s WHERE ${where.join(' AND ')}
    )${rankSql}, listed AS (
      SELECT m.id, m.status, m.created_at, m.updated_at, ${score} AS score FROM m ${ranked ? 'LEFT JOIN t USING (id)' : ''} WHERE ${stateFilter}
    )
    SELECT
      (SELECT coalesce(json_object_agg(status, n), '{}'::json) FROM (SELECT status, count(*)::int AS n FROM m GROUP BY status) c) AS counts,
      (SELECT count(*)::int FROM listed) AS total,
      ${
        headlineOrder
          ? `(SELECT coalesce(json_agg(json_build_array(l.id, w.headline, l.updated_at)), '[]'::json) FROM listed l JOIN search_rows w USING (id)) AS ids`
          : `(SELECT coalesce(json_agg(id), '[]'::json) FROM (SELECT id FROM listed ORDER BY ${rank}${byDate} DESC, id DESC OFFSET ${bind(offset)} LIMIT ${bind(limit)}) w) AS ids`
      }`;
  const run = async (q: Queryable) => (await q.query<{ counts: Record<string, number>; total: number; ids: unknown[] }>(sql, params))[0];
  const row =
    match.length && 'transaction' in db
      ? await db.transaction(async (tx) => {
          await tx.query('SET LOCAL enable_seqscan = off');
          return run(tx);
        })
      : await run(db);
  const ids = headlineOrder ? byHeadline(row.ids as [string, string, string][]).slice(offset, offset + limit) : (row.ids as string[]);
  const counts = { all: 0 } as Record<ArticleStatus | 'all', number>;
  for (const st of ArticleStatusSchema.options) {
    counts[st] = row.counts[st] ?? 0;
    counts.all += counts[st];
  }
  return { total: row.total, counts, ids };
}

/** Headlines by the desktop's collator, untitled last, ties newest first (no SQL collation sorts the same everywhere). */
function byHeadline(rows: [string, string, string][]): string[] {
  const when = rows.map((r) => Date.parse(r[2]));
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    const ha = rows[a][1];
    const hb = rows[b][1];
    if (!ha !== !hb) return ha ? -1 : 1;
    return HEADLINE_COLLATOR.compare(ha, hb) || when[b] - when[a] || (rows[a][0] < rows[b][0] ? 1 : -1);
  });
  return order.map((i) => rows[i][0]);
}

/** The shown rows: summaries, and with a search the headline's marks and the snippet. */
async function rowsOf(db: Queryable, ids: string[], parsed: ReturnType<typeof parseQuery> | null): Promise<ResultRow[]> {
  if (ids.length === 0) return [];
  const found = await db.query<{ id: string; summary: ResultRow['summary']; fields: FieldText[] | null }>(
    `SELECT id, summary, ${parsed ? 'fields' : 'NULL AS fields'} FROM search_rows WHERE id = ANY($1::text[])`,
    [ids],
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    if (!parsed) return [{ summary: r.summary, headlineMarks: [], snippet: null }];
    return [{ summary: r.summary, headlineMarks: findMarks(r.summary.headline, parsed), snippet: snippetOf(r.fields ?? [], parsed) }];
  });
}
