// What ArticleService reads and does about a story's live document (its LiveBodies hook): the body
// as stored (never a server's memory), and closing the epoch inside a step's transaction.
import * as Y from 'yjs';
import { readBody } from '../../shared/live/bodyFragment';
import type { LiveBodies } from '../articles/ArticleService';
import { closeEpoch, latestEpoch } from './epochRows';
import { storedState } from './updateRows';

export function liveBodies(now: () => Date, epochClosed: (id: string) => void): LiveBodies {
  return {
    async bodyOf(tx, id) {
      // FOR UPDATE on the epoch row: appends to it wait until this transaction ends.
      const epoch = await latestEpoch(tx, id, true);
      if (!epoch || epoch.closed) return null;
      const state = await storedState(tx, id, epoch.epoch);
      if (!state) return null;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      const body = readBody(doc);
      doc.destroy();
      return body;
    },
    async closeEpoch(tx, id) {
      return (await closeEpoch(tx, id, now())) !== null;
    },
    epochClosed,
  };
}
