// The server's one store: PostgreSQL, either embedded (PGlite in the data folder) or a real
// server reached by URL. Both sit behind this small interface so every query, migration and test
// runs unchanged on either; `$1` parameters and PostgreSQL SQL throughout.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  /** One statement with `$n` parameters; its rows. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite in `dir`. It takes no lock of its own (pglite#1106): the caller must hold the data folder's lock. */
export async function openPglite(dir: string): Promise<Database> {
  const db = await PGlite.create({ dataDir: dir });
  return {
    kind: 'pglite',
    query: async (sql, params) => (await db.query(sql, params)).rows as never,
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (fn) => db.transaction((tx) => fn({ query: async (sql, params) => (await tx.query(sql, params)).rows as never, exec: async (sql) => void (await tx.exec(sql)) })),
    close: () => db.close(),
  };
}

/** A real PostgreSQL through a pool; `url` is a postgres:// connection string. */
export async function openPostgres(url: string, log: (line: string) => void = () => undefined): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that drops (PostgreSQL restarted) is an 'error' event: unhandled, it would
  // end the server; the pool replaces the connection on the next query instead.
  pool.on('error', (err) => log(`database connection lost: ${err.message}`));
  // Fails here, at start, when the server cannot be reached or the login is wrong.
  (await pool.connect()).release();
  const on = (client: pg.PoolClient | pg.Pool): Queryable => ({
    query: async (sql, params) => (await client.query(sql, params)).rows,
    exec: async (sql) => void (await client.query(sql)),
  });
  return {
    kind: 'postgres',
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A connection checked out of the pool has no 'error' listener of the pool's: one that drops
      // between two statements of the transaction (PostgreSQL restarted) would be an uncaught
      // 'error' and end the server. Heard here, the next statement fails and the transaction with it.
      let lost: Error | null = null;
      const onError = (err: Error) => {
        lost = err;
        log(`database connection lost in a transaction: ${err.message}`);
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', onError);
        // A broken connection is not given back for reuse (`release(err)` destroys it).
        client.release(lost ?? undefined);
      }
    },
    close: () => pool.end(),
  };
}
