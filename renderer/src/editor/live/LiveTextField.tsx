// A field beside the body of a live story, edited in place by a small TipTap editor bound to the
// field's fragment of the story's document: the other person's words arrive as they type them, and
// one landing while this person composes Hangul waits (an <input> bound to Y.Text loses the
// syllable then). Created once per field and story; what it shows comes from the document, never
// from React state, so a remote change never re-renders the screen around it.
import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { fieldExtensions, type FieldShape } from './fieldExtensions';
import type { LiveBody, LiveUser } from './LiveBody';

export function LiveTextField(props: FieldShape & { live: LiveBody; user: LiveUser; editable: boolean; label: string; testId: string; className?: string }) {
  const { live, user, editable, label, testId } = props;
  const editor = useEditor({
    extensions: fieldExtensions(props, live, user),
    editable,
    editorProps: {
      attributes: {
        'data-testid': testId,
        role: 'textbox',
        'aria-label': label,
        'aria-multiline': props.maxLines === 1 ? 'false' : 'true',
        spellcheck: 'false',
        class: `live-field__input${props.className ? ` ${props.className}` : ''}`,
      },
      // A pasted line break is a new line only where the field has lines.
      transformPastedText: (text) => (props.maxLines === 1 ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text),
    },
  });
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);
  return <EditorContent editor={editor} className="live-field" />;
}
