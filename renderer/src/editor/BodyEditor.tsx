// The article body. The editor is created once per opened article and is never re-rendered or
// replaced while the article is open — not by typing (which keeps Hangul composition intact), not
// by a workflow step, not by a restore (the article session adopts those in place). Image files dropped or pasted on it become photos;
// other files dropped on it are refused by name.
import { useEffect, useRef, useState } from 'react';
import { EditorContent, useEditor, type Editor, type UseEditorOptions } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../../shared/model/article';
import { bodyExtensions } from './extensions';
import { Toolbar } from './Toolbar';
import { isImageFile } from '../photos/importFiles';
import { cleanPastedHtml, isOwnCopy, pastedImages } from './paste/pasteCleaning';
import { dataUrlFile } from './paste/dataUrlFile';
import { isPersonsEdit } from '../article/bodyPort';
import { syncFigureLabels } from './figure/FigureView';
import { NEXT_OPEN_MARK, PREVIOUS_OPEN_MARK } from './OpenMarks';
import { catchUpSelection } from './catchUpSelection';
import { matchesShortcut } from '../shortcuts';
import { focusNow } from './focusNow';
import { liveExtensions } from './live/liveExtensions';
import { ChangedMeanwhileNotice } from './live/ChangedMeanwhileNotice';
import type { LiveBody, LiveUser } from './live/LiveBody';
import type { Language } from '../../../shared/model/article';
import { StyleCheck, checkAgain, recheck } from './check/StyleCheck';
import type { RuleSet } from '../../../shared/style/ruleSchema';
import { FindingCard } from './check/FindingCard';
import { useActiveFinding } from './check/useCheckState';
import type { KeptFinding } from '../../../shared/style/keptFindings';
import { checkingClient } from './check/checkingClient';

function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter(isImageFile);
}

export function BodyEditor(props: {
  initialBody: Body;
  onChange(): void;
  onReady(editor: Editor): void;
  platform: string;
  mediaBase: string;
  /** Photos dropped or pasted, with the document position to put them at. */
  onPhotoFiles(files: File[], pos?: number): void;
  onReplacePhoto(pos: number): void;
  onAddPhoto(): void;
  /** False while the workflow makes the copy read-only for this person. */
  editable: boolean;
  /**
   * A newsroom story edited live: the text is the story's shared document, not `initialBody`, and
   * the server stores it (typing is not an edit for the article session to save).
   */
  live?: { body: LiveBody; user: LiveUser } | null;
  /** The article's language (which rules check it). */
  language: Language;
  /** The findings the writer kept, as the article has them, and the way to keep one more. */
  kept: readonly KeptFinding[];
  onKeep(kept: KeptFinding): void;
  /** The outlet's rules in force and its word list (settings); `addWord` only for those who may change them. */
  copyCheck: { sets: Record<Language, RuleSet>; words: string[]; addWord: ((word: string) => Promise<void>) | null };
}) {
  const { i18n } = useTranslation();
  // The editor is created once; callbacks go through a ref so it always calls the current ones.
  const live = useRef(props);
  live.current = props;
  // Built once: options that differ from the editor's on a render make TipTap call setOptions, and
  // the screen re-renders with every change to a field beside the body.
  const [checking] = useState(() => {
    const client = checkingClient();
    // Before the editor's first check is sent: the outlet's rules and words, not the defaults.
    client?.setRules(props.copyCheck.sets);
    client?.setWords(props.copyCheck.words);
    return { client };
  });
  useEffect(() => () => checking.client?.dispose(), [checking]);
  const [options] = useState((): UseEditorOptions => {
    const base = [
      ...bodyExtensions(() => i18n.t('article.bodyPlaceholder'), {
      mediaBase: props.mediaBase,
      // i18n.t, not this render's t: the editor and its figures outlive a change of UI language.
      t: (key) => i18n.t(key),
      platform: props.platform,
      onReplace: (pos) => live.current.onReplacePhoto(pos),
      captionPlaceholder: () => i18n.t('figure.captionPlaceholder'),
      }),
      StyleCheck.configure({ client: () => checking.client, language: () => live.current.language, kept: () => live.current.kept }),
    ];
    return {
      extensions: props.live ? liveExtensions(base, props.live.body, props.live.user, () => i18n.t('live.meanwhile.mark')) : base,
      // A live body comes from the shared document (Collaboration fills the editor from it).
      content: props.live ? undefined : props.initialBody,
      editorProps: {
        attributes: () => ({ 'aria-label': i18n.t('article.body'), 'aria-multiline': 'true', role: 'textbox', spellcheck: 'false' }),
        // Room for the sticky article bar and toolbar above, so what is scrolled to is not under them.
        scrollMargin: { top: 110, bottom: 40, left: 5, right: 5 },
        handleDrop: (view, event, _slice, moved) => {
          // Every dropped file goes to the photo import, which refuses a non-image by name (it was
          // once ignored without a word); text dragged from elsewhere carries no files and drops as text.
          const files = moved ? [] : [...(event.dataTransfer?.files ?? [])];
          if (files.length === 0) return false;
          event.preventDefault();
          live.current.onPhotoFiles(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos);
          return true;
        },
        // Word, Google Docs, HWP and web pages paste as our schema only (no styles, spans, scripts).
        // A copy from this editor keeps its notes and figures; the schema's parse rules still drop anything else.
        transformPastedHTML: (html) => (isOwnCopy(html) ? html : cleanPastedHtml(html)),
        handlePaste: (_view, event) => {
          const files = imageFiles(event.clipboardData?.files);
          if (files.length > 0) {
            event.preventDefault();
            live.current.onPhotoFiles(files);
            return true;
          }
          // Images inside pasted HTML (a Word or web selection) become library photos after the text lands.
          const html = event.clipboardData?.getData('text/html') ?? '';
          // Only a paste that carries inline pictures pays for a second pass over its HTML.
          const embedded = html.includes('data:image') ? pastedImages(html).map((src, i) => dataUrlFile(src, `pasted-${i + 1}`)).filter((f): f is File => f !== null) : [];
          if (embedded.length > 0) setTimeout(() => live.current.onPhotoFiles(embedded), 0);
          return false;
        },
      },
    };
  });
  const editor = useEditor({
    ...options,
    editable: props.editable,
    onCreate: ({ editor }) => live.current.onReady(editor),
    // Only the person's own changes to the document: not the library's copy being adopted, and not
    // TipTap's update event on setEditable (which once made every step look like an edit to save).
    onUpdate: ({ transaction }) => {
      if (!live.current.live && isPersonsEdit(transaction)) live.current.onChange();
    },
  });
  useEffect(() => {
    // The lock follows the workflow live, on this same editor; flipping it is not an edit.
    if (editor.isEditable !== props.editable) editor.setEditable(props.editable, false);
  }, [editor, props.editable]);
  useEffect(() => {
    // The next / previous note or TK, wherever the focus is on the article screen.
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || editor.isDestroyed) return;
      const direction = matchesShortcut(e, NEXT_OPEN_MARK, live.current.platform) ? 1 : matchesShortcut(e, PREVIOUS_OPEN_MARK, live.current.platform) ? -1 : 0;
      if (direction === 0) return;
      e.preventDefault();
      catchUpSelection(editor.view);
      editor.commands.goToOpenMark(direction);
      focusNow(editor);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);
  const { sets, words } = props.copyCheck;
  const firstRules = useRef(true);
  useEffect(() => {
    // Settings changed while the story is open (a rule turned off, a word added): check it all again.
    if (firstRules.current) {
      firstRules.current = false;
      return;
    }
    checking.client?.setRules(sets);
    checking.client?.setWords(words);
    if (!editor.isDestroyed) checkAgain(editor.view);
  }, [checking, editor, sets, words]);
  const drawnFrom = useRef({ language: props.language, kept: props.kept });
  useEffect(() => {
    // The underlines are drawn again when what they are drawn from changes: another language has
    // its own rules, and a finding kept here (or by someone else on a live story) loses its underline.
    const was = drawnFrom.current;
    if ((was.language === props.language && was.kept === props.kept) || editor.isDestroyed) return;
    drawnFrom.current = { language: props.language, kept: props.kept };
    recheck(editor.view);
  }, [editor, props.language, props.kept]);
  const active = useActiveFinding(editor);
  const labelledIn = useRef(i18n.language);
  useEffect(() => {
    // The editor outlives a change of UI language: its figures' labels and its placeholders are
    // written again (a transaction that changes nothing repaints the placeholder and attributes).
    if (labelledIn.current === i18n.language || editor.isDestroyed) return;
    labelledIn.current = i18n.language;
    syncFigureLabels(editor.view);
    editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false));
  }, [editor, i18n.language]);
  return (
    <section className="body-editor">
      {props.editable && <Toolbar editor={editor} platform={props.platform} onAddPhoto={() => live.current.onAddPhoto()} />}
      {props.live?.body.meanwhile && <ChangedMeanwhileNotice editor={editor} meanwhile={props.live.body.meanwhile} />}
      <div data-testid="body-editor" className="body-editor__content">
        <EditorContent editor={editor} />
        {active && <FindingCard editor={editor} active={active} onKeep={(kept) => live.current.onKeep(kept)} editable={props.editable} client={checking.client} language={props.language} addWord={props.copyCheck.addWord} />}
      </div>
    </section>
  );
}
