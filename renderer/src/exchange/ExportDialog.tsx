// Export one article or many: pick formats, give a reason when an embargo must be overridden,
// follow progress (cancel any time), then a result per article — where its files went, or why not.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/exchange/exportFormats';
import type { ExportResult } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/apiError';
import { call } from '../api';
import { errorText } from '../errorText';
import { useMe } from '../people/MeContext';
import { JobProgressBar } from './JobProgressBar';
import { rememberFormats, rememberedFormats } from './exportChoices';
import { useJob } from './useJob';
import { ModalDialog } from '../dialogs/ModalDialog';
import { exportedPath } from './exportedPath';
import { OpenFolder } from './OpenFolder';

interface Props {
  ids: string[];
  /** Some of the articles are under embargo now: offer the override. */
  embargoed: boolean;
  onClose(): void;
}

export function ExportDialog({ ids, embargoed, onClose }: Props) {
  const { t } = useTranslation();
  const { me } = useMe();
  const [formats, setFormats] = useState<ExportFormat[]>(() => rememberedFormats(localStorage));
  const [override, setOverride] = useState(false);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<{ dir: string; results: ExportResult[]; cancelled: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const job = useJob();

  const toggle = (f: ExportFormat) => setFormats((cur) => (cur.includes(f) ? cur.filter((x) => x !== f) : EXPORT_FORMATS.filter((x) => x === f || cur.includes(x))));
  const start = async () => {
    rememberFormats(localStorage, formats);
    setError(null);
    try {
      setOutcome(await job.run(ids.length, (jobId) => call('exportArticles', { actor: me.id, jobId, ids, formats, override, note })));
    } catch (err) {
      setError(err);
    }
  };
  const failed = outcome?.results.filter((r) => r.error) ?? [];
  const target = outcome ? exportedPath(outcome.dir, outcome.results) : '';
  const dirText = useRef<HTMLElement>(null);
  const folderText = useRef<HTMLElement>(null);
  return (
    // Esc is the visible way out: Cancel while the export runs (the dialog then shows what was written), else Close.
    <ModalDialog labelledBy="export-title" testId="export-dialog" onClose={job.progress ? job.cancel : onClose}>
      <h2 id="export-title">{t('exchange.exportTitle', { count: ids.length })}</h2>
      {!outcome && (
        <>
          <fieldset className="format-choices" disabled={job.progress !== null}>
            <legend>{t('exchange.formats')}</legend>
            {EXPORT_FORMATS.map((f) => (
              <label key={f} className="format-choice">
                <input type="checkbox" data-testid={`format-${f}`} checked={formats.includes(f)} onChange={() => toggle(f)} />
                <span>{t(`exchange.format.${f}`)}</span>
                <small className="muted">{t(`exchange.formatHint.${f}`)}</small>
              </label>
            ))}
          </fieldset>
          {embargoed && (
            <fieldset className="override" disabled={job.progress !== null}>
              <p className="banner banner--warning">{t('exchange.embargoWarning')}</p>
              <label>
                <input type="checkbox" data-testid="export-override" checked={override} onChange={(e) => setOverride(e.target.checked)} /> {t('exchange.override')}
              </label>
              {override && <textarea data-testid="export-override-note" rows={2} value={note} placeholder={t('exchange.overrideReason')} onChange={(e) => setNote(e.target.value)} />}
            </fieldset>
          )}
          {error !== null && <p className="banner banner--error" role="alert">{errorText(t, error)}</p>}
          {job.progress ? (
            <JobProgressBar progress={job.progress} label={t('exchange.exporting')} onCancel={job.cancel} />
          ) : (
            <div className="dialog__buttons">
              <button type="button" onClick={onClose}>{t('exchange.close')}</button>
              <button type="button" className="primary" data-testid="export-start" disabled={formats.length === 0 || (override && !note.trim())} onClick={() => void start()}>
                {t('exchange.export')}
              </button>
            </div>
          )}
        </>
      )}
      {outcome && (
        <>
          <p data-testid="export-summary">
            {t(outcome.cancelled ? 'exchange.exportCancelled' : 'exchange.exportDone', { ok: outcome.results.length - failed.length, failed: failed.length })}
          </p>
          <div className="export-where">
            <p className="muted">{t('exchange.exportedTo')} <code ref={dirText} data-testid="export-dir">{outcome.dir}</code></p>
            {target !== outcome.dir && (
              <p className="muted">{t('exchange.articleFolder')} <code ref={folderText} data-testid="export-path">{target}</code></p>
            )}
            {outcome.results.length > failed.length && <OpenFolder path={target} shown={target !== outcome.dir ? folderText : dirText} />}
          </div>
          <ul className="result-list">
            {outcome.results.map((r) => (
              <li key={r.id} data-testid="export-result" data-article-id={r.id} className={r.error ? 'is-failed' : 'is-done'}>
                <strong>{r.headline || t('library.untitled')}</strong>{' '}
                {r.error ? <span role="alert">{errorText(t, new ApiError(r.error.code, r.error.message, r.error.params))}</span> : <span className="muted">{r.folder}/ · {r.files.filter((f) => !f.includes('/')).join(', ')}</span>}
                {r.warnings.map((w, i) => <span key={i} className="chip chip--warning" data-testid="export-warning">{t(w.key, w.values ?? {})}</span>)}
              </li>
            ))}
          </ul>
          <div className="dialog__buttons">
            <button type="button" className="primary" data-testid="export-close" onClick={onClose} autoFocus>{t('exchange.close')}</button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
