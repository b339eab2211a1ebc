// The schema of a field beside the body in a live story (headline, kicker, deck, dateline, note to
// the desk): plain paragraphs of plain text, one per line, bound to the field's own fragment of the
// story's document (shared/live/articleFields.ts). The same live parts as the body: Yjs undo (only
// this person's typing), others' carets, others' changes held back while a syllable is composed,
// and the IME owning Enter while it composes.
import { Extension, Node, type AnyExtension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import Collaboration from '@tiptap/extension-collaboration';
import { Placeholder } from '@tiptap/extensions';
import { fieldFragment, type TextFieldKey } from '../../../../shared/live/articleFields';
import { ImeGuard } from '../ImeGuard';
import { HoldWhileComposing } from './HoldWhileComposing';
import { LiveCarets } from './LiveCarets';
import type { LiveBody, LiveUser } from './LiveBody';

const Paragraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'text*',
  parseHTML: () => [{ tag: 'p' }],
  renderHTML: () => ['p', 0],
});

const Text = Node.create({ name: 'text', group: 'inline' });

/**
 * A pasted slice fitted to the lines left (`room`, counting the line pasted into): lines beyond go
 * into the last one, joined with spaces, so nothing pasted is dropped (ProseMirror would keep only
 * the first paragraph of a multi-paragraph paste into a one-line field).
 */
export function fitPastedLines(slice: Slice, room: number, schema: Schema): Slice {
  const lines: PMNode[] = [];
  slice.content.forEach((node) => lines.push(node));
  if (lines.length <= room || lines.some((line) => !line.isTextblock)) return slice;
  const kept = lines.slice(0, Math.max(room - 1, 0));
  const rest = lines.slice(kept.length).map((line) => line.textContent).filter((text) => text.trim() !== '').join(' ');
  const last = schema.nodes.paragraph.create(null, rest ? schema.text(rest) : null);
  return new Slice(Fragment.fromArray([...kept, last]), slice.openStart, slice.openEnd);
}

/**
 * Lines behave as the field allows: Enter starts a new one only where the field has lines and not
 * beyond its last, a paste fits into the lines left, and no change of this person's makes more
 * (others' changes are the document's: refusing them would part the editor from it).
 */
const Lines = Extension.create<{ maxLines: number }>({
  name: 'fieldLines',
  addOptions: () => ({ maxLines: 1 }),
  addKeyboardShortcuts() {
    const refuse = () => this.editor.state.doc.childCount >= this.options.maxLines;
    return { Enter: refuse, 'Shift-Enter': () => true, 'Mod-Enter': () => true };
  },
  addProseMirrorPlugins() {
    const { maxLines } = this.options;
    return [
      new Plugin({
        key: new PluginKey('fieldLines'),
        filterTransaction: (tr) => !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined || tr.doc.childCount <= maxLines || tr.doc.childCount <= tr.before.childCount,
        props: {
          transformPasted: (slice, view) => fitPastedLines(slice, maxLines - view.state.doc.childCount + 1, view.state.schema),
        },
      }),
    ];
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
    LiveCarets.configure({ provider: { awareness: live.awareness }, user }),
    HoldWhileComposing.configure({ live }),
  ];
}
