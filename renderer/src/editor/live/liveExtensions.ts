// The body editor bound to a live story: the same schema, with the text in the story's Yjs
// document (Collaboration), others' carets and names (CollaborationCaret), undo that takes back
// only this person's own changes (Yjs undo in place of StarterKit's, figure operations each their
// own step), others' changes held back during an IME composition, and the paragraphs others
// changed while this person was away marked (ChangedMeanwhile).
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { BODY_FRAGMENT } from '../../../../shared/live/bodyFragment';
import { HoldWhileComposing } from './HoldWhileComposing';
import { LiveCarets } from './LiveCarets';
import { OwnUndoSteps } from './OwnUndoSteps';
import { ChangedMeanwhile } from './ChangedMeanwhile';
import type { LiveBody, LiveUser } from './LiveBody';

/** `meanwhileLabel`: the title of a paragraph changed by others while away, in the UI's language. */
export function liveExtensions(extensions: AnyExtension[], live: LiveBody, user: LiveUser, meanwhileLabel: () => string = () => ''): AnyExtension[] {
  return [
    // StarterKit's undo history would undo others' typing too, and Collaboration refuses to run beside it.
    ...extensions.map((e) => (e.name === 'starterKit' ? e.configure({ ...e.options, undoRedo: false }) : e)),
    Collaboration.configure({ document: live.doc, field: BODY_FRAGMENT }),
    LiveCarets.configure({ provider: { awareness: live.awareness }, user }),
    HoldWhileComposing.configure({ live }),
    OwnUndoSteps,
    ChangedMeanwhile.configure({ meanwhile: live.meanwhile ?? null, label: meanwhileLabel }),
  ];
}
