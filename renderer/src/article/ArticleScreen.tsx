// The article screen: the workflow bar and banners on top, structured fields above the body, byline
// preview, counts, the note to the desk and photos beside, and autosave underneath everything.
// Field values live in React state; the body lives in the editor and is read only when saving, so
// typing in the body never re-renders this screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { contentOf, type Article, type ArticleContent, type Language } from '../../../shared/model/article';
import { canEdit } from '../../../shared/workflow/transitions';
import { useMe } from '../people/MeContext';
import { WorkflowBar } from '../workflow/WorkflowBar';
import { WorkflowBanners } from '../workflow/WorkflowBanners';
import { ConflictPanel } from '../workflow/ConflictPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { DeskPanel } from '../workflow/DeskPanel';
import type { Settings } from '../../../shared/model/settings';
import { pickTemplate, renderByline } from '../../../shared/byline/renderByline';
import { call } from '../api';
import { errorText } from '../errorText';
import { BodyEditor } from '../editor/BodyEditor';
import { AutosaveController, type SaveState } from './AutosaveController';
import { BylineEditor } from './BylineEditor';
import { BylinePreview } from './BylinePreview';
import { CountsPanel } from './CountsPanel';
import { DeckEditor } from './DeckEditor';
import { SaveIndicator } from './SaveIndicator';
import { TagsInput } from './TagsInput';
import { PhotoPanel } from '../photos/PhotoPanel';
import { ImportStatus } from '../photos/ImportStatus';
import { usePhotoImport, type ImportTarget } from '../photos/usePhotoImport';
import { ExportDialog } from '../exchange/ExportDialog';
import type { ExchangeRequest } from '../exchange/exchangeRequest';

type Meta = Omit<ArticleContent, 'body'>;

export interface ArticleScreenHandle {
  flush(): Promise<void>;
}

export function ArticleScreen(props: { id: string; settings: Settings; platform: string; mediaBase: string; onBack(): void; register(handle: ArticleScreenHandle | null): void; request: ExchangeRequest | null }) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const { me, permissions } = useMe();
  const meId = me.id;
  // Bumped to load the article again after a workflow step, a restore or taking the other version.
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((n) => n + 1), []);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'saved', savedAt: null, error: null });
  const metaRef = useRef<Meta | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const autosave = useRef<AutosaveController | null>(null);
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

  useEffect(() => {
    let live = true;
    call('getArticle', { id: props.id }).then(
      (a) => {
        if (!live) return;
        const { body: _body, ...m } = contentOf(a);
        metaRef.current = m;
        setMeta(m);
        setArticle(a);
        setSaveState({ status: 'saved', savedAt: a.updatedAt, error: null });
        autosave.current = new AutosaveController({
          revision: a.revision,
          savedAt: a.updatedAt,
          save: (baseRevision, content) => call('saveArticle', { id: a.id, actor: meId, baseRevision, content }),
          getContent: () => ({ ...metaRef.current!, body: (editorRef.current?.getJSON() as ArticleContent['body']) ?? a.body }),
          onState: setSaveState,
        });
      },
      (err) => live && setLoadError(err),
    );
    return () => {
      live = false;
      const controller = autosave.current;
      autosave.current = null;
      // Leaving the screen (or the app) saves what is unsaved before letting go.
      void controller?.flush().finally(() => controller.dispose());
    };
  }, [props.id, loads, meId]);

  const flush = useCallback(async () => {
    await autosave.current?.flush();
  }, []);

  const { request } = props;
  useEffect(() => {
    if (request?.kind === 'export') void flush().then(() => setExporting(true));
  }, [request, flush]);
  const { register } = props;
  useEffect(() => {
    register({ flush });
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onBlur = () => void flush();
    window.addEventListener('blur', onBlur);
    window.addEventListener('pagehide', onBlur);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      register(null);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('pagehide', onBlur);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flush, register]);

  const update = (patch: Partial<Meta>) => {
    const next = { ...metaRef.current!, ...patch };
    metaRef.current = next;
    setMeta(next);
    autosave.current?.markDirty();
  };

  const setLanguage = (language: Language) => {
    const current = meta!.byline;
    const keeps = props.settings.bylineTemplates.some((tpl) => tpl.id === current.templateId && tpl.language === language);
    update({ language, byline: keeps ? current : { ...current, templateId: props.settings.defaultTemplateIds[language] } });
  };

  if (loadError) {
    return (
      <div className="screen-message" role="alert">
        <p>{errorText(t, loadError)}</p>
        <button type="button" onClick={props.onBack}>{t('article.back')}</button>
      </div>
    );
  }
  if (!article || !meta) return <div className="screen-message">{t('article.loading')}</div>;

  const bylineText = renderByline(meta.byline, pickTemplate(props.settings, meta.byline, meta.language));
  const readOnly = article.trashedAt === null && !canEdit(permissions, me.role, article.status);
  const keepMine = async (theirs: Article) => {
    await call('saveArticle', { id: article.id, actor: meId, baseRevision: theirs.revision, content: { ...metaRef.current!, body: editorRef.current!.getJSON() as ArticleContent['body'] } });
    reload();
  };
  return (
    <div className="article-screen">
      <div className="article-bar">
        <button type="button" className="back-button" data-testid="back-to-library" onClick={props.onBack}>
          ← {t('article.back')}
        </button>
        <WorkflowBar article={article} beforeStep={flush} onStepped={reload} />
        <button type="button" className="small" data-testid="open-history" aria-pressed={historyOpen} onClick={() => setHistoryOpen((o) => !o)}>{t('history.title')}</button>
        <button type="button" className="small" data-testid="export-article" onClick={() => void flush().then(() => setExporting(true))}>{t('exchange.exportOne')}</button>
        <SaveIndicator state={saveState} onRetry={() => void flush()} />
      </div>
      <WorkflowBanners article={article} embargo={meta.embargo} readOnly={readOnly} now={Date.now()} />
      {saveState.status === 'conflict' && editorRef.current && (
        <ConflictPanel id={article.id} mine={{ ...metaRef.current!, body: editorRef.current.getJSON() as ArticleContent['body'] }} onTakeTheirs={reload} onKeepMine={keepMine} />
      )}
      <div className={`article-layout${historyOpen ? ' article-layout--history' : ''}`}>
        <main className="article-main" lang={meta.language}>
          <fieldset className="plain-fieldset" disabled={readOnly}>
          <div className="field-row">
            <label className="field field--kicker">
              <span>{t('article.kicker')}</span>
              <input data-testid="field-kicker" value={meta.kicker} placeholder={t('article.kickerPlaceholder')} onChange={(e) => update({ kicker: e.target.value })} />
            </label>
            <label className="field field--language">
              <span>{t('article.language')}</span>
              <select data-testid="field-language" value={meta.language} onChange={(e) => setLanguage(e.target.value as Language)}>
                <option value="ko">{t('languages.ko')}</option>
                <option value="en">{t('languages.en')}</option>
              </select>
            </label>
          </div>
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
          <DeckEditor lines={meta.deck} onChange={(deck) => update({ deck })} />
          <label className="field field--dateline">
            <span>{t('article.dateline')}</span>
            <input data-testid="field-dateline" value={meta.dateline} placeholder={t('article.datelinePlaceholder')} onChange={(e) => update({ dateline: e.target.value })} />
          </label>
          <BylineEditor byline={meta.byline} language={meta.language} settings={props.settings} onChange={(byline) => update({ byline })} />
          <BylinePreview byline={meta.byline} language={meta.language} settings={props.settings} />
          <TagsInput tags={meta.tags} onChange={(tags) => update({ tags })} />
          </fieldset>
          <BodyEditor
            key={`${article.id}:${loads}`}
            editable={!readOnly}
            initialBody={article.body}
            platform={props.platform}
            mediaBase={props.mediaBase}
            onPhotoFiles={(files, pos) => void photoImport.run(files, { kind: 'insert', pos })}
            onReplacePhoto={(pos) => pick({ kind: 'replace', pos })}
            onAddPhoto={() => pick({ kind: 'insert' })}
            onChange={() => autosave.current?.markDirty()}
            onReady={(e) => {
              editorRef.current = e;
              setEditor(e);
            }}
          />
        </main>
        <div className="article-side">
          <DeskPanel deskNote={meta.deskNote} embargo={meta.embargo} readOnly={readOnly} onChange={update} />
          <CountsPanel editor={editor} bylineText={bylineText} target={meta.lengthTarget} onTarget={(lengthTarget) => update({ lengthTarget })} />
          <PhotoPanel
            editor={editor}
            language={meta.language}
            settings={props.settings.photos}
            mediaBase={props.mediaBase}
            readOnly={readOnly}
            onFiles={(files, opts) => void photoImport.run(files, { kind: 'insert' }, opts)}
          />
        </div>
        {historyOpen && (
          <HistoryPanel
            articleId={article.id}
            reloadKey={loads + (saveState.savedAt ? Date.parse(saveState.savedAt) : 0)}
            canRestore={!readOnly}
            onClose={() => setHistoryOpen(false)}
            onRestore={async (seq) => {
              await flush();
              const current = await call('getArticle', { id: article.id });
              await call('restoreVersion', { id: article.id, actor: meId, seq, baseRevision: current.revision });
              reload();
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
      {exporting && <ExportDialog ids={[article.id]} embargoed={!!meta.embargo && Date.parse(meta.embargo) > Date.now()} onClose={() => setExporting(false)} />}
      {photoImport.job && <ImportStatus job={photoImport.job} onCancel={photoImport.cancel} onDismiss={photoImport.dismiss} />}
    </div>
  );
}
