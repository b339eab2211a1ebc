// Saved / saving / unsaved / failed, always visible, in words a reporter trusts.
import { useTranslation } from 'react-i18next';
import type { SaveState } from './ArticleSession';
import { errorText } from '../errorText';

/** `onSaveAsDraft`: offered while edits here cannot be saved because the copy became read-only (a conflict offers it in its panel). */
export function SaveIndicator({ state, onRetry, onSaveAsDraft }: { state: SaveState; onRetry(): void; onSaveAsDraft?(): void }) {
  const { t, i18n } = useTranslation();
  const time = state.savedAt ? new Date(state.savedAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
  const text = {
    saved: t('save.saved', { time }),
    saving: t('save.saving'),
    dirty: t('save.dirty'),
    failed: t('save.failed', { reason: errorText(t, state.error) }),
    conflict: t('save.conflict'),
    readOnly: t('save.readOnly'),
  }[state.status];
  const alert = state.status === 'failed' || state.status === 'conflict' || state.status === 'readOnly';
  return (
    <div className={`save-state save-state--${state.status}`} data-testid="save-state" data-state={state.status} role={alert ? 'alert' : 'status'}>
      <span className="save-state__dot" aria-hidden="true" />
      <span>{text}</span>
      {state.status === 'failed' && (
        <button type="button" className="link-button" onClick={onRetry}>{t('save.retryNow')}</button>
      )}
      {onSaveAsDraft && state.status === 'readOnly' && (
        <button type="button" className="link-button" data-testid="save-as-draft" onClick={onSaveAsDraft}>{t('save.saveAsDraft')}</button>
      )}
    </div>
  );
}
