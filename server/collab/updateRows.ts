// The appended Yjs updates of a story's epoch (migration 007). Rows are only ever added, or merged
// into one by compaction under the epoch's row lock: never replaced from a server's memory.
import * as Y from 'yjs';
import type { Database, Queryable } from '../db/Database';

export interface PendingUpdate {
  articleId: string;
  epoch: number;
  update: Uint8Array;
  /** null: the server itself (the epoch's first update, made from the article's JSON). */
  personId: string | null;
}

/** The Yjs client ids an update carries (its structs and its deletions), for attribution. */
export function clientIdsOf(update: Uint8Array): number[] {
  const decoded = Y.decodeUpdate(update);
  return [...new Set([...decoded.structs.map((s) => s.id.client), ...decoded.ds.clients.keys()])];
}

/** The epoch's stored state as one update, or null when it has no rows. */
export async function storedState(db: Queryable, articleId: string, epoch: number): Promise<Uint8Array | null> {
  const rows = await db.query<{ update: Uint8Array }>('SELECT update FROM collab_updates WHERE article_id = $1 AND epoch = $2 ORDER BY seq', [articleId, epoch]);
  if (rows.length === 0) return null;
  return rows.length === 1 ? rows[0].update : Y.mergeUpdates(rows.map((r) => r.update));
}

/** Inserts the updates (one statement) and who each client id belongs to. */
export async function insertUpdates(tx: Queryable, updates: readonly PendingUpdate[], now: Date): Promise<void> {
  if (updates.length === 0) return;
  const params: unknown[] = [];
  const values = updates.map((u) => {
    params.push(u.articleId, u.epoch, Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength), u.personId, clientIdsOf(u.update), now);
    const n = params.length;
    return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::bigint[], $${n})`;
  });
  await tx.query(`INSERT INTO collab_updates (article_id, epoch, update, person_id, client_ids, created_at) VALUES ${values.join(', ')}`, params);
  const authors = updates.flatMap((u) => (u.personId ? clientIdsOf(u.update).map((c) => [u.articleId, u.epoch, c, u.personId] as const) : []));
  if (authors.length === 0) return;
  const authorParams: unknown[] = [];
  const authorValues = authors.map((a) => {
    authorParams.push(...a, now);
    const n = authorParams.length;
    return `($${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
  });
  await tx.query(`INSERT INTO collab_authors (article_id, epoch, client_id, person_id, first_seen) VALUES ${authorValues.join(', ')} ON CONFLICT DO NOTHING`, authorParams);
}

/** How many rows the epoch has (compaction starts above a threshold). */
export async function countUpdates(db: Queryable, articleId: string, epoch: number): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM collab_updates WHERE article_id = $1 AND epoch = $2', [articleId, epoch]);
  return row.n;
}

/**
 * Merges the epoch's rows into its first one, under the epoch row's lock (appends to the epoch
 * wait; a closed epoch is left as it is). Attribution is kept in collab_authors.
 */
export async function compactEpoch(db: Database, articleId: string, epoch: number): Promise<number> {
  // Read and merged with no lock held (rows are only added, or replaced by a compaction, checked
  // for below): a lock held through the merge would hold up every story's appends, which wait
  // for it in one group commit (the load run's propagation grew with each story's history).
  const rows = await db.query<{ seq: string; update: Uint8Array; client_ids: string[] }>('SELECT seq, update, client_ids FROM collab_updates WHERE article_id = $1 AND epoch = $2 ORDER BY seq', [articleId, epoch]);
  if (rows.length < 2) return 0;
  const merged = Y.mergeUpdates(rows.map((r) => r.update));
  const clients = [...new Set(rows.flatMap((r) => r.client_ids.map(Number)))];
  const first = rows[0].seq;
  const last = rows[rows.length - 1].seq;
  return db.transaction(async (tx) => {
    // FOR UPDATE: compactions of one epoch (on any instance) take turns, and a step's close waits.
    const [locked] = await tx.query<{ closed: boolean }>('SELECT closed FROM collab_epochs WHERE article_id = $1 AND epoch = $2 FOR UPDATE', [articleId, epoch]);
    if (!locked || locked.closed) return 0;
    // Rows up to the last one read are exactly those read, or another compaction merged some of
    // them meanwhile (this merge is then of rows gone: dropped), or an append that committed late
    // landed among them (not in this merge: dropped too, the next compaction takes it).
    const [still] = await tx.query<{ n: number; first: string | null }>('SELECT count(*)::int AS n, min(seq)::text AS first FROM collab_updates WHERE article_id = $1 AND epoch = $2 AND seq <= $3', [articleId, epoch, last]);
    if (still.n !== rows.length || String(still.first) !== String(first)) return 0;
    await tx.query('UPDATE collab_updates SET update = $2, person_id = NULL, client_ids = $3::bigint[] WHERE seq = $1', [first, merged, clients]);
    // Rows appended since the read stay for the next compaction.
    await tx.query('DELETE FROM collab_updates WHERE article_id = $1 AND epoch = $2 AND seq > $3 AND seq <= $4', [articleId, epoch, first, last]);
    return rows.length - 1;
  });
}
