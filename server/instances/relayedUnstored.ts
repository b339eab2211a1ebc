// Durability when an instance dies. Each client update is stored by the instance it was sent to,
// before its ack; the Redis relay carries it to the others at once, before it is stored. If its
// instance dies in between, the client (never acknowledged) reconnects to another instance that
// already holds the update in memory: the client's handshake (SyncStep2, diffed against that
// memory) no longer carries it, yet gets acknowledged — an ack for something nobody stored. So an
// instance that holds relayed content stores, before acknowledging a client's handshake, whatever
// its memory has beyond what is stored. In the ordinary case (the other instance alive) nothing
// is missing and nothing is written; a row written twice in a race is harmless to Yjs.
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Queryable } from '../db/Database';
import { storedState } from '../collab/updateRows';

/** y-protocols' SyncStep2: a client's answer to the server's state vector. */
const SYNC_STEP_2 = 1;

export function isSyncStep2(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    return (type === MessageType.Sync || type === MessageType.SyncReply) && decoding.readVarUint(decoder) === SYNC_STEP_2;
  } catch {
    return false;
  }
}

/** What `memory` (a whole state, taken before the client's message is applied) holds that the epoch's stored rows do not; null when nothing. */
export async function unstoredPart(db: Queryable, articleId: string, epoch: number, memory: Uint8Array): Promise<Uint8Array | null> {
  const stored = new Y.Doc({ gc: false });
  try {
    const state = await storedState(db, articleId, epoch);
    if (state) Y.applyUpdate(stored, state);
    const beyond = Y.diffUpdate(memory, Y.encodeStateVector(stored));
    return Y.snapshotContainsUpdate(Y.snapshot(stored), beyond) ? null : beyond;
  } finally {
    stored.destroy();
  }
}
