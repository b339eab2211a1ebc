// Where an article's edits stand; its own file so unsavedEditsError.ts and the session share it without a circle.
/**
 * `readOnly`: edits in this window that cannot be saved because the copy is read-only for this
 * person now (the core refused them); they stay on screen, never silently dropped.
 * `conflict`: the library has a newer revision than the one these edits were made on.
 */
export type SaveStatus = 'saved' | 'saving' | 'dirty' | 'failed' | 'conflict' | 'readOnly';
