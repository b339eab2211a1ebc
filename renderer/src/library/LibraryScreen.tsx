// The library as a queue: articles (filtered, what waits for you first, counts per state) or the
// trash, with the actions a desk expects on each row.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { ExportDialog } from '../exchange/ExportDialog';
import { IMPORT_ACCEPT, ImportPanel } from '../exchange/ImportPanel';
import type { ExchangeRequest } from '../exchange/exchangeRequest';

type Scope = 'active' | 'trash';

export function LibraryScreen(props: { settings: Settings; onOpen(id: string): void; onNew(): void; notices: Notice[]; onDismissNotices(): void; request: ExchangeRequest | null }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('active');
  const [lists, setLists] = useState<Record<Scope, ArticleSummary[]> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  const { me, people } = useMe();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [exporting, setExporting] = useState<string[] | null>(null);
  const [importing, setImporting] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const importPicker = useRef<HTMLInputElement>(null);

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
  // Export what is ticked and still listed; with nothing ticked, the rows the filters show.
  const visibleSelected = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const exportIds = visibleSelected.length > 0 ? visibleSelected : scope === 'active' ? rows.map((r) => r.id) : [];
  const select = (ids: string[], on: boolean) =>
    setSelected((cur) => {
      const next = new Set(cur);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });
  const { request } = props;
  useEffect(() => {
    if (request?.kind === 'import') importPicker.current?.click();
    if (request?.kind === 'export' && exportIds.length > 0) setExporting(exportIds);
    // Only a new request opens anything; the ids are read at that moment, so they are not dependencies.
  }, [request]);
  const embargoedNow = (ids: string[]) => ids.some((id) => {
    const e = active?.find((a) => a.id === id)?.embargo;
    return !!e && Date.parse(e) > Date.now();
  });
  return (
    <div
      className={`library${dragging ? ' library--drop' : ''}`}
      data-testid="library-drop"
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        setDragging(false);
        setImporting([...e.dataTransfer.files]);
      }}
    >
      {dragging && <p className="drop-hint" role="status">{t('exchange.dropHint')}</p>}
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
            <>
              <button type="button" data-testid="import-articles" onClick={() => importPicker.current?.click()}>{t('exchange.import')}</button>
              <button type="button" data-testid="export-articles" disabled={exportIds.length === 0} onClick={() => setExporting(exportIds)}>
                {t(visibleSelected.length > 0 ? 'exchange.exportSelected' : 'exchange.exportShown', { count: exportIds.length })}
              </button>
              <button type="button" className="primary" data-testid="new-article" onClick={props.onNew}>+ {t('library.newArticle')}</button>
            </>
          )}
        </div>
      </div>
      <input
        ref={importPicker}
        type="file"
        multiple
        hidden
        accept={IMPORT_ACCEPT}
        data-testid="import-picker"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) setImporting(files);
        }}
      />
      {importing && <ImportPanel files={importing} onOpen={props.onOpen} onDone={() => void reload()} onClose={() => setImporting(null)} />}
      {exporting && <ExportDialog ids={exporting} embargoed={embargoedNow(exporting)} onClose={() => setExporting(null)} />}
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
          selected={selected}
          onSelect={select}
        />
      )}
    </div>
  );
}
