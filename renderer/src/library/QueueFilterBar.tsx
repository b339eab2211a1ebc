// Filters over the queue, combined with the search: a chip per state with what it would list
// (counted by the core over the search and the other filters), then desk, reporter, tag, a date
// range and the order.
import { useTranslation } from 'react-i18next';
import { ARTICLE_STATUSES } from '../../../shared/model/articleStatus';
import type { QueryOrder, QueryResult } from '../../../shared/search/query';
import { isDefaultFilters, NO_FILTERS, type LibraryFilters } from './listQuery';
import { useMe } from '../people/MeContext';
import { formatCount } from '../i18n/counts';

interface Props {
  counts: QueryResult['counts'] | null;
  facets: { desks: string[]; tags: string[] };
  filters: LibraryFilters;
  onChange(f: LibraryFilters): void;
  order: QueryOrder;
  onOrder(o: QueryOrder): void;
  /** With a search text, `auto` orders by relevance; without, by what waits for this person. */
  searching: boolean;
}

const ORDERS: QueryOrder[] = ['auto', 'updated', 'created', 'headline'];

export function QueueFilterBar({ counts, facets, filters: f, onChange, order, onOrder, searching }: Props) {
  const { t, i18n } = useTranslation();
  const { people } = useMe();
  const set = (patch: Partial<LibraryFilters>) => onChange({ ...f, ...patch });
  const number = { format: (n: number) => formatCount(i18n.language, n) };
  // A desk or tag picked earlier stays selectable even when no listed article uses it any more.
  const desks = f.desk && !facets.desks.includes(f.desk) ? [f.desk, ...facets.desks] : facets.desks;
  const tags = f.tag && !facets.tags.includes(f.tag) ? [f.tag, ...facets.tags] : facets.tags;
  return (
    <div className="queue-filters" role="group" aria-label={t('queue.filters')}>
      <div className="queue-filters__states">
        {(['all', ...ARTICLE_STATUSES] as const).map((s) => (
          <button key={s} type="button" data-testid={`state-filter-${s}`} aria-pressed={f.state === s} className={`chip ${f.state === s ? 'is-active' : ''}`} onClick={() => set({ state: s })}>
            {s === 'all' ? t('queue.all') : t(`status.${s}`)} <span className="count" data-testid={`state-count-${s}`}>{counts ? number.format(counts[s] ?? 0) : '…'}</span>
          </button>
        ))}
      </div>
      <div className="queue-filters__fields">
        <label>
          <span>{t('queue.desk')}</span>
          <select data-testid="filter-desk" value={f.desk} onChange={(e) => set({ desk: e.target.value })}>
            <option value="">{t('queue.any')}</option>
            {desks.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>
          <span>{t('queue.reporter')}</span>
          <select data-testid="filter-reporter" value={f.reporter} onChange={(e) => set({ reporter: e.target.value })}>
            <option value="">{t('queue.any')}</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label>
          <span>{t('queue.tag')}</span>
          <select data-testid="filter-tag" value={f.tag} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">{t('queue.any')}</option>
            {tags.map((tag) => <option key={tag} value={tag}>{tag}</option>)}
          </select>
        </label>
        <label>
          <span>{t('queue.from')}</span>
          <input type="date" data-testid="filter-from" value={f.from} max={f.to || undefined} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          <span>{t('queue.to')}</span>
          <input type="date" data-testid="filter-to" value={f.to} min={f.from || undefined} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          <span>{t('queue.order')}</span>
          <select data-testid="filter-order" value={order} onChange={(e) => onOrder(e.target.value as QueryOrder)}>
            {ORDERS.map((o) => (
              <option key={o} value={o}>{t(o === 'auto' ? (searching ? 'queue.orderRelevance' : 'queue.orderQueue') : `queue.order_${o}`)}</option>
            ))}
          </select>
        </label>
        {!isDefaultFilters(f) && <button type="button" className="small" data-testid="clear-filters" onClick={() => onChange(NO_FILTERS)}>{t('queue.clear')}</button>}
      </div>
    </div>
  );
}
