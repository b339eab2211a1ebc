// Runs a suite on both stores the server supports: PGlite in a temp folder and a throwaway
// database on the real PostgreSQL (skipped with its reason where none is reachable, never in CI).
import { cp, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from '../db/Database';
import { throwawayDatabase } from './realPostgres';
import { pgliteDir } from '../dataFolder';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Its package.json is not exported, so it is found beside the entry point. */
const PGLITE_VERSION: string = JSON.parse(readFileSync(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8')).version;

export interface TestStore {
  kind: 'pglite' | 'postgres';
  /** A fresh, empty database; closed and removed by `dispose`. */
  open(): Promise<Database>;
  /** The same database again (a restart); only after the previous handle is closed. */
  reopen(): Promise<Database>;
  /** The --data folder (PGlite's home, the lock's home on both). */
  dataDir: string;
  /** For the server's --database option; null on PGlite. */
  url: string | null;
  dispose(): Promise<void>;
}

/**
 * A new PGlite folder costs 15 s of initdb on these machines, so one empty, closed folder is made
 * per machine and copied for each test (a copy opens in under a second). Made aside and renamed
 * into place, so test files racing to make it never see half of one.
 */
async function pgliteTemplate(): Promise<string> {
  const template = join(tmpdir(), `copydesk-pglite-template-${PGLITE_VERSION}`);
  if (await stat(template).then(() => true, () => false)) return template;
  const aside = await mkdtemp(join(tmpdir(), 'copydesk-pglite-making-'));
  await (await openPglite(join(aside, 'db'))).close();
  await rename(join(aside, 'db'), template).catch(() => undefined); // another file made it first
  await rm(aside, { recursive: true, force: true });
  return template;
}

/** A fresh PGlite store in a new temp folder, or in `dataDir` (made if missing) when given. */
export async function pgliteStore(given?: string): Promise<TestStore> {
  const dataDir = given ?? (await mkdtemp(join(tmpdir(), 'copydesk-server-')));
  await mkdir(dataDir, { recursive: true });
  await cp(await pgliteTemplate(), pgliteDir(dataDir), { recursive: true });
  const open = () => openPglite(pgliteDir(dataDir));
  return { kind: 'pglite', open, reopen: open, dataDir, url: null, dispose: () => rm(dataDir, { recursive: true, force: true }) };
}

export async function postgresStore(): Promise<TestStore | { skip: string }> {
  const db = await throwawayDatabase();
  if ('skip' in db) return db;
  const dataDir = await mkdtemp(join(tmpdir(), 'copydesk-server-'));
  const open = () => openPostgres(db.url);
  return {
    kind: 'postgres',
    open,
    reopen: open,
    dataDir,
    url: db.url,
    async dispose() {
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The stores a suite runs on, and the reason a store is missing (printed by realPostgres). */
export const STORES = {
  pglite: pgliteStore,
  postgres: postgresStore,
};
