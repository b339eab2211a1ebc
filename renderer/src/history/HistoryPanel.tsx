// The article's history: versions (who, when, in which state) and the audit log in one timeline.
// Pick any two versions to see what changed; restore any version as a new one.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentOf, type Article } from '../../../shared/model/article';
import type { AuditEntry, VersionMeta } from '../../../shared/model/history';
import { diffArticles } from '../../../shared/workflow/diff';
import { call } from '../api';
import { errorText } from '../errorText';
import { DiffView } from './DiffView';
import { ConfirmBanner } from '../dialogs/ConfirmBanner';
import { useDialog } from '../dialogs/useDialog';
import { findLastChange, type LastChange } from './lastChange';
import { newestFirst } from '../../../shared/time/newestFirst';

/**
 * What an audit entry says beside its action: an export's formats by their names or an embargo
 * change's new time (the app's words), apart from its note (the person's words, quoted).
 */
function auditDetail(entry: AuditEntry, t: (key: string, values?: Record<string, string>) => string, when: (iso: string) => string): string {
  const formats = (entry.formats ?? []).map((f) => t(`exchange.format.${f}`)).join(', ');
  const embargo = entry.embargo === undefined ? '' : entry.embargo === null ? t('history.embargoLifted') : t('history.embargoSet', { when: when(entry.embargo) });
  return [formats, embargo].filter(Boolean).join(' — ');
}

type Item = { kind: 'version'; at: string; version: VersionMeta } | { kind: 'audit'; at: string; entry: AuditEntry };

export function HistoryPanel(props: { articleId: string; canRestore: boolean; onRestore(seq: number): Promise<void>; onClose(): void; /** Changes whenever the article does (a save, a step, a restore). */ reloadKey: string }) {
  const { t, i18n } = useTranslation();
  const detailOf = (entry: AuditEntry) => auditDetail(entry, t, when);
  const [history, setHistory] = useState<{ versions: VersionMeta[]; audit: AuditEntry[] } | null>(null);
  const [pair, setPair] = useState<[number, number] | null>(null);
  /** What the panel opened on (the last real change), until the person picks versions themselves. */
  const [opened, setOpened] = useState<LastChange | null>(null);
  // A pair the person chose stays chosen when the article changes under the open panel.
  const [picked, setPicked] = useState(false);
  const pickedRef = useRef(false);
  pickedRef.current = picked;
  const [versions, setVersions] = useState<Record<number, Article>>({});
  const [error, setError] = useState<unknown>(null);
  /** The version whose restore is being asked about. */
  const [restoring, setRestoring] = useState<number | null>(null);
  // A panel beside the work: Esc closes it while the focus is in it, and the focus goes back to its
  // button. Opening it puts the focus in it, so Esc right after clicking 기록 closes it at once.
  const panel = useRef<HTMLElement>(null);
  useDialog(panel, { onClose: props.onClose, panel: true, takeFocus: true });
  // Versions by seq and time written: a coalesced save rewrites the newest version under its number.
  const loads = useRef(new Map<string, Promise<Article>>());
  const metas = useRef(new Map<number, VersionMeta>());
  const load = useCallback(
    (seq: number): Promise<Article> => {
      const key = `${props.articleId}/${seq}@${metas.current.get(seq)?.at ?? ''}`;
      let promise = loads.current.get(key);
      if (!promise) {
        promise = call('getVersion', { id: props.articleId, seq });
        loads.current.set(key, promise);
        promise.catch(() => loads.current.delete(key)); // a failed read is tried again next time
      }
      return promise;
    },
    [props.articleId],
  );

  useEffect(() => setPicked(false), [props.articleId]);

  useEffect(() => {
    let gone = false;
    call('getHistory', { id: props.articleId }).then(
      async (h) => {
        if (gone) return;
        metas.current = new Map(h.versions.map((v) => [v.seq, v]));
        setVersions({});
        setHistory(h);
        if (pickedRef.current) return;
        if (h.versions.length < 2) {
          setOpened(null);
          setPair(null);
          return;
        }
        // By default: the newest pair of versions that differ, not a step that changed nothing.
        try {
          const found = await findLastChange(h.versions.map((v) => v.seq), async (seq) => contentOf(await load(seq)));
          if (gone) return;
          setOpened(found);
          setPair(found?.kind === 'change' ? [found.from, found.to] : null);
        } catch (err) {
          if (gone) return;
          setError(err);
          setOpened(null);
          setPair([h.versions[1].seq, h.versions[0].seq]);
        }
      },
      setError,
    );
    return () => {
      gone = true;
    };
  }, [props.articleId, props.reloadKey, load]);

  useEffect(() => {
    if (!pair) return;
    for (const seq of pair) if (!versions[seq]) load(seq).then((a) => setVersions((v) => ({ ...v, [seq]: a })), setError);
  }, [pair, versions, load]);

  const diff = useMemo(() => {
    if (!pair || !versions[pair[0]] || !versions[pair[1]]) return null;
    return diffArticles(contentOf(versions[pair[0]]), contentOf(versions[pair[1]]));
  }, [pair, versions]);

  const items: Item[] = history
    ? [...history.versions.map((v): Item => ({ kind: 'version', at: v.at, version: v })), ...history.audit.map((e): Item => ({ kind: 'audit', at: e.at, entry: e }))].sort((a, b) =>
        newestFirst(a.at, b.at) || (a.kind === 'audit' ? -1 : 1),
      )
    : [];
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const choose = (seq: number, side: 0 | 1) => {
    setPicked(true);
    setPair((p) => (side === 0 ? [seq, p?.[1] ?? seq] : [p?.[0] ?? seq, seq]));
  };
  const auto = picked ? null : opened;

  return (
    <aside ref={panel} tabIndex={-1} className="history-panel" aria-label={t('history.title')} data-testid="history-panel">
      <div className="history-panel__head">
        <h2>{t('history.title')}</h2>
        <button type="button" className="small" data-testid="history-close" onClick={props.onClose}>{t('history.close')}</button>
      </div>
      {error !== null && <p className="banner banner--error" role="alert">{errorText(t, error)}</p>}
      {auto?.kind === 'none' && !pair && (
        <p className="muted" data-testid="history-never-changed">{t('history.neverChanged', { a: auto.oldest, b: auto.newest })}</p>
      )}
      {pair && (
        <div className="history-panel__compare">
          <p className="history-panel__pair" data-testid="history-pair" data-from={pair[0]} data-to={pair[1]}>
            {auto?.kind === 'change' ? t('history.lastChange', { a: pair[0], b: pair[1] }) : t('history.comparing', { a: pair[0], b: pair[1] })}
          </p>
          {auto?.kind === 'change' && auto.sameUpTo !== null && (
            <p className="muted" data-testid="history-same-since">{t('history.sameSince', { a: auto.to, b: auto.sameUpTo })}</p>
          )}
          {diff ? <DiffView diff={diff} /> : <p className="muted">{t('article.loading')}</p>}
        </div>
      )}
      <ol className="history-list">
        {items.map((item) =>
          item.kind === 'version' ? (
            <li key={`v${item.version.seq}`} className="history-item" data-testid="history-version" data-seq={item.version.seq}>
              <span className="history-item__what">
                {t('history.version', { seq: item.version.seq })} · {t(`history.kind.${item.version.kind}`)} · <span className={`status status--${item.version.state}`}>{t(`status.${item.version.state}`)}</span>
              </span>
              <span className="muted">{item.version.actorName} · {when(item.version.at)}</span>
              <span className="history-item__tools">
                <button type="button" className="small" aria-pressed={pair?.[0] === item.version.seq} data-testid="compare-from" onClick={() => choose(item.version.seq, 0)}>{t('history.from')}</button>
                <button type="button" className="small" aria-pressed={pair?.[1] === item.version.seq} data-testid="compare-to" onClick={() => choose(item.version.seq, 1)}>{t('history.to')}</button>
                {props.canRestore && (
                  <button type="button" className="small" data-testid="restore-version" onClick={() => setRestoring(item.version.seq)}>{t('history.restore')}</button>
                )}
              </span>
              {/* The current text is kept as a version, but the screen changes at once: say so first. */}
              {restoring === item.version.seq && (
                <ConfirmBanner label={t('history.restore')} testId="restore-confirm" onCancel={() => setRestoring(null)}>
                  <span data-testid="restore-confirm-text">{t('history.restoreConfirm', { seq: item.version.seq })}</span>
                  <button type="button" className="danger small" data-testid="confirm-restore" onClick={() => { setRestoring(null); void props.onRestore(item.version.seq).catch(setError); }}>{t('history.restore')}</button>
                  <button type="button" className="small" data-testid="cancel-restore" onClick={() => setRestoring(null)} autoFocus>{t('library.cancel')}</button>
                </ConfirmBanner>
              )}
            </li>
          ) : (
            <li key={`a${item.at}${item.entry.action}`} className="history-item history-item--audit" data-testid="history-audit" data-action={item.entry.action}>
              <span className="history-item__what">
                {t(`workflow.did.${item.entry.action}`, { name: item.entry.actorName })}
                {item.entry.version ? ` (${t('history.version', { seq: item.entry.version })})` : ''}
                {item.entry.overridden.length > 0 && (
                  <strong className="history-item__override" data-testid="audit-override"> {t('history.overrode', { items: item.entry.overridden.map((o) => t(`checklist.${o}`)).join(', ') })}</strong>
                )}
              </span>
              <span className="muted">{when(item.entry.at)}</span>
              {detailOf(item.entry) && <span className="history-item__detail">{detailOf(item.entry)}</span>}
              {item.entry.note && <span className="history-item__note">“{item.entry.note}”</span>}
            </li>
          ),
        )}
      </ol>
    </aside>
  );
}
