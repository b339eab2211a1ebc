// A story's live-document epochs (migration 007): at most one open per story. The open one takes
// appends; closing it (approval, correction, a restored version) happens in the step's own
// transaction, under the same row lock every append checks, so no update lands after the step.
import type { Queryable } from '../db/Database';

export interface Epoch {
  epoch: number;
  closed: boolean;
}

/** The story's latest epoch, or null when it never had a live document. `lock`: FOR UPDATE (appends wait). */
export async function latestEpoch(db: Queryable, articleId: string, lock = false): Promise<Epoch | null> {
  const [row] = await db.query<Epoch>(`SELECT epoch, closed FROM collab_epochs WHERE article_id = $1 ORDER BY epoch DESC LIMIT 1${lock ? ' FOR UPDATE' : ''}`, [articleId]);
  return row ?? null;
}

/** The epoch a client connecting now joins: the open one, or the next one to start. */
export function joiningEpoch(latest: Epoch | null): number {
  if (!latest) return 1;
  return latest.closed ? latest.epoch + 1 : latest.epoch;
}

/** Starts epoch `epoch`; false when it exists already (another load started it first). */
export async function startEpoch(db: Queryable, articleId: string, epoch: number): Promise<boolean> {
  const rows = await db.query('INSERT INTO collab_epochs (article_id, epoch) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING epoch', [articleId, epoch]);
  return rows.length === 1;
}

/** Closes the open epoch, if any (in the caller's transaction). Returns the epoch closed. */
export async function closeEpoch(db: Queryable, articleId: string, now: Date): Promise<number | null> {
  const [row] = await db.query<{ epoch: number }>('UPDATE collab_epochs SET closed = true, closed_at = $2 WHERE article_id = $1 AND NOT closed RETURNING epoch', [articleId, now]);
  return row?.epoch ?? null;
}
