// The article screen: the workflow bar and banners on top, structured fields above the body, byline
// preview, counts, the note to the desk and photos beside. What the article is — its fields, state,
// revision, lock and save state — lives in one ArticleSession; this screen only shows it. The body
// lives in the editor, created once and read only when saving, so typing in the body never
// re-renders this screen, and steps or restores never replace the editor.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { Language } from '../../../shared/model/article';
import { useMe } from '../people/MeContext';
import { WorkflowBar } from '../workflow/WorkflowBar';
import { WorkflowBanners } from '../workflow/WorkflowBanners';
import { ConflictPanel } from '../workflow/ConflictPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { DeskPanel } from '../workflow/DeskPanel';
import type { Settings, SettingsPatch } from '../../../shared/model/settings';
import { pickTemplate, renderByline } from '../../../shared/byline/renderByline';
import { errorText } from '../errorText';
import { BodyEditor } from '../editor/BodyEditor';
import { FieldFindings, useFieldFindings } from './FieldFindings';
import type { Meta } from './ArticleSession';
import { bodyPort, liveBodyPort } from './bodyPort';
import { useLiveStory } from './useLiveStory';
import { LivePresence } from './LivePresence';
import { LiveSyncState } from './LiveSyncState';
import { useLiveStatus } from '../newsroom/live/useLiveStatus';
import { useLiveEnded } from '../newsroom/live/useLiveEnded';
import { LiveTextField } from '../editor/live/LiveTextField';
import { LateRevisionsPanel } from './LateRevisionsPanel';
import { canEdit } from '../../../shared/workflow/transitions';
import type { TextFieldKey } from '../../../shared/live/articleFields';
import { liveFieldsPort } from './liveFieldsPort';
import { personColour } from '../editor/live/personColour';
import { useArticleSession } from './useArticleSession';
import { BylineEditor } from './BylineEditor';
import { BylinePreview } from './BylinePreview';
import { CountsPanel } from './CountsPanel';
import { CheckSummary } from '../editor/check/CheckSummary';
import { activeRuleSets } from '../../../shared/style/activeRuleSets';
import { mayChangeSettings, SETTINGS_SECTIONS } from '../../../shared/workflow/access';
import { DeckEditor } from './DeckEditor';
import { LineField } from './LineField';
import { SaveIndicator } from './SaveIndicator';
import { UnsavedDialog } from './UnsavedDialog';
import { TagsInput } from './TagsInput';
import { PhotoPanel } from '../photos/PhotoPanel';
import { ImportStatus } from '../photos/ImportStatus';
import { usePhotoImport, type ImportTarget } from '../photos/usePhotoImport';
import { ExportDialog } from '../exchange/ExportDialog';
import type { ExchangeRequest } from '../exchange/exchangeRequest';
import { useArticleEvents, useBackOnline } from '../newsroom/useCoreEvents';

export interface ArticleScreenHandle {
  flush(): Promise<void>;
  /** Saves, and when edits cannot be saved asks the person first; false when they chose to stay. */
  leave(): Promise<boolean>;
  /** The window is closing (Electron): saves, and discards a new article left untouched. */
  closing(): Promise<void>;
}

export function ArticleScreen(props: { id: string; settings: Settings; /** Changes the library's settings (the word list, from a spelling finding's card). */ onSaveSettings(patch: SettingsPatch): Promise<void>; platform: string; mediaBase: string; onBack(): void; onOpen(id: string): void; onDiscarded(): void; register(handle: ArticleScreenHandle | null): void; request: ExchangeRequest | null }) {
  const { t, i18n } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const { me, permissions, connected } = useMe();
  const rules = useMemo(() => ({ permissions, role: me.role }), [permissions, me.role]);
  const { houseStyle } = props.settings;
  // Through a ref: a new callback on every render of the app must not make the body check again.
  const saveSettings = useRef(props.onSaveSettings);
  saveSettings.current = props.onSaveSettings;
  const copyCheck = useMemo(
    () => ({
      sets: activeRuleSets({ houseStyle }),
      words: houseStyle.wordList,
      addWord: mayChangeSettings(me.role, SETTINGS_SECTIONS.houseStyle) ? (word: string) => saveSettings.current({ houseStyle: { wordList: [...new Set([...houseStyle.wordList, word])] } }) : null,
    }),
    [houseStyle, me.role],
  );
  const { session, snap } = useArticleSession(props.id, me.id, rules);
  const liveStory = useLiveStory(connected, props.id);
  const liveReadOnly = useLiveStatus(liveStory.live, (s) => s.readOnly);
  // Let go for good: nothing typed now would reach the newsroom, so nothing may be typed.
  const liveEnded = useLiveEnded(liveStory.live);
  const liveUser = useMemo(() => ({ name: me.name, color: personColour(me.id) }), [me.name, me.id]);
  const { article, meta, lock } = snap;
  const fieldFindings = useFieldFindings(meta, copyCheck.sets);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const getEditor = useCallback(() => editorRef.current, []);
  const photoImport = usePhotoImport(getEditor, props.settings.photos.maxFileMB * 1024 * 1024);
  // One hidden picker for the toolbar's "add photos" and a figure's "replace".
  const picker = useRef<HTMLInputElement>(null);
  const pickerTarget = useRef<ImportTarget>({ kind: 'insert' });
  const pick = (target: ImportTarget) => {
    pickerTarget.current = target;
    if (picker.current) {
      picker.current.multiple = target.kind === 'insert';
      picker.current.click();
    }
  };

  const flush = useCallback(async () => {
    await session?.flush();
  }, [session]);

  // Leaving with edits that cannot be saved asks first (UnsavedDialog answers `asking`).
  const [asking, setAsking] = useState<((leave: boolean) => void) | null>(null);
  const [draftError, setDraftError] = useState<unknown>(null);
  const onDiscarded = useRef(props.onDiscarded);
  onDiscarded.current = props.onDiscarded;
  const leave = useCallback(async () => {
    if (!session) return true;
    await session.flush();
    if (!session.hasStrandedEdits()) {
      // A new article left untouched is gone before the next screen lists anything (no row flashes).
      if (await session.discardIfUntouched()) onDiscarded.current();
      return true;
    }
    return new Promise<boolean>((resolve) =>
      setAsking(() => (ok: boolean) => {
        setAsking(null);
        resolve(ok);
      }),
    );
  }, [session]);
  const { onOpen } = props;
  const saveAsDraft = async () => {
    if (!session) return;
    setDraftError(null);
    try {
      const draft = await session.saveAsNewDraft(t('save.draftSuffix'));
      onOpen(draft.id);
    } catch (err) {
      setDraftError(err);
    }
  };

  const { request } = props;
  useEffect(() => {
    if (request?.kind === 'export') void flush().then(() => setExporting(true));
  }, [request, flush]);
  const { register } = props;
  useEffect(() => {
    // A reload or a closed tab cannot be told apart here: an untouched new article is kept then,
    // the app reopens it (openArticleMemory) and leaving it discards it. Electron's window close is told (`closing`).
    const closing = async () => {
      await flush();
      await session?.discardIfUntouched();
    };
    register({ flush, leave, closing });
    // Reload or closing the tab (and, in Electron, the window after its flush): ask only when edits cannot be saved.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!session?.hasStrandedEdits()) return;
      e.preventDefault();
      e.returnValue = ''; // Chromium still needs it to show the prompt
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onBlur = () => void flush();
    // Back in front: show what other windows did to this article meanwhile (the session decides whether it may).
    const onFocus = () => void session?.refresh();
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    window.addEventListener('pagehide', onBlur);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      register(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('pagehide', onBlur);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flush, leave, register, session]);

  // A live story's fields are its document's: the session shows and writes them there, and saves nothing.
  useEffect(() => {
    if (!session || !liveStory.live) return;
    const live = liveStory.live;
    session.attachLive(liveFieldsPort(live.doc, () => live.changedHere));
    return () => session.attachLive(null);
  }, [session, liveStory.live]);

  // Connected to a newsroom: another desk's save or step shows here at once (the session decides whether it may).
  useArticleEvents(connected, props.id, (there) => void session?.changedElsewhere(there));
  useBackOnline(connected, () => void session?.refresh());

  const update = (patch: Partial<Meta>) => session?.updateMeta(patch);

  const setLanguage = (language: Language) => {
    const current = meta!.byline;
    const keeps = props.settings.bylineTemplates.some((tpl) => tpl.id === current.templateId && tpl.language === language);
    update({ language, byline: keeps ? current : { ...current, templateId: props.settings.defaultTemplateIds[language] } });
  };

  if (snap.loadError) {
    return (
      <div className="screen-message" role="alert">
        <p>{errorText(t, snap.loadError)}</p>
        <button type="button" onClick={props.onBack}>{t('article.back')}</button>
      </div>
    );
  }
  if (!session || !article || !meta || liveStory.phase === 'opening') return <div className="screen-message">{t('article.loading')}</div>;

  const bylineText = renderByline(meta.byline, pickTemplate(props.settings, meta.byline, meta.language), meta.dateline);
  const readOnly = !lock.editable;
  // The server decides who may type in a live story; the screen's lock follows the same rule and is shown with its reason.
  const bodyEditable = !readOnly && !(liveReadOnly ?? false) && liveEnded === null;
  const live = liveStory.live;
  /** A text field of a live story: its own small editor on the document (created again with the body's). */
  const liveField = (field: TextFieldKey, maxLines: number, testId: string, label: string, placeholder: string, className?: string) =>
    live && (
      <LiveTextField
        key={`${session.serial}:${liveStory.serial}`}
        live={live}
        user={liveUser}
        field={field}
        maxLines={maxLines}
        editable={bodyEditable}
        label={t(label)}
        testId={testId}
        className={className}
        placeholder={() => i18n.t(placeholder)}
      />
    );
  return (
    <div className={`article-screen${readOnly ? ' is-read-only' : ''}`} data-testid="article-screen" data-locked={readOnly ? lock.reason ?? 'state' : undefined}>
      <div className="article-bar">
        <button type="button" className="back-button" data-testid="back-to-library" onClick={props.onBack}>
          ← {t('article.back')}
        </button>
        <WorkflowBar article={article} headline={meta.headline} embargo={meta.embargo} busy={snap.busy} onStep={async (step) => {
          // What this window typed reaches the core's replica first; the step then waits for the server to hold it.
          await liveStory.live?.flush();
          return session.step(step);
        }} editor={editor} styleCheck={{ meta, sets: copyCheck.sets }} />
        <button type="button" className="small" data-testid="open-history" aria-pressed={historyOpen} onClick={() => setHistoryOpen((o) => !o)}>{t('history.title')}</button>
        <button type="button" className="small" data-testid="export-article" onClick={() => void flush().then(() => setExporting(true))}>{t('exchange.exportOne')}</button>
        {/* A live story is stored as it is typed (the live badge says so); a save state would only repeat a stale time. */}
        {(!liveStory.live || snap.save.status !== 'saved') && <SaveIndicator state={snap.save} onRetry={() => void flush()} onSaveAsDraft={() => void saveAsDraft()} />}
        {liveStory.live && <LiveSyncState live={liveStory.live} />}
      </div>
      {liveStory.lateKept && (
        <div className="banner banner--warning" role="status" data-testid="live-late-kept">
          {t('live.lateKept')}
        </div>
      )}
      {liveStory.phase === 'failed' && (
        <div className="banner banner--warning" role="status" data-testid="live-open-failed">
          {t('live.openFailed', { reason: errorText(t, liveStory.error) })}
        </div>
      )}
      {draftError !== null && (
        <div className="banner banner--error" role="alert" data-testid="draft-error">
          {t('save.draftFailed', { reason: errorText(t, draftError) })} <button type="button" onClick={() => setDraftError(null)}>{t('library.dismiss')}</button>
        </div>
      )}
      <WorkflowBanners article={article} embargo={meta.embargo} lock={lock} now={Date.now()} />
      {connected && (
        <LateRevisionsPanel
          article={article}
          actor={me.id}
          connected={connected}
          mayEdit={canEdit(permissions, me.role, article.status) && article.trashedAt === null}
          current={() => session.content()}
          onTaken={() => void session.refresh()}
        />
      )}
      {snap.save.status === 'conflict' && editorRef.current && (
        <ConflictPanel id={article.id} mine={session.content()} onTakeTheirs={(theirs) => session.takeTheirs(theirs)} onKeepMine={(theirs) => session.keepMine(theirs)} onSaveAsDraft={() => void saveAsDraft()} />
      )}
      <div className={`article-layout${historyOpen ? ' article-layout--history' : ''}`}>
        <main className="article-main" lang={meta.language}>
          <fieldset className="plain-fieldset" disabled={!bodyEditable}>
          <div className="field-row">
            <LineField
              className="field--kicker"
              label={t('article.kicker')}
              testId="field-kicker"
              placeholder={t('article.kickerPlaceholder')}
              value={meta.kicker}
              onChange={(kicker) => update({ kicker })}
              live={liveField('kicker', 1, 'field-kicker', 'article.kicker', 'article.kickerPlaceholder')}
            />
            <label className="field field--language">
              <span>{t('article.language')}</span>
              <select data-testid="field-language" value={meta.language} onChange={(e) => setLanguage(e.target.value as Language)}>
                <option value="ko">{t('languages.ko')}</option>
                <option value="en">{t('languages.en')}</option>
              </select>
            </label>
          </div>
          {live ? (
            <div className="field field--headline">{liveField('headline', 1, 'field-headline', 'article.headline', 'article.headlinePlaceholder', 'live-field__input--headline')}</div>
          ) : (
            <label className="field field--headline">
              <span className="visually-hidden">{t('article.headline')}</span>
              <textarea
                data-testid="field-headline"
                rows={2}
                value={meta.headline}
                placeholder={t('article.headlinePlaceholder')}
                aria-label={t('article.headline')}
                onChange={(e) => update({ headline: e.target.value.replace(/\n/g, ' ') })}
              />
            </label>
          )}
          {live ? (
            <div className="deck field--deck-live">
              <span className="deck__legend" aria-hidden="true">{t('article.deck')}</span>
              {liveField('deck', 4, 'field-deck', 'article.deck', 'article.deckPlaceholder', 'live-field__input--deck')}
            </div>
          ) : (
            <DeckEditor lines={meta.deck} onChange={(deck) => update({ deck })} />
          )}
          <FieldFindings
            meta={meta}
            findings={fieldFindings}
            editable={bodyEditable}
            onFix={(f) => session.replaceInField(f.at.field, f.at.line, f.at.offset, f.text, f.fix ?? f.text)}
            onKeep={(kept) => session.keepFinding(kept)}
          />
          <LineField
            className="field--dateline"
            label={t('article.dateline')}
            testId="field-dateline"
            placeholder={t('article.datelinePlaceholder')}
            value={meta.dateline}
            onChange={(dateline) => update({ dateline })}
            live={liveField('dateline', 1, 'field-dateline', 'article.dateline', 'article.datelinePlaceholder')}
          />
          <BylineEditor byline={meta.byline} language={meta.language} settings={props.settings} onChange={(byline) => update({ byline })} />
          <BylinePreview byline={meta.byline} dateline={meta.dateline} language={meta.language} settings={props.settings} />
          <TagsInput tags={meta.tags} onChange={(tags) => update({ tags })} />
          </fieldset>
          {liveStory.live && <LivePresence awareness={liveStory.live.awareness} />}
          <BodyEditor
            // One editor for the life of the session: steps and restores are adopted into it, never remounted.
            key={`${session.serial}:${liveStory.serial}`}
            editable={bodyEditable}
            live={liveStory.live ? { body: liveStory.live, user: liveUser } : null}
            initialBody={article.body}
            language={meta.language}
            kept={meta.keptFindings}
            onKeep={(kept) => session.keepFinding(kept)}
            copyCheck={copyCheck}
            platform={props.platform}
            mediaBase={props.mediaBase}
            onPhotoFiles={(files, pos) => void photoImport.run(files, { kind: 'insert', pos })}
            onReplacePhoto={(pos) => pick({ kind: 'replace', pos })}
            onAddPhoto={() => pick({ kind: 'insert' })}
            onChange={() => session.markDirty()}
            onReady={(e) => {
              editorRef.current = e;
              session.attachBody(liveStory.live ? liveBodyPort(e) : bodyPort(e));
              setEditor(e);
            }}
          />
        </main>
        <div className="article-side">
          <DeskPanel
            deskNote={meta.deskNote}
            embargo={meta.embargo}
            readOnly={!bodyEditable}
            onChange={update}
            liveNote={liveField('deskNote', Infinity, 'field-desk-note', 'desk.note', 'desk.notePlaceholder', 'live-field__input--note')}
          />
          <CountsPanel editor={editor} bylineText={bylineText} target={meta.lengthTarget} onTarget={(lengthTarget) => update({ lengthTarget })} readOnly={!bodyEditable} />
          <CheckSummary editor={editor} fieldFindings={fieldFindings.length} />
          <PhotoPanel
            editor={editor}
            language={meta.language}
            settings={props.settings.photos}
            mediaBase={props.mediaBase}
            readOnly={!bodyEditable}
            onFiles={(files, opts) => void photoImport.run(files, { kind: 'insert' }, opts)}
          />
        </div>
        {historyOpen && (
          <HistoryPanel
            articleId={article.id}
            reloadKey={`${article.revision}:${article.status}:${article.lastTransition?.at ?? ''}:${snap.save.savedAt ?? ''}`}
            canRestore={!readOnly}
            onClose={() => setHistoryOpen(false)}
            onRestore={async (seq) => {
              await session.restoreVersion(seq);
            }}
          />
        )}
      </div>
      <input
        ref={picker}
        type="file"
        accept="image/*"
        hidden
        data-testid="figure-picker"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void photoImport.run(files, pickerTarget.current);
        }}
      />
      {asking && (
        <UnsavedDialog
          onStay={() => asking(false)}
          onDiscard={() => {
            session.discard();
            asking(true);
          }}
          onSaveAsDraft={async () => {
            await session.saveAsNewDraft(t('save.draftSuffix'));
            asking(true);
          }}
        />
      )}
      {exporting && <ExportDialog ids={[article.id]} embargoed={!!meta.embargo && Date.parse(meta.embargo) > Date.now()} onClose={() => setExporting(false)} />}
      {photoImport.job && <ImportStatus job={photoImport.job} onCancel={photoImport.cancel} onDismiss={photoImport.dismiss} />}
    </div>
  );
}
