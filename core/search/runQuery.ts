// One window of the library list: scope, search hits, filters, order, and the per-state counts
// for the chips, in one pass over a standing order's slots and the list's typed columns. Only
// the rows returned are turned into summaries; snippets are added for those rows alone.
import type { ArticleStatus } from '../../shared/model/article';
import type { Person, Role } from '../../shared/model/person';
import type { ArticleQuery } from '../../shared/search/query';
import { STATUS_CODES, type ListTable } from './ListTable';

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
  /** Search hits when the query has a text; null means no text (every article is a candidate). */
  hits: SlotHits | null;
}

export interface QueryWindow {
  ids: string[];
  total: number;
  counts: Record<ArticleStatus | 'all', number>;
}

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
  let all = 0;
  // Relevance (with a search) or the role's queue (without) splits the standing order into
  // ranked buckets; each bucket keeps the standing order inside it.
  const waiting = new Int32Array(STATUS_CODES.length).fill(WAITING[ctx.role].length);
  WAITING[ctx.role].forEach((s, i) => (waiting[STATUS_CODES.indexOf(s)] = i));
  const auto = q.order === 'auto';
  const hits = ctx.hits;
  const buckets = new Map<number, number[]>();
  const { status, trashed, updated } = t;
  const deskCol = t.desk;
  for (const slot of t.order(q.order === 'auto' ? 'updated' : q.order)) {
    if (trashed[slot] !== wantTrash) continue;
    if (hits && hits.stamp[slot] !== hits.mark) continue;
    if (desk !== -2 && deskCol[slot] !== desk) continue;
    const when = updated[slot];
    if (when < from || when >= to) continue;
    if (f.tag && !t.tags(slot)?.includes(f.tag)) continue;
    if (reporter && t.ownerId(slot) !== reporter.id && !t.reporters(slot).some((r) => names.has(r.name))) continue;
    const st = status[slot];
    all++;
    stateCounts[st]++;
    if (state !== -1 && st !== state) continue;
    const rank = !auto ? 0 : hits ? -hits.score[slot] : waiting[st];
    const bucket = buckets.get(rank);
    if (bucket) bucket.push(slot);
    else buckets.set(rank, [slot]);
  }
  const ids: string[] = [];
  let skipped = 0;
  for (const key of [...buckets.keys()].sort((a, b) => a - b)) {
    const bucket = buckets.get(key)!;
    if (skipped + bucket.length <= offset) {
      skipped += bucket.length;
      continue;
    }
    for (let i = Math.max(0, offset - skipped); i < bucket.length && ids.length < limit; i++) ids.push(t.id(bucket[i])!);
    skipped += bucket.length;
    if (ids.length >= limit) break;
  }
  let total = 0;
  for (const b of buckets.values()) total += b.length;
  const counts = { all } as Record<ArticleStatus | 'all', number>;
  STATUS_CODES.forEach((s, i) => (counts[s] = stateCounts[i]));
  return { ids, total, counts };
}
