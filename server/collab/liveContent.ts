// What ArticleService reads and does about a story's live document (its LiveContent hook): the
// body and the fields beside it as stored (never a server's memory), and closing the epoch inside
// a step's transaction.
import * as Y from 'yjs';
import { readBody } from '../../shared/live/bodyFragment';
import { readFields } from '../../shared/live/articleFields';
import type { LiveContent } from '../articles/ArticleService';
import { closeEpoch, latestEpoch } from './epochRows';
import { storedState } from './updateRows';

export function liveContent(now: () => Date, epochClosed: (id: string, epoch: number) => void): LiveContent {
  return {
    async contentOf(tx, id, fallback, lock = true) {
      // FOR UPDATE on the epoch row: appends to it wait until this transaction ends.
      const epoch = await latestEpoch(tx, id, lock);
      if (!epoch || epoch.closed) return null;
      const state = await storedState(tx, id, epoch.epoch);
      if (!state) return null;
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, state);
        // Each field checked with the article's schema: one a client made unreadable stays as the row has it.
        return { body: readBody(doc), meta: readFields(doc, fallback) };
      } finally {
        doc.destroy();
      }
    },
    closeEpoch: (tx, id, only) => closeEpoch(tx, id, now(), only),
    epochClosed,
  };
}
