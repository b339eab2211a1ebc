// The article list as a table: kicker and headline, byline, status, and when it last changed.
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../shared/model/article';
import type { Settings } from '../../../shared/model/settings';
import { pickTemplate, renderByline } from '../../../shared/byline/renderByline';
import { relativeTime } from './relativeTime';

interface Props {
  rows: ArticleSummary[];
  settings: Settings;
  scope: 'active' | 'trash';
  onOpen(id: string): void;
  onDuplicate(id: string): void;
  onTrash(id: string): void;
  onRestore(id: string): void;
  /** Rows ticked for a batch export (the active list only). */
  selected: ReadonlySet<string>;
  onSelect(ids: string[], on: boolean): void;
}

export function ArticleTable({ rows, settings, scope, onOpen, onDuplicate, onTrash, onRestore, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const now = Date.now();
  const selectable = scope === 'active';
  const allOn = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <table className="article-table">
      <thead>
        <tr>
          {selectable && (
            <th scope="col" className="cell-select">
              <input type="checkbox" data-testid="select-all" aria-label={t('exchange.selectAll')} checked={allOn} onChange={(e) => onSelect(rows.map((r) => r.id), e.target.checked)} />
            </th>
          )}
          <th scope="col">{t('library.headline')}</th>
          <th scope="col">{t('library.byline')}</th>
          <th scope="col">{t('library.status')}</th>
          <th scope="col">{t('library.updated')}</th>
          <th scope="col"><span className="visually-hidden">{t('library.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          const open = scope === 'active' ? () => onOpen(a.id) : undefined;
          return (
            <tr
              key={a.id}
              data-testid="article-row"
              data-article-id={a.id}
              className={open ? 'is-openable' : ''}
              tabIndex={open ? 0 : undefined}
              onClick={open}
              onKeyDown={(e) => {
                if (open && e.key === 'Enter' && e.target === e.currentTarget) open();
              }}
            >
              {selectable && (
                <td className="cell-select" onClick={(e) => e.stopPropagation()}>
                  <input type="checkbox" data-testid="select-row" aria-label={t('exchange.selectRow', { headline: a.headline || t('library.untitled') })} checked={selected.has(a.id)} onChange={(e) => onSelect([a.id], e.target.checked)} />
                </td>
              )}
              <td data-testid="row-headline" className="cell-headline" lang={a.language}>
                {a.kicker && <span className="kicker">[{a.kicker}]</span>}{' '}
                {a.headline ? <span>{a.headline}</span> : <span className="muted">{t('library.untitled')}</span>}
              </td>
              <td data-testid="row-byline" className="cell-byline">{renderByline(a.byline, pickTemplate(settings, a.byline, a.language))}</td>
              <td data-testid="row-status">
                <span className={`status status--${a.status}`}>{t(`status.${a.status}`)}</span>
                {a.embargo && Date.parse(a.embargo) > now && <span className="chip chip--embargo" title={new Date(a.embargo).toLocaleString(i18n.language)}>{t('workflow.embargoShort')}</span>}
                {a.lastTransition && (
                  <span className="row-step" data-testid="row-step">{t(`workflow.did.${a.lastTransition.action}`, { name: a.lastTransition.actorName })}</span>
                )}
              </td>
              <td data-testid="row-updated" title={new Date(a.updatedAt).toLocaleString(i18n.language)}>{relativeTime(a.updatedAt, now, i18n.language)}</td>
              <td className="cell-actions" onClick={(e) => e.stopPropagation()}>
                {scope === 'active' ? (
                  <>
                    <button type="button" className="small" data-testid="duplicate-article" onClick={() => onDuplicate(a.id)}>{t('library.duplicate')}</button>
                    <button type="button" className="small" data-testid="trash-article" onClick={() => onTrash(a.id)}>{t('library.moveToTrash')}</button>
                  </>
                ) : (
                  <button type="button" className="small" data-testid="restore-article" onClick={() => onRestore(a.id)}>{t('library.restore')}</button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
