// A running export or import: how far it is, which article or file it is on, and Cancel.
import { useTranslation } from 'react-i18next';
import type { JobProgress } from './useJob';

export function JobProgressBar(props: { progress: JobProgress; label: string; onCancel(): void }) {
  const { t } = useTranslation();
  const { done, total, current } = props.progress;
  return (
    <div className="job-progress" role="status" data-testid="job-progress">
      <span>{props.label} {t('exchange.progress', { done, total })}</span>
      <progress max={total} value={done} />
      {current && <span className="job-progress__current">{current}</span>}
      <button type="button" data-testid="job-cancel" onClick={props.onCancel}>{t('exchange.cancel')}</button>
    </div>
  );
}
