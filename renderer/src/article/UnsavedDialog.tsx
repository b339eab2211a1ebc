// Asked before leaving an article whose edits cannot be saved to it (read-only now, a conflict,
// saves failing): keep them in a new draft, let them go, or stay. Nothing typed is lost unasked.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errorText';
import { ModalDialog } from '../dialogs/ModalDialog';

export function UnsavedDialog(props: { onSaveAsDraft(): Promise<void>; onDiscard(): void; onStay(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const saveAsDraft = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onSaveAsDraft();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    // Esc is "stay": the safe answer, nothing lost.
    <ModalDialog role="alertdialog" labelledBy="unsaved-title" describedBy="unsaved-explain" testId="unsaved-dialog" onClose={() => !busy && props.onStay()}>
      <h2 id="unsaved-title">{t('save.leaveTitle')}</h2>
      <p id="unsaved-explain">{t('save.leaveExplain')}</p>
      {error !== null && <p className="banner banner--error" role="alert">{t('save.draftFailed', { reason: errorText(t, error) })}</p>}
      <div className="dialog__buttons">
        <button type="button" data-testid="unsaved-stay" onClick={props.onStay} disabled={busy} autoFocus>{t('save.leaveStay')}</button>
        <button type="button" className="danger" data-testid="unsaved-discard" onClick={props.onDiscard} disabled={busy}>{t('save.leaveDiscard')}</button>
        <button type="button" className="primary" data-testid="unsaved-save-draft" onClick={() => void saveAsDraft()} disabled={busy}>{t('save.leaveSaveAsDraft')}</button>
      </div>
    </ModalDialog>
  );
}
