// The one-line caption under a photo: plain text with italic and links, no line breaks. Enter
// leaves the caption for a new paragraph after the figure instead of splitting anything.
import { Node, mergeAttributes } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { isPhotoId } from '../../../../shared/model/photo';

export const FigureCaption = Node.create<{ placeholder: string | (() => string) }>({
  name: 'figureCaption',
  content: 'text*',
  marks: 'italic link',
  defining: true,
  addOptions() {
    return { placeholder: '' };
  },
  parseHTML() {
    // Only inside a figure: a stray pasted <figcaption> must not conjure up a figure around itself.
    return [{ tag: 'figcaption', getAttrs: (el) => (isPhotoId(el.parentElement?.closest('figure')?.getAttribute('data-photo-id')) ? null : false) }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figcaption', mergeAttributes(HTMLAttributes, { class: 'figure__caption', 'data-testid': 'figure-caption', 'data-placeholder': typeof this.options.placeholder === 'function' ? this.options.placeholder() : this.options.placeholder }), 0];
  },
  addKeyboardShortcuts() {
    const leave = () => {
      const { state, view } = this.editor;
      const { $from } = state.selection;
      if ($from.parent.type.name !== this.name || view.composing) return false;
      const after = $from.after($from.depth - 1); // end of the figure
      const next = state.doc.resolve(after).nodeAfter;
      const tr = state.tr;
      // Like Enter at the end of a paragraph: a fresh paragraph, unless an empty one is already there.
      if (!(next?.type.name === 'paragraph' && next.content.size === 0)) tr.insert(after, state.schema.nodes.paragraph.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView();
      view.dispatch(tr);
      return true;
    };
    return { Enter: leave, 'Shift-Enter': () => this.editor.state.selection.$from.parent.type.name === this.name };
  },
});
