// The first admin: while the newsroom has no one, each start prints a new one-time code; the first
// person made with it is the admin and the code is gone. A code works while the instance that
// printed it runs (several instances each print one, and any of them works); its stop withdraws
// it, and a start drops codes older than a day (an instance that died could not withdraw its own).
// Only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/Database';

const hashOf = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

/** A new code when nobody exists yet, else null. Grouped by four for reading aloud: ABCD-EFGH-… */
export async function issueSetupCode(db: Queryable): Promise<string | null> {
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM people');
  if (n > 0) {
    await db.query('DELETE FROM setup_codes');
    return null;
  }
  const code = (randomBytes(10).toString('hex').toUpperCase().match(/.{4}/g) ?? []).join('-');
  await db.query(`DELETE FROM setup_codes WHERE created_at < now() - interval '1 day'`);
  await db.query('INSERT INTO setup_codes (code_hash) VALUES ($1)', [hashOf(code)]);
  return code;
}

/** At the stop of the instance that printed it: the code stops working. */
export async function withdrawSetupCode(db: Queryable, code: string): Promise<void> {
  await db.query('DELETE FROM setup_codes WHERE code_hash = $1', [hashOf(code)]);
}

/** Consumes the code inside the caller's transaction: true once, while nobody exists yet. */
export async function consumeSetupCode(tx: Queryable, code: string): Promise<boolean> {
  const used = await tx.query(`DELETE FROM setup_codes WHERE code_hash = $1 AND created_at >= now() - interval '1 day' RETURNING code_hash`, [hashOf(code)]);
  if (!used.length) return false;
  const [{ n }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM people');
  return n === 0;
}
