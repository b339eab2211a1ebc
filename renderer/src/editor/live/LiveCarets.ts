// Others' carets and names (CollaborationCaret), stepped aside from a paragraph while this person
// composes a syllable in it. y-tiptap redraws a caret on every change of presence, including this
// window's own, and maps it through each change another way: a caret at the composition moves
// before and after the half-typed syllable at each jamo, and Chrome loses the composition to the
// moved node (서울 came out as 서서우서울 in e2e/liveStory.spec.ts under load). So from
// compositionstart the carets in that paragraph are not drawn, until ProseMirror has taken the
// composed text; the rest of the document keeps its carets.
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { DecorationSet, EditorView } from '@tiptap/pm/view';
import { afterComposition } from './afterComposition';

/** The paragraph being composed in (its content's start and end), or null. */
type Composing = { from: number; to: number } | null;

const composingKey = new PluginKey<Composing>('liveCaretsComposing');

function composingBlock(state: EditorState): Composing {
  const { $from } = state.selection;
  return { from: $from.start(), to: $from.end() };
}

/** Tracks the paragraph a composition is open in, through every change while it is open. */
function composingPlugin(): Plugin<Composing> {
  const ended = afterComposition();
  const end = (view: EditorView) => {
    if (!view.isDestroyed && composingKey.getState(view.state)) view.dispatch(view.state.tr.setMeta(composingKey, null));
  };
  return new Plugin<Composing>({
    key: composingKey,
    state: {
      init: () => null,
      apply(tr, value) {
        const meta = tr.getMeta(composingKey) as Composing | undefined;
        if (meta !== undefined) return meta;
        if (!value || !tr.docChanged) return value;
        return { from: tr.mapping.map(value.from, -1), to: tr.mapping.map(value.to, 1) };
      },
    },
    props: {
      handleDOMEvents: {
        compositionstart: (view) => {
          ended.cancel();
          // Before the first jamo reaches the page: the carets leave while nothing is composed yet.
          if (!composingKey.getState(view.state)) view.dispatch(view.state.tr.setMeta(composingKey, composingBlock(view.state)));
          return false;
        },
        compositionend: (view) => {
          ended.schedule(view, () => end(view));
          return false;
        },
      },
    },
    view: () => ({
      destroy: () => ended.cancel(),
    }),
  });
}

/** The carets plugin with the composed paragraph's carets left out of what it draws. */
function asideWhileComposing(carets: Plugin): Plugin {
  const draw = carets.spec.props?.decorations as ((this: Plugin, state: EditorState) => DecorationSet | null | undefined) | undefined;
  if (!draw) return carets;
  return new Plugin({
    ...carets.spec,
    props: {
      ...carets.spec.props,
      decorations(state) {
        const all = draw.call(this, state);
        const block = composingKey.getState(state);
        if (!all || !block) return all;
        return all.remove(all.find(block.from, block.to));
      },
    },
  });
}

export const LiveCarets = CollaborationCaret.extend({
  addProseMirrorPlugins() {
    const plugins = this.parent?.() ?? [];
    return [...plugins.map((p) => (p.spec.props?.decorations ? asideWhileComposing(p) : p)), composingPlugin()];
  },
});
