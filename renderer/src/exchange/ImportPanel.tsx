// Articles from files (the Import button, the File menu, or files dropped on the library): progress
// with Cancel, then a line per file — the new article to open, or why the file was refused (a
// refused file leaves nothing behind).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/apiError';
import { call } from '../api';
import { errorText } from '../errorText';
import { useMe } from '../people/MeContext';
import { JobProgressBar } from './JobProgressBar';
import { useJob } from './useJob';
import { useDialog } from '../dialogs/useDialog';

export { IMPORT_ACCEPT } from './importAccept';

export function ImportPanel(props: { files: File[]; onOpen(id: string): void; onDone(): void; onClose(): void }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const job = useJob();
  const [outcome, setOutcome] = useState<{ results: ImportResult[]; cancelled: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);
  const panel = useRef<HTMLDivElement>(null);
  // Esc: Cancel while files are read, Close after (the same as the visible button).
  useDialog(panel, { onClose: job.progress ? job.cancel : props.onClose });

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const files = await Promise.all(props.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
        setOutcome(await job.run(files.length, (jobId) => call('importFiles', { actor: me.id, jobId, files })));
      } catch (err) {
        setError(err);
      }
      props.onDone();
    })();
  }, [job, me.id, props]);

  return (
    <div ref={panel} tabIndex={-1} className="import-panel" role="dialog" aria-label={t('exchange.importTitle')} data-testid="import-panel">
      {job.progress && <JobProgressBar progress={job.progress} label={t('exchange.importing')} onCancel={job.cancel} />}
      {error !== null && <p className="banner banner--error" role="alert">{errorText(t, error)}</p>}
      {outcome && (
        <>
          <strong>{t(outcome.cancelled ? 'exchange.importCancelled' : 'exchange.importDone', { ok: outcome.results.filter((r) => r.articleId).length, failed: outcome.results.filter((r) => r.error).length })}</strong>
          <ul className="result-list">
            {outcome.results.map((r, i) => (
              <li key={i} data-testid="import-file-result" className={r.error ? 'is-failed' : 'is-done'}>
                {/* A refusal's sentence names the file itself. */}
                {!r.error && <span className="result-list__file">{r.name} </span>}
                {r.error ? (
                  <span role="alert">{errorText(t, new ApiError(r.error.code, r.error.message, { ...r.error.params, file: r.name }))}</span>
                ) : (
                  <>
                    <span className="muted">{t(`exchange.importFormat.${r.format}`, { defaultValue: r.format })}</span>{' '}
                    <button type="button" className="link" data-testid="import-open" onClick={() => r.articleId && props.onOpen(r.articleId)}>{r.headline || t('library.untitled')}</button>
                    {r.warnings.map((w, j) => <span key={j} className="chip chip--warning">{t(w.key, w.values ?? {})}</span>)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {!job.progress && <button type="button" data-testid="import-close" onClick={props.onClose}>{t('exchange.close')}</button>}
    </div>
  );
}
