// The paragraphs others changed while this person was away (offline, reconnecting, or a story
// opened from this machine's replica before the server's sync), marked in the body until the
// person says Done (ChangedMeanwhileNotice). The live document records them as the body's top-level
// Yjs elements (newsroom/live/meanwhileChanges.ts); this plugin finds them in the editor:
//   - when y-tiptap writes the shared document into the editor (another person's change, the first
//     render, Yjs undo), the editor's blocks are exactly the fragment's, so the marks are found
//     again by index: a paragraph inserted above, by anyone, moves them along;
//   - on this person's own changes (the shared document is written only after them) the marks are
//     mapped through the change. A paragraph the person edits keeps its mark until Done: a mark
//     taken away while typing would redraw the paragraph under an IME composition, and what others
//     changed is still worth a look after a small edit of one's own.
// Marks are drawn again only on those writes, which HoldWhileComposing keeps out of a composition,
// and an unchanged mark compares equal, so the paragraph being composed in is never redrawn.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { MeanwhileBlocks } from '../../newsroom/live/meanwhileChanges';

export const CHANGED_MEANWHILE_CLASS = 'changed-meanwhile';

const key = new PluginKey<DecorationSet>('changedMeanwhile');
type Meta = 'refresh' | 'clear';

export interface ChangedMeanwhileOptions {
  meanwhile: MeanwhileBlocks | null;
  /** Said of a marked paragraph (its title): the UI language may change while the editor lives. */
  label: () => string;
}

function marks(doc: PmNode, meanwhile: MeanwhileBlocks, label: string): DecorationSet | null {
  const { indices, total } = meanwhile.where();
  if (indices.length === 0) return DecorationSet.empty;
  // A block y-tiptap could not show would shift every index after it: keep the marks as they were.
  if (total !== doc.childCount) return null;
  const wanted = new Set(indices);
  const decorations: Decoration[] = [];
  doc.forEach((node, offset, index) => {
    if (wanted.has(index)) decorations.push(Decoration.node(offset, offset + node.nodeSize, { class: CHANGED_MEANWHILE_CLASS, title: label, 'data-changed-meanwhile': 'true' }));
  });
  return DecorationSet.create(doc, decorations);
}

export const ChangedMeanwhile = Extension.create<ChangedMeanwhileOptions>({
  name: 'changedMeanwhile',
  addOptions() {
    return { meanwhile: null, label: () => '' };
  },
  addProseMirrorPlugins() {
    const { meanwhile, label } = this.options;
    if (!meanwhile) return [];
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => marks(state.doc, meanwhile, label()) ?? DecorationSet.empty,
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(key) as Meta | undefined;
            if (meta === 'clear') return DecorationSet.empty;
            // Written from the shared document (y-tiptap): the editor holds exactly its blocks now.
            if (meta === 'refresh' || (tr.docChanged && tr.getMeta(ySyncPluginKey))) return marks(state.doc, meanwhile, label()) ?? value.map(tr.mapping, tr.doc);
            return tr.docChanged ? value.map(tr.mapping, tr.doc) : value;
          },
        },
        props: {
          decorations: (state) => key.getState(state),
        },
        view: (view) => {
          // A block marked with no change to the editor's text (or the marks cleared elsewhere): drawn
          // after this turn, when the editor and the shared document agree; not inside a composition.
          let timer: ReturnType<typeof setTimeout> | null = null;
          const refresh = () => {
            timer = null;
            if (view.isDestroyed) return;
            if (view.composing) timer = setTimeout(refresh, 50);
            else view.dispatch(view.state.tr.setMeta(key, 'refresh').setMeta('addToHistory', false));
          };
          const off = meanwhile.onChange(() => {
            if (!timer) timer = setTimeout(refresh, 0);
          });
          return {
            destroy: () => {
              off();
              if (timer) clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});

/** Where the marked blocks start, in order. */
export function changedMeanwhile(state: EditorState): number[] {
  return (key.getState(state)?.find() ?? []).map((d) => d.from).sort((a, b) => a - b);
}

/** Puts the caret in the next marked block after it (round to the first) and scrolls it into view. */
export function goToNextChanged(view: EditorView): boolean {
  const starts = changedMeanwhile(view.state);
  const next = starts.find((start) => start > view.state.selection.from) ?? starts[0];
  if (next === undefined) return false;
  view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(next + 1))));
  const dom = view.nodeDOM(next);
  if (dom instanceof HTMLElement && typeof dom.scrollIntoView === 'function') dom.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}

/** Done: the marks go, and the live document forgets what it recorded. */
export function clearChangedMeanwhile(view: EditorView, meanwhile: MeanwhileBlocks): void {
  meanwhile.clear();
  if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, 'clear').setMeta('addToHistory', false));
}
