// Hocuspocus's Redis extension between instances (document updates and awareness), with one guard
// of ours: two instances may hold different epochs of one story for a moment (a step on one, its
// signal on its way to the other), under the same document name and so the same Redis channel.
// The extension syncs by exchanging state vectors; a replica of another epoch must not be synced
// into this one (its whole text would be added again), so its SyncStep1 is dropped here, as a
// client's is in CollabServer (otherEpoch.ts). Without a SyncStep1 no SyncStep2 is ever asked of
// either side.
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { redisClient } from './redisClient';

/** The transaction origin the extension applies relayed updates with (not a client: not appended here). */
export const RELAYED_ORIGIN = '__hocuspocus__redis__origin__';

type Incoming = (channel: Buffer, data: Buffer) => Promise<void>;

/** `accepts` sees each message from another instance (Hocuspocus's format: document name first). */
export function collabRedis(url: string, identifier: string, accepts: (message: Uint8Array) => boolean, log?: (line: string) => void): RedisExtension {
  const extension = new RedisExtension({ createClient: () => redisClient(url), identifier, prefix: 'copydesk:doc' });
  if (extension.redisTransactionOrigin !== RELAYED_ORIGIN) throw new Error('@hocuspocus/extension-redis changed its relay origin');
  for (const client of [extension.pub, extension.sub]) client.on('error', (err: Error) => log?.(`redis: ${err.message}`));
  // Its store lock is not needed: our store copies what PostgreSQL holds into the article row
  // (idempotent, under the row's lock), and an instance refused the lock has Hocuspocus print an
  // error on every debounce.
  extension.onStoreDocument = async () => undefined;
  extension.afterStoreDocument = async () => undefined;
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
    if (ok) void own(channel, data);
  });
  return extension;
}
