// A story's live-document epochs (migration 007): at most one open per story. The open one takes
// appends; closing it (approval, correction, a restored version) happens in the step's own
// transaction, under the same row lock every append checks, so no update lands after the step.
import type { Queryable } from '../db/Database';

export interface Epoch {
  epoch: number;
  closed: boolean;
  /** The client id of the epoch's first update (the server's, from the article's JSON). */
  seedClient: number | null;
  /** The server has written the fields beside the body into this epoch (migration 008). */
  fieldsSeeded: boolean;
}

/** The story's latest epoch, or null when it never had a live document. `lock`: FOR UPDATE (appends wait). */
export async function latestEpoch(db: Queryable, articleId: string, lock = false): Promise<Epoch | null> {
  const [row] = await db.query<{ epoch: number; closed: boolean; seed_client: string | null; fields_seeded: boolean }>(`SELECT epoch, closed, seed_client, fields_seeded FROM collab_epochs WHERE article_id = $1 ORDER BY epoch DESC LIMIT 1${lock ? ' FOR UPDATE' : ''}`, [articleId]);
  return row ? { epoch: row.epoch, closed: row.closed, seedClient: row.seed_client === null ? null : Number(row.seed_client), fieldsSeeded: row.fields_seeded } : null;
}

/** The latest epoch of each story of `articleIds` that has one, by story (one query for every story loaded). */
export async function latestEpochs(db: Queryable, articleIds: readonly string[]): Promise<Map<string, { epoch: number; closed: boolean }>> {
  const rows = await db.query<{ article_id: string; epoch: number; closed: boolean }>('SELECT DISTINCT ON (article_id) article_id, epoch, closed FROM collab_epochs WHERE article_id = ANY($1) ORDER BY article_id, epoch DESC', [articleIds]);
  return new Map(rows.map((r) => [r.article_id, { epoch: r.epoch, closed: r.closed }]));
}

/** The epoch a client connecting now joins: the open one, or the next one to start. */
export function joiningEpoch(latest: Epoch | null): number {
  if (!latest) return 1;
  return latest.closed ? latest.epoch + 1 : latest.epoch;
}

/** Starts epoch `epoch` (or records the first update of an open one that has none), its first update made by `seedClient`, with the fields in it. */
export async function startEpoch(db: Queryable, articleId: string, epoch: number, seedClient: number | null): Promise<void> {
  await db.query('INSERT INTO collab_epochs (article_id, epoch, seed_client, fields_seeded) VALUES ($1, $2, $3, true) ON CONFLICT (article_id, epoch) DO UPDATE SET seed_client = EXCLUDED.seed_client, fields_seeded = true', [articleId, epoch, seedClient]);
}

/** Records that the server has written the fields into an epoch begun before they were live. */
export async function markFieldsSeeded(db: Queryable, articleId: string, epoch: number): Promise<void> {
  await db.query('UPDATE collab_epochs SET fields_seeded = true WHERE article_id = $1 AND epoch = $2', [articleId, epoch]);
}

/** Closes the open epoch, if any (only if it is `only`, when given), in the caller's transaction. Returns the epoch closed. */
export async function closeEpoch(db: Queryable, articleId: string, now: Date, only?: number): Promise<number | null> {
  const [row] = await db.query<{ epoch: number }>(`UPDATE collab_epochs SET closed = true, closed_at = $2 WHERE article_id = $1 AND NOT closed${only === undefined ? '' : ' AND epoch = $3'} RETURNING epoch`, only === undefined ? [articleId, now] : [articleId, now, only]);
  return row?.epoch ?? null;
}
