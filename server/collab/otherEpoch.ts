// A replica kept from an ended epoch must not be synced into the next one: the next epoch's
// document is made afresh from the article's JSON, so the old replica's whole content would be
// added again (the text doubled). Every replica of an epoch holds the server's first update, made
// by the epoch's seed client; a client opening sync (SyncStep1) with a state that has content but
// not that client brings a replica of another epoch. Empty replicas (a fresh client) pass.
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep1, messageYjsSyncStep2 } from 'y-protocols/sync';
import * as Y from 'yjs';


export function isReplicaOfAnotherEpoch(message: Uint8Array, seedClient: number | null): boolean {
  if (seedClient === null) return false;
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return false;
  if (decoding.readVarUint(decoder) !== messageYjsSyncStep1) return false;
  const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  return vector.size > 0 && !vector.has(seedClient);
}

/**
 * A change relayed to the other instances as it is (relayChanges.ts), marked after the update
 * with its epoch's seed client: an update is no state vector, and one of an ended epoch, applied
 * to the next, could add its words again. Hocuspocus reads the update and ignores what follows.
 */
export function markedWithEpoch(message: Uint8Array, seedClient: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8Array(encoder, message);
  encoding.writeVarUint(encoder, seedClient);
  return encoding.toUint8Array(encoder);
}

/** A message from another instance that brings another epoch: a state vector (as above), or a change marked with another epoch. */
export function isRelayOfAnotherEpoch(message: Uint8Array, seedClient: number | null): boolean {
  if (seedClient === null) return false;
  if (isReplicaOfAnotherEpoch(message, seedClient)) return true;
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.Sync || decoding.readVarUint(decoder) !== messageYjsSyncStep2) return false;
  decoding.readVarUint8Array(decoder);
  return decoding.hasContent(decoder) && decoding.readVarUint(decoder) !== seedClient;
}
