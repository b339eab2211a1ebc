// A real PostgreSQL for the server's tests: the one COPYDESK_TEST_POSTGRES names, or Debian's
// cluster on this machine (started, and given a test role, when the tests run as root). Each test
// file gets a throwaway database of its own. Where none can be reached the caller skips, saying
// why; where one was named (COPYDESK_TEST_POSTGRES, set by .ci/run) or in CI (CI=true), a
// PostgreSQL that does not answer fails the run instead.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.COPYDESK_TEST_POSTGRES ?? 'postgres://copydesk_test:copydesk_test@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Debian's cluster, started, with the test role: only as root, only with the default URL. */
function startLocalCluster(): void {
  if (process.env.COPYDESK_TEST_POSTGRES || process.getuid?.() !== 0) return;
  const run = (cmd: string, args: string[]) => {
    try {
      execFileSync(cmd, args, { stdio: 'ignore', timeout: 30_000 });
    } catch {
      /* already running, already there, or not installed: the next connection says which */
    }
  };
  run('pg_ctlcluster', ['15', 'main', 'start']);
  run('runuser', ['-u', 'postgres', '--', 'psql', '-c', "CREATE ROLE copydesk_test LOGIN CREATEDB PASSWORD 'copydesk_test'"]);
}

let found: Promise<string | null> | null = null;

/** Null when PostgreSQL answers, else why not. */
function findPostgres(): Promise<string | null> {
  found ??= (async () => {
    if ((await reachable(ADMIN_URL)) === null) return null;
    startLocalCluster();
    const why = await reachable(ADMIN_URL);
    return why && `no PostgreSQL at ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')} (${why}); set COPYDESK_TEST_POSTGRES to a role that may create databases`;
  })();
  return found;
}

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database, or the reason there is none (printed; fatal in CI). */
export async function throwawayDatabase(): Promise<ThrowawayDatabase | { skip: string }> {
  const why = await findPostgres();
  if (why) {
    if (process.env.CI || process.env.COPYDESK_TEST_POSTGRES) throw new Error(`the server tests need the PostgreSQL they were given: ${why}`);
    console.warn(`skipping the real-PostgreSQL tests: ${why}`);
    return { skip: why };
  }
  const name = `copydesk_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: ADMIN_URL });
      await again.connect();
      // An autovacuum worker (after a test's bulk writes) cannot be terminated by a non-superuser:
      // it finishes in a moment, so the drop is tried again.
      for (let attempt = 0; ; attempt++) {
        try {
          await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          break;
        } catch (err) {
          if (attempt >= 20 || !/pg_signal_backend/.test((err as Error).message)) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      await again.end();
    },
  };
}
