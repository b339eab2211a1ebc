// A PostgreSQL of the test's own, for tests that restart it or fill its disk: Debian's initdb and
// pg_ctl (PostgreSQL 15) into a temp folder, listening on a free loopback port only, never the
// shared cluster other test files use in parallel. initdb refuses root, so as root the cluster
// belongs to the `postgres` user (runuser). Where the binaries are absent the caller skips,
// saying why; in CI (CI=true) that fails the run instead.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './freePort';

const run = promisify(execFile);

export const PG_BIN = process.env.COPYDESK_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface OwnPostgres {
  /** postgres://…@127.0.0.1:PORT/copydesk: a database made for the test. */
  url: string;
  /** The cluster's folder (its data directory is `data` inside). */
  dir: string;
  /** Runs `sql` as the superuser (tablespaces, checks). */
  superuser(sql: string, database?: string): Promise<void>;
  /** Stops the server (fast mode: connections end at once), keeping its files. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
  /** Runs a command as the cluster's owner (root: through runuser), e.g. to make a folder it may write. */
  asOwner(cmd: string, args: string[]): Promise<string>;
  /** Uid and gid files the server writes must belong to. */
  owner: { uid: number; gid: number };
}


async function ownerIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  try {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: g } = await run('id', ['-g', 'postgres']);
    return { uid: Number(stdout.trim()), gid: Number(g.trim()) };
  } catch {
    return null;
  }
}

/** A running PostgreSQL of the test's own, or the reason there is none (printed; fatal in CI). */
export async function startOwnPostgres(): Promise<OwnPostgres | { skip: string }> {
  const root = process.getuid?.() === 0;
  const owner = await ownerIds();
  const why = !existsSync(join(PG_BIN, 'initdb')) ? `no initdb in ${PG_BIN} (Debian: apt-get install postgresql-15, or set COPYDESK_PG_BIN)` : !owner ? 'running as root and there is no postgres user to own the cluster (initdb refuses root)' : null;
  if (why) {
    if (process.env.CI) throw new Error(`the PostgreSQL fault tests need a PostgreSQL of their own: ${why}`);
    console.warn(`skipping the PostgreSQL fault tests: ${why}`);
    return { skip: why };
  }
  const ids = owner!;
  const asOwner = async (cmd: string, args: string[]) => (await run(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { timeout: 60_000 })).stdout;
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-ownpg-'));
  await chmod(dir, 0o755);
  if (root) await chown(dir, ids.uid, ids.gid);
  const data = join(dir, 'data');
  const password = 'copydesk_own';
  const pwfile = join(dir, 'pw');
  await writeFile(pwfile, password);
  if (root) await chown(pwfile, ids.uid, ids.gid);
  await asOwner(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'copydesk', '--pwfile', pwfile, '-A', 'scram-sha-256', '-E', 'UTF8', '--no-sync', '--locale', 'C']);
  // The socket folder is ours too (Debian's /var/run/postgresql belongs to the system cluster).
  const sockets = join(dir, 'sock');
  await mkdir(sockets);
  if (root) await chown(sockets, ids.uid, ids.gid);
  let port = 0;
  const pgCtl = (args: string[]) => asOwner(join(PG_BIN, 'pg_ctl'), ['-D', data, '-w', '-t', '60', ...args]);
  const startServer = async () => {
    await pgCtl(['-l', join(dir, 'log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${sockets} -c fsync=off -c max_connections=100`, 'start']);
  };
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await startServer();
      break;
    } catch (err) {
      // A port taken between the probe and the start (another test file) is tried again.
      if (attempt >= 3) throw err;
    }
  }
  const base = `postgres://copydesk:${password}@127.0.0.1:${port}`;
  const superuser = async (sql: string, database = 'postgres') => {
    const client = new pg.Client({ connectionString: `${base}/${database}` });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await superuser('CREATE DATABASE copydesk');
  return {
    url: `${base}/copydesk`,
    dir,
    superuser,
    asOwner,
    owner: ids,
    stopServer: async () => void (await pgCtl(['-m', 'fast', 'stop'])),
    startServer,
    async stop() {
      await pgCtl(['-m', 'immediate', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
