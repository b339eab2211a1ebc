// Figure operations stay their own undo step in a live story. Yjs undo (which replaces
// ProseMirror's history there) merges changes made within half a second into one step, so a
// figure moved just after typing would be undone together with the words. A transaction marked
// as its own step (figurePositions.ownUndoStep) starts a new step, and so does the next change.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import { OWN_UNDO_STEP } from '../figure/figurePositions';

export const OwnUndoSteps = Extension.create({
  name: 'ownUndoSteps',
  addProseMirrorPlugins() {
    let afterOwnStep = false;
    return [
      new Plugin({
        key: new PluginKey('ownUndoSteps'),
        // Before the change is applied, so before y-tiptap writes it into the document and Yjs undo captures it.
        filterTransaction: (tr, state) => {
          // Others' changes (written by the sync plugin) are not this person's undo steps.
          if (!tr.docChanged || tr.getMeta(ySyncPluginKey)) return true;
          const own = tr.getMeta(OWN_UNDO_STEP) === true;
          if (own || afterOwnStep) yUndoPluginKey.getState(state)?.undoManager.stopCapturing();
          afterOwnStep = own;
          return true;
        },
      }),
    ];
  },
});
