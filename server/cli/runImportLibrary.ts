// `copydesk server import-library DIR`: opens the server's store as `copydesk server` does (its
// --data folder locked, so a running server and an import never write the embedded database at
// once; the migrations applied), imports the library (server/importLibrary/), and prints progress
// and a summary. Ctrl+C stops between two stories; what was imported stays, whole.
import { mkdir } from 'node:fs/promises';
import { ApiError } from '../../shared/contract/errors';
import { LibraryLock } from '../../core/LibraryLock';
import { pgliteDir } from '../dataFolder';
import { openPglite, openPostgres, type Database } from '../db/Database';
import { migrate } from '../db/migrate';
import { importLibrary, ImportRefused, isLibrary, type ImportProgress } from '../importLibrary/importLibrary';
import type { ServerIo } from './serverIo';
import { subcommandArgs } from './subcommandArgs';
import { serverText } from './serverText';

/** Progress every this many stories (and photos), and at the last one. */
export const PROGRESS_EVERY = 100;

export async function runImportLibrary(argv: string[], io: ServerIo): Promise<number> {
  const say = serverText(io.language).importLibrary;
  const args = subcommandArgs(argv, io, { ...say, noPath: say.noDir }, true);
  if ('exit' in args) return args.exit;
  const { path: libraryDir, dataDir, database: databaseUrl } = args;
  // Before the store is opened (a new embedded one takes a while to make): a wrong folder is told at once.
  if (!(await isLibrary(libraryDir))) {
    io.err(say.notLibrary(libraryDir));
    return 2;
  }
  let lock: LibraryLock;
  try {
    await mkdir(dataDir, { recursive: true });
    lock = await LibraryLock.acquire(dataDir);
  } catch (err) {
    io.err(err instanceof ApiError && err.params.reason === 'libraryLocked' ? say.serverLocked(dataDir) : say.failed((err as Error).message));
    return 3;
  }
  let db: Database | null = null;
  try {
    db = databaseUrl ? await openPostgres(databaseUrl, io.err) : await openPglite(pgliteDir(dataDir));
    await migrate(db);
    io.out(say.start(libraryDir, databaseUrl ? databaseUrl.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@') : pgliteDir(dataDir)));
    const progress = (p: ImportProgress) => {
      if (p.done % PROGRESS_EVERY === 0 || p.done === p.total) io.out(say.progress(p.phase, p.done, p.total));
    };
    const s = await importLibrary(libraryDir, db, { signal: io.signal, progress });
    for (const a of s.people.created) io.out(say.created(a.name, a.login));
    for (const f of s.failed) io.err(say.storyFailed(f.id, f.reason));
    for (const f of s.recovered) io.err(say.recovered(f.id, f.reason));
    for (const f of s.photos.failed) io.err(say.photoFailed(f.id, f.reason));
    for (const id of s.missingPhotos) io.err(say.missingPhoto(id));
    for (const id of s.ownerless) io.err(say.ownerless(id));
    io.out(
      say.summary({
        imported: s.imported.length,
        skipped: s.skipped.length,
        failed: s.failed.length + s.photos.failed.length,
        versions: s.versions,
        audit: s.audit,
        photos: s.photos.imported,
        photosHad: s.photos.existed,
        matched: s.people.matched.length,
        created: s.people.created.length,
      }),
    );
    if (s.interrupted) {
      io.err(say.interrupted);
      return 130;
    }
    return s.failed.length || s.recovered.length || s.photos.failed.length ? 1 : 0;
  } catch (err) {
    if (err instanceof ImportRefused) {
      io.err(err.reason === 'notLibrary' ? say.notLibrary(libraryDir) : say.libraryLocked(libraryDir));
      return err.reason === 'notLibrary' ? 2 : 3;
    }
    io.err(say.failed((err as Error).message));
    return 3;
  } finally {
    await db?.close().catch(() => undefined);
    await lock.release();
  }
}
