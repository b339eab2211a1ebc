// Which messages bring another epoch into a live document: a state vector without the epoch's
// seed client, or a relayed change marked with another seed client.
import { MessageType } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isRelayOfAnotherEpoch, isReplicaOfAnotherEpoch, markedWithEpoch } from './otherEpoch';

function syncMessage(step: 0 | 1, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, 'story');
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function docOf(client: number, text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = client;
  doc.getText('t').insert(0, text);
  return doc;
}

describe('another epoch in a message', () => {
  const seed = 101;
  const ours = docOf(seed, 'seeded');
  const theirs = docOf(202, 'an older epoch');

  it('knows a state vector of another epoch, and lets an empty one and its own through', () => {
    expect(isReplicaOfAnotherEpoch(syncMessage(0, Y.encodeStateVector(theirs)), seed)).toBe(true);
    expect(isReplicaOfAnotherEpoch(syncMessage(0, Y.encodeStateVector(ours)), seed)).toBe(false);
    expect(isReplicaOfAnotherEpoch(syncMessage(0, Y.encodeStateVector(new Y.Doc())), seed)).toBe(false);
  });

  it('knows a relayed change marked with another epoch, and lets its own and unmarked ones through', () => {
    const change = syncMessage(1, Y.encodeStateAsUpdate(theirs));
    expect(isRelayOfAnotherEpoch(markedWithEpoch(change, 202), seed)).toBe(true);
    expect(isRelayOfAnotherEpoch(markedWithEpoch(change, seed), seed)).toBe(false);
    expect(isRelayOfAnotherEpoch(change, seed)).toBe(false);
    // A document of no known seed (made before epochs had one) takes what comes.
    expect(isRelayOfAnotherEpoch(markedWithEpoch(change, 202), null)).toBe(false);
    expect(isRelayOfAnotherEpoch(syncMessage(0, Y.encodeStateVector(theirs)), seed)).toBe(true);
  });

  it('leaves the marked change readable as the update it carries', () => {
    const update = Y.encodeStateAsUpdate(ours);
    const marked = markedWithEpoch(syncMessage(1, update), seed);
    // Hocuspocus reads name, type, step and the update, and nothing after it.
    const decoderStart = syncMessage(1, update).length;
    expect(Buffer.from(marked.subarray(0, decoderStart)).equals(Buffer.from(syncMessage(1, update)))).toBe(true);
    expect(marked.length).toBeGreaterThan(decoderStart);
  });
});
