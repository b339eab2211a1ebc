// The article body. The editor is created once per opened article (the parent keys this component
// by article id) and is never re-rendered or replaced while someone types, which is what keeps
// Hangul composition intact.
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../../shared/model/article';
import { bodyExtensions } from './extensions';
import { Toolbar } from './Toolbar';

export function BodyEditor(props: { initialBody: Body; onChange(): void; onReady(editor: Editor): void; platform: string }) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: bodyExtensions(t('article.bodyPlaceholder')),
    content: props.initialBody,
    editorProps: { attributes: { 'aria-label': t('article.body'), 'aria-multiline': 'true', role: 'textbox', spellcheck: 'false' } },
    onCreate: ({ editor }) => props.onReady(editor),
    onUpdate: () => props.onChange(),
  });
  return (
    <section className="body-editor">
      <Toolbar editor={editor} platform={props.platform} />
      <div data-testid="body-editor" className="body-editor__content">
        <EditorContent editor={editor} />
      </div>
    </section>
  );
}
