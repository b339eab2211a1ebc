// Every file Copydesk writes goes through here: temp file → write → fsync → rename over the
// target → fsync the directory. A crash at any point leaves the old file or the new one, never a
// torn mix, and a failed write (disk full, read-only) leaves the old file untouched.
import { randomFillSync } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls used, injectable so tests can simulate a full or read-only disk. */
export type WriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'link' | 'copyFile'>;

/** Random bytes for temp names, filled a few hundred names at a time rather than by a call each. */
const names = { pool: Buffer.alloc(6 * 256), used: 6 * 256 };

/** A hidden temp name beside `path`, so folder listings that skip dot files never see it. */
function tempBeside(path: string): string {
  if (names.used === names.pool.length) {
    randomFillSync(names.pool);
    names.used = 0;
  }
  const random = names.pool.toString('hex', names.used, (names.used += 6));
  return join(dirname(path), `.${basename(path)}.${random}.tmp`);
}

/**
 * Temporary files a killed write left behind (`tempBeside`'s names). Nothing reads them; they are
 * removed while the library lock is held, so no write of ours is in flight. `names`: the folder's
 * listing, when the caller has it already.
 */
export async function removeLeftoverTemps(dir: string, names?: readonly string[]): Promise<void> {
  const all = names ?? (await nodeFs.readdir(dir).catch(() => [] as string[]));
  await Promise.all(all.filter((n) => /^\..+\.[0-9a-f]{12}\.tmp$/.test(n)).map((n) => nodeFs.unlink(join(dir, n)).catch(() => undefined)));
}

/** Opens, fsyncs and closes: the one way a file or folder already written is flushed to disk. */
async function syncOpened(path: string, flags: 'r' | 'r+', fs: Pick<WriteFs, 'open'>): Promise<void> {
  const handle = await fs.open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (a rename or a new file in it). */
export async function fsyncDir(dir: string, fs: WriteFs = nodeFs): Promise<void> {
  // Windows cannot open a directory for fsync; rename there is already durable enough.
  if (process.platform === 'win32') return;
  await syncOpened(dir, 'r', fs);
}

/**
 * Flushes a file written earlier without fsync (objects synced together before a manifest names
 * them, an archive before its rename). Opened for writing: Windows flushes only such a handle.
 * `missingOk`: a file removed meanwhile needs no flushing.
 */
export async function fsyncFile(path: string, opts: { missingOk?: boolean } = {}, fs: Pick<WriteFs, 'open'> = nodeFs): Promise<void> {
  try {
    await syncOpened(path, 'r+', fs);
  } catch (err) {
    if (opts.missingOk && (err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
}

export interface WriteOptions {
  /**
   * `false` skips both fsyncs: still never a torn mix while the machine runs, but a power cut may
   * lose the new file. Only for copies whose original is already on disk durably.
   */
  durable?: boolean;
  /**
   * Runs once the new bytes are safely in the temp file and before they replace `path` (keeping
   * the previous version aside). A full disk therefore fails the write before anything is touched.
   */
  beforeReplace?: () => Promise<void>;
  /**
   * `false` flushes the file but not the folder entry its rename made: for several files written
   * side by side, whose caller flushes the folder once for all of them (fsyncDir) before relying on them.
   */
  syncDir?: boolean;
  /** The new file's permissions (0o644 unless said): 0o600 for secrets such as a session token. */
  mode?: number;
}

/** `data` may come in pieces (a header and sections), written one after another without joining them first. */
export async function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[], fs: WriteFs = nodeFs, opts: WriteOptions = {}): Promise<void> {
  const durable = opts.durable ?? true;
  const dir = dirname(path);
  const tmp = tempBeside(path);
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', opts.mode ?? 0o644);
    // writeFile on a handle writes from where the last write ended, so the pieces follow each other.
    for (const piece of typeof data === 'string' || data instanceof Uint8Array ? [data] : data) await handle.writeFile(piece);
    if (durable) await handle.sync();
    await handle.close();
    handle = undefined;
    await opts.beforeReplace?.();
    await fs.rename(tmp, path);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw err;
  }
  if (durable && opts.syncDir !== false) await fsyncDir(dir, fs);
}

/**
 * Makes `copy` hold what `path` holds now, replacing any earlier `copy` in one rename, so there is
 * always a whole copy under that name (the old one or the new one). A hard link costs no copying
 * (atomic writes never change a file in place, so the bytes under the link stay as they are); file
 * systems without hard links get a real copy, as does `link: false` (a copy that must not share
 * the file's blocks, since damage in place would reach both). Returns false when `path` does not exist.
 */
export async function keepCopy(path: string, copy: string, fs: WriteFs = nodeFs, opts: { link?: boolean } = {}): Promise<boolean> {
  const tmp = tempBeside(copy);
  /** A link that failed made no temp file: nothing to take away (the usual case, a new file with no previous version). */
  let made = true;
  try {
    if (opts.link === false) await fs.copyFile(path, tmp);
    else {
      await fs.link(path, tmp).catch(async (err: NodeJS.ErrnoException) => {
        if (!LINK_UNSUPPORTED.has(err.code ?? '')) {
          made = false;
          throw err;
        }
        await fs.copyFile(path, tmp); // FAT, some network shares
      });
    }
    await fs.rename(tmp, copy);
    return true;
  } catch (err) {
    if (made) await fs.unlink(tmp).catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** What `link` answers on file systems that have no hard links. A full or read-only disk is not one of them. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);
