// Which of these sessions are still open (not revoked, not expired, their person active), with
// their person as they are now (the same test LiveHub applies to its streams).
import type { Person } from '../../shared/model/person';
import type { Queryable } from '../db/Database';
import { accountOf, type PersonRow } from '../accounts/peopleTable';

export async function openSessions(db: Queryable, ids: readonly string[], now: Date): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; row: PersonRow }>(
    'SELECT s.id, row_to_json(p.*) AS row FROM sessions s JOIN people p ON p.id = s.person_id WHERE s.id = ANY($1) AND s.revoked_at IS NULL AND s.expires_at > $2 AND p.active',
    [[...new Set(ids)], now],
  );
  return new Map(
    rows.map((r) => {
      const { login: _login, ...person } = accountOf(r.row);
      return [r.id, person];
    }),
  );
}
