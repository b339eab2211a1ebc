// A field beside the body of a live story, edited in place by a small TipTap editor bound to the
// field's fragment of the story's document: the other person's words arrive as they type them, and
// one landing while this person composes Hangul waits (an <input> bound to Y.Text loses the
// syllable then). Created once per field and story; what it shows comes from the document, never
// from React state, so a remote change never re-renders the screen around it.
import { useEffect, useRef, useState } from 'react';
import { EditorContent, useEditor, type UseEditorOptions } from '@tiptap/react';
import { fieldExtensions, type FieldShape } from './fieldExtensions';
import type { LiveBody, LiveUser } from './LiveBody';

export function LiveTextField(props: FieldShape & { live: LiveBody; user: LiveUser; editable: boolean; label: string; testId: string; className?: string }) {
  const current = useRef(props);
  current.current = props;
  // Built once, like the body's: options that differ on a render make TipTap call setOptions, and
  // the screen re-renders with every keystroke in a field.
  const [options] = useState((): UseEditorOptions => ({
    extensions: fieldExtensions({ ...props, placeholder: () => current.current.placeholder() }, props.live, props.user),
    editorProps: {
      attributes: () => ({
        'data-testid': current.current.testId,
        role: 'textbox',
        'aria-label': current.current.label,
        'aria-multiline': props.maxLines === 1 ? 'false' : 'true',
        spellcheck: 'false',
        class: `live-field__input${props.className ? ` ${props.className}` : ''}`,
      }),
    },
  }));
  const { editable } = props;
  const editor = useEditor({ ...options, editable });
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);
  return <EditorContent editor={editor} className="live-field" />;
}

