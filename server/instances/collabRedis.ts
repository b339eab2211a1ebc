// Hocuspocus's Redis extension between instances (document updates and awareness), with one guard
// of ours: two instances may hold different epochs of one story for a moment (a step on one, its
// signal on its way to the other), under the same document name and so the same Redis channel.
// A replica of another epoch must not be synced into this one (its whole text would be added
// again), so its SyncStep1 is dropped here, as a client's is in CollabServer, and so is a change
// marked with another epoch (otherEpoch.ts). Without a SyncStep1 no SyncStep2 is ever asked of
// either side. Changes travel as they are, not as the extension's state-vector exchange
// (relayChanges.ts).
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { relayChanges } from './relayChanges';
import { redisClient } from './redisClient';

/** The transaction origin the extension applies relayed updates with (not a client: not appended here). */
export const RELAYED_ORIGIN = '__hocuspocus__redis__origin__';

type Incoming = (channel: Buffer, data: Buffer) => Promise<void>;

export interface CollabRedisOptions {
  url: string;
  /** This instance's id (the extension skips its own messages by it). */
  identifier: string;
  /** Sees each message from another instance (Hocuspocus's format: document name first). */
  accepts: (message: Uint8Array) => boolean;
  /** A loaded document's epoch seed client, marked on the changes it relays (relayChanges.ts). */
  seedOf: (document: Document) => number | null;
  resyncMs?: number;
  log?: (line: string) => void;
}

export function collabRedis({ url, identifier, accepts, seedOf, resyncMs, log }: CollabRedisOptions): RedisExtension {
  const extension = new RedisExtension({ createClient: () => redisClient(url), identifier, prefix: 'copydesk:doc' });
  if (extension.redisTransactionOrigin !== RELAYED_ORIGIN) throw new Error('@hocuspocus/extension-redis changed its relay origin');
  for (const client of [extension.pub, extension.sub]) client.on('error', (err: Error) => log?.(`redis: ${err.message}`));
  // Its store lock is not needed: our store copies what PostgreSQL holds into the article row
  // (idempotent, under the row's lock), and an instance refused the lock has Hocuspocus print an
  // error on every debounce.
  extension.onStoreDocument = async () => undefined;
  extension.afterStoreDocument = async () => undefined;
  const relay = relayChanges(extension, seedOf, resyncMs);
  // The extension listens with a private handler: it is swapped for one that asks `accepts` first.
  const own = (extension as unknown as { handleIncomingMessage: Incoming }).handleIncomingMessage;
  extension.sub.off('messageBuffer', own);
  extension.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
    const message = data.subarray(data[0] + 1); // after the sender's identifier
    let ok: boolean;
    try {
      ok = accepts(message);
    } catch {
      ok = false; // unreadable: not applied
    }
    // One message that fails to apply must not end every instance at once (an unhandled rejection).
    if (!ok) return;
    Promise.resolve(own(channel, data)).then(
      () => relay.applied(decoding.readVarString(decoding.createDecoder(message))),
      (err: unknown) => log?.(`a relayed change from Redis failed to apply: ${(err as Error).message}`),
    );
  });
  guardPublishes(extension, log);
  // Its onDestroy quits the publishing connection through Redlock, which rejects when that
  // connection closes under a write still queued ("Connection is closed."): the graceful stop then
  // failed with exit code 1 (1 rolling restart in 10 here). Closing is what was wanted, so that is
  // logged, and both connections are let go.
  const destroy = extension.onDestroy.bind(extension);
  extension.onDestroy = async () => {
    relay.close();
    try {
      await destroy();
    } catch (err) {
      log?.(`redis: closing: ${(err as Error).message}`);
      extension.pub.disconnect(false);
      extension.sub.disconnect(false);
    }
  };
  resyncAfterReconnect(extension, log);
  return extension;
}

type Publish = (channel: string, message: Buffer) => Promise<number>;

/**
 * The extension leaves some publishes' promises to themselves (its replies to other instances, its
 * first sync step after a load, and Hocuspocus does not wait for its onChange). One that failed as
 * the instance closed (the extension quits its connection with the command still queued) ended a
 * gracefully stopping process with exit code 1, its stores unfinished. A publish is the relay's
 * best effort (Redis keeps no message; the state-vector exchange on the next change or on
 * reconnection mends what one missed), so a failed one is logged and counts as heard by nobody.
 */
function guardPublishes(extension: RedisExtension, log?: (line: string) => void): void {
  const pub = extension.pub as unknown as { publish: Publish };
  const publish = pub.publish.bind(pub);
  pub.publish = (channel, message) =>
    publish(channel, message).catch((err: Error) => {
      log?.(`redis: a document message was not published: ${err.message}`);
      return 0;
    });
}

/**
 * Redis keeps no messages: what one instance published while the other's subscription was away
 * (Redis restarting, a connection lost) never reaches it. The extension exchanges state vectors on
 * every change, so the next edit would mend it, but a story nobody types in after the outage would
 * stay apart. So once the subscription is back (ioredis resubscribes after 'ready'; a PING on the
 * same connection answers after that), each loaded document sends its state vector again and the
 * other instances answer with what it lacks, and ask for what they lack (SyncStep1 → SyncStep2 and
 * SyncStep1 back). Sent by every instance whose subscription returns: the last to return reaches
 * the others.
 */
function resyncAfterReconnect(extension: RedisExtension, log?: (line: string) => void): void {
  const sub = extension.sub as unknown as { on(event: 'ready', fn: () => void): void; ping(): Promise<unknown> };
  const own = extension as unknown as {
    instance?: { documents: Map<string, unknown> };
    publishFirstSyncStep(name: string, document: unknown): Promise<unknown>;
    requestAwarenessFromOtherInstances(name: string): Promise<unknown>;
  };
  let connectedBefore = false;
  sub.on('ready', () => {
    if (!connectedBefore) return void (connectedBefore = true);
    setImmediate(() => {
      sub.ping().then(
        () => {
          const documents = [...(own.instance?.documents ?? new Map<string, unknown>())];
          log?.(`redis: back; ${documents.length} live documents synced again with the other instances`);
          for (const [name, document] of documents) {
            own.publishFirstSyncStep(name, document).catch(() => undefined);
            own.requestAwarenessFromOtherInstances(name).catch(() => undefined);
          }
        },
        (err: Error) => log?.(`redis: back, but not answering: ${err.message}`),
      );
    });
  });
}
