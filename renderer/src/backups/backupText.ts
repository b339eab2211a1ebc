// Sentences for backups: a refusal's reason picks its sentence (and names the archive), and a
// restore's outcome is said in a few lines, the way back included.
import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/contract/errors';
import type { RestoreResult } from '../../../shared/model/backup';
import { errorText } from '../errorText';

export function backupErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && err.code === 'backupFailed' && typeof err.params.reason === 'string') {
    return t(`backups.errors.${err.params.reason}`, { file: err.params.file ?? '', defaultValue: t('errors.backupFailed') });
  }
  return errorText(t, err);
}

/** A moment as people read it: with its date (a backup), or the time alone for today's (a setting just saved). */
export function formatTime(iso: string, language: string, style: 'dateTime' | 'time' = 'dateTime'): string {
  return new Intl.DateTimeFormat(language, style === 'time' ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatSize(bytes: number, language: string): string {
  const mb = bytes / 1024 / 1024;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: mb < 10 ? 1 : 0 }).format(mb)} MB`;
}

/** The outcome of a restore, line by line. `undoAt` is when the "before a restore" snapshot was taken. */
export function restoreSummary(t: TFunction, r: RestoreResult, undoAt: string | null): string[] {
  const lines = [r.cancelled ? t('backups.cancelled') : '', t('backups.restored', { restored: r.restored, unchanged: r.unchanged, trashed: r.trashed })];
  if (r.photos) lines.push(t('backups.restoredPhotos', { count: r.photos }));
  if (r.people) lines.push(t('backups.restoredPeople', { count: r.people }));
  if (r.settings) lines.push(t('backups.restoredSettings'));
  if (undoAt) lines.push(t('backups.undoHint', { time: undoAt }));
  return lines.filter(Boolean);
}
