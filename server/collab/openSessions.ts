// Which of these sessions are still open: not revoked, not expired, their person active (the same
// test LiveHub applies to its streams).
import type { Queryable } from '../db/Database';

export async function openSessions(db: Queryable, ids: readonly string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    'SELECT s.id FROM sessions s JOIN people p ON p.id = s.person_id WHERE s.id = ANY($1) AND s.revoked_at IS NULL AND s.expires_at > $2 AND p.active',
    [[...new Set(ids)], now],
  );
  return new Set(rows.map((r) => r.id));
}
