// People in PostgreSQL: rows to the app's Person model and back. People are never deleted, so
// history keeps their names; an inactive person keeps the row and loses the right to sign in.
import type { Queryable } from '../db/Database';
import type { Account } from './accountSchemas';

export interface PersonRow {
  id: string;
  login: string;
  name: string;
  role: 'reporter' | 'editor' | 'admin';
  desk: string;
  email: string;
  byline_name: string;
  byline_role: string;
  active: boolean;
  password_hash: string | null;
}

export function accountOf(row: PersonRow): Account {
  return { id: row.id, login: row.login, name: row.name, role: row.role, desk: row.desk, email: row.email, bylineName: row.byline_name, bylineRole: row.byline_role, active: row.active };
}

export async function personByLogin(db: Queryable, login: string): Promise<PersonRow | null> {
  const [row] = await db.query<PersonRow>('SELECT * FROM people WHERE login = $1', [login]);
  return row ?? null;
}

export async function personById(db: Queryable, id: string): Promise<PersonRow | null> {
  const [row] = await db.query<PersonRow>('SELECT * FROM people WHERE id = $1', [id]);
  return row ?? null;
}

/** `passwordHash` null: an account that cannot sign in until an admin sets its password (resetPassword). */
export async function insertPerson(db: Queryable, account: Account, passwordHash: string | null, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO people (id, login, name, role, desk, email, byline_name, byline_role, active, password_hash, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
    [account.id, account.login, account.name, account.role, account.desk, account.email, account.bylineName, account.bylineRole, account.active, passwordHash, now],
  );
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM people WHERE role = 'admin' AND active");
  return row.n;
}
