// The library as a queue: articles (filtered, what waits for you first, counts per state) or the
// trash, with the actions a desk expects on each row.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../shared/model/article';
import type { Settings } from '../../../shared/model/settings';
import type { Notice } from '../../../shared/contract/errors';
import { call } from '../api';
import { errorText } from '../errorText';
import { ArticleTable } from './ArticleTable';
import { NoticesBanner } from './NoticesBanner';
import { QueueFilterBar } from './QueueFilterBar';
import { filterQueue, NO_FILTERS, orderQueue, type QueueFilters } from './queue';
import { useMe } from '../people/MeContext';

type Scope = 'active' | 'trash';

export function LibraryScreen(props: { settings: Settings; onOpen(id: string): void; onNew(): void; notices: Notice[]; onDismissNotices(): void }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('active');
  const [lists, setLists] = useState<Record<Scope, ArticleSummary[]> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  const { me, people } = useMe();

  const reload = useCallback(async () => {
    try {
      const [active, trash] = await Promise.all([call('listArticles', { scope: 'active' }), call('listArticles', { scope: 'trash' })]);
      setLists({ active, trash });
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void reload();
    // Others on the desk move stories on: the queue catches up when the window comes back to the
    // front, and every 15 seconds while it is in view.
    const onFocus = () => void reload();
    const timer = setInterval(() => document.visibilityState === 'visible' && void reload(), 15_000);
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [reload]);

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (err) {
      setError(err);
    }
    await reload();
  };

  const active = lists?.active;
  const queue = useMemo(() => orderQueue(active ?? [], me.role), [active, me.role]);
  const rows = scope === 'active' ? filterQueue(queue, filters, people) : (lists?.trash ?? []);
  return (
    <div className="library">
      <NoticesBanner notices={props.notices} onDismiss={props.onDismissNotices} />
      {error !== null && <div className="banner banner--error" role="alert">{errorText(t, error)}</div>}
      <div className="library__bar">
        <div className="segmented" role="tablist">
          {(['active', 'trash'] as const).map((s) => (
            <button key={s} type="button" role="tab" aria-selected={scope === s} data-testid={`scope-${s}`} className={scope === s ? 'is-active' : ''} onClick={() => { setScope(s); setConfirming(false); }}>
              {t(s === 'active' ? 'library.articles' : 'library.trash')} <span className="count">{lists?.[s].length ?? '…'}</span>
            </button>
          ))}
        </div>
        <div className="library__actions">
          {scope === 'trash' && rows.length > 0 && !confirming && (
            <button type="button" className="danger-outline" data-testid="empty-trash" onClick={() => setConfirming(true)}>{t('library.emptyTrash')}</button>
          )}
          {scope === 'active' && (
            <button type="button" className="primary" data-testid="new-article" onClick={props.onNew}>+ {t('library.newArticle')}</button>
          )}
        </div>
      </div>
      {scope === 'active' && <QueueFilterBar rows={queue} filters={filters} onChange={setFilters} />}
      {confirming && (
        <div className="banner banner--warning" role="alertdialog" aria-label={t('library.emptyTrash')}>
          <span>{t('library.emptyTrashWarning', { count: rows.length })}</span>
          <button type="button" className="danger" data-testid="confirm-empty-trash" onClick={() => { setConfirming(false); void act(() => call('emptyTrash', {})); }}>
            {t('library.confirmEmptyTrash', { count: rows.length })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>{t('library.cancel')}</button>
        </div>
      )}
      {lists && rows.length === 0 ? (
        <p className="empty-state" data-testid="library-empty">{t(scope === 'trash' ? 'library.emptyTrashList' : queue.length > 0 ? 'queue.noMatch' : 'library.empty')}</p>
      ) : (
        <ArticleTable
          rows={rows}
          settings={props.settings}
          scope={scope}
          onOpen={props.onOpen}
          onDuplicate={(id) => act(() => call('duplicateArticle', { id, actor: me.id }))}
          onTrash={(id) => act(() => call('trashArticle', { id, actor: me.id }))}
          onRestore={(id) => act(() => call('restoreArticle', { id, actor: me.id }))}
        />
      )}
    </div>
  );
}
