// "저장됨 · 오후 2:02" beside a settings section's title once its change is stored, or why it was not.
import { useTranslation } from 'react-i18next';
import { formatTime } from '../backups/backupText';
import { errorText } from '../errorText';
import type { SaveStatus } from './useSaveStatus';

export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { t, i18n } = useTranslation();
  if (status.kind === 'idle') return null;
  if (status.kind === 'failed') {
    return <span className="save-status save-status--failed" role="alert" data-testid="settings-save-status" data-state="failed">{t('settings.saveFailed', { reason: errorText(t, status.error) })}</span>;
  }
  return (
    <span className={`save-status save-status--${status.kind}`} role="status" data-testid="settings-save-status" data-state={status.kind}>
      {status.kind === 'saving' ? t('settings.saving') : t('settings.savedAt', { time: formatTime(status.at, i18n.language, 'time') })}
    </span>
  );
}
