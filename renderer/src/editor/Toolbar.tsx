// Formatting toolbar. Active states come from `useEditorState` selectors, so a keystroke
// re-renders the toolbar only when a button's state actually changes.
import { useRef, useState, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../shortcuts';
import { isSafeLink } from '../../../shared/body/linkSafety';
import { NEXT_OPEN_MARK, PREVIOUS_OPEN_MARK, openMarksOf } from './OpenMarks';
import { useDialog } from '../dialogs/useDialog';
import { focusNow } from './focusNow';

function Button(props: { id: string; label: string; shortcut?: string; active?: boolean; disabled?: boolean; onClick(): void; children: ReactNode; platform: string }) {
  const title = props.shortcut ? `${props.label} (${shortcutLabel(props.shortcut, props.platform)})` : props.label;
  return (
    <button
      type="button"
      data-testid={props.id}
      className={`tb-button${props.active ? ' is-active' : ''}`}
      aria-label={props.label}
      aria-pressed={props.active}
      title={title}
      disabled={props.disabled}
      // Keep focus (and the selection) in the editor.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** The link address popover: Enter applies, Esc closes (useDialog), and the caret goes back to the text. */
function LinkField(props: { href: string; error: boolean; onHref(href: string): void; onApply(): void; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLSpanElement>(null);
  useDialog(ref, { onClose: props.onClose });
  return (
    <span ref={ref} className="link-field" role="dialog" aria-label={t('toolbar.linkUrl')} data-testid="link-field">
      <input
        data-testid="link-url"
        aria-label={t('toolbar.linkUrl')}
        placeholder={t('toolbar.linkUrl')}
        value={props.href}
        aria-invalid={props.error}
        onChange={(e) => props.onHref(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            props.onApply();
          }
        }}
        autoFocus
      />
      <button type="button" onClick={props.onApply}>{t('toolbar.linkApply')}</button>
      {props.error && <span className="field-error" role="alert">{t('toolbar.linkInvalid')}</span>}
    </span>
  );
}

export function Toolbar({ editor, platform, onAddPhoto }: { editor: Editor; platform: string; onAddPhoto?(): void }) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const [linkError, setLinkError] = useState(false);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph') && !e.isActive('bulletList') && !e.isActive('orderedList') && !e.isActive('blockquote'),
      subhead: e.isActive('heading', { level: 2 }),
      quote: e.isActive('blockquote'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      note: e.isActive('editorNote'),
      open: openMarksOf(e.state).length,
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const applyLink = () => {
    const value = href.trim();
    if (value === '') {
      chain().extendMarkRange('link').unsetLink().run();
    } else if (!isSafeLink(value)) {
      setLinkError(true);
      return;
    } else {
      chain().extendMarkRange('link').setLink({ href: value }).run();
    }
    setLinkOpen(false);
    setLinkError(false);
  };
  const b = { platform };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <Button {...b} id="tb-paragraph" label={t('toolbar.paragraph')} shortcut="Mod+Alt+0" active={s.paragraph} onClick={() => chain().setParagraph().run()}>¶</Button>
      <Button {...b} id="tb-subhead" label={t('toolbar.subhead')} shortcut="Mod+Alt+2" active={s.subhead} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        {t('toolbar.subhead')}
      </Button>
      <Button {...b} id="tb-quote" label={t('toolbar.quote')} shortcut="Mod+Shift+B" active={s.quote} onClick={() => chain().toggleBlockquote().run()}>❝</Button>
      <Button {...b} id="tb-bullet" label={t('toolbar.bullet')} shortcut="Mod+Shift+8" active={s.bullet} onClick={() => chain().toggleBulletList().run()}>•≡</Button>
      <Button {...b} id="tb-ordered" label={t('toolbar.ordered')} shortcut="Mod+Shift+7" active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>1≡</Button>
      <span className="tb-sep" />
      <Button {...b} id="tb-bold" label={t('toolbar.bold')} shortcut="Mod+B" active={s.bold} onClick={() => chain().toggleBold().run()}><b>B</b></Button>
      <Button {...b} id="tb-italic" label={t('toolbar.italic')} shortcut="Mod+I" active={s.italic} onClick={() => chain().toggleItalic().run()}><i>I</i></Button>
      <Button {...b} id="tb-note" label={t('toolbar.note')} shortcut="Mod+Alt+N" active={s.note} onClick={() => chain().toggleEditorNote().run()}>✎</Button>
      <Button
        {...b}
        id="tb-next-open"
        // The title names both shortcuts: Shift goes back.
        label={t('toolbar.nextOpen', { next: shortcutLabel(NEXT_OPEN_MARK, platform), previous: shortcutLabel(PREVIOUS_OPEN_MARK, platform) })}
        disabled={s.open === 0}
        onClick={() => {
          editor.commands.goToOpenMark(1);
          focusNow(editor);
        }}
      >
        TK<span aria-hidden="true">↓</span>{s.open > 0 && <span className="tb-count" data-testid="open-mark-count">{s.open}</span>}
      </Button>
      <Button
        {...b}
        id="tb-link"
        label={t('toolbar.link')}
        active={s.link || linkOpen}
        onClick={() => {
          setHref((editor.getAttributes('link').href as string | undefined) ?? '');
          setLinkOpen((open) => !open);
        }}
      >
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
          <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
          <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
        </svg>
      </Button>
      {onAddPhoto && (
        <Button {...b} id="tb-photo" label={t('photos.add')} onClick={onAddPhoto}>
          <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <rect x="3" y="5" width="18" height="14" rx="2" />
            <circle cx="8.5" cy="10" r="1.5" />
            <path d="M21 16l-5-5-7 7" />
          </svg>
        </Button>
      )}
      <span className="tb-sep" />
      <Button {...b} id="tb-undo" label={t('toolbar.undo')} shortcut="Mod+Z" disabled={!s.canUndo} onClick={() => chain().undo().run()}>↶</Button>
      <Button {...b} id="tb-redo" label={t('toolbar.redo')} shortcut={platform === 'darwin' ? 'Mod+Shift+Z' : 'Mod+Y'} disabled={!s.canRedo} onClick={() => chain().redo().run()}>↷</Button>
      {linkOpen && (
        <LinkField href={href} error={linkError} onHref={setHref} onApply={applyLink} onClose={() => setLinkOpen(false)} />
      )}
    </div>
  );
}
