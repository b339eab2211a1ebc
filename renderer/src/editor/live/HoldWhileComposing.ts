// Others' changes wait while this person composes a syllable. y-tiptap applies a remote change by
// re-rendering the changed paragraph, which ends an open IME composition (y-prosemirror PR #107,
// unmerged): the half-typed 한 would be lost or doubled. So the live document holds remote updates
// from compositionstart, and lets them in once ProseMirror has taken the composed text.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { afterComposition } from './afterComposition';
import type { LiveBody } from './LiveBody';

export const HoldWhileComposing = Extension.create<{ live: LiveBody | null }>({
  name: 'holdWhileComposing',
  addOptions() {
    return { live: null };
  },
  addProseMirrorPlugins() {
    const live = this.options.live;
    if (!live) return [];
    let holding = false;
    const ended = afterComposition();
    const release = () => {
      if (!holding) return;
      holding = false;
      live.release();
    };
    return [
      new Plugin({
        key: new PluginKey('holdWhileComposing'),
        props: {
          handleDOMEvents: {
            compositionstart: () => {
              ended.cancel();
              if (!holding) {
                holding = true;
                live.hold();
              }
              return false;
            },
            compositionend: (view) => {
              ended.schedule(view, release);
              return false;
            },
          },
        },
        view: () => ({
          destroy: () => {
            ended.cancel();
            release();
          },
        }),
      }),
    ];
  },
});
