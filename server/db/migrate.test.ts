import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './Database';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { STORES, type TestStore } from '../testing/bothDatabases';

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`migrations on ${kind}`, () => {
    const s = store as TestStore;
    let db: Database;
    beforeAll(async () => {
      db = await s.open();
    });
    afterAll(async () => {
      await db?.close();
      await s.dispose();
    });

    it('applies every migration once, in order, and records each', async () => {
      expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
      // The tables part 1 needs are there.
      const tables = await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['people', 'sessions', 'setup_codes', 'login_failures', 'articles', 'versions', 'audit', 'photos', 'photo_chunks']));
    });

    it('rolls a failing migration back whole and does not record it', async () => {
      const broken = [...MIGRATIONS, { version: 9001, name: 'broken', sql: 'CREATE TABLE half_made (x int); SELECT no_such_function();' }];
      await expect(migrate(db, broken)).rejects.toThrow();
      expect(await schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
      const half = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_made'");
      expect(half).toEqual([]);
    });

    it('keeps what was written across a close and reopen', async () => {
      await db.query("INSERT INTO people (id, login, name, role) VALUES ('person-0001', 'kim', '김하늘', 'reporter')");
      await db.close();
      db = await s.reopen();
      expect(await migrate(db)).toEqual([]);
      expect(await db.query('SELECT name FROM people')).toEqual([{ name: '김하늘' }]);
    });
  });
}

it('numbers migrations 1, 2, 3… with no gap or repeat', () => {
  expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
});
