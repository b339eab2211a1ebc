// media/<aa>/<sha256>.<ext> (the original, byte for byte), <sha256>.preview.jpg, .thumb.jpg and <sha256>.json
// (what we know about it). Photos are named by content, so the same photo is kept once and
// nothing depends on where a file came from. The .json is written last: a photo without it was
// never completely imported and is treated as absent.
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PhotoIdSchema, PhotoInfoSchema, type PhotoInfo } from '../../shared/model/photo';
import { fsyncDir, writeFileAtomic } from '../atomicWrite';
import { preparePhoto, type PhotoLimits, type PreparedPhoto } from './preparePhoto';
import { PHOTO_FORMATS } from '../../shared/model/photo';

export type PhotoVariant = 'original' | 'preview' | 'thumb';
export const PHOTO_VARIANTS: readonly PhotoVariant[] = ['original', 'preview', 'thumb'];


export class PhotoStore {
  readonly dir: string;
  private readonly pending = new Map<string, Promise<{ photo: PhotoInfo; existed: boolean }>>();

  constructor(libraryDir: string, private readonly now: () => Date) {
    this.dir = join(libraryDir, 'media');
  }

  private base(id: string): string {
    return join(this.dir, id.slice(0, 2), id);
  }

  async info(id: string): Promise<PhotoInfo | null> {
    if (!PhotoIdSchema.safeParse(id).success) return null;
    try {
      return PhotoInfoSchema.parse(JSON.parse(await readFile(this.base(id) + '.json', 'utf8')));
    } catch {
      return null;
    }
  }

  /** Imports a photo, or finds it already here. Throws ApiError('photoRejected') and writes nothing for bad input. */
  async import(name: string, bytes: Uint8Array, limits: PhotoLimits): Promise<{ photo: PhotoInfo; existed: boolean }> {
    const prepared = await preparePhoto(name, bytes, limits);
    // Two imports of the same photo at once share one write.
    const running = this.pending.get(prepared.id);
    if (running) return running.then((r) => ({ ...r, existed: true }));
    const task = (async () => {
      const existing = await this.info(prepared.id);
      if (existing) {
        await prepared.decoded; // the same verdict on the file as a first import
        return { photo: existing, existed: true };
      }
      await mkdir(join(this.dir, prepared.id.slice(0, 2)), { recursive: true });
      try {
        return { photo: await this.write(name, prepared), existed: false };
      } catch (err) {
        await this.remove(prepared.id); // nothing half-way
        throw (await prepared.decoded.then(() => null, (refusal: unknown) => refusal)) ?? err;
      }
    })();
    this.pending.set(prepared.id, task);
    try {
      return await task;
    } finally {
      this.pending.delete(prepared.id);
    }
  }

  /**
   * The original goes to disk while it is still being decoded, under a temp name it leaves only
   * once the decode succeeds; preview and thumbnail follow, the three are flushed with one folder
   * flush, and the .json takes its name last, once they are all on disk.
   */
  private async write(name: string, prepared: PreparedPhoto): Promise<PhotoInfo> {
    const base = this.base(prepared.id);
    const { decoded } = prepared;
    const images = (async () => {
      await allSettled([
        writeFileAtomic(`${base}.${prepared.extension}`, prepared.bytes, undefined, { syncDir: false, beforeReplace: async () => void (await decoded) }),
        decoded.then(({ preview, thumb }) =>
          allSettled([writeFileAtomic(`${base}.preview.jpg`, preview, undefined, { syncDir: false }), writeFileAtomic(`${base}.thumb.jpg`, thumb, undefined, { syncDir: false })]),
        ),
      ]);
      await fsyncDir(dirname(base));
    })();
    const photo = decoded.then(({ metadata }): PhotoInfo => ({
      id: prepared.id,
      originalName: name.slice(0, 255),
      format: prepared.format,
      width: prepared.width,
      height: prepared.height,
      bytes: prepared.bytes.length,
      importedAt: this.now().toISOString(),
      metadata,
    }));
    const info = photo.then((p) => writeFileAtomic(`${base}.json`, JSON.stringify(p, null, 2), undefined, { beforeReplace: () => images }));
    await allSettled([images, info]);
    return photo;
  }

  /**
   * Path and type of a stored photo file, or null when there is no complete photo by that id.
   * Previews and thumbnails have fixed names, so serving one (the panel loads many) costs two
   * stats and no JSON; only the original needs the info file for its format.
   */
  async file(id: string, variant: PhotoVariant): Promise<{ path: string; type: string } | null> {
    if (!PhotoIdSchema.safeParse(id).success) return null;
    const base = this.base(id);
    let found: { path: string; type: string };
    if (variant === 'original') {
      const format = PHOTO_FORMATS[(await this.info(id))?.format ?? ''];
      if (!format) return null;
      found = { path: `${base}.${format.ext}`, type: format.mime };
    } else {
      if (!(await exists(`${base}.json`))) return null; // not completely imported
      found = { path: `${base}.${variant}.jpg`, type: 'image/jpeg' };
    }
    return (await exists(found.path)) ? found : null;
  }

  /** Ids of every completely imported photo, from the folder listing. */
  async ids(): Promise<string[]> {
    const names = await readdir(this.dir, { recursive: true }).catch(() => [] as string[]);
    return names.map((n) => /([a-f0-9]{64})\.json$/.exec(n)?.[1]).filter((id): id is string => id !== undefined);
  }

  async remove(id: string): Promise<void> {
    if (!PhotoIdSchema.safeParse(id).success) return;
    const base = this.base(id);
    await rm(`${base}.json`, { force: true }); // first, so a half-removed photo reads as absent
    await rm(`${base}.preview.jpg`, { force: true });
    await rm(`${base}.thumb.jpg`, { force: true });
    for (const { ext } of Object.values(PHOTO_FORMATS)) await rm(`${base}.${ext}`, { force: true });
  }
}

/** Like Promise.all, but waits for every write to end before failing, so a cleanup never races one still running. */
async function allSettled(tasks: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
