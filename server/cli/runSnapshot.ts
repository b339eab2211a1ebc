// `copydesk server snapshot OUT.tar.gz` and `copydesk server restore SNAPSHOT.tar.gz --data NEWDIR`:
// the embedded database's backup and its way back (server/backup/snapshot.ts). Each parses its
// options, says what it did or why not, and ends; they never serve.
import { ApiError } from '../../shared/contract/errors';
import { BackupRefused, makeSnapshot, restoreSnapshot } from '../backup/snapshot';
import { SnapshotUnreadable } from '../backup/tarStream';
import { backupText } from './backupText';
import type { ServerIo } from './serverIo';
import { subcommandArgs } from './subcommandArgs';


/** Exit codes: 0 written, 1 failed (nothing written), 2 bad usage, 3 a server runs on --data. */
export async function runSnapshot(argv: string[], io: ServerIo): Promise<number> {
  const say = backupText(io.language).snapshot;
  const args = subcommandArgs(argv, io, { ...say, noPath: say.noOut }, true);
  if ('exit' in args) return args.exit;
  // The server would use this PostgreSQL, not the folder: a snapshot of the folder would miss the newsroom.
  if (args.database) {
    io.err(say.usage(say.realPostgres));
    return 2;
  }
  const { path: outFile, dataDir } = args;
  const started = performance.now();
  try {
    const made = await makeSnapshot(dataDir, outFile);
    io.out(say.done(outFile, made.stories, made.photos, made.bytes, (performance.now() - started) / 1000));
    return 0;
  } catch (err) {
    if (err instanceof ApiError && err.params.reason === 'libraryLocked') {
      io.err(say.locked(dataDir));
      return 3;
    }
    // A database that is not a newsroom's (no Copydesk tables) is, for this command, none.
    if (err instanceof BackupRefused && (err.reason === 'noDatabase' || err.reason === 'notCopydesk')) {
      io.err(say.noDatabase(dataDir));
      return 2;
    }
    if (err instanceof BackupRefused && err.reason === 'outExists') {
      io.err(say.outExists(outFile));
      return 2;
    }
    io.err(say.failed(err instanceof BackupRefused ? err.reason : (err as Error).message));
    return 1;
  }
}

/** Exit codes: 0 restored, 1 the snapshot is unreadable or the restore failed (nothing made), 2 bad usage. */
export async function runRestore(argv: string[], io: ServerIo): Promise<number> {
  const say = backupText(io.language).restore;
  const args = subcommandArgs(argv, io, { ...say, noPath: say.noFile }, false);
  if ('exit' in args) return args.exit;
  const { path: file, dataDir } = args;
  const started = performance.now();
  try {
    const restored = await restoreSnapshot(file, dataDir);
    io.out(say.done(dataDir, restored.stories, restored.photos, (performance.now() - started) / 1000));
    return 0;
  } catch (err) {
    if (err instanceof BackupRefused && err.reason === 'noSnapshot') {
      io.err(say.noSnapshot(file));
      return 2;
    }
    if (err instanceof BackupRefused && err.reason === 'targetNotEmpty') {
      io.err(say.notEmpty(dataDir));
      return 2;
    }
    if (err instanceof SnapshotUnreadable) {
      io.err(err.problem === 'notGzip' ? say.notGzip(file) : err.problem === 'damaged' ? say.damaged(file, err.detail) : say.notSnapshot(file));
      return 1;
    }
    if (err instanceof BackupRefused && err.reason === 'notCopydesk') {
      io.err(say.notSnapshot(file));
      return 1;
    }
    io.err(say.failed((err as Error).message));
    return 1;
  }
}
