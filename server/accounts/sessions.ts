// Sessions live in PostgreSQL, so every server instance sees a sign-in, an expiry and a
// revocation at once. The client holds a random token; the table keeps only its SHA-256, so a
// copy of the database opens no one's session.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/Database';
import { accountOf, type PersonRow } from './peopleTable';
import type { Account } from './accountSchemas';

/** A session ends this long after sign-in, used or not: a working week. */
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

/** Ended sessions are kept this long (who signed in from where), then removed at the next sign-in. */
const KEEP_ENDED_MS = 30 * 24 * 3600 * 1000;

/** last_seen_at is written at most this often per session, not on every request. */
const SEEN_EVERY_MS = 60_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string;
  current: boolean;
}

export async function createSession(db: Queryable, personId: string, now: Date, userAgent: string, ttlMs = SESSION_TTL_MS): Promise<{ token: string; id: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expires = new Date(now.getTime() + ttlMs);
  await db.query('DELETE FROM sessions WHERE expires_at < $1', [new Date(now.getTime() - KEEP_ENDED_MS)]);
  await db.query('INSERT INTO sessions (id, token_hash, person_id, created_at, last_seen_at, expires_at, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6)', [id, hashOf(token), personId, now, expires, userAgent.slice(0, 300)]);
  return { token, id, expiresAt: expires.toISOString() };
}

/** The session a token opens and its person, or null: unknown, expired, revoked, or the person deactivated. */
export async function sessionFor(db: Queryable, token: string, now: Date): Promise<{ sessionId: string; person: Account } | null> {
  const [row] = await db.query<PersonRow & { session_id: string; last_seen_at: Date }>(
    `SELECT p.*, s.id AS session_id, s.last_seen_at FROM sessions s JOIN people p ON p.id = s.person_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND p.active`,
    [hashOf(token), now],
  );
  if (!row) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > SEEN_EVERY_MS) await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [row.session_id, now]);
  return { sessionId: row.session_id, person: accountOf(row) };
}

export async function listSessions(db: Queryable, personId: string, now: Date, currentId: string): Promise<SessionInfo[]> {
  const rows = await db.query<{ id: string; created_at: Date; last_seen_at: Date; expires_at: Date; user_agent: string }>(
    'SELECT id, created_at, last_seen_at, expires_at, user_agent FROM sessions WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at DESC',
    [personId, now],
  );
  const iso = (d: Date) => new Date(d).toISOString();
  return rows.map((r) => ({ id: r.id, createdAt: iso(r.created_at), lastSeenAt: iso(r.last_seen_at), expiresAt: iso(r.expires_at), userAgent: r.user_agent, current: r.id === currentId }));
}

/** Revokes one session, only among `personId`'s own (null: anyone's, for admins). True when one was open. */
export async function revokeSession(db: Queryable, id: string, personId: string | null, now: Date): Promise<boolean> {
  const rows = await db.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL AND ($3::text IS NULL OR person_id = $3) RETURNING id', [id, now, personId]);
  return rows.length > 0;
}

/** Ends every session of a person (deactivated, or a new password), but `except` when given. */
export async function revokeAllSessions(db: Queryable, personId: string, now: Date, except: string | null = null): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE person_id = $1 AND revoked_at IS NULL AND ($3::text IS NULL OR id <> $3)', [personId, now, except]);
}
