// What the body editor needs of a live story (renderer/src/newsroom/live keeps the document in
// step with the core): the Yjs document whose `body` fragment the editor is bound to, the presence
// channel for carets, and a way to hold others' changes back while a syllable is being composed.
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { MeanwhileBlocks } from '../../newsroom/live/meanwhileChanges';

export interface LiveBody {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Others' changes wait until `release` (y-tiptap re-renders a changed paragraph, which ends an open IME composition). */
  hold(): void;
  release(): void;
  /** The body's blocks others changed while this window was away (shown as changed meanwhile); none if absent. */
  readonly meanwhile?: MeanwhileBlocks;
}

/** How this person appears to the others in the story: their name and caret colour. */
export interface LiveUser {
  name: string;
  color: string;
}
