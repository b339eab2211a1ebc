// The state a live document loads: its open epoch's stored updates merged, or — when the story has
// none open — a new epoch whose first update the server makes from the article's JSON (writeBody
// and writeFields: the body and the fields beside it), appended in the same transaction that
// starts the epoch. Only the server ever does this: two clients filling a document would double
// the text. An open epoch stored before the fields were live (a body, no fields) gets them from
// the article row the same way, once: appended under the epoch row's lock, checked again there,
// and recorded on the epoch row (never read from the document, which clients may change).
import * as Y from 'yjs';
import { writeBody } from '../../shared/live/bodyFragment';
import { writeFields } from '../../shared/live/articleFields';
import { contentOf, type Article } from '../../shared/model/article';
import type { Database } from '../db/Database';
import { readArticle } from '../articles/articleRows';
import { joiningEpoch, latestEpoch, markFieldsSeeded, startEpoch } from './epochRows';
import { insertUpdates, storedState } from './updateRows';

export interface LoadedEpoch {
  epoch: number;
  state: Uint8Array;
  /**
   * Every replica of this epoch holds this client's first update (the server's body and fields).
   * Null only for an epoch started before the fields were live from an empty body (no update then).
   */
  seedClient: number | null;
}

/** The article's fields (its content but the body), as the live document holds them. */
function metaOf(article: Article) {
  const { body: _body, ...meta } = contentOf(article);
  return meta;
}

/** The update adding the article's fields to a stored state begun before they were live. */
function fieldsFor(state: Uint8Array, article: Article): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  try {
    const before = Y.encodeStateVector(doc);
    writeFields(doc, metaOf(article));
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}

export async function loadEpoch(db: Database, articleId: string, now: () => Date): Promise<LoadedEpoch> {
  const latest = await latestEpoch(db, articleId);
  if (latest && !latest.closed) {
    const state = await storedState(db, articleId, latest.epoch);
    if (state && latest.fieldsSeeded) return { epoch: latest.epoch, state, seedClient: latest.seedClient };
  }
  return db.transaction(async (tx) => {
    // The article row first, as every step does: a step that closes an epoch waits for this one.
    const article = await readArticle(tx, articleId, true);
    const current = await latestEpoch(tx, articleId, true);
    if (current && !current.closed) {
      const state = await storedState(tx, articleId, current.epoch);
      if (state) {
        if (current.fieldsSeeded) return { epoch: current.epoch, state, seedClient: current.seedClient };
        const fields = fieldsFor(state, article);
        // The seed client stays the body's: replicas of this epoch made before hold that one.
        await insertUpdates(tx, [{ articleId, epoch: current.epoch, update: fields, personId: null }], now());
        await markFieldsSeeded(tx, articleId, current.epoch);
        return { epoch: current.epoch, state: Y.mergeUpdates([state, fields]), seedClient: current.seedClient };
      }
    }
    const seed = new Y.Doc();
    seed.transact(() => {
      writeBody(seed, article.body);
      writeFields(seed, metaOf(article));
    });
    const state = Y.encodeStateAsUpdate(seed);
    // The fields always write something, so every epoch's first update has this client.
    const seedClient = seed.clientID;
    seed.destroy();
    // An open epoch without rows (none is made so, but a hand-edited database could) gets its first row now.
    const epoch = current && !current.closed ? current.epoch : joiningEpoch(current);
    await startEpoch(tx, articleId, epoch, seedClient);
    await insertUpdates(tx, [{ articleId, epoch, update: state, personId: null }], now());
    return { epoch, state, seedClient };
  });
}
