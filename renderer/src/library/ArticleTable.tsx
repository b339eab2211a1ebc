// The article list: a table that renders only the rows on screen (the rest is empty space of the
// right height), so 100,000 articles scroll like 10. Rows have a fixed height; a row whose page
// has not arrived yet shows as a grey placeholder. Table semantics stay for assistive tech:
// aria-rowcount says how many rows there are, aria-rowindex where each shown one sits.
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/model/settings';
import type { ArticleStatus } from '../../../shared/model/article';
import type { ResultRow } from '../../../shared/search/query';
import { pickTemplate, renderByline } from '../../../shared/byline/renderByline';
import { relativeTime } from './relativeTime';
import { ReplicaMark } from './ReplicaMark';
import { Marked } from './marks';
import { HEADER_HEIGHT, RESULT_ROW_HEIGHT, ROW_HEIGHT, listColumns } from './listLayout';
import { useMe } from '../people/MeContext';
import { mayTrash } from '../../../shared/workflow/trash';


interface Props {
  /** How many rows the query lists (all of them, not just the ones fetched). */
  count: number;
  row(index: number): ResultRow | undefined;
  /** Changes when a new query's rows come in: back to the top. */
  epoch: number;
  /** The rows still answer the previous query. */
  busy: boolean;
  searching: boolean;
  settings: Settings;
  scope: 'active' | 'trash';
  onRange(start: number, end: number): void;
  onOpen(id: string): void;
  onDuplicate(id: string): void;
  /** The headline goes along so that a refusal (or the question before) can name the story. */
  onTrash(id: string, headline: string, status: ArticleStatus): void;
  onRestore(id: string, headline: string): void;
  /** Rows ticked for a batch export (the active list only). */
  selected: ReadonlySet<string>;
  onSelect(ids: string[], on: boolean): void;
  /** "Every listed article" is ticked for this query. */
  allSelected: boolean;
  onSelectAll(on: boolean): void;
  /** Asks the table to put keyboard focus on a row (from the search box's ↓). */
  focusRequest: { index: number; n: number } | null;
}

/** A headline (or step line) cut by the row gets the whole text as its tooltip, checked when the pointer comes. */
function showWholeWhenCut(e: MouseEvent<HTMLElement>) {
  const el = e.currentTarget;
  const cut = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  if (cut) el.title = (el.textContent ?? '').trim();
  else el.removeAttribute('title');
}

const DuplicateIcon = () => (
  <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
  </svg>
);

const TrashIcon = () => (
  <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />
  </svg>
);

export function ArticleTable(props: Props) {
  const { count, row, epoch, busy, searching, settings, scope, onRange, onOpen, onDuplicate, onTrash, onRestore, selected, onSelect, allSelected, onSelectAll, focusRequest } = props;
  const { t, i18n } = useTranslation();
  const { me, permissions } = useMe();
  const scroller = useRef<HTMLDivElement>(null);
  const rowHeight = searching ? RESULT_ROW_HEIGHT : ROW_HEIGHT;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // The header row sits above the rows inside the same scroller and stays there (sticky).
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  useLayoutEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [epoch]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) onRange(first, last);
  }, [first, last, onRange]);

  // Keyboard: ↑/↓ move between rows, even to rows not yet rendered.
  const [focusIndex, setFocusIndex] = useState<{ index: number; n: number } | null>(null);
  const focusSeq = useRef(0);
  useEffect(() => {
    if (focusRequest && count > 0) setFocusIndex({ index: Math.min(focusRequest.index, count - 1), n: ++focusSeq.current });
    // A request is honoured once; a later change of count must not pull focus back.
  }, [focusRequest]);
  // Scroll once per request, then focus the row as soon as it is rendered (maybe a render later).
  const focusDone = useRef({ scrolled: 0, focused: 0 });
  useEffect(() => {
    if (!focusIndex) return;
    if (focusDone.current.scrolled !== focusIndex.n) {
      focusDone.current.scrolled = focusIndex.n;
      virtualizer.scrollToIndex(focusIndex.index, { align: 'auto' });
    }
    if (focusDone.current.focused === focusIndex.n) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusIndex.index}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      focusDone.current.focused = focusIndex.n;
    }
  });
  const moveFocus = (index: number, e: KeyboardEvent) => {
    const next = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : null;
    if (next === null || next < 0 || next >= count) return false;
    e.preventDefault();
    setFocusIndex({ index: next, n: ++focusSeq.current });
    return true;
  };

  const now = Date.now();
  const selectable = scope === 'active';
  const sheets = (n: number) => t('counts.sheetsValue', { value: n.toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  const cls = `article-table${selectable ? ' article-table--select' : ''}${searching ? ' article-table--results' : ''}`;
  return (
    <div
      ref={scroller}
      className={cls}
      style={{ '--columns': listColumns(selectable) } as CSSProperties}
      role="table"
      aria-label={t(scope === 'trash' ? 'library.trash' : 'library.articles')}
      aria-rowcount={count + 1}
      aria-busy={busy}
      data-testid="article-list"
    >
      <div role="rowgroup" className="article-table__head" style={{ height: HEADER_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="article-table__row">
          {selectable && (
            <div role="columnheader" className="cell-select">
              <input type="checkbox" data-testid="select-all" aria-label={t('exchange.selectAll')} checked={allSelected} disabled={count === 0} onChange={(e) => onSelectAll(e.target.checked)} />
            </div>
          )}
          <div role="columnheader">{t('library.headline')} · {t('library.byline')}</div>
          <div role="columnheader" className="cell-num">{t('library.sheets')}</div>
          <div role="columnheader" className="cell-num">{t('library.photos')}</div>
          <div role="columnheader">{t('library.status')}</div>
          <div role="columnheader">{t('library.updated')}</div>
          <div role="columnheader"><span className="visually-hidden">{t('library.actions')}</span></div>
        </div>
      </div>
      <div role="rowgroup" className="article-table__body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const r = row(item.index);
          const style = { height: rowHeight, transform: `translateY(${item.start - HEADER_HEIGHT}px)` };
          if (!r) {
            return (
              <div key={`p${item.index}`} role="row" aria-rowindex={item.index + 2} aria-busy="true" data-index={item.index} tabIndex={-1} className="article-table__row is-placeholder" style={style}>
                <div role="cell" className="placeholder-bar"><span className="visually-hidden">{t('library.loadingRow')}</span></div>
              </div>
            );
          }
          const a = r.summary;
          const open = scope === 'active' ? () => onOpen(a.id) : undefined;
          // The same rule the core enforces (shared/workflow/trash.ts): offered only when it would be allowed, else disabled saying why.
          const binnable = mayTrash(permissions, me, a);
          const whyNot = binnable ? undefined : t(`library.trashNotAllowed.${a.ownerId === me.id ? 'withDesk' : 'notOwner'}`, { headline: a.headline || t('library.untitled'), state: t(`status.${a.status}`) });
          return (
            <div
              key={a.id}
              role="row"
              aria-rowindex={item.index + 2}
              data-index={item.index}
              data-testid="article-row"
              data-article-id={a.id}
              className={`article-table__row${open ? ' is-openable' : ''}`}
              style={style}
              tabIndex={0}
              onClick={open}
              onKeyDown={(e) => {
                if (e.target !== e.currentTarget) return;
                if (open && e.key === 'Enter') open();
                else moveFocus(item.index, e);
              }}
            >
              {selectable && (
                <div role="cell" className="cell-select" onClick={(e) => e.stopPropagation()}>
                  <input type="checkbox" data-testid="select-row" aria-label={t('exchange.selectRow', { headline: a.headline || t('library.untitled') })} checked={selected.has(a.id)} onChange={(e) => onSelect([a.id], e.target.checked)} />
                </div>
              )}
              <div role="cell" className="cell-headline-wrap">
                <div data-testid="row-headline" className={`cell-headline${r.snippet ? '' : ' cell-headline--two'}`} lang={a.language} onMouseEnter={showWholeWhenCut}>
                  {a.kicker && <span className="kicker">[{a.kicker}]</span>}{' '}
                  {a.headline ? <span><Marked text={a.headline} marks={r.headlineMarks} /></span> : <span className="muted">{t('library.untitled')}</span>}
                </div>
                <div data-testid="row-byline" className="cell-byline">{renderByline(a.byline, pickTemplate(settings, a.byline, a.language))}</div>
                {r.snippet && (
                  <div className="snippet" data-testid="row-snippet" data-field={r.snippet.field} lang={a.language}>
                    {r.snippet.field !== 'body' && <span className="snippet__field">{t(`library.snippetField.${r.snippet.field}`)}</span>}
                    <Marked text={r.snippet.text} marks={r.snippet.marks} />
                  </div>
                )}
              </div>
              <div role="cell" data-testid="row-sheets" className="cell-num">{a.sheets === null ? '' : sheets(a.sheets)}</div>
              {a.waitingPhotos > 0 ? (
                // Photos placed / figures in all: a figure still waits for its photo.
                <div role="cell" data-testid="row-photos" data-waiting={a.waitingPhotos} className="cell-num cell-photos--waiting" title={t('library.photoWaiting', { count: a.photoCount, waiting: a.waitingPhotos })} aria-label={t('library.photoWaiting', { count: a.photoCount, waiting: a.waitingPhotos })}>
                  {a.photoCount}/{a.photoCount + a.waitingPhotos}
                </div>
              ) : (
                <div role="cell" data-testid="row-photos" className="cell-num" aria-label={t('library.photoCount', { count: a.photoCount })}>{a.photoCount > 0 ? a.photoCount : <span className="muted">–</span>}</div>
              )}
              <div role="cell" data-testid="row-status" className="cell-status">
                <span className={`status status--${a.status}`}>{t(`status.${a.status}`)}</span>
                {a.embargo && Date.parse(a.embargo) > now && <span className="chip chip--embargo" title={new Date(a.embargo).toLocaleString(i18n.language)}>{t('workflow.embargoShort')}</span>}
                {a.lastTransition && (
                  <span className="row-step" data-testid="row-step" onMouseEnter={showWholeWhenCut}>{t(`workflow.did.${a.lastTransition.action}`, { name: a.lastTransition.actorName })}</span>
                )}
              </div>
              <div role="cell" className="cell-updated">
                <span data-testid="row-updated" title={new Date(a.updatedAt).toLocaleString(i18n.language)}>{relativeTime(a.updatedAt, now, i18n.language)}</span>
                {r.replica && <ReplicaMark sync={r.replica} now={now} />}
              </div>
              <div role="cell" className="cell-actions" onClick={(e) => e.stopPropagation()}>
                {scope === 'active' ? (
                  <>
                    <button type="button" className="small icon-button" data-testid="duplicate-article" aria-label={t('library.duplicate')} title={t('library.duplicate')} onClick={() => onDuplicate(a.id)}><DuplicateIcon /></button>
                    <button type="button" className="small icon-button" data-testid="trash-article" aria-label={t('library.moveToTrash')} disabled={!binnable} title={whyNot ?? t('library.moveToTrash')} aria-description={whyNot} onClick={() => onTrash(a.id, a.headline, a.status)}><TrashIcon /></button>
                  </>
                ) : (
                  <button type="button" className="small" data-testid="restore-article" disabled={!binnable} title={whyNot} aria-description={whyNot} onClick={() => onRestore(a.id, a.headline)}>{t('library.restore')}</button>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
