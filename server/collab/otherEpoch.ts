// A replica kept from an ended epoch must not be synced into the next one: the next epoch's
// document is made afresh from the article's JSON, so the old replica's whole content would be
// added again (the text doubled). Every replica of an epoch holds the server's first update, made
// by the epoch's seed client; a client opening sync (SyncStep1) with a state that has content but
// not that client brings a replica of another epoch. Empty replicas (a fresh client) pass.
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** y-protocols' SyncStep1 (a state vector), inside a Hocuspocus Sync message. */
const SYNC_STEP_1 = 0;

export function isReplicaOfAnotherEpoch(message: Uint8Array, seedClient: number | null): boolean {
  if (seedClient === null) return false;
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return false;
  if (decoding.readVarUint(decoder) !== SYNC_STEP_1) return false;
  const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  return vector.size > 0 && !vector.has(seedClient);
}
