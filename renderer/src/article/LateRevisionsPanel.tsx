// Late revisions beside a newsroom story (shared/contract/lateRevision.ts): words a reporter typed
// after the story had become read-only for them, never merged into it. The desk sees each with a
// word diff against the copy as it is now and takes it (its own edit, while it may edit the story)
// or drops it (kept, marked dropped); the reporter sees what became of their own.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleContent } from '../../../shared/model/article';
import type { LateDecision, LateRevision } from '../../../shared/contract/lateRevision';
import { diffArticles } from '../../../shared/workflow/diff';
import { call } from '../api';
import { errorText } from '../errorText';
import '../styles/newsroom.css';
import { DiffView } from '../history/DiffView';
import { useArticleEvents, useBackOnline } from '../newsroom/useCoreEvents';

export function LateRevisionsPanel(props: {
  article: Article;
  actor: string;
  connected: boolean;
  /** Whether this person may edit the story in its state now (taking one is an edit). */
  mayEdit: boolean;
  /** The copy as it is now (a live story's body from its document). */
  current(): ArticleContent;
  /** After one is taken: the screen shows the story as the newsroom holds it now. */
  onTaken(): void;
}) {
  const { t, i18n } = useTranslation();
  const [revisions, setRevisions] = useState<LateRevision[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { id } = props.article;
  const load = useCallback(() => {
    if (!props.connected) return;
    call('listLateRevisions', { id, actor: props.actor }).then(setRevisions, () => undefined);
  }, [id, props.actor, props.connected]);
  useEffect(load, [load]);
  // Another machine handed one in, or the desk decided one: the story's change event says so.
  useArticleEvents(props.connected, id, load);
  useBackOnline(props.connected, load);
  if (revisions.length === 0) return null;

  const decide = async (revision: LateRevision, decision: LateDecision) => {
    setBusy(true);
    setError(null);
    try {
      await call('decideLateRevision', { id, actor: props.actor, revision: revision.id, decision });
      if (decision === 'take') props.onTaken();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      load();
    }
  };
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const open = revisions.filter((r) => r.state === 'open').length;
  return (
    <section className="banner banner--warning late-revisions" data-testid="late-revisions" aria-label={t('late.title')}>
      <strong>{t('late.title')}</strong> {open > 0 && <span data-testid="late-open-count">{t('late.open', { count: open })}</span>}
      {error !== null && <p role="alert" data-testid="late-error">{errorText(t, error)}</p>}
      {revisions.map((r) => {
        const now = props.current();
        const diff = diffArticles(now, { ...now, ...r.fields, body: r.body });
        return (
          <article key={r.id} className="late-revision" data-testid="late-revision" data-state={r.state}>
            <p>
              {t('late.by', { name: r.personName, time: when(r.typedAt) })} — <span data-testid="late-state">{t(`late.state.${r.state}`, { name: r.decidedByName ?? '', time: r.decidedAt ? when(r.decidedAt) : '' })}</span>
            </p>
            {r.state === 'open' && <DiffView diff={diff} />}
            {r.state === 'open' && props.mayEdit && (
              <p>
                <button type="button" className="primary" data-testid="late-take" disabled={busy} onClick={() => void decide(r, 'take')}>{t('late.take')}</button>{' '}
                <button type="button" data-testid="late-drop" disabled={busy} onClick={() => void decide(r, 'drop')}>{t('late.drop')}</button>
              </p>
            )}
            {r.state === 'open' && !props.mayEdit && r.personId !== props.actor && <p className="muted">{t('late.notNow')}</p>}
          </article>
        );
      })}
    </section>
  );
}
