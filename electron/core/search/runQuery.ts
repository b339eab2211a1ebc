// One window of the library list: scope, search hits, filters, order, and the per-state counts
// for the chips, in one pass over the ordered ids. Only summaries are read here; snippets,
// which need the article text, are added for the returned rows only.
import type { ArticleStatus, ArticleSummary } from '../../../shared/model/article';
import type { Person, Role } from '../../../shared/model/person';
import type { ArticleQuery } from '../../../shared/search/query';
import type { SearchHit } from './SearchIndex';
import { compare, type ListOrders } from './ListOrder';

/** What waits for each role first, in this order, then everything else (newest first within each). */
export const WAITING: Record<Role, ArticleStatus[]> = {
  reporter: ['returned', 'draft'],
  editor: ['sent', 'review', 'approved'],
  admin: ['sent', 'review', 'approved'],
};

export interface QueryContext {
  summaryOf(id: string): ArticleSummary | undefined;
  tagsOf(id: string): readonly string[];
  orders: ListOrders;
  people: readonly Person[];
  role: Role;
  /** Search hits when the query has a text; null means no text (every article is a candidate). */
  hits: SearchHit[] | null;
}

export interface QueryWindow {
  ids: string[];
  scores: Map<string, number>;
  total: number;
  counts: Record<ArticleStatus | 'all', number>;
}

function zeroCounts(): Record<ArticleStatus | 'all', number> {
  return { all: 0, draft: 0, sent: 0, review: 0, approved: 0, returned: 0, published: 0, spiked: 0 };
}

export function runQuery(q: ArticleQuery, ctx: QueryContext, offset: number, limit: number): QueryWindow {
  const f = q.filters;
  const reporter = f.reporter ? ctx.people.find((p) => p.id === f.reporter) : undefined;
  const names = reporter ? new Set([reporter.name, reporter.bylineName].filter(Boolean)) : null;
  const trash = q.scope === 'trash';
  const counts = zeroCounts();
  // Everything but the state filter: the chips show what each state would give.
  const passes = (s: ArticleSummary): boolean => {
    if ((s.trashedAt !== null) !== trash) return false;
    if (f.desk && s.byline.desk !== f.desk) return false;
    if (f.reporter && !(s.ownerId === f.reporter || (names && s.byline.reporters.some((r) => names.has(r.name))))) return false;
    if (f.from && s.updatedAt < f.from) return false;
    if (f.to && s.updatedAt >= f.to) return false;
    if (f.tag && !ctx.tagsOf(s.id).includes(f.tag)) return false;
    return true;
  };
  const scores = new Map<string, number>();
  if (ctx.hits) {
    for (const h of ctx.hits) scores.set(h.id, h.score);
  }
  const base = q.order === 'auto' ? 'updated' : q.order;
  const order = ctx.orders.get(base);
  // Relevance (with a search) or the role's queue (without) splits the standing order into
  // buckets; each bucket keeps the standing order inside it.
  const buckets = new Map<number, string[]>();
  const rank = (s: ArticleSummary): number => {
    if (q.order !== 'auto') return 0;
    if (ctx.hits) return -(scores.get(s.id) ?? 0);
    const i = WAITING[ctx.role].indexOf(s.status);
    return i === -1 ? WAITING[ctx.role].length : i;
  };
  const consider = (s: ArticleSummary) => {
    if (!passes(s)) return;
    counts.all++;
    counts[s.status]++;
    if (f.state !== 'all' && s.status !== f.state) return;
    const r = rank(s);
    const bucket = buckets.get(r);
    if (bucket) bucket.push(s.id);
    else buckets.set(r, [s.id]);
  };
  if (ctx.hits && ctx.hits.length < order.length / 4) {
    // Few hits: order them directly instead of walking the whole library.
    const rows = ctx.hits.map((h) => ctx.summaryOf(h.id)).filter((s): s is ArticleSummary => !!s);
    rows.sort(compare[base]);
    rows.forEach(consider);
  } else {
    for (const id of order) {
      if (ctx.hits && !scores.has(id)) continue;
      const s = ctx.summaryOf(id);
      if (s) consider(s);
    }
  }
  let ordered: string[] = [];
  for (const key of [...buckets.keys()].sort((a, b) => a - b)) ordered = ordered.concat(buckets.get(key)!);
  return { ids: ordered.slice(offset, offset + limit), scores, total: ordered.length, counts };
}
