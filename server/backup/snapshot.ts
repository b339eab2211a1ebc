// Backup of an embedded newsroom: everything a server keeps lives in its PGlite database (stories,
// versions, audit, live documents, accounts, and photos' bytes, which are rows too), so a snapshot
// is that database's folder, closed cleanly, as a gzipped tar (tarStream.ts).
//
// Taken with the server stopped: PGlite runs inside the one process that opened it and takes no
// lock of its own, so no second process may open it while the server runs; the data folder's lock
// (held here for the whole snapshot) makes sure none does. A newsroom that cannot stop uses a real
// PostgreSQL, where pg_dump reads a consistent copy from a running server (README).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { LibraryLock } from '../../core/LibraryLock';
import { pgliteDir } from '../dataFolder';
import { extractSnapshotTar, writeSnapshotTar } from './tarStream';

export interface SnapshotFigures {
  stories: number;
  photos: number;
  /** The snapshot file's size. */
  bytes: number;
}

/** Why a snapshot or restore was refused before anything was written. */
export class BackupRefused extends Error {
  constructor(
    readonly reason: 'noDatabase' | 'outExists' | 'targetNotEmpty' | 'noSnapshot' | 'notCopydesk',
    readonly detail = '',
  ) {
    super(reason);
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** What a restored or snapshotted database holds, and proof it is a Copydesk newsroom's. */
async function figures(pg: PGlite): Promise<{ stories: number; photos: number }> {
  const [tables] = (await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('schema_migrations', 'articles', 'photos')`)).rows;
  if (tables.n !== 3) throw new BackupRefused('notCopydesk');
  const [row] = (await pg.query<{ stories: number; photos: number }>('SELECT (SELECT count(*)::int FROM articles) AS stories, (SELECT count(*)::int FROM photos) AS photos')).rows;
  return row;
}

/**
 * Writes the snapshot of `dataDir`'s embedded database to `outFile` (refused if it exists). The
 * file appears whole or not at all: it is written beside its name and renamed into place.
 * Throws the lock's ApiError ('libraryLocked') while a server runs on `dataDir`.
 */
export async function makeSnapshot(dataDir: string, outFile: string): Promise<SnapshotFigures> {
  if (!(await exists(join(pgliteDir(dataDir), 'PG_VERSION')))) throw new BackupRefused('noDatabase', pgliteDir(dataDir));
  if (await exists(outFile)) throw new BackupRefused('outExists', outFile);
  const lock = await LibraryLock.acquire(dataDir);
  const partial = join(dirname(outFile), `.${basename(outFile)}.partial-${randomBytes(4).toString('hex')}`);
  try {
    // Opened and closed once: the counts, and a clean shutdown (its checkpoint) so the files on
    // disk are the whole database, as after any stop of the server.
    const pg = await PGlite.create({ dataDir: pgliteDir(dataDir) });
    let counts;
    try {
      counts = await figures(pg);
    } finally {
      await pg.close();
    }
    await mkdir(dirname(outFile), { recursive: true });
    const bytes = await writeSnapshotTar(pgliteDir(dataDir), partial);
    await rename(partial, outFile);
    return { ...counts, bytes };
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await lock.release();
  }
}

/**
 * Makes `targetDir` a new server data folder from a snapshot. Refused when `targetDir` holds
 * anything. The database is unpacked (and checked as it is: see tarStream.ts) into a folder
 * beside the target, opened and checked, and renamed onto it: a failure anywhere leaves no folder
 * (an empty target that was there stays, empty).
 */
export async function restoreSnapshot(snapshotFile: string, targetDir: string): Promise<{ stories: number; photos: number }> {
  if (!(await stat(snapshotFile).then((s) => s.isFile(), () => false))) throw new BackupRefused('noSnapshot', snapshotFile);
  const had = await readdir(targetDir).then((names) => names, (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
  if (had && had.length > 0) throw new BackupRefused('targetNotEmpty', targetDir);
  await mkdir(dirname(targetDir), { recursive: true });
  const aside = join(dirname(targetDir), `.${basename(targetDir)}.restoring-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(aside, { mode: 0o700 });
    await extractSnapshotTar(snapshotFile, pgliteDir(aside));
    let pg: PGlite | null = null;
    let counts;
    try {
      pg = await PGlite.create({ dataDir: pgliteDir(aside) });
      counts = await figures(pg);
    } finally {
      await pg?.close().catch(() => undefined);
    }
    // rename(2) replaces an empty directory, and fails (nothing lost) if a server made its lock there meanwhile.
    await rename(aside, targetDir);
    return counts;
  } catch (err) {
    await rm(aside, { recursive: true, force: true });
    throw err;
  }
}
