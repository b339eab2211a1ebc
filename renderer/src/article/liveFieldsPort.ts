// The fields of a story open live, as the article session sees them (LiveFieldsPort): read from and
// written to the story's document through the one field table (shared/live/articleFields.ts).
import type * as Y from 'yjs';
import { observeFields, readFields, replaceInTextField, setFields } from '../../../shared/live/articleFields';
import type { LiveFieldsPort } from './ArticleSession';

/** `changedHere`: whether this window changed the document (LiveDocument.changedHere). */
export function liveFieldsPort(doc: Y.Doc, changedHere: () => boolean): LiveFieldsPort {
  return {
    read: (fallback) => readFields(doc, fallback),
    write: (patch) => setFields(doc, patch),
    replaceText: (field, line, offset, expected, text) => replaceInTextField(doc, field, line, offset, expected, text),
    onChange: (listener) => observeFields(doc, listener),
    touched: changedHere,
  };
}
