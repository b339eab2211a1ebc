// Progress while photos import (with Cancel), then the per-file results when anything needs the
// user's attention: each refusal in a sentence that names the file and says what to do.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialog } from '../dialogs/useDialog';
import { errorText } from '../errorText';
import type { ImportJob } from './usePhotoImport';

export function ImportStatus(props: { job: ImportJob; onCancel(): void; onDismiss(): void }) {
  const { job } = props;
  return job.results ? <ImportResults job={job} results={job.results} onDismiss={props.onDismiss} /> : <ImportProgress job={job} onCancel={props.onCancel} />;
}

function ImportProgress(props: { job: ImportJob; onCancel(): void }) {
  const { t } = useTranslation();
  const { job } = props;
  return (
    <div className="import-status" role="status" data-testid="import-progress">
      <span>{t('photos.importing', { done: job.done, total: job.total })}</span>
      <progress max={job.total} value={job.done} />
      {job.current && <span className="import-status__file">{job.current}</span>}
      <button type="button" data-testid="import-cancel" onClick={props.onCancel}>{t('photos.cancel')}</button>
    </div>
  );
}

/** What needs the person's attention: Esc closes it too, without taking the focus from the body text it arrives over. */
function ImportResults(props: { job: ImportJob; results: NonNullable<ImportJob['results']>; onDismiss(): void }) {
  const { t } = useTranslation();
  const { job } = props;
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, { onClose: props.onDismiss, takeFocus: false });
  return (
    <div ref={ref} tabIndex={-1} className="import-status import-status--done" role="alert" data-testid="import-results">
      <strong>{t('photos.resultTitle')}</strong>
      <ul>
        {props.results.map((r, i) => (
          <li key={i} data-testid="import-result" className={`import-result import-result--${r.status}`}>
            {r.status === 'failed' ? errorText(t, r.error) : `${r.name}: ${r.status === 'added' ? t(r.existed ? 'photos.alreadyInLibrary' : 'photos.added') : t('photos.cancelled')}`}
          </li>
        ))}
        {job.skipped > 0 && <li className="import-result">{t('photos.skippedOther', { count: job.skipped })}</li>}
      </ul>
      <button type="button" data-testid="import-dismiss" onClick={props.onDismiss}>{t('photos.close')}</button>
    </div>
  );
}
