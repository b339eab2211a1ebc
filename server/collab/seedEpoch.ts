// The state a live document loads: its open epoch's stored updates merged, or — when the story has
// none open — a new epoch whose first update the server makes from the article's JSON (writeBody),
// appended in the same transaction that starts the epoch. Only the server ever does this: two
// clients filling a document would double the text.
import * as Y from 'yjs';
import { writeBody } from '../../shared/live/bodyFragment';
import type { Database } from '../db/Database';
import { readArticle } from '../articles/articleRows';
import { joiningEpoch, latestEpoch, startEpoch } from './epochRows';
import { insertUpdates, storedState } from './updateRows';

export interface LoadedEpoch {
  epoch: number;
  state: Uint8Array;
  /** Every replica of this epoch holds this client's first update; null when it made none (an empty body). */
  seedClient: number | null;
}

export async function loadEpoch(db: Database, articleId: string, now: () => Date): Promise<LoadedEpoch> {
  const latest = await latestEpoch(db, articleId);
  if (latest && !latest.closed) {
    const state = await storedState(db, articleId, latest.epoch);
    if (state) return { epoch: latest.epoch, state, seedClient: latest.seedClient };
  }
  return db.transaction(async (tx) => {
    // The article row first, as every step does: a step that closes an epoch waits for this one.
    const article = await readArticle(tx, articleId, true);
    const current = await latestEpoch(tx, articleId, true);
    if (current && !current.closed) {
      const state = await storedState(tx, articleId, current.epoch);
      if (state) return { epoch: current.epoch, state, seedClient: current.seedClient };
    }
    const seed = new Y.Doc();
    writeBody(seed, article.body);
    const state = Y.encodeStateAsUpdate(seed);
    const seedClient = Y.decodeStateVector(Y.encodeStateVector(seed)).size > 0 ? seed.clientID : null;
    seed.destroy();
    // An open epoch without rows (none is made so, but a hand-edited database could) gets its first row now.
    const epoch = current && !current.closed ? current.epoch : joiningEpoch(current);
    await startEpoch(tx, articleId, epoch, seedClient);
    await insertUpdates(tx, [{ articleId, epoch, update: state, personId: null }], now());
    return { epoch, state, seedClient };
  });
}
