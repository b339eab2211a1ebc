// The backup's files: content-addressed gzipped objects, and a mirror of the photos snapshots use.
// Objects are written without fsync one by one (a first snapshot of 100,000 articles would pay
// 100,000 fsyncs) and then synced together by `flush()` before any manifest names them; every
// object is checked against its name when read, so a damaged one is reported, never restored.
import { copyFile, link, mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../shared/contract/errors';
import { PHOTO_FORMATS, PhotoInfoSchema, type PhotoInfo } from '../../shared/model/photo';
import { fsyncDir, fsyncFile, writeFileAtomic } from '../atomicWrite';
import { sha256Hex } from '../media/sha256Hex';

const gzip = promisify(gzipCb);
const gunzip = promisify(gunzipCb);
/** No article, settings or chunk file comes near this; a gzip that inflates past it is not ours. */
export const MAX_OBJECT_BYTES = 256 * 1024 * 1024;
const HASH = /^[a-f0-9]{64}$/;
const SYNC_CONCURRENCY = 16;

export const damaged = (what: string) => new ApiError('backupFailed', `backup file ${what} is damaged`, { reason: 'damaged' });

/** The names a photo's files have in media/ (and in the mirror): original, preview, thumbnail, then the info that marks it complete. */
export function photoFileNames(info: Pick<PhotoInfo, 'id' | 'format'>): { original: string; preview: string; thumb: string; info: string } {
  const ext = PHOTO_FORMATS[info.format]?.ext;
  if (!ext) throw new Error(`unknown photo format ${info.format}`);
  return { original: `${info.id}.${ext}`, preview: `${info.id}.preview.jpg`, thumb: `${info.id}.thumb.jpg`, info: `${info.id}.json` };
}

export class ObjectStore {
  readonly objectsDir: string;
  readonly photosDir: string;
  /** Hashes known to be stored (filled on first use), so a snapshot does not stat what it just wrote. */
  private known: Set<string> | null = null;
  private readonly unsynced = new Set<string>();
  private readonly unsyncedDirs = new Set<string>();

  constructor(readonly backupsDir: string) {
    this.objectsDir = join(backupsDir, 'objects');
    this.photosDir = join(backupsDir, 'photos');
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

  /** Stores bytes already gzipped (from an archive, checked by the caller). */
  async putGzipped(hash: string, gz: Uint8Array): Promise<boolean> {
    const known = await this.knownSet();
    if (known.has(hash)) return false;
    const path = this.pathOf(hash);
    await this.shard(join(this.objectsDir, hash.slice(0, 2)));
    await writeFileAtomic(path, gz, undefined, { durable: false });
    this.unsynced.add(path);
    this.unsyncedDirs.add(join(this.objectsDir, hash.slice(0, 2)));
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
    const files = [...this.unsynced];
    this.unsynced.clear();
    for (let i = 0; i < files.length; i += SYNC_CONCURRENCY) {
      await Promise.all(files.slice(i, i + SYNC_CONCURRENCY).map((f) => fsyncFile(f, { missingOk: true })));
    }
    const dirs = [...this.unsyncedDirs];
    this.unsyncedDirs.clear();
    for (const dir of dirs) await fsyncDir(dir).catch(() => undefined);
  }

  // ── photos ──

  private photoDir(id: string): string {
    return join(this.photosDir, id.slice(0, 2));
  }

  /** What the mirror knows about a photo; null unless it holds it completely. */
  async photoInfo(id: string): Promise<PhotoInfo | null> {
    try {
      const info = PhotoInfoSchema.parse(JSON.parse(await readFile(join(this.photoDir(id), `${id}.json`), 'utf8')));
      return info.id === id ? info : null;
    } catch {
      return null;
    }
  }

  /**
   * Keeps the library's photo in the mirror: hard links (no copy, and emptying the trash or a
   * damaged media file later cannot take the backup's copy), a copy where links fail. Returns false
   * if the library does not have the photo completely.
   */
  async keepPhoto(mediaDir: string, id: string): Promise<boolean> {
    if (await this.photoInfo(id)) return true;
    const from = join(mediaDir, id.slice(0, 2));
    let info: PhotoInfo;
    try {
      info = PhotoInfoSchema.parse(JSON.parse(await readFile(join(from, `${id}.json`), 'utf8')));
    } catch {
      return false;
    }
    const names = photoFileNames(info);
    await mkdir(this.photoDir(id), { recursive: true });
    try {
      for (const name of [names.original, names.preview, names.thumb, names.info]) await linkOrCopy(join(from, name), join(this.photoDir(id), name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false; // removed meanwhile
      throw err;
    }
    this.unsyncedDirs.add(this.photoDir(id));
    return true;
  }

  /** Writes one of a photo's files into the mirror (from an archive, checked by the caller); the info file goes last. */
  async putPhotoFile(id: string, name: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.photoDir(id), { recursive: true });
    const path = join(this.photoDir(id), name);
    await writeFileAtomic(path, bytes, undefined, { durable: false });
    this.unsynced.add(path);
    this.unsyncedDirs.add(this.photoDir(id));
  }

  /** The paths of a mirrored photo's files, for an archive. */
  async photoFiles(id: string): Promise<{ info: PhotoInfo; files: { name: string; path: string }[] } | null> {
    const info = await this.photoInfo(id);
    if (!info) return null;
    const names = photoFileNames(info);
    return { info, files: [names.original, names.preview, names.thumb, names.info].map((name) => ({ name, path: join(this.photoDir(id), name) })) };
  }

  /**
   * Puts a photo back into the library's media folder if it is not complete there. The original
   * is checked against the photo's id first; the info file is written last, as the photo store does.
   */
  async restorePhoto(mediaDir: string, id: string): Promise<'present' | 'restored' | 'missing'> {
    const to = join(mediaDir, id.slice(0, 2));
    if (await exists(join(to, `${id}.json`))) return 'present';
    const mirrored = await this.photoFiles(id);
    if (!mirrored) return 'missing';
    const [original] = mirrored.files;
    const intact = await readFile(original.path).then((b) => sha256Hex(b) === id, () => false);
    if (!intact) return 'missing';
    await mkdir(to, { recursive: true });
    for (const f of mirrored.files) {
      await linkOrCopy(f.path, join(to, f.name), true);
    }
    await fsyncDir(to).catch(() => undefined);
    return 'restored';
  }

  async photoIds(): Promise<string[]> {
    const out: string[] = [];
    for (const dir of await readdir(this.photosDir).catch(() => [] as string[])) {
      for (const name of await readdir(join(this.photosDir, dir)).catch(() => [] as string[])) {
        const m = /^([a-f0-9]{64})\.json$/.exec(name);
        if (m) out.push(m[1]);
      }
    }
    return out;
  }

  /** Removes a mirrored photo; also its files left without an info file by an interrupted copy. */
  async removePhoto(id: string): Promise<void> {
    const dir = this.photoDir(id);
    await rm(join(dir, `${id}.json`), { force: true }); // first, so a half-removed photo reads as absent
    for (const name of await readdir(dir).catch(() => [] as string[])) if (name.startsWith(id)) await rm(join(dir, name), { force: true });
  }

  /** Temporary files a crash left behind (`.<name>.<random>.tmp`, from writeFileAtomic and copies). */
  async removeStrays(): Promise<void> {
    for (const root of [this.objectsDir, this.photosDir]) {
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
    for (const root of [this.objectsDir, this.photosDir]) {
      for (const dir of await readdir(root).catch(() => [] as string[])) await rmdir(join(root, dir)).catch(() => undefined);
      await rmdir(root).catch(() => undefined);
    }
    await rmdir(this.backupsDir).catch(() => undefined); // only if nothing else (no snapshot) is in it
  }

  /** Photo files in the mirror without an info file (an interrupted copy), by id. */
  async incompletePhotos(): Promise<string[]> {
    const out = new Set<string>();
    for (const dir of await readdir(this.photosDir).catch(() => [] as string[])) {
      const names = await readdir(join(this.photosDir, dir)).catch(() => [] as string[]);
      const complete = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, 64)));
      for (const n of names) if (HASH.test(n.slice(0, 64)) && !complete.has(n.slice(0, 64))) out.add(n.slice(0, 64));
    }
    return [...out];
  }
}

/** Gunzips at most MAX_OBJECT_BYTES, so a hostile gzip cannot fill the memory. */
export function gunzipObject(gz: Uint8Array, max = MAX_OBJECT_BYTES): Promise<Buffer> {
  return gunzip(gz, { maxOutputLength: max });
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A hard link where the file system allows one, else a copy (through a temporary name, so never a torn file). */
async function linkOrCopy(from: string, to: string, replace = false): Promise<void> {
  if (replace) await unlink(to).catch(() => undefined);
  try {
    await link(from, to);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // same name, same content: photos are named by content
    if (code === 'ENOENT') throw err;
  }
  const tmp = `${to}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await copyFile(from, tmp);
    await rename(tmp, to);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
