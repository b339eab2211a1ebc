// Filters over the queue: a chip per state with its count, then desk, reporter and a date range.
import { useTranslation } from 'react-i18next';
import { ArticleStatusSchema, type ArticleSummary } from '../../../shared/model/article';
import { countByState, NO_FILTERS, type QueueFilters } from './queue';
import { useMe } from '../people/MeContext';

export function QueueFilterBar(props: { rows: ArticleSummary[]; filters: QueueFilters; onChange(f: QueueFilters): void }) {
  const { t } = useTranslation();
  const { people } = useMe();
  const counts = countByState(props.rows);
  const f = props.filters;
  const set = (patch: Partial<QueueFilters>) => props.onChange({ ...f, ...patch });
  const desks = [...new Set(props.rows.map((r) => r.byline.desk).filter(Boolean))].sort();
  return (
    <div className="queue-filters" role="group" aria-label={t('queue.filters')}>
      <div className="queue-filters__states">
        {(['all', ...ArticleStatusSchema.options] as const).map((s) => (
          <button key={s} type="button" data-testid={`state-filter-${s}`} aria-pressed={f.state === s} className={`chip ${f.state === s ? 'is-active' : ''}`} onClick={() => set({ state: s })}>
            {s === 'all' ? t('queue.all') : t(`status.${s}`)} <span className="count" data-testid={`state-count-${s}`}>{counts[s]}</span>
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
          <span>{t('queue.from')}</span>
          <input type="date" data-testid="filter-from" value={f.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          <span>{t('queue.to')}</span>
          <input type="date" data-testid="filter-to" value={f.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        {f !== NO_FILTERS && <button type="button" className="small" data-testid="clear-filters" onClick={() => props.onChange(NO_FILTERS)}>{t('queue.clear')}</button>}
      </div>
    </div>
  );
}
