// Numbered migrations: each is applied once, in its own transaction, and recorded in
// `schema_migrations`; a failing one leaves the schema as the one before it. An advisory lock
// keeps two servers starting together on one PostgreSQL from applying the same step twice.
import type { Database } from './Database';
import { MIGRATIONS, type Migration } from './migrations';

/** Any fixed number; only servers of this project take it. */
const MIGRATION_LOCK = 7_310_515;

export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows.length) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** The schema's version: the highest migration applied (0 for an empty database). */
export async function schemaVersion(db: Database): Promise<number> {
  const [row] = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return row?.v ?? 0;
}
