// The workflow buttons for this article and this person: only the steps the permission table
// allows (the core checks again). Return and correct ask for a note; publishing asks to confirm,
// naming the story and its embargo; a blocked approval lists what is missing and where (MissingList), and a blocked
// publication names the embargo, each with an override for those allowed one, which needs a
// reason. The step itself goes through the article session (saved first, adopted in place).
import { useRef, useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/model/article';
import { ApiError } from '../../../shared/contract/errors';
import { availableActions, may, NOTE_REQUIRED, type WorkflowAction } from '../../../shared/workflow/transitions';
import { errorText } from '../errorText';
import { useMe } from '../people/MeContext';
import type { StepRequest } from '../article/ArticleSession';
import { MissingList, type StyleCheckContext } from './MissingList';
import { useDialog } from '../dialogs/useDialog';
import { isForwardStep } from './forwardStep';

/** Refused because the article's state changed elsewhere meanwhile (the session has already caught up with it). */
const movedOn = (err: unknown): err is ApiError => err instanceof ApiError && err.code === 'forbidden' && err.params.reason === 'state' && typeof err.params.state === 'string' && typeof err.params.action === 'string';

type Pending = { action: WorkflowAction; blocked: ApiError | null };

/**
 * Steps that ask "are you sure?" first, naming the story: they cannot be taken back by the person
 * alone (a published story changes only by a correction; a spiked one comes back only as a draft).
 */
const CONFIRM: ReadonlySet<WorkflowAction> = new Set(['publish', 'spike']);

/** The step's question as a popover beside its button: Esc or Cancel closes it (useDialog). */
function StepDialog(props: { label: string; testId: string; onCancel(): void; onSubmit(): void; button(): HTMLElement | null; children: ReactNode }) {
  const ref = useRef<HTMLFormElement>(null);
  useDialog(ref, { onClose: props.onCancel, returnTo: props.button });
  return (
    <form
      ref={ref}
      tabIndex={-1}
      className="workflow-bar__dialog"
      role="dialog"
      aria-label={props.label}
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

export function WorkflowBar(props: {
  article: Article;
  /** The headline and embargo as on screen (saved before any step). */
  headline: string;
  embargo: string | null;
  /** A step or restore is under way. */
  busy: boolean;
  onStep(step: StepRequest): Promise<Article>;
  /** The body's editor, where a blocked approval's list takes the person. */
  editor: Editor | null;
  /** The fields and rules house style reads, for the checklist's house-style places. */
  styleCheck: StyleCheckContext;
}) {
  const { t, i18n } = useTranslation();
  const { me, permissions } = useMe();
  const [pending, setPending] = useState<Pending | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const buttons = useRef(new Map<WorkflowAction, HTMLButtonElement>());
  const actions = props.article.trashedAt ? [] : availableActions(permissions, me.role, props.article.status);

  const run = async (action: WorkflowAction, override: boolean, text: string) => {
    setBusy(true);
    setError(null);
    try {
      await props.onStep({ action, note: text, override });
      setPending(null);
      setNote('');
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'checklistFailed' || err.code === 'embargoed')) setPending({ action, blocked: err });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const press = (action: WorkflowAction) => {
    setError(null);
    if (NOTE_REQUIRED.has(action) || CONFIRM.has(action)) setPending({ action, blocked: null });
    else void run(action, false, '');
  };

  const cancel = () => {
    setPending(null);
    setNote('');
  };
  const blocked = pending?.blocked;
  const canOverride = may(permissions, me.role, 'override');
  const missing = blocked?.code === 'checklistFailed' ? String(blocked.params.missing).split(',') : [];
  // Publishing (not yet blocked) needs no note, only a yes naming what goes out.
  const confirming = pending !== null && !blocked && CONFIRM.has(pending.action);
  const needsNote = pending !== null && (blocked ? canOverride : !confirming);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const story = props.headline.trim() || t('library.untitled');
  const embargoAhead = !!props.embargo && Date.parse(props.embargo) > Date.now();
  return (
    // A blocked approval's checklist sits to the right, under the article bar and over the side panels,
    // so the places it takes the person to stay in sight.
    <div className={`workflow-bar${blocked?.code === 'checklistFailed' ? ' workflow-bar--aside' : ''}`} data-testid="workflow-bar">
      <span className={`status status--${props.article.status}`} data-testid="article-status">{t(`status.${props.article.status}`)}</span>
      {actions.map((action) => (
        <button key={action} type="button" className={isForwardStep(action) ? 'primary small' : 'small'} data-testid={`action-${action}`} ref={(el) => { if (el) buttons.current.set(action, el); else buttons.current.delete(action); }} disabled={busy || props.busy} onClick={() => press(action)}>
          {t(`workflow.action.${action}`)}
        </button>
      ))}
      {pending && (
        <StepDialog
          label={t(`workflow.action.${pending.action}`)}
          testId={confirming ? `${pending.action}-confirm` : 'workflow-dialog'}
          onCancel={cancel}
          button={() => buttons.current.get(pending.action) ?? null}
          onSubmit={() => void run(pending.action, blocked !== null && blocked !== undefined, note)}
        >
          {blocked?.code === 'checklistFailed' && (
            <div data-testid="checklist-missing">
              <p>{t('workflow.checklistBlocked')}</p>
              <MissingList missing={missing} editor={props.editor} styleCheck={props.styleCheck} />
            </div>
          )}
          {blocked?.code === 'embargoed' && (
            <p data-testid="embargo-blocked">{t('workflow.embargoBlocked', { until: new Date(String(blocked.params.until)).toLocaleString(i18n.language) })}</p>
          )}
          {confirming && (
            <div data-testid="confirm-text">
              <p>{t(`workflow.confirm.${pending.action}`, { headline: story })}</p>
              {pending.action === 'publish' && (
                <p data-testid="confirm-embargo">
                  {/* A future embargo is not a schedule: publishing is refused until then (or overridden with a reason). */}
                  {embargoAhead
                    ? `${t('workflow.confirm.embargoUntil', { until: when(props.embargo!) })}${canOverride ? ` ${t('workflow.confirm.embargoOverride')}` : ''}`
                    : props.embargo ? t('workflow.confirm.embargoPassed', { until: when(props.embargo) }) : t('workflow.confirm.noEmbargo')}
                </p>
              )}
            </div>
          )}
          {needsNote && (
            <label className="field">
              <span>{blocked ? t('workflow.overrideReason') : t(`workflow.noteFor.${pending.action}`)}</span>
              <textarea data-testid="workflow-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} required autoFocus />
            </label>
          )}
          {blocked && !canOverride && <p>{t('workflow.askEditor')}</p>}
          <div className="workflow-bar__buttons">
            {(!blocked || canOverride) && (
              <button type="submit" className={blocked || pending.action === 'spike' ? 'danger' : 'primary'} data-testid="workflow-confirm" autoFocus={confirming && pending.action !== 'spike'} disabled={busy || (needsNote && note.trim() === '')}>
                {blocked ? t('workflow.override', { action: t(`workflow.action.${pending.action}`) }) : t(`workflow.action.${pending.action}`)}
              </button>
            )}
            {/* Spiking starts on Cancel: Enter alone should not bin a story. */}
            <button type="button" data-testid="workflow-cancel" onClick={cancel} autoFocus={confirming && pending.action === 'spike'}>{t('library.cancel')}</button>
          </div>
        </StepDialog>
      )}
      {error !== null && (
        // A step waiting in the outbox (taken offline) is not a failure: said as a notice.
        <span className={queued(error) ? 'banner banner--warning' : 'banner banner--error'} role={queued(error) ? 'status' : 'alert'} data-testid="workflow-error" data-queued={String(queued(error))}>
          {movedOn(error)
            ? t('workflow.movedOn', { state: t(`status.${String(error.params.state)}`), action: t(`workflow.action.${String(error.params.action)}`) })
            : errorText(t, error)}
        </span>
      )}
    </div>
  );
}

/** The step was kept in the outbox to send once the server is back (core/newsroom/offlineSteps.ts). */
function queued(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'offline' && typeof error.params.queued === 'string';
}
