// When a save is refused because the article changed elsewhere (another window saved, or the desk
// moved it on), nothing is overwritten: both versions are shown, and the person chooses.
import { useEffect, useState } from 'react';
import type { VersionMeta } from '../../../shared/model/history';
import { useTranslation } from 'react-i18next';
import { contentOf, type Article, type ArticleContent } from '../../../shared/model/article';
import { diffArticles } from '../../../shared/workflow/diff';
import { call } from '../api';
import { errorText } from '../errorText';
import { DiffView } from '../history/DiffView';
import { useMe } from '../people/MeContext';
import { lockFor } from '../article/ArticleSession';

export function ConflictPanel(props: { id: string; mine: ArticleContent; onTakeTheirs(theirs: Article): Promise<void>; onKeepMine(theirs: Article): Promise<void>; onSaveAsDraft(): void }) {
  const { t, i18n } = useTranslation();
  const { me, permissions } = useMe();
  const [theirs, setTheirs] = useState<Article | null>(null);
  // Who saved the stored copy, and when: the newest version, not the owner or the last step's taker.
  const [saved, setSaved] = useState<VersionMeta | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call('getArticle', { id: props.id }).then(setTheirs, setError);
    call('getHistory', { id: props.id }).then((h) => setSaved(h.versions[0] ?? null), () => setSaved(null));
  }, [props.id]);
  // The session's own rule: state, person and trash decide whether this copy may be saved over.
  const mayKeep = theirs !== null && lockFor(theirs, { permissions, role: me.role }).editable;
  return (
    <div className="conflict" role="alertdialog" aria-label={t('conflict.title')} data-testid="conflict-panel">
      <h2>{t('conflict.title')}</h2>
      <p data-testid="conflict-explain">
        {theirs
          ? saved
            ? t('conflict.explainWho', { name: saved.actorName, time: new Date(saved.at).toLocaleString(i18n.language), state: t(`status.${theirs.status}`) })
            : t('conflict.explain', { state: t(`status.${theirs.status}`) })
          : t('article.loading')}
      </p>
      {error !== null && <p className="banner banner--error">{errorText(t, error)}</p>}
      {theirs && (
        <>
          <p className="muted">{t('conflict.legend')}</p>
          <DiffView diff={diffArticles(contentOf(theirs), props.mine)} />
          <div className="conflict__buttons">
            <button type="button" data-testid="conflict-take-theirs" onClick={() => void props.onTakeTheirs(theirs).catch(setError)}>{t('conflict.takeTheirs')}</button>
            {mayKeep && (
              // Not primary: it puts this window's text over the other person's change (which stays in the history).
              <button type="button" data-testid="conflict-keep-mine" onClick={() => void props.onKeepMine(theirs).catch(setError)}>{t('conflict.keepMine')}</button>
            )}
            {/* Both kept: this window's copy in a new draft, theirs untouched. */}
            <button type="button" data-testid="conflict-save-as-draft" onClick={props.onSaveAsDraft}>{t('save.saveAsDraft')}</button>
          </div>
          {!mayKeep && <p className="muted">{t('conflict.cannotKeep')}</p>}
        </>
      )}
    </div>
  );
}
