// The fields of a story open live, as the article session sees them (LiveFieldsPort): read from and
// written to the story's document through the one field table (shared/live/articleFields.ts).
import type * as Y from 'yjs';
import { observeFields, readFields, setFields } from '../../../shared/live/articleFields';
import { CORE_ORIGIN } from '../newsroom/live/LiveDocument';
import type { LiveFieldsPort } from './ArticleSession';

export function liveFieldsPort(doc: Y.Doc): LiveFieldsPort {
  // Any change not from the core is this window's (the body's editor, a field's, or `write`).
  let touched = false;
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== CORE_ORIGIN) touched = true;
  });
  return {
    read: (fallback) => readFields(doc, fallback),
    write: (patch) => setFields(doc, patch),
    onChange: (listener) => observeFields(doc, listener),
    touched: () => touched,
  };
}
