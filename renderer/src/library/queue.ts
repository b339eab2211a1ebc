// The library as the desk's queue: filtered by state, desk, reporter and date; what waits for this
// person comes first (the desk sees sent and in-review copy on top, a reporter what came back).
import type { ArticleStatus, ArticleSummary } from '../../../shared/model/article';
import type { Person, Role } from '../../../shared/model/person';

export interface QueueFilters {
  state: ArticleStatus | 'all';
  desk: string;
  /** A person id; matches the article's owner or a reporter in its byline with that person's byline name. */
  reporter: string;
  /** yyyy-mm-dd, inclusive, on the last change; empty means open-ended. */
  from: string;
  to: string;
}

export const NO_FILTERS: QueueFilters = { state: 'all', desk: '', reporter: '', from: '', to: '' };

const WAITING: Record<Role, ArticleStatus[]> = {
  reporter: ['returned', 'draft'],
  editor: ['sent', 'review', 'approved'],
  admin: ['sent', 'review', 'approved'],
};

function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function filterQueue(rows: readonly ArticleSummary[], f: QueueFilters, people: readonly Person[]): ArticleSummary[] {
  const reporter = people.find((p) => p.id === f.reporter);
  const names = reporter ? new Set([reporter.name, reporter.bylineName].filter(Boolean)) : null;
  return rows.filter((r) => {
    if (f.state !== 'all' && r.status !== f.state) return false;
    if (f.desk && r.byline.desk !== f.desk) return false;
    if (reporter && r.ownerId !== reporter.id && !r.byline.reporters.some((b) => names!.has(b.name))) return false;
    const day = localDay(r.updatedAt);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    return true;
  });
}

/** What waits for this role first (in the order of WAITING), then the rest; newest first within each. */
export function orderQueue(rows: readonly ArticleSummary[], role: Role): ArticleSummary[] {
  const rank = (s: ArticleStatus) => {
    const i = WAITING[role].indexOf(s);
    return i === -1 ? WAITING[role].length : i;
  };
  return [...rows].sort((a, b) => rank(a.status) - rank(b.status) || (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

export function countByState(rows: readonly ArticleSummary[]): Record<ArticleStatus | 'all', number> {
  const out = { all: rows.length, draft: 0, sent: 0, review: 0, approved: 0, returned: 0, published: 0, spiked: 0 };
  for (const r of rows) out[r.status]++;
  return out;
}
