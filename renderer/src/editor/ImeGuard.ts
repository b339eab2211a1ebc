// Keeps keyboard shortcuts and Enter away from an open IME composition (TipTap #4108: Enter while
// a Hangul syllable is composing deleted it). While composing, the IME owns the key: we claim it
// before any keymap sees it, and ProseMirror applies the committed text when composition ends.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export const ImeGuard = Extension.create({
  name: 'imeGuard',
  priority: 10000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('imeGuard'),
        props: {
          // ProseMirror already skips keymaps during composition; this also covers keydowns that
          // report isComposing after ProseMirror thinks composition ended.
          handleKeyDown: (view, event) => event.isComposing || view.composing,
        },
      }),
    ];
  },
});
