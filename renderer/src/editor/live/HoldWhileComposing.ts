// Others' changes wait while this person composes a syllable. y-tiptap applies a remote change by
// re-rendering the changed paragraph, which ends an open IME composition (y-prosemirror PR #107,
// unmerged): the half-typed 한 would be lost or doubled. So the live document holds remote updates
// from compositionstart, and lets them in once ProseMirror has taken the composed text.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { LiveBody } from './LiveBody';

/** How often to look again whether ProseMirror has finished with the composition. */
const RECHECK_MS = 20;

export const HoldWhileComposing = Extension.create<{ live: LiveBody | null }>({
  name: 'holdWhileComposing',
  addOptions() {
    return { live: null };
  },
  addProseMirrorPlugins() {
    const live = this.options.live;
    if (!live) return [];
    let holding = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const releaseWhenDone = (view: EditorView) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        // ProseMirror ends its composition after the event; a new one may already have begun.
        if (view.composing) return releaseWhenDone(view);
        if (holding) {
          holding = false;
          live.release();
        }
      }, RECHECK_MS);
    };
    return [
      new Plugin({
        key: new PluginKey('holdWhileComposing'),
        props: {
          handleDOMEvents: {
            compositionstart: () => {
              if (timer) clearTimeout(timer);
              if (!holding) {
                holding = true;
                live.hold();
              }
              return false;
            },
            compositionend: (view) => {
              releaseWhenDone(view);
              return false;
            },
          },
        },
        view: () => ({
          destroy: () => {
            if (timer) clearTimeout(timer);
            if (holding) live.release();
          },
        }),
      }),
    ];
  },
});
