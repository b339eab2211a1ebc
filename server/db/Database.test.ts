// The real PostgreSQL dropping the server's idle connections (a restart, an admin's terminate):
// the server logs it and its next query runs on a new connection, instead of dying of an
// unhandled 'error' event.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgres } from './Database';
import { postgresStore, type TestStore } from '../testing/bothDatabases';

const store = await postgresStore();
describe.skipIf('skip' in store)('a PostgreSQL that drops its connections', () => {
  const s = store as TestStore;
  afterAll(() => s.dispose());

  it('is logged, and the next query still answers', async () => {
    const lines: string[] = [];
    const db = await openPostgres(s.url!, (line) => lines.push(line));
    try {
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      const other = new pg.Client({ connectionString: s.url! });
      await other.connect();
      await other.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      await other.end();
      await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(lines[0]).toMatch(/^database connection lost: /);
      expect(await db.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    } finally {
      await db.close();
    }
  });
});
