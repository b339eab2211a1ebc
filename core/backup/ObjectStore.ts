// The backup's files: content-addressed gzipped objects, and the mirror of the photos snapshots use
// (PhotoMirror.ts), made durable together. Objects are written without fsync one by one (a first snapshot of 100,000 articles would pay
// 100,000 fsyncs) and then synced together by `flush()` before any manifest names them; every
// object is checked against its name when read, so a damaged one is reported, never restored.
import { mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { fsyncDir, fsyncFile, writeFileAtomic } from '../atomicWrite';
import { sha256Hex } from '../media/sha256Hex';
import { PhotoMirror, type PendingSync } from './PhotoMirror';
import { gunzip, gzip } from '../storage/smallZlib';

/** No article, settings or chunk file comes near this; a gzip that inflates past it is not ours. */
export const MAX_OBJECT_BYTES = 256 * 1024 * 1024;
const HASH = /^[a-f0-9]{64}$/;
const SYNC_CONCURRENCY = 16;

export const damaged = (what: string) => new ApiError('backupFailed', `backup file ${what} is damaged`, { reason: 'damaged' });

export class ObjectStore {
  readonly objectsDir: string;
  readonly photos: PhotoMirror;
  /** Hashes known to be stored (filled on first use), so a snapshot does not stat what it just wrote. */
  private known: Set<string> | null = null;
  /** Objects and photo files written since the last flush, and their folders. */
  private readonly pending: PendingSync = { files: new Set(), dirs: new Set() };
  /**
   * Objects written since the last flush, by hash (the strings `known` holds already): a first
   * snapshot of 100,000 articles would otherwise hold 100,000 full paths until its flush.
   */
  private readonly pendingObjects = new Set<string>();

  constructor(readonly backupsDir: string) {
    this.objectsDir = join(backupsDir, 'objects');
    this.photos = new PhotoMirror(join(backupsDir, 'photos'), this.pending);
  }

  pathOf(hash: string): string {
    return join(this.objectsDir, hash.slice(0, 2), `${hash}.gz`);
  }

  private async knownSet(): Promise<Set<string>> {
    this.known ??= new Set(await this.list());
    return this.known;
  }

  async has(hash: string): Promise<boolean> {
    return (await this.knownSet()).has(hash);
  }

  /** Stores `raw` (if not already there) and returns its hash. */
  async put(raw: Uint8Array, hash = sha256Hex(raw)): Promise<string> {
    if (await this.has(hash)) return hash;
    await this.putGzipped(hash, await gzip(raw));
    return hash;
  }

  /**
   * Stores bytes already gzipped (from an archive, checked by the caller). `syncNow`: the file is
   * fsync'd through the handle that wrote it rather than reopened by `flush()` (for callers that
   * store several at once, so the fsyncs overlap); its folder is still flushed by `flush()`.
   */
  async putGzipped(hash: string, gz: Uint8Array, opts: { syncNow?: boolean } = {}): Promise<boolean> {
    const known = await this.knownSet();
    if (known.has(hash)) return false;
    const path = this.pathOf(hash);
    await this.shard(join(this.objectsDir, hash.slice(0, 2)));
    if (opts.syncNow) await writeFileAtomic(path, gz, undefined, { syncDir: false });
    else {
      await writeFileAtomic(path, gz, undefined, { durable: false });
      this.pendingObjects.add(hash);
    }
    this.pending.dirs.add(join(this.objectsDir, hash.slice(0, 2)));
    known.add(hash);
    return true;
  }

  private readonly shards = new Set<string>();

  /** Makes a shard folder once per session, not once per object. */
  private async shard(dir: string): Promise<void> {
    if (this.shards.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.shards.add(dir);
  }

  /** The object's bytes, checked against its hash. */
  async get(hash: string): Promise<Buffer> {
    let gz: Buffer;
    try {
      gz = await readFile(this.pathOf(hash));
    } catch {
      throw new ApiError('backupFailed', `backup object ${hash} is missing`, { reason: 'damaged' });
    }
    const raw = await gunzipObject(gz).catch(() => null);
    if (!raw || sha256Hex(raw) !== hash) throw damaged(hash);
    return raw;
  }

  async getJson(hash: string): Promise<unknown> {
    try {
      return JSON.parse((await this.get(hash)).toString('utf8'));
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw damaged(hash);
    }
  }

  async list(): Promise<string[]> {
    const out: string[] = [];
    for (const dir of await readdir(this.objectsDir).catch(() => [] as string[])) {
      for (const name of await readdir(join(this.objectsDir, dir)).catch(() => [] as string[])) {
        const hash = name.slice(0, -3);
        if (name.endsWith('.gz') && HASH.test(hash) && hash.startsWith(dir)) out.push(hash);
      }
    }
    return out;
  }

  async remove(hash: string): Promise<void> {
    this.known?.delete(hash);
    await rm(this.pathOf(hash), { force: true });
  }

  /** Makes every object and photo link written since the last flush durable. */
  async flush(): Promise<void> {
    // Photo files by path, then objects by hash (each path made when its turn comes).
    const files = [...this.pending.files, ...this.pendingObjects];
    const objectsFrom = this.pending.files.size;
    this.pending.files.clear();
    this.pendingObjects.clear();
    for (let i = 0; i < files.length; i += SYNC_CONCURRENCY) {
      const batch = files.slice(i, i + SYNC_CONCURRENCY).map((f, k) => (i + k >= objectsFrom ? this.pathOf(f) : f));
      await Promise.all(batch.map((f) => fsyncFile(f, { missingOk: true })));
    }
    const dirs = [...this.pending.dirs];
    this.pending.dirs.clear();
    for (const dir of dirs) await fsyncDir(dir).catch(() => undefined);
  }

  /** Temporary files a crash left behind (`.<name>.<random>.tmp`, from writeFileAtomic and copies). */
  async removeStrays(): Promise<void> {
    for (const root of [this.objectsDir, this.photos.dir]) {
      for (const dir of await readdir(root).catch(() => [] as string[])) {
        for (const name of await readdir(join(root, dir)).catch(() => [] as string[])) {
          if (name.endsWith('.tmp')) await rm(join(root, dir, name), { force: true });
        }
      }
    }
  }

  /** Removes shard folders left empty (after a refused archive or pruning), and the store's own folders if empty. */
  async removeEmptyDirs(): Promise<void> {
    this.shards.clear();
    for (const root of [this.objectsDir, this.photos.dir]) {
      for (const dir of await readdir(root).catch(() => [] as string[])) await rmdir(join(root, dir)).catch(() => undefined);
      await rmdir(root).catch(() => undefined);
    }
    await rmdir(this.backupsDir).catch(() => undefined); // only if nothing else (no snapshot) is in it
  }
}

/** Gunzips at most MAX_OBJECT_BYTES, so a hostile gzip cannot fill the memory. */
export function gunzipObject(gz: Uint8Array, max = MAX_OBJECT_BYTES): Promise<Buffer> {
  return gunzip(gz, { maxOutputLength: max });
}
