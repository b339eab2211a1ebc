// Durability when an instance dies. Each client update is stored by the instance it was sent to,
// before its ack; the Redis relay carries it to the others at once, before it is stored. If its
// instance dies in between, the client (never acknowledged) reconnects to another instance that
// already holds the update in memory: the client's handshake (SyncStep2, diffed against that
// memory) no longer carries it, yet gets acknowledged — an ack for something nobody stored. So an
// instance that holds relayed content stores, before acknowledging a client's handshake, whatever
// its memory has beyond what is stored. In the ordinary case (the other instance alive) nothing
// is missing and nothing is written; a row written twice in a race is harmless to Yjs.
// The instance that got an update decides whether it is stored: its writer may have lost the
// right to edit meanwhile (the append refused, and the epoch then ended, CollabServer.restartLive).
// So what is missing is stored here only once its own instance has had time to decide and has
// not: it died.
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

/** How long relayed content may stay unstored while its own instance may still be storing or refusing it. */
export const RELAYED_GRACE_MS = 2000;
const RECHECK_MS = 50;

/**
 * What `memory` (a whole state, taken before the client's message is applied) holds that the
 * epoch's stored rows still do not after `graceMs` (checked again meanwhile; in the ordinary case
 * it is stored within milliseconds); null when nothing, or when `gone()` says the document was
 * replaced meanwhile (its epoch ended).
 */
export async function unstoredPart(db: Queryable, articleId: string, epoch: number, memory: Uint8Array, graceMs = 0, gone: () => boolean = () => false): Promise<Uint8Array | null> {
  const until = Date.now() + graceMs;
  for (;;) {
    const part = await beyondStored(db, articleId, epoch, memory);
    if (!part || gone() || Date.now() >= until) return gone() ? null : part;
    await new Promise((resolve) => setTimeout(resolve, RECHECK_MS));
  }
}

async function beyondStored(db: Queryable, articleId: string, epoch: number, memory: Uint8Array): Promise<Uint8Array | null> {
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
