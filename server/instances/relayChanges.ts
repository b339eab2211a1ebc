// How a change reaches the other instances. Hocuspocus's Redis extension answers every local
// change by publishing the document's state vector; every other instance replies with its diff
// against it and its own state vector, and the first replies with its diff in turn. Yjs encodes
// every diff with the document's whole delete set, and applying one walks it: per keystroke, four
// messages, two trips through Redis before anyone saw the keystroke, and work that grew with each
// story's history of typing and deleting (the 10-minute load run's propagation p95 grew past its
// target while the 90-second run met it by far; a profile had an instance spend 40% of its time
// there). So the change itself is published, as a SyncStep2 the extension applies with its relay
// origin, marked with its epoch (otherEpoch.ts).
// Redis keeps no message, and the exchange of state vectors was also what mended a lost one. It
// still runs: at once (at most once a second) when a relayed change cannot be applied for one
// missing before it (Yjs keeps it pending), and RESYNC_MS after a document changed, so that a
// change lost in between arrives. (After Redis itself was away, collabRedis.ts syncs every
// document again.)
import { MessageType, type Document } from '@hocuspocus/server';
import type { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { markedWithEpoch } from '../collab/otherEpoch';

/** A changed document's state vectors are exchanged this long after its first change since the last exchange. */
export const RESYNC_MS = 30_000;
/** A gap (a relayed change waiting for one before it) asks for a sync at most this often per document. */
const GAP_SYNC_MS = 1000;

interface Extension {
  instance?: { documents: Map<string, Document> };
  pub: { publish(channel: string, message: Buffer): Promise<number> };
  pubKey(name: string): string;
  encodeMessage(message: Uint8Array): Buffer;
  publishFirstSyncStep(name: string, document: Document): Promise<unknown>;
}

export interface ChangeRelay {
  /** After a relayed message was applied to `name`: a sync if it left a gap. */
  applied(name: string): void;
  close(): void;
}

/** `seedOf`: the epoch's seed client of a loaded document (null: unmarked). */
export function relayChanges(extension: RedisExtension, seedOf: (document: Document) => number | null, resyncMs = RESYNC_MS): ChangeRelay {
  const own = extension as unknown as Extension;
  const later = new Map<string, NodeJS.Timeout>();
  const gapSynced = new Map<string, number>();
  const sync = (name: string) => {
    const document = own.instance?.documents.get(name);
    if (document) void own.publishFirstSyncStep(name, document).catch(() => undefined);
  };
  extension.onChange = async ({ documentName, document, update, transactionOrigin }) => {
    // The origin the extension applies relayed changes with: those came from another instance.
    if (transactionOrigin === extension.redisTransactionOrigin) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
    const seed = seedOf(document);
    const message = seed === null ? encoding.toUint8Array(encoder) : markedWithEpoch(encoding.toUint8Array(encoder), seed);
    if (!later.has(documentName)) {
      const timer = setTimeout(() => {
        later.delete(documentName);
        sync(documentName);
      }, resyncMs);
      timer.unref();
      later.set(documentName, timer);
    }
    await own.pub.publish(own.pubKey(documentName), own.encodeMessage(message));
  };
  return {
    applied(name) {
      const store = own.instance?.documents.get(name)?.store;
      if (!store || (store.pendingStructs === null && store.pendingDs === null)) {
        gapSynced.delete(name);
        return;
      }
      const now = Date.now();
      if (now - (gapSynced.get(name) ?? 0) < GAP_SYNC_MS) return;
      gapSynced.set(name, now);
      sync(name);
    },
    close() {
      for (const timer of later.values()) clearTimeout(timer);
      later.clear();
      gapSynced.clear();
    },
  };
}
