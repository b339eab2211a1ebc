// The library as a queue: search, filters and order over articles (or the trash), with the
// actions a desk expects on each row. The core does the searching, filtering, ordering and
// counting; this screen asks for the rows on screen only, so it stays quick at 100,000 articles.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/model/settings';
import type { Notice } from '../../../shared/contract/errors';
import { MAX_ARTICLE_IDS } from '../../../shared/contract/limits';
import type { QueryOrder } from '../../../shared/search/query';
import { call } from '../api';
import { errorText, StoryError } from '../errorText';
import { shortcutLabel } from '../shortcuts';
import { ArticleTable } from './ArticleTable';
import { IndexingLine } from './IndexingLine';
import { HeldOnlyLine } from './HeldOnlyLine';
import { NoticesBanner } from './NoticesBanner';
import { QueueFilterBar } from './QueueFilterBar';
import { SearchBox } from './SearchBox';
import { isDefaultFilters, listQuery, NO_FILTERS, OPENING_VIEW, toQueryFilters, type LibraryFilters } from './listQuery';
import { isSearchShortcut, SEARCH_SHORTCUT } from './searchShortcut';
import { useLibraryList } from './useLibraryList';
import { formatCount } from '../i18n/counts';
import { useMe } from '../people/MeContext';
import { mayEmptyTrash, trashAsksFirst } from '../../../shared/workflow/trash';
import type { ArticleStatus } from '../../../shared/model/article';
import { ExportDialog } from '../exchange/ExportDialog';
import { IMPORT_ACCEPT, ImportPanel } from '../exchange/ImportPanel';
import type { ExchangeRequest } from '../exchange/exchangeRequest';
import { ConfirmBanner } from '../dialogs/ConfirmBanner';
import { useStoryEvents } from '../newsroom/useCoreEvents';

type Scope = 'active' | 'trash';
type Progress = { done: number; total: number };

const REFRESH_MS = 15_000;
const INDEXING_POLL_MS = 1000;

export function LibraryScreen(props: { platform: string; settings: Settings; onOpen(id: string): void; onNew(): void; notices: Notice[]; onDismissNotices(): void; request: ExchangeRequest | null }) {
  const { t, i18n } = useTranslation();
  const { me, connected } = useMe();
  const [scope, setScope] = useState<Scope>(OPENING_VIEW.scope);
  const [text, setText] = useState<string>(OPENING_VIEW.text);
  const [filters, setFilters] = useState<LibraryFilters>(OPENING_VIEW.filters);
  const [order, setOrder] = useState<QueryOrder>(OPENING_VIEW.order);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  // A story past its reporter, about to go to the trash: asked first, naming it.
  const [binning, setBinning] = useState<{ id: string; headline: string; status: ArticleStatus } | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Select-all ticks the ids the query lists (up to MAX_ARTICLE_IDS) for this query only.
  const [allSelected, setAllSelected] = useState<{ key: string; ids: string[]; total: number } | null>(null);
  const [exporting, setExporting] = useState<{ ids: string[]; embargoed: boolean } | null>(null);
  const [importing, setImporting] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const [facets, setFacets] = useState<{ desks: string[]; tags: string[] }>({ desks: [], tags: [] });
  const [scopeTotals, setScopeTotals] = useState<Record<Scope, number> | null>(null);
  const [indexing, setIndexing] = useState<Progress | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ index: number; n: number } | null>(null);
  const importPicker = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const number = { format: (n: number) => formatCount(i18n.language, n) };

  const query = useMemo(() => listQuery(scope, text, filters, order), [scope, text, filters, order]);
  const queryKey = JSON.stringify([me.id, query]);
  const list = useLibraryList(me.id, query);
  const total = list.meta?.total ?? 0;

  const loadTotals = useCallback(async () => {
    // How many articles each tab holds, whatever the search and filters (no text: no file is read).
    const totals = await Promise.all(
      (['active', 'trash'] as const).map((s) =>
        call('queryArticles', { actor: me.id, scope: s, text: '', filters: toQueryFilters(NO_FILTERS), order: 'updated', offset: 0, limit: 1 }).then((r) => r.total),
      ),
    );
    setScopeTotals({ active: totals[0], trash: totals[1] });
  }, [me.id]);
  const loadFacets = useCallback(async () => setFacets(await call('libraryFacets', { scope: 'active' })), []);
  const { refresh } = list;
  const refreshAll = useCallback(async () => {
    try {
      await Promise.all([refresh(), loadTotals(), loadFacets()]);
    } catch (err) {
      setError(err);
    }
  }, [refresh, loadTotals, loadFacets]);

  // The tab counts and filter menus wait for the first rows: on a big library the core is
  // busiest just after opening, and the rows are what the person is waiting for.
  const listShown = list.meta !== null;
  useEffect(() => {
    if (!listShown) return;
    loadTotals().catch(setError);
    loadFacets().catch(setError);
  }, [listShown, loadTotals, loadFacets]);
  useEffect(() => {
    // Others on the desk move stories on: the list catches up when the window comes back to the
    // front, and every 15 seconds while it is in view (the pages on screen only).
    const onFocus = () => void refreshAll();
    const timer = setInterval(() => document.visibilityState === 'visible' && void refreshAll(), REFRESH_MS);
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refreshAll]);

  // Connected to a newsroom, the server says when a story changes: the list follows at once.
  useStoryEvents(connected, () => void refreshAll());

  // While the search index is built in the background, follow it every second; when it is
  // done, list again (the results were possibly incomplete).
  const listIndexing = list.meta?.indexing ?? null;
  const listIndexingKey = listIndexing ? `${listIndexing.done}/${listIndexing.total}` : '';
  useEffect(() => setIndexing(listIndexing), [listIndexingKey]);
  const isIndexing = indexing !== null;
  useEffect(() => {
    if (!isIndexing) return;
    const timer = setInterval(() => {
      call('getLibraryInfo', {}).then(
        (info) => {
          setIndexing(info.indexing);
          if (!info.indexing) void refreshAll();
        },
        () => undefined,
      );
    }, INDEXING_POLL_MS);
    return () => clearInterval(timer);
  }, [isIndexing, refreshAll]);

  const { platform } = props;
  const modalOpen = exporting !== null || importing !== null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (modalOpen || !isSearchShortcut(e, platform)) return;
      e.preventDefault();
      searchInput.current?.focus();
      searchInput.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [platform, modalOpen]);

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (err) {
      setError(err);
    }
    await refreshAll();
  };
  const selectAllRun = useRef(0);
  const select = (ids: string[], on: boolean) => {
    if (!on) {
      selectAllRun.current++;
      setAllSelected(null);
    }
    setSelected((cur) => {
      const next = new Set(cur);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });
  };
  const trash = (id: string, headline: string) => act(async () => {
    await call('trashArticle', { id, actor: me.id }).catch((err: unknown) => Promise.reject(new StoryError(headline, err)));
    select([id], false);
  });
  const selectAll = async (on: boolean) => {
    const run = ++selectAllRun.current;
    if (!on) {
      if (allSelected) select(allSelected.ids, false);
      setAllSelected(null);
      return;
    }
    // The box shows ticked at once; the ids follow from the core.
    setAllSelected({ key: queryKey, ids: [], total: 0 });
    try {
      const { ids, total: all } = await call('queryArticleIds', { ...query, actor: me.id, max: MAX_ARTICLE_IDS });
      if (run !== selectAllRun.current) return; // unticked or ticked again meanwhile
      setSelected((cur) => new Set([...cur, ...ids]));
      setAllSelected({ key: queryKey, ids, total: all });
    } catch (err) {
      if (run === selectAllRun.current) setAllSelected(null);
      setError(err);
    }
  };

  // Export what is ticked; with nothing ticked, what the query lists (the first MAX_ARTICLE_IDS).
  const listedIds = async (): Promise<string[]> => (await call('queryArticleIds', { ...query, actor: me.id, max: MAX_ARTICLE_IDS })).ids;
  const startExport = async () => {
    if (scope !== 'active') return;
    try {
      const ids = selected.size > 0 ? [...selected] : await listedIds();
      // The core knows every embargo, also of rows this list never fetched.
      if (ids.length > 0) setExporting({ ids, embargoed: (await call('embargoedArticles', { ids })).ids.length > 0 });
    } catch (err) {
      setError(err);
    }
  };
  const { request } = props;
  const requestAtMount = useRef(request);
  useEffect(() => {
    if (request?.kind === 'import') importPicker.current?.click();
    // An export asked for on another screen is not this screen's to repeat when it opens.
    if (request?.kind === 'export' && request !== requestAtMount.current) void startExport();
    // Only a new request starts anything; selection and query are read at that moment.
  }, [request]);
  const searching = text.trim() !== '';
  const exportLabel =
    selected.size > 0
      ? t('exchange.exportSelected', { count: selected.size })
      : total > MAX_ARTICLE_IDS
        ? t('exchange.exportFirst', { first: number.format(MAX_ARTICLE_IDS), total: number.format(total) })
        : t('exchange.exportShown', { count: total });
  const capped = allSelected && allSelected.key === queryKey && allSelected.total > allSelected.ids.length ? allSelected : null;
  const emptyText =
    scope === 'trash'
      ? searching ? 'queue.noResults' : 'library.emptyTrashList'
      : searching ? 'queue.noResults' : isDefaultFilters(filters) ? 'library.empty' : 'queue.noMatch';
  const shownError = error ?? list.error;

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
      {shownError !== null && shownError !== undefined && <div className="banner banner--error" role="alert">{errorText(t, shownError)}</div>}
      <div className="library__bar">
        <div className="segmented" role="tablist">
          {(['active', 'trash'] as const).map((s) => (
            <button key={s} type="button" role="tab" aria-selected={scope === s} data-testid={`scope-${s}`} className={scope === s ? 'is-active' : ''} onClick={() => { setScope(s); setConfirming(false); }}>
              {t(s === 'active' ? 'library.articles' : 'library.trash')} <span className="count" data-testid={`scope-count-${s}`}>{scopeTotals ? number.format(scopeTotals[s]) : '…'}</span>
            </button>
          ))}
        </div>
        <SearchBox inputRef={searchInput} onQuery={setText} onArrowDown={() => setFocusRequest((r) => ({ index: 0, n: (r?.n ?? 0) + 1 }))} shortcut={platform ? shortcutLabel(SEARCH_SHORTCUT, platform) : ''} />
        <div className="library__actions">
          {scope === 'trash' && (scopeTotals?.trash ?? 0) > 0 && mayEmptyTrash(me.role) && (
            <button type="button" className="danger-outline" data-testid="empty-trash" onClick={() => setConfirming(true)}>{t('library.emptyTrash')}</button>
          )}
          {scope === 'active' && (
            <>
              <button type="button" data-testid="import-articles" onClick={() => importPicker.current?.click()}>{t('exchange.import')}</button>
              <button type="button" data-testid="export-articles" disabled={selected.size === 0 && total === 0} onClick={() => void startExport()}>
                {exportLabel}
              </button>
              <button type="button" className="primary" data-testid="new-article" onClick={props.onNew}>+ {t('library.newArticle')}</button>
            </>
          )}
        </div>
      </div>
      {indexing && <IndexingLine done={indexing.done} total={indexing.total} />}
      {list.meta?.heldOnly && <HeldOnlyLine stories={list.meta.heldOnly.stories} />}
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
      {importing && <ImportPanel files={importing} onOpen={props.onOpen} onDone={() => void refreshAll()} onClose={() => setImporting(null)} />}
      {exporting && <ExportDialog ids={exporting.ids} embargoed={exporting.embargoed} onClose={() => setExporting(null)} />}
      {scope === 'active' && (
        <QueueFilterBar
          counts={list.meta?.counts ?? null}
          facets={facets}
          filters={filters}
          onChange={setFilters}
          order={order}
          onOrder={setOrder}
          searching={searching}
        />
      )}
      {scope === 'active' && selected.size > 0 && (
        <p className="selection-line" data-testid="selection-line">
          <span>{t('library.selectedCount', { count: selected.size, n: number.format(selected.size) })}</span>
          {capped && <span data-testid="selection-capped">{t('library.selectionCapped', { first: number.format(capped.ids.length), total: number.format(capped.total) })}</span>}
          <button type="button" className="link-button" data-testid="clear-selection" onClick={() => { setSelected(new Set()); setAllSelected(null); }}>{t('library.clearSelection')}</button>
        </p>
      )}
      {confirming && (
        <ConfirmBanner label={t('library.emptyTrash')} testId="empty-trash-confirm" onCancel={() => setConfirming(false)}>
          <span>{t('library.emptyTrashWarning', { count: scopeTotals?.trash ?? 0 })}</span>
          <button type="button" className="danger" data-testid="confirm-empty-trash" onClick={() => { setConfirming(false); void act(() => call('emptyTrash', {})); }}>
            {t('library.confirmEmptyTrash', { count: scopeTotals?.trash ?? 0 })}
          </button>
          <button type="button" data-testid="cancel-empty-trash" onClick={() => setConfirming(false)} autoFocus>{t('library.cancel')}</button>
        </ConfirmBanner>
      )}
      {binning && (
        <ConfirmBanner label={t('library.moveToTrash')} testId="trash-confirm" onCancel={() => setBinning(null)}>
          <span data-testid="trash-confirm-text">{t('library.trashConfirm', { headline: binning.headline || t('library.untitled'), state: t(`status.${binning.status}`) })}</span>
          <button type="button" className="danger" data-testid="confirm-trash" onClick={() => { setBinning(null); void trash(binning.id, binning.headline); }}>{t('library.confirmTrash')}</button>
          <button type="button" data-testid="cancel-trash" onClick={() => setBinning(null)} autoFocus>{t('library.cancel')}</button>
        </ConfirmBanner>
      )}
      {list.meta && total === 0 && !list.busy ? (
        <p className="empty-state" data-testid="library-empty">{t(emptyText, { text: text.trim() })}</p>
      ) : list.meta ? (
        <ArticleTable
          count={total}
          row={list.row}
          epoch={list.epoch}
          busy={list.busy}
          searching={list.shownText !== ''}
          settings={props.settings}
          scope={scope}
          onRange={list.setRange}
          onOpen={props.onOpen}
          onDuplicate={(id) => act(() => call('duplicateArticle', { id, actor: me.id }))}
          onTrash={(id, headline, status) => (trashAsksFirst(status) ? setBinning({ id, headline, status }) : trash(id, headline))}
          onRestore={(id, headline) => act(() => call('restoreArticle', { id, actor: me.id }).catch((err: unknown) => Promise.reject(new StoryError(headline, err))))}
          selected={selected}
          onSelect={select}
          allSelected={allSelected?.key === queryKey}
          onSelectAll={(on) => void selectAll(on)}
          focusRequest={focusRequest}
        />
      ) : null}
    </div>
  );
}
