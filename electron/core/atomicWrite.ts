// Every file Copydesk writes goes through here: temp file → write → fsync → rename over the
// target → fsync the directory. A crash at any point leaves the old file or the new one, never a
// torn mix, and a failed write (disk full, read-only) leaves the old file untouched.
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls used, injectable so tests can simulate a full or read-only disk. */
export type WriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink'>;

export async function fsyncDir(dir: string, fs: WriteFs = nodeFs): Promise<void> {
  // Windows cannot open a directory for fsync; rename there is already durable enough.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * `durable: false` skips both fsyncs: still never a torn mix while the machine runs, but a power
 * cut may lose the new file. Only for copies whose original is already on disk durably.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, fs: WriteFs = nodeFs, opts: { durable?: boolean } = {}): Promise<void> {
  const durable = opts.durable ?? true;
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', 0o644);
    await handle.writeFile(data);
    if (durable) await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, path);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw err;
  }
  if (durable) await fsyncDir(dir, fs);
}
