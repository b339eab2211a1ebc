// A PostgreSQL connection that drops in the middle of a transaction (PostgreSQL restarted, the
// backend terminated): the transaction fails, the server does not (an 'error' event on a client
// checked out of the pool has no listener of the pool's), and the next transaction gets a working
// connection.
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from './Database';
import { throwawayDatabase, type ThrowawayDatabase } from '../testing/realPostgres';

const db = await throwawayDatabase();

describe.skipIf('skip' in db)('a connection lost inside a transaction', () => {
  let store: Database | null = null;
  afterAll(async () => {
    await store?.close();
    await (db as ThrowawayDatabase).drop?.();
  });

  it('fails that transaction, ends nothing else, and the pool goes on with a fresh connection', async () => {
    const logged: string[] = [];
    store = await openPostgres((db as ThrowawayDatabase).url, (line) => logged.push(line));
    const uncaught: Error[] = [];
    const hear = (err: Error) => uncaught.push(err);
    process.on('uncaughtException', hear);
    try {
      const failed = store.transaction(async (tx) => {
        const [{ pid }] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // Another connection ends this one while the transaction is between two statements.
        await store!.query('SELECT pg_terminate_backend($1)', [pid]);
        await new Promise((r) => setTimeout(r, 300));
        await tx.query('SELECT 1');
      });
      await expect(failed).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
      expect(logged.some((l) => /connection lost in a transaction/.test(l))).toBe(true);
      // The broken connection was not given back: every later transaction works.
      for (let i = 0; i < 12; i++) expect(await store.transaction((tx) => tx.query<{ n: number }>('SELECT 1 AS n'))).toEqual([{ n: 1 }]);
    } finally {
      process.off('uncaughtException', hear);
    }
  });
});
