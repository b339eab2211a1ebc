// Failed sign-ins are counted in PostgreSQL (so every instance counts the same ones): too many for
// one login, or from one address, within the window and sign-in is refused until the oldest of
// them leaves it. A correct password while refused is refused too, so guessing gains nothing.
import { ApiError } from '../../shared/contract/errors';
import type { Queryable } from '../db/Database';

export const THROTTLE = { windowMs: 15 * 60_000, perLogin: 5, perAddress: 50 };

async function oldestOfLast(db: Queryable, column: 'login' | 'address', value: string, count: number, since: Date): Promise<Date | null> {
  const rows = await db.query<{ at: Date }>(`SELECT at FROM login_failures WHERE ${column} = $1 AND at > $2 ORDER BY at DESC LIMIT $3`, [value, since, count]);
  return rows.length >= count ? new Date(rows[rows.length - 1].at) : null;
}

/** Throws `tooManyAttempts` (with `retryAfterSeconds`) while the login or the address is held back. */
export async function checkThrottle(db: Queryable, login: string, address: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const held = [await oldestOfLast(db, 'login', login, THROTTLE.perLogin, since), await oldestOfLast(db, 'address', address, THROTTLE.perAddress, since)].filter((d): d is Date => d !== null);
  if (!held.length) return;
  const until = Math.max(...held.map((d) => d.getTime() + THROTTLE.windowMs));
  throw new ApiError('tooManyAttempts', `too many failed sign-ins for ${login}`, { retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) });
}

export async function recordFailure(db: Queryable, login: string, address: string, now: Date): Promise<void> {
  await db.query('INSERT INTO login_failures (login, address, at) VALUES ($1, $2, $3)', [login, address, now]);
  // Keeps the table small: what left the window no longer counts.
  await db.query('DELETE FROM login_failures WHERE at < $1', [new Date(now.getTime() - THROTTLE.windowMs)]);
}

export async function clearFailures(db: Queryable, login: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE login = $1', [login]);
}
