// The workflow buttons for this article and this person: only the steps the permission table
// allows (the core checks again). Return and correct ask for a note; a blocked approval lists
// what is missing, and a blocked publication names the embargo, each with an override for those
// allowed one, which needs a reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/model/article';
import { ApiError } from '../../../shared/contract/errors';
import { availableActions, may, NOTE_REQUIRED, type WorkflowAction } from '../../../shared/workflow/transitions';
import { call } from '../api';
import { errorText } from '../errorText';
import { useMe } from '../people/MeContext';

type Pending = { action: WorkflowAction; blocked: ApiError | null };

export function WorkflowBar(props: { article: Article; beforeStep(): Promise<void>; onStepped(article: Article): void }) {
  const { t, i18n } = useTranslation();
  const { me, permissions } = useMe();
  const [pending, setPending] = useState<Pending | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const actions = props.article.trashedAt ? [] : availableActions(permissions, me.role, props.article.status);

  const run = async (action: WorkflowAction, override: boolean, text: string) => {
    setBusy(true);
    setError(null);
    try {
      await props.beforeStep();
      const next = await call('transitionArticle', { id: props.article.id, actor: me.id, action, note: text, override });
      setPending(null);
      setNote('');
      props.onStepped(next);
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'checklistFailed' || err.code === 'embargoed')) setPending({ action, blocked: err });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const press = (action: WorkflowAction) => {
    setError(null);
    if (NOTE_REQUIRED.has(action)) setPending({ action, blocked: null });
    else void run(action, false, '');
  };

  const blocked = pending?.blocked;
  const canOverride = may(permissions, me.role, 'override');
  const missing = blocked?.code === 'checklistFailed' ? String(blocked.params.missing).split(',') : [];
  return (
    <div className="workflow-bar" data-testid="workflow-bar">
      <span className={`status status--${props.article.status}`} data-testid="article-status">{t(`status.${props.article.status}`)}</span>
      {actions.map((action) => (
        <button key={action} type="button" className={action === 'approve' || action === 'send' ? 'primary small' : 'small'} data-testid={`action-${action}`} disabled={busy} onClick={() => press(action)}>
          {t(`workflow.action.${action}`)}
        </button>
      ))}
      {pending && (
        <form
          className="workflow-bar__dialog"
          role="dialog"
          aria-label={t(`workflow.action.${pending.action}`)}
          onSubmit={(e) => {
            e.preventDefault();
            void run(pending.action, blocked !== null && blocked !== undefined, note);
          }}
        >
          {blocked?.code === 'checklistFailed' && (
            <div data-testid="checklist-missing">
              <p>{t('workflow.checklistBlocked')}</p>
              <ul>{missing.map((m) => <li key={m} data-testid="missing-item">{t(`checklist.${m}`)}</li>)}</ul>
            </div>
          )}
          {blocked?.code === 'embargoed' && (
            <p data-testid="embargo-blocked">{t('workflow.embargoBlocked', { until: new Date(String(blocked.params.until)).toLocaleString(i18n.language) })}</p>
          )}
          {(!blocked || canOverride) && (
            <label className="field">
              <span>{blocked ? t('workflow.overrideReason') : t(`workflow.noteFor.${pending.action}`)}</span>
              <textarea data-testid="workflow-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} required autoFocus />
            </label>
          )}
          {blocked && !canOverride && <p>{t('workflow.askEditor')}</p>}
          <div className="workflow-bar__buttons">
            {(!blocked || canOverride) && (
              <button type="submit" className={blocked ? 'danger' : 'primary'} data-testid="workflow-confirm" disabled={busy || note.trim() === ''}>
                {blocked ? t('workflow.override', { action: t(`workflow.action.${pending.action}`) }) : t(`workflow.action.${pending.action}`)}
              </button>
            )}
            <button type="button" onClick={() => { setPending(null); setNote(''); }}>{t('library.cancel')}</button>
          </div>
        </form>
      )}
      {error !== null && <span className="banner banner--error" role="alert">{errorText(t, error)}</span>}
    </div>
  );
}
