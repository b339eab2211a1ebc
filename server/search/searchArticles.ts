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
import type { Queryable } from '../db/Database';
import { FIELD_WEIGHTS } from '../../core/search/SearchIndex';
import { matchQuery, partQuery } from './searchTerms';

/** Adds a parameter and gives its placeholder. */
export type Bind = (value: unknown) => string;

export interface SearchOptions {
  /**
   * Who may see what: an SQL condition on the search table (alias `s`: id, status, owner_id,
   * reporter_names, …) added to every query, with its values bound through `bind`. Without it every
   * article is listed (the article service supplies the draft rule).
   */
  visibility?: (bind: Bind) => string;
}

/** A part's score for one article: the best field weight of any term the part matches there. */
function partScore(part: QueryPart, bind: Bind): string {
  const q = (labels: string) => `${bind(partQuery(part, labels))}::tsquery`;
  const any = `${bind(partQuery(part))}::tsquery`;
  // Only where no better field holds the part and a notes-only term does is the body checked
  // (rare): the terms left once the high and low ones are taken out are the body's.
  return `CASE WHEN s.high @@ ${q('A')} THEN ${FIELD_WEIGHTS.headline} WHEN s.high @@ ${q('B')} THEN ${FIELD_WEIGHTS.kicker}
    WHEN s.high @@ ${q('C')} THEN ${FIELD_WEIGHTS.deck} WHEN s.high @@ ${q('D')} THEN ${FIELD_WEIGHTS.byline}
    WHEN s.low @@ ${q('A')} THEN ${FIELD_WEIGHTS.caption} WHEN NOT (s.low @@ ${q('B')}) THEN ${FIELD_WEIGHTS.body}
    WHEN ts_delete(s.terms, tsvector_to_array(s.high) || tsvector_to_array(s.low)) @@ ${any} THEN ${FIELD_WEIGHTS.body}
    ELSE ${FIELD_WEIGHTS.notes} END`;
}

export async function searchArticles(db: Queryable, query: ArticleQuery, viewer: Person, offset: number, limit: number, opts: SearchOptions = {}): Promise<QueryResult> {
  const params: unknown[] = [];
  const bind: Bind = (v) => {
    params.push(v);
    return `$${params.length}`;
  };
  const f = query.filters;
  const parsed = parseQuery(query.text);
  const searching = parsed.parts.length > 0;
  const where = [`s.trashed = ${bind(query.scope === 'trash')}`];
  if (searching) where.push(`s.terms @@ ${bind(matchQuery(parsed))}::tsquery`);
  if (f.desk) where.push(`s.desk = ${bind(f.desk)}`);
  if (f.from) where.push(`s.updated_at >= ${bind(f.from)}::timestamptz`);
  if (f.to) where.push(`s.updated_at < ${bind(f.to)}::timestamptz`);
  if (f.tag) where.push(`s.tags @> ARRAY[${bind(f.tag)}::text]`);
  if (f.reporter) {
    // As on the desktop: the owner, or a reporter in the byline under the person's name or byline name.
    const [who] = await db.query<{ name: string; byline_name: string }>('SELECT name, byline_name FROM people WHERE id = $1', [f.reporter]);
    if (who) where.push(`(s.owner_id = ${bind(f.reporter)} OR s.reporter_names && ${bind([who.name, who.byline_name].filter(Boolean))}::text[])`);
  }
  if (opts.visibility) where.push(`(${opts.visibility(bind)})`);
  const score = searching ? parsed.parts.map((p) => `(${partScore(p, bind)})`).join(' + ') : '0';
  const stateFilter = f.state === 'all' ? 'true' : `status = ${bind(f.state)}`;
  const waiting = WAITING[viewer.role];
  const rank = query.order !== 'auto' ? '' : searching ? 'score DESC, ' : `CASE status ${waiting.map((st, i) => `WHEN ${bind(st)} THEN ${i}`).join(' ')} ELSE ${waiting.length} END, `;
  const byDate = query.order === 'created' ? 'created_at' : 'updated_at';
  const headlineOrder = query.order === 'headline';
  const sql = `
    WITH hits AS MATERIALIZED (
      SELECT s.id, s.status, s.headline, s.created_at, s.updated_at, ${score} AS score
      FROM search_articles s WHERE ${where.join(' AND ')}
    ), listed AS (
      SELECT * FROM hits WHERE ${stateFilter}
    )
    SELECT
      (SELECT coalesce(json_object_agg(status, n), '{}'::json) FROM (SELECT status, count(*)::int AS n FROM hits GROUP BY status) c) AS counts,
      (SELECT count(*)::int FROM listed) AS total,
      ${
        headlineOrder
          ? `(SELECT coalesce(json_agg(json_build_array(id, headline, updated_at)), '[]'::json) FROM listed) AS ids`
          : `(SELECT coalesce(json_agg(id), '[]'::json) FROM (SELECT id FROM listed ORDER BY ${rank}${byDate} DESC, id DESC OFFSET ${bind(offset)} LIMIT ${bind(limit)}) w) AS ids`
      }`;
  const [row] = await db.query<{ counts: Record<string, number>; total: number; ids: unknown[] }>(sql, params);
  const ids = headlineOrder ? byHeadline(row.ids as [string, string, string][]).slice(offset, offset + limit) : (row.ids as string[]);
  const counts = { all: 0 } as Record<ArticleStatus | 'all', number>;
  for (const st of ArticleStatusSchema.options) {
    counts[st] = row.counts[st] ?? 0;
    counts.all += counts[st];
  }
  return { total: row.total, counts, rows: await rowsOf(db, ids, searching ? parsed : null), indexing: null };
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
