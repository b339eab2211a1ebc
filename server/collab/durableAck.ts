// Makes Hocuspocus's acknowledgement mean "stored". Hocuspocus sends a client its SyncStatus right
// after applying an update in memory (MessageReceiver.ts); here that one message of a connection
// waits until the append of every update the connection sent before it has committed, keeping the
// acks in order. Everything else (other people's updates, awareness) goes out at once. When an
// append fails the ack is never sent: the client keeps the change as unsynced and sends it again.
import type { Connection } from '@hocuspocus/server';
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';

interface Gate {
  /** Settles when every update this connection sent so far is stored; rejects once one failed. */
  stored: Promise<void>;
  /** The acks waiting, in order. */
  acks: Promise<void>;
}

const gates = new WeakMap<Connection, Gate>();

function isSyncStatus(message: unknown): boolean {
  if (!(message instanceof Uint8Array)) return false;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === MessageType.SyncStatus;
  } catch {
    return false;
  }
}

/** Wraps the connection's send once (before its first message is handled). */
export function gateAcks(connection: Connection): void {
  if (gates.has(connection)) return;
  const gate: Gate = { stored: Promise.resolve(), acks: Promise.resolve() };
  gates.set(connection, gate);
  const send = connection.send.bind(connection);
  connection.send = (message: unknown) => {
    if (!isSyncStatus(message)) return send(message);
    const stored = gate.stored;
    // After a failed append no later ack goes out either (`stored` stays rejected).
    gate.acks = gate.acks
      .then(() => stored)
      .then(() => send(message))
      .catch(() => undefined);
  };
}

/** Whether this connection's messages pass through a gate (a client connection). */
export function isGated(origin: unknown): origin is Connection {
  return gates.has(origin as Connection);
}

/** The connection's next acks wait for `append` (and for everything before it). */
export function awaitStored(connection: Connection, append: Promise<void>): void {
  // A refusal handed in for a connection already gone must not go unhandled (that ends the process).
  append.catch(() => undefined);
  const gate = gates.get(connection);
  if (!gate) return;
  gate.stored = gate.stored.then(() => append);
  // The rejection is handled where the append is made; this copy must not be reported as unhandled.
  gate.stored.catch(() => undefined);
}
