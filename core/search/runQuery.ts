// One window of the library list: scope, search hits, filters, order, and the per-state counts
// for the chips, in one pass over a standing order's slots and the list's typed columns. Only
// the rows returned are turned into summaries; snippets are added for those rows alone.
import type { ArticleStatus } from '../../shared/model/article';
import type { Person, Role } from '../../shared/model/person';
import type { ArticleQuery } from '../../shared/search/query';
import { may, type PermissionTable } from '../../shared/workflow/transitions';
import { maySee } from '../../shared/workflow/visibility';
import { STATUS_CODES, type ListTable } from './ListTable';

const DRAFT = STATUS_CODES.indexOf('draft');

/** What waits for each role first, in this order, then everything else (newest first within each). */
export const WAITING: Record<Role, ArticleStatus[]> = {
  reporter: ['returned', 'draft'],
  editor: ['sent', 'review', 'approved'],
  admin: ['sent', 'review', 'approved'],
};

/** Search hits by list slot: `score[slot]` counts only where `stamp[slot] === mark`. */
export interface SlotHits {
  stamp: Int32Array;
  score: Int32Array;
  mark: number;
}

export interface QueryContext {
  table: ListTable;
  people: readonly Person[];
  role: Role;
  /** Who is asking, and the table that says who sees drafts (a draft is listed only to those who may see it). */
  viewer: Person;
  permissions: PermissionTable;
  /** Search hits when the query has a text; null means no text (every article is a candidate). */
  hits: SlotHits | null;
}

export interface QueryWindow {
  ids: string[];
  total: number;
  counts: Record<ArticleStatus | 'all', number>;
}

// Scratch columns for one query (runQuery is synchronous, so one set serves every call): slots
// that pass the filters with their rank, and the same slots ranked. Kept between queries so a
// query over 100,000 rows allocates no array of that size.
let listed = new Int32Array(1024);
let ranks = new Int32Array(1024);
let sorted = new Int32Array(1024);

export function runQuery(q: ArticleQuery, ctx: QueryContext, offset: number, limit: number): QueryWindow {
  const f = q.filters;
  const t = ctx.table;
  const reporter = f.reporter ? ctx.people.find((p) => p.id === f.reporter) : undefined;
  const names = new Set([reporter?.name, reporter?.bylineName].filter((n): n is string => !!n));
  const wantTrash = q.scope === 'trash' ? 1 : 0;
  const desk = f.desk ? t.deskCode(f.desk) : -2;
  const from = f.from ? Date.parse(f.from) : -Infinity;
  const to = f.to ? Date.parse(f.to) : Infinity;
  const state = f.state === 'all' ? -1 : STATUS_CODES.indexOf(f.state);
  const stateCounts = new Array<number>(STATUS_CODES.length).fill(0);
  const seesAllDrafts = may(ctx.permissions, ctx.viewer.role, 'seeDrafts');
  let all = 0;
  // Relevance (with a search) or the role's queue (without) splits the standing order into
  // ranked buckets; each bucket keeps the standing order inside it.
  const waiting = new Int32Array(STATUS_CODES.length).fill(WAITING[ctx.role].length);
  WAITING[ctx.role].forEach((s, i) => (waiting[STATUS_CODES.indexOf(s)] = i));
  const auto = q.order === 'auto';
  const hits = ctx.hits;
  const order = t.order(q.order === 'auto' ? 'updated' : q.order);
  if (listed.length < order.length) {
    listed = new Int32Array(order.length + 1024);
    ranks = new Int32Array(order.length + 1024);
    sorted = new Int32Array(order.length + 1024);
  }
  let m = 0;
  const perRank = new Map<number, number>();
  const { status, trashed, updated } = t;
  const deskCol = t.desk;
  for (const slot of order) {
    if (trashed[slot] !== wantTrash) continue;
    if (hits && hits.stamp[slot] !== hits.mark) continue;
    if (desk !== -2 && deskCol[slot] !== desk) continue;
    const when = updated[slot];
    if (when < from || when >= to) continue;
    if (f.tag && !t.tags(slot)?.includes(f.tag)) continue;
    if (reporter && t.ownerId(slot) !== reporter.id && !t.reporters(slot).some((r) => names.has(r.name))) continue;
    const st = status[slot];
    if (st === DRAFT && !seesAllDrafts && !maySee(ctx.permissions, ctx.viewer, { status: 'draft', ownerId: t.ownerId(slot), bylineNames: t.reporters(slot).map((r) => r.name) })) continue;
    all++;
    stateCounts[st]++;
    if (state !== -1 && st !== state) continue;
    const rank = !auto ? 0 : hits ? -hits.score[slot] : waiting[st];
    listed[m] = slot;
    ranks[m++] = rank;
    perRank.set(rank, (perRank.get(rank) ?? 0) + 1);
  }
  // Ranked buckets, each in the standing order: a counting sort into `sorted` (one rank: already in order).
  let window = listed;
  if (perRank.size > 1) {
    const start = new Map<number, number>();
    let at = 0;
    for (const rank of [...perRank.keys()].sort((a, b) => a - b)) {
      start.set(rank, at);
      at += perRank.get(rank)!;
    }
    for (let i = 0; i < m; i++) {
      const p = start.get(ranks[i])!;
      start.set(ranks[i], p + 1);
      sorted[p] = listed[i];
    }
    window = sorted;
  }
  const ids: string[] = [];
  for (let i = offset; i < m && ids.length < limit; i++) ids.push(t.id(window[i])!);
  const total = m;
  const counts = { all } as Record<ArticleStatus | 'all', number>;
  STATUS_CODES.forEach((s, i) => (counts[s] = stateCounts[i]));
  return { ids, total, counts };
}
