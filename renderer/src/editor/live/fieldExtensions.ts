// The schema of a field beside the body in a live story (headline, kicker, deck, dateline, note to
// the desk): plain paragraphs of plain text, one per line, bound to the field's own fragment of the
// story's document (shared/live/articleFields.ts). The same live parts as the body: Yjs undo (only
// this person's typing), others' carets, others' changes held back while a syllable is composed,
// and the IME owning Enter while it composes.
import { Extension, Node, type AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { fieldFragment, type TextFieldKey } from '../../../../shared/live/articleFields';
import { ImeGuard } from '../ImeGuard';
import { HoldWhileComposing } from './HoldWhileComposing';
import type { LiveBody, LiveUser } from './LiveBody';

const Paragraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'text*',
  parseHTML: () => [{ tag: 'p' }],
  renderHTML: () => ['p', 0],
});

const Text = Node.create({ name: 'text', group: 'inline' });

/** Enter starts a new line only where the field has lines, and not beyond its last one. */
const Lines = Extension.create<{ maxLines: number }>({
  name: 'fieldLines',
  addOptions: () => ({ maxLines: 1 }),
  addKeyboardShortcuts() {
    const refuse = () => this.editor.state.doc.childCount >= this.options.maxLines;
    return { Enter: refuse, 'Shift-Enter': () => true, 'Mod-Enter': () => true };
  },
});

export interface FieldShape {
  field: TextFieldKey;
  /** 1 for a one-line field; the deck has 4; the note to the desk is not bounded (Infinity). */
  maxLines: number;
  placeholder: () => string;
}

export function fieldExtensions(shape: FieldShape, live: LiveBody, user: LiveUser): AnyExtension[] {
  return [
    ImeGuard,
    Node.create({ name: 'doc', topNode: true, content: shape.maxLines === 1 ? 'paragraph' : 'paragraph+' }),
    Paragraph,
    Text,
    Lines.configure({ maxLines: shape.maxLines }),
    Placeholder.configure({ placeholder: shape.placeholder }),
    Collaboration.configure({ document: live.doc, field: fieldFragment(shape.field) }),
    CollaborationCaret.configure({ provider: { awareness: live.awareness }, user }),
    HoldWhileComposing.configure({ live }),
  ];
}
