// The backup's mirror of the photos snapshots use: hard links to the library's media files where
// the file system allows (a copy where it does not), filled as snapshots are taken or an archive is
// read, and put back into the library's media folder by a restore. A photo is complete when its
// info file is there, which is always written last.
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PHOTO_FORMATS, PhotoInfoSchema, type PhotoInfo } from '../../shared/model/photo';
import { fsyncDir, writeFileAtomic } from '../atomicWrite';
import { sha256Hex } from '../media/sha256Hex';

const HASH = /^[a-f0-9]{64}$/;

/** Files and folders written without fsync, made durable together by ObjectStore.flush(). */
export interface PendingSync {
  files: Set<string>;
  dirs: Set<string>;
}

/** The names a photo's files have in media/ (and in the mirror): original, preview, thumbnail, then the info that marks it complete. */
export function photoFileNames(info: Pick<PhotoInfo, 'id' | 'format'>): { original: string; preview: string; thumb: string; info: string } {
  const ext = PHOTO_FORMATS[info.format]?.ext;
  if (!ext) throw new Error(`unknown photo format ${info.format}`);
  return { original: `${info.id}.${ext}`, preview: `${info.id}.preview.jpg`, thumb: `${info.id}.thumb.jpg`, info: `${info.id}.json` };
}

export class PhotoMirror {
  constructor(
    readonly dir: string,
    private readonly pending: PendingSync,
  ) {}

  private photoDir(id: string): string {
    return join(this.dir, id.slice(0, 2));
  }

  /** What the mirror knows about a photo; null unless it holds it completely. */
  async info(id: string): Promise<PhotoInfo | null> {
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
  async keep(mediaDir: string, id: string): Promise<boolean> {
    if (await this.info(id)) return true;
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
    this.pending.dirs.add(this.photoDir(id));
    return true;
  }

  /** Writes one of a photo's files into the mirror (from an archive, checked by the caller); the info file goes last. */
  async putFile(id: string, name: string, bytes: Uint8Array): Promise<void> {
    await mkdir(this.photoDir(id), { recursive: true });
    const path = join(this.photoDir(id), name);
    await writeFileAtomic(path, bytes, undefined, { durable: false });
    this.pending.files.add(path);
    this.pending.dirs.add(this.photoDir(id));
  }

  /** The paths of a mirrored photo's files, for an archive. */
  async files(id: string): Promise<{ info: PhotoInfo; files: { name: string; path: string }[] } | null> {
    const info = await this.info(id);
    if (!info) return null;
    const names = photoFileNames(info);
    return { info, files: [names.original, names.preview, names.thumb, names.info].map((name) => ({ name, path: join(this.photoDir(id), name) })) };
  }

  /**
   * Puts a photo back into the library's media folder if it is not complete there. The original
   * is checked against the photo's id first; the info file is written last, as the photo store does.
   */
  async restore(mediaDir: string, id: string): Promise<'present' | 'restored' | 'missing'> {
    const to = join(mediaDir, id.slice(0, 2));
    if (await exists(join(to, `${id}.json`))) return 'present';
    const mirrored = await this.files(id);
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

  async ids(): Promise<string[]> {
    const out: string[] = [];
    for (const dir of await readdir(this.dir).catch(() => [] as string[])) {
      for (const name of await readdir(join(this.dir, dir)).catch(() => [] as string[])) {
        const m = /^([a-f0-9]{64})\.json$/.exec(name);
        if (m) out.push(m[1]);
      }
    }
    return out;
  }

  /** Removes a mirrored photo; also its files left without an info file by an interrupted copy. */
  async remove(id: string): Promise<void> {
    const dir = this.photoDir(id);
    await rm(join(dir, `${id}.json`), { force: true }); // first, so a half-removed photo reads as absent
    for (const name of await readdir(dir).catch(() => [] as string[])) if (name.startsWith(id)) await rm(join(dir, name), { force: true });
  }

  /** Photo files in the mirror without an info file (an interrupted copy), by id. */
  async incomplete(): Promise<string[]> {
    const out = new Set<string>();
    for (const dir of await readdir(this.dir).catch(() => [] as string[])) {
      const names = await readdir(join(this.dir, dir)).catch(() => [] as string[]);
      const complete = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, 64)));
      for (const n of names) if (HASH.test(n.slice(0, 64)) && !complete.has(n.slice(0, 64))) out.add(n.slice(0, 64));
    }
    return [...out];
  }
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
