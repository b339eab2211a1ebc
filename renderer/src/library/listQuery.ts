// The filters as the library screen holds them (local calendar days, as the date inputs give
// them) and as the core reads them (instants): a day range becomes [start of the first day,
// start of the day after the last) in the user's time zone.
import type { ArticleStatus } from '../../../shared/model/article';
import type { ArticleQuery, QueryFilters, QueryOrder } from '../../../shared/search/query';

export interface LibraryFilters {
  state: ArticleStatus | 'all';
  desk: string;
  /** A person id; the core matches the owner or a reporter in the byline under that person's byline name. */
  reporter: string;
  tag: string;
  /** yyyy-mm-dd, inclusive, on the last change; empty means open-ended. */
  from: string;
  to: string;
}

export const NO_FILTERS: LibraryFilters = { state: 'all', desk: '', reporter: '', tag: '', from: '', to: '' };

/** Local midnight starting `day` (yyyy-mm-dd), `plusDays` later, as an ISO instant; null for an empty or bad day. */
export function dayStart(day: string, plusDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  // The Date constructor with local parts follows the time zone's rules (summer time included).
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function toQueryFilters(f: LibraryFilters): QueryFilters {
  return { state: f.state, desk: f.desk, reporter: f.reporter, tag: f.tag, from: dayStart(f.from), to: dayStart(f.to, 1) };
}

export function isDefaultFilters(f: LibraryFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof LibraryFilters)[]).every((k) => f[k] === NO_FILTERS[k]);
}

/** The contract's limit on a search text. */
export const MAX_TEXT = 500;

/** What the library shows when it opens: all articles, no search, no filter, the core's own order. */
export const OPENING_VIEW = { scope: 'active', text: '', filters: NO_FILTERS, order: 'auto' } as const satisfies { scope: 'active' | 'trash'; text: string; filters: LibraryFilters; order: QueryOrder };

/** What the list asks for; the trash has no filter bar, so it is never filtered. */
export function listQuery(scope: 'active' | 'trash', text: string, filters: LibraryFilters, order: QueryOrder): ArticleQuery {
  const trimmed = text.trim().slice(0, MAX_TEXT);
  if (scope === 'trash') return { scope, text: trimmed, filters: toQueryFilters(NO_FILTERS), order: trimmed ? 'auto' : 'updated' };
  return { scope, text: trimmed, filters: toQueryFilters(filters), order };
}
