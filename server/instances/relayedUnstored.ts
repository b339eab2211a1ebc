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
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Queryable } from '../db/Database';

export function isSyncStep2(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    return (type === MessageType.Sync || type === MessageType.SyncReply) && decoding.readVarUint(decoder) === messageYjsSyncStep2;
  } catch {
    return false;
  }
}

/** How long relayed content may stay unstored while its own instance may still be storing or refusing it. */
export const RELAYED_GRACE_MS = 2000;
/** The first recheck; each next one waits twice as long, up to the last. */
const RECHECK_MS = [50, 100, 200, 400];

/**
 * What `memory` (a whole state, taken before the client's message is applied) holds that the
 * epoch's stored rows still do not after `graceMs` (checked again meanwhile; in the ordinary case
 * it is stored within milliseconds); null when nothing, or when `gone()` says the document was
 * replaced meanwhile (its epoch ended).
 */
export async function unstoredPart(db: Queryable, articleId: string, epoch: number, memory: Uint8Array, graceMs = 0, gone: () => boolean = () => false): Promise<Uint8Array | null> {
  const until = Date.now() + graceMs;
  const stored = new StoredSoFar(articleId, epoch);
  try {
    for (let i = 0; ; i += 1) {
      const part = await stored.beyond(db, memory);
      if (!part || gone() || Date.now() >= until) return gone() ? null : part;
      await new Promise((resolve) => setTimeout(resolve, RECHECK_MS[Math.min(i, RECHECK_MS.length - 1)]));
    }
  } finally {
    stored.destroy();
  }
}

/**
 * The epoch's stored rows as one document, caught up on each check with the rows above the last
 * seq seen: after an instance died every client that comes back runs this check, and a story's
 * whole stored history merged again on every recheck held up the instance they came back to (100
 * clients: 16 s before the last was back). A row that commits late below a seq seen is missed
 * here; the worst that does is store its content once more, which Yjs ignores.
 */
class StoredSoFar {
  private readonly doc = new Y.Doc({ gc: false });
  private seq = '0';

  constructor(
    private readonly articleId: string,
    private readonly epoch: number,
  ) {}

  async beyond(db: Queryable, memory: Uint8Array): Promise<Uint8Array | null> {
    const rows = await db.query<{ seq: string; update: Uint8Array }>('SELECT seq::text AS seq, update FROM collab_updates WHERE article_id = $1 AND epoch = $2 AND seq > $3 ORDER BY seq', [this.articleId, this.epoch, this.seq]);
    if (rows.length > 0) {
      Y.applyUpdate(this.doc, rows.length === 1 ? rows[0].update : Y.mergeUpdates(rows.map((r) => r.update)));
      this.seq = rows[rows.length - 1].seq;
    }
    const beyond = Y.diffUpdate(memory, Y.encodeStateVector(this.doc));
    return Y.snapshotContainsUpdate(Y.snapshot(this.doc), beyond) ? null : beyond;
  }

  destroy(): void {
    this.doc.destroy();
  }
}
