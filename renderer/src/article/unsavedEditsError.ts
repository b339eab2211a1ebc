// Its own file so the library's error messages (errorText.ts) know it without loading the article session.
import type { SaveStatus } from './saveStatus';

/** A step was asked for while edits could not be saved; nothing was stepped. */
export class UnsavedEditsError extends Error {
  constructor(readonly status: SaveStatus) {
    super(`unsaved edits (${status})`);
    this.name = 'UnsavedEditsError';
  }
}
