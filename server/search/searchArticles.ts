// The library list on the server: one window of a query (scope, search text, filters, order) with
// the total and the per-state counts, answered from the search table by SQL, the same answer the
// desktop's index gives for the same articles (server/search/sameAsDesktop.test.ts checks it).
import type { ArticleStatus } from '../../shared/model/article';
import { ArticleStatusSchema } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import type { FieldText } from '../../shared/search/articleText';
import type { ArticleQuery, QueryResult, ResultRow } from '../../shared/search/query';
import { findMarks, parseQuery, type ParsedQuery, type QueryPart } from '../../shared/search/tokenize';
import { HEADLINE_COLLATOR } from '../../core/search/ListTable';
import { WAITING } from '../../core/search/runQuery';
import { snippetOf } from '../../core/search/snippet';
import type { Database, Queryable } from '../db/Database';
import { FIELD_WEIGHTS } from '../../core/search/SearchIndex';
import { FIELD_BUCKETS, filterKey, labelQuery, matchQuery, partQuery } from './searchTerms';

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

/** One statement's parameters: `bind` adds one and gives its placeholder. */
function statement(): { params: unknown[]; bind: Bind } {
  const params: unknown[] = [];
  return { params, bind: (v) => (params.push(v), `$${params.length}`) };
}

/** A run of the list's order (one queue state, say) and how many rows it holds. */
interface Bucket {
  where: (bind: Bind) => string;
  size: number;
}

/**
 * One window of the list for `viewer`. Pass the Database (not a transaction's handle) where you
 * can: the queries then run in a read transaction of their own that turns off JIT compilation
 * (a plan's cost estimate over 100,000 rows would compile it, which takes longer than the query)
 * and tells the planner to reach hits through the GIN index (its row estimate for a common word
 * makes a full scan look cheaper, but a full scan would unpack every article's terms).
 *
 * The per-state counts are one pass over the matches (the total is one of them), and the window
 * is read run by run in the list's order (the role's waiting states, or a one-part search's best
 * fields), each run newest first through an index, so the first page sorts no more than it shows.
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
  /** Scope, text, filters (but the state) and visibility, with `also` (more tsquery) in the one GIN lookup. */
  const where = (bind: Bind, also: string[] = []) => {
    const all = [...match, ...also];
    // With terms to match, the scope is written so no btree can serve it: hits come through the
    // GIN index only. A planner without statistics (PGlite is never analysed) would otherwise
    // read every article in scope through the btree and unpack each one's terms to test it.
    // (PostgreSQL turns `IS NOT DISTINCT FROM` on a NOT NULL column back into `=`, but not a cast.)
    const trash = query.scope === 'trash';
    const out = [all.length ? `s.trashed::int = ${bind(trash ? 1 : 0)}` : `s.trashed = ${bind(trash)}`];
    if (all.length) out.push(`s.terms @@ ${bind(all.join(' & '))}::tsquery`);
    if (f.from) out.push(`s.updated_at >= ${bind(f.from)}::timestamptz`);
    if (f.to) out.push(`s.updated_at < ${bind(f.to)}::timestamptz`);
    if (opts.visibility) out.push(`(${opts.visibility(bind)})`);
    return out.join(' AND ');
  };
  const stateIs = (bind: Bind) => (f.state === 'all' ? 'true' : `s.status = ${bind(f.state)}`);
  const byDate = query.order === 'created' ? 'created_at' : 'updated_at';

  const read = async (q: Queryable): Promise<{ counts: Record<ArticleStatus | 'all', number>; ids: string[] }> => {
    const c = statement();
    // The whole queue of a scope (no terms, dates or visibility rule) is counted already
    // (search_counts); anything narrower is one plain aggregate over the matches (no grouping to
    // sort or hash, whatever the row estimate).
    const states = ArticleStatusSchema.options;
    const whole = !match.length && !f.from && !f.to && !opts.visibility;
    const [found] = await q.query<Record<string, number>>(
      whole
        ? `SELECT ${states.map((st, i) => `coalesce(sum(c.n) FILTER (WHERE c.status = ${c.bind(st)}), 0)::int AS n${i}`).join(', ')} FROM search_counts c WHERE c.trashed = ${c.bind(query.scope === 'trash')}`
        : `SELECT ${states.map((st, i) => `count(*) FILTER (WHERE s.status = ${c.bind(st)})::int AS n${i}`).join(', ')} FROM search_articles s WHERE ${where(c.bind)}`,
      c.params,
    );
    const counts = { all: 0 } as Record<ArticleStatus | 'all', number>;
    states.forEach((st, i) => {
      counts[st] = found[`n${i}`];
      counts.all += counts[st];
    });
    const total = f.state === 'all' ? counts.all : counts[f.state];
    if (total === 0 || limit <= 0) return { counts, ids: [] };

    /** `take` rows of one run, newest first, after skipping `skip`. */
    const run = async (where: (bind: Bind) => string, skip: number, take: number) => {
      const st = statement();
      const rows = await q.query<{ id: string }>(
        `SELECT s.id FROM search_articles s WHERE ${where(st.bind)} AND ${stateIs(st.bind)} ORDER BY s.${byDate} DESC, s.id DESC OFFSET ${st.bind(skip)} LIMIT ${st.bind(take)}`,
        st.params,
      );
      return rows.map((r) => r.id);
    };
    /** The window over runs in order, each run's size known: only the runs it overlaps are read. */
    const window = async (buckets: Bucket[]) => {
      const ids: string[] = [];
      let skip = offset;
      for (const b of buckets) {
        if (ids.length >= limit) break;
        if (skip >= b.size) {
          skip -= b.size;
          continue;
        }
        ids.push(...(await run(b.where, skip, Math.min(limit - ids.length, b.size - skip))));
        skip = 0;
      }
      return ids;
    };

    if (query.order === 'headline') {
      const st = statement();
      const [row] = await q.query<{ rows: [string, string, string][] }>(
        `SELECT coalesce(json_agg(json_build_array(s.id, w.headline, s.updated_at)), '[]'::json) AS rows
         FROM search_articles s JOIN search_rows w USING (id) WHERE ${where(st.bind)} AND ${stateIs(st.bind)}`,
        st.params,
      );
      return { counts, ids: byHeadline(row.rows).slice(offset, offset + limit) };
    }
    if (!searching || query.order !== 'auto') {
      if (query.order !== 'auto') return { counts, ids: await window([{ where, size: total }]) };
      // The queue: what waits for the role first, state by state, then the rest; each run's size is its count.
      const waiting = WAITING[viewer.role].filter((st) => f.state === 'all' || st === f.state);
      const rest = ArticleStatusSchema.options.filter((st) => !WAITING[viewer.role].includes(st) && (f.state === 'all' || st === f.state));
      return {
        counts,
        ids: await window([
          ...waiting.map((st) => ({ where: (bind: Bind) => `${where(bind)} AND s.status = ${bind(st)}`, size: counts[st] })),
          { where: (bind: Bind) => `${where(bind)} AND s.status = ANY(${bind(rest)}::text[])`, size: rest.reduce((n, st) => n + counts[st], 0) },
        ]),
      };
    }
    if (parsed.parts.length === 1) return { counts, ids: await onePart(q, parsed.parts[0], where, run, offset, limit) };
    return { counts, ids: await scored(q, parsed, where, stateIs, byDate, offset, limit) };
  };
  const { counts, ids } =
    'transaction' in db
      ? await db.transaction(async (tx) => {
          // One snapshot for the counts and the window (a write between them would make them
          // disagree); read-only, so it never fails to serialise. Then, for these statements only:
          // no JIT; with terms to match, hits from the GIN index alone: walking the date index
          // and testing each row's terms (what the planner picks when it expects hits to be
          // common) unpacks every row it passes, all of them for a rare word; the scope written
          // as a cast (below) has no statistics, and its guess of 1 row in 200 would have hits
          // joined to their scores row by row; no parallel workers, which cost more to start
          // than these short queries take.
          const off = ['jit', ...(match.length ? ['enable_seqscan', 'enable_indexscan', 'enable_nestloop'] : [])];
          await tx.exec(
            ['SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY', ...off.map((name) => `SET LOCAL ${name} = off`), 'SET LOCAL max_parallel_workers_per_gather = 0'].join('; '),
          );
          return read(tx);
        })
      : await read(db);
  return { total: f.state === 'all' ? counts.all : counts[f.state], counts, ids };
}

type Where = (bind: Bind, also?: string[]) => string;
type Run = (where: (bind: Bind) => string, skip: number, take: number) => Promise<string[]>;

/**
 * A one-part search by relevance: its score is the weight of the best field its terms are in, so
 * the list is the hits best in the headline newest first, then the kicker's, and so on down to
 * the body's (every hit in no labelled field) and the notes'. Each labelled run is one GIN lookup
 * (`#hA:term`); a run is read only while the window is not full.
 */
async function onePart(q: Queryable, part: QueryPart, where: Where, run: Run, offset: number, limit: number): Promise<string[]> {
  const need = offset + limit;
  const ids: string[] = [];
  // A prefix matches several terms, so a hit can be in several runs: it stays in its best one.
  const seen = (bind: Bind) => (ids.length ? ` AND NOT (s.id = ANY(${bind([...ids])}::text[]))` : '');
  const above = FIELD_BUCKETS.filter((b) => b.weight > FIELD_WEIGHTS.body && b.label);
  const below = FIELD_BUCKETS.filter((b) => b.weight < FIELD_WEIGHTS.body && b.label);
  for (const b of above) {
    ids.push(...(await run((bind) => where(bind, [labelQuery(part, b.label!)]) + seen(bind), 0, need - ids.length)));
    if (ids.length >= need) return ids.slice(offset, need);
  }
  // The hits only in fields below the body (the notes): few, read whole so the body's run can leave them out.
  const low: string[] = [];
  for (const b of below) {
    const st = statement();
    const notLow = low.length ? ` AND NOT (s.id = ANY(${st.bind([...low])}::text[]))` : '';
    const rows = await q.query<{ id: string; w: number }>(
      `SELECT s.id, ${belowBody(part, b.weight, st.bind)} AS w FROM search_articles s WHERE ${where(st.bind, [labelQuery(part, b.label!)])}${seen(st.bind)}${notLow}`,
      st.params,
    );
    low.push(...rows.filter((r) => r.w === b.weight).map((r) => r.id));
  }
  const lowIds = low.length ? [...low] : null;
  const notLow = (bind: Bind) => (lowIds ? ` AND NOT (s.id = ANY(${bind(lowIds)}::text[]))` : '');
  ids.push(...(await run((bind) => where(bind) + seen(bind) + notLow(bind), 0, need - ids.length)));
  if (ids.length < need && lowIds) ids.push(...(await run((bind) => `${where(bind)} AND s.id = ANY(${bind(lowIds)}::text[])`, 0, need - ids.length)));
  return ids.slice(offset, need);
}

/** `s`'s weight for a part whose best term is in a field below the body (the notes): a prefix can match a body term as well, which scores the body's weight. */
function belowBody(part: QueryPart, weight: number, bind: Bind): string {
  if (part.kind !== 'prefix') return String(weight);
  // The terms left once the high and low ones are taken out are the body's.
  const bodyTerms = `ts_delete(s.terms, (SELECT tsvector_to_array(r.high) || tsvector_to_array(r.low) FROM search_rank r WHERE r.id = s.id))`;
  return `CASE WHEN ${bodyTerms} @@ ${bind(partQuery(part))}::tsquery THEN ${FIELD_WEIGHTS.body} ELSE ${weight} END`;
}

/**
 * A search of several parts by relevance: the parts' scores add. Only the hits with a part in a
 * labelled field are scored, each (part, field) an exact GIN lookup within the hits; every other
 * hit scores the body's weight for each part. When the hits scoring above that fill the window,
 * the other hits are not visited at all.
 */
async function scored(q: Queryable, parsed: ParsedQuery, where: Where, stateIs: (bind: Bind) => string, byDate: string, offset: number, limit: number): Promise<string[]> {
  const plain = FIELD_WEIGHTS.body * parsed.parts.length;
  const scores = (bind: Bind) => {
    const labelled = parsed.parts.flatMap((part, i) =>
      FIELD_BUCKETS.filter((b) => b.label).map(
        (b) =>
          `SELECT s.id, s.${byDate} AS at, ${i} AS part, ${b.weight < FIELD_WEIGHTS.body ? belowBody(part, b.weight, bind) : b.weight} AS w
           FROM search_articles s WHERE ${where(bind, [labelQuery(part, b.label!)])} AND ${stateIs(bind)}`,
      ),
    );
    return `best AS (
       SELECT id, max(at) AS at, part, max(w) AS w FROM (${labelled.join(' UNION ALL ')}) h GROUP BY id, part
     ), scores AS MATERIALIZED (
       SELECT id, max(at) AS at, sum(w) + ${FIELD_WEIGHTS.body} * (${parsed.parts.length} - count(*)) AS score FROM best GROUP BY id
     )`;
  };
  const top = statement();
  const above = await q.query<{ id: string }>(
    `WITH ${scores(top.bind)} SELECT id FROM scores WHERE score > ${plain} ORDER BY score DESC, at DESC, id DESC LIMIT ${top.bind(offset + limit)}`,
    top.params,
  );
  if (above.length === offset + limit) return above.slice(offset).map((r) => r.id);
  const { params, bind } = statement();
  const rows = await q.query<{ id: string }>(
    `WITH ${scores(bind)}
     SELECT s.id FROM search_articles s LEFT JOIN scores USING (id) WHERE ${where(bind)} AND ${stateIs(bind)}
     ORDER BY coalesce(scores.score, ${plain}) DESC, s.${byDate} DESC, s.id DESC OFFSET ${bind(offset)} LIMIT ${bind(limit)}`,
    params,
  );
  return rows.map((r) => r.id);
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
async function rowsOf(db: Queryable, ids: string[], parsed: ParsedQuery | null): Promise<ResultRow[]> {
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
