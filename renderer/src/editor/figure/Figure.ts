// A photo in the body: the image, its caption (a figureCaption child, always rendered), and the
// credit and alt text as attributes. `fromFile` remembers what the photo's own metadata said, so
// the UI can show which values came from the file. The figure is isolating: Backspace after it
// selects it instead of pulling the next paragraph into the caption.
import { Node, mergeAttributes } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { FigureView, syncFigureLocks, type FigureViewOptions } from './FigureView';
import { moveFigureAt, ownUndoStep, selectedFigure } from './figurePositions';
import { isPhotoId } from '../../../../shared/model/photo';

export interface FigureAttrs {
  photoId: string;
  credit: string;
  alt: string;
  fromFile: { caption: string; credit: string; alt: string };
}

export interface NewFigure extends FigureAttrs {
  caption: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts figures at `pos` (or after the current block) and puts the caret in the first caption. */
      insertFigures: (figures: NewFigure[], pos?: number) => ReturnType;
      /** Moves the figure holding the selection one block up (-1) or down (1). */
      moveFigure: (direction: -1 | 1) => ReturnType;
      /** Moves the figure at `pos` one block up (-1) or down (1). */
      moveFigureAt: (pos: number, direction: -1 | 1) => ReturnType;
      /** Removes the figure at `pos`. */
      removeFigure: (pos: number) => ReturnType;
      /** Puts another photo in the figure at `pos`, keeping its caption and any credit and alt text already written. */
      replaceFigurePhoto: (pos: number, photo: FigureAttrs) => ReturnType;
    };
  }
}

export const Figure = Node.create<FigureViewOptions>({
  name: 'figure',
  group: 'block',
  content: 'figureCaption',
  draggable: true,
  isolating: true,
  defining: true,
  addOptions() {
    return { mediaBase: '/media/', t: (key: string) => key, platform: 'linux', onReplace: () => undefined };
  },
  addAttributes() {
    return {
      // As data-* attributes, so a figure copied and pasted keeps its photo, credit and alt text.
      photoId: { default: '', parseHTML: (el) => el.getAttribute('data-photo-id') ?? '', renderHTML: (a) => ({ 'data-photo-id': a.photoId }) },
      credit: { default: '', parseHTML: (el) => el.getAttribute('data-credit') ?? '', renderHTML: (a) => ({ 'data-credit': a.credit }) },
      alt: { default: '', parseHTML: (el) => el.getAttribute('data-alt') ?? '', renderHTML: (a) => ({ 'data-alt': a.alt }) },
      fromFile: { default: { caption: '', credit: '', alt: '' }, rendered: false },
    };
  },
  parseHTML() {
    // Only figures naming a photo by its id, or waiting for one (''); anything else pasted in stays text.
    return [{ tag: 'figure[data-photo-id]', getAttrs: (el) => { const id = el.getAttribute('data-photo-id'); return id === '' || isPhotoId(id) ? null : false; } }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes), 0];
  },
  addNodeView() {
    return ({ node, getPos, editor }) => new FigureView(node, editor, getPos as () => number | undefined, this.options);
  },
  addCommands() {
    return {
      insertFigures:
        (figures, pos) =>
        ({ editor, state, tr, dispatch }) => {
          if (!editor.isEditable) return false; // read-only copy: see the note on moveFigureAt below
          const { figure, figureCaption } = state.schema.nodes;
          const nodes = figures.map((f) => {
            const caption = f.caption.replace(/\s+/g, ' ').trim();
            return figure.create({ photoId: f.photoId, credit: f.credit, alt: f.alt, fromFile: f.fromFile }, figureCaption.create(null, caption ? state.schema.text(caption) : null));
          });
          if (nodes.length === 0) return false;
          // Insert between blocks: after the block holding `pos` (or the selection).
          const $at = state.doc.resolve(pos ?? state.selection.to);
          let at = $at.depth === 0 ? $at.pos : $at.after(1);
          const top = $at.depth === 0 ? null : $at.node(1);
          if (top && top.isTextblock && top.content.size === 0) at = $at.before(1); // an empty paragraph is replaced
          if (!dispatch) return true;
          ownUndoStep(tr);
          if (top && top.isTextblock && top.content.size === 0) tr.replaceWith(at, at + top.nodeSize, nodes);
          else tr.insert(at, nodes);
          tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView();
          return true;
        },
      moveFigure:
        (direction) =>
        ({ state, commands }) => {
          const found = selectedFigure(state);
          return found !== null && commands.moveFigureAt(found.pos, direction);
        },
      // Every figure command asks the editor itself whether the copy may change, not only the UI:
      // a locked copy's tools once showed and worked on screen (the CSS unhid them), leaving an
      // edit that could not be saved.
      moveFigureAt:
        (pos, direction) =>
        ({ editor, tr, dispatch }) => {
          if (!editor.isEditable || tr.doc.nodeAt(pos)?.type.name !== 'figure') return false;
          if (!dispatch) return true;
          return moveFigureAt(tr, pos, direction);
        },
      removeFigure:
        (pos) =>
        ({ editor, tr, dispatch }) => {
          const node = tr.doc.nodeAt(pos);
          if (!editor.isEditable || node?.type.name !== 'figure') return false;
          if (dispatch) ownUndoStep(tr).delete(pos, pos + node.nodeSize).scrollIntoView();
          return true;
        },
      replaceFigurePhoto:
        (pos, photo) =>
        ({ editor, tr, dispatch }) => {
          const node = tr.doc.nodeAt(pos);
          if (!editor.isEditable || node?.type.name !== 'figure') return false;
          if (dispatch) {
            ownUndoStep(tr).setNodeMarkup(pos, undefined, { ...node.attrs, photoId: photo.photoId, credit: node.attrs.credit || photo.credit, alt: node.attrs.alt || photo.alt, fromFile: photo.fromFile });
          }
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    // setEditable does not touch node views; plugin views hear every view update, this one included.
    return [
      new Plugin({
        key: new PluginKey('figureLocks'),
        view: (view) => {
          // TipTap builds the first node views while the view is still editable for a tick: catch up at once.
          let editable = view.editable;
          syncFigureLocks(view);
          return {
            update: (v) => {
              if (v.editable === editable) return;
              editable = v.editable;
              syncFigureLocks(v);
            },
          };
        },
      }),
    ];
  },
  addKeyboardShortcuts() {
    return {
      'Alt-ArrowUp': () => this.editor.commands.moveFigure(-1),
      'Alt-ArrowDown': () => this.editor.commands.moveFigure(1),
    };
  },
});
