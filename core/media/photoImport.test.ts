// Importing photos through the core's API, on a real library folder: dedupe by content, metadata
// prefill, every kind of bad file refused with its reason and nothing left behind, and photos
// kept while any article still uses them.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import type { ArticleContent } from '../../shared/model/article';
import { content, openTestCore } from '../testing/tempLibrary';
import { bombPng, plainJpeg } from './testing/photoFiles';
import { fixturePhoto } from '../../testing/fixturePhotos';
import { useTestCore } from '../testing/useTestCore';

const lib = useTestCore();

async function mediaFiles(): Promise<string[]> {
  try {
    return (await readdir(join(lib.dir, 'media'), { recursive: true })).filter((n) => n.includes('.')).sort();
  } catch {
    return [];
  }
}

async function refusal(name: string, bytes: Uint8Array): Promise<ApiError> {
  const err = await lib.core.handlers.importPhoto({ actor: lib.actor, name, bytes }).then(() => null, (e: unknown) => e);
  expect(err, name).toBeInstanceOf(ApiError);
  return err as ApiError;
}

function withFigure(photoId: string): ArticleContent {
  const c = content('사진 기사');
  return { ...c, body: { type: 'doc', content: [{ type: 'figure', attrs: { photoId, credit: '', alt: '' }, content: [{ type: 'figureCaption' }] }] } };
}

describe('importing a photo', () => {
  it('stores the original byte for byte, a preview and its metadata', async () => {
    const fixture = await fixturePhoto('staff-xmp-and-iim.jpg');
    const bytes = fixture.bytes;
    const { photo, existed } = await lib.core.handlers.importPhoto({ actor: lib.actor, name: 'farm.jpg', bytes });
    expect(existed).toBe(false);
    expect(photo.id).toMatch(/^[a-f0-9]{64}$/);
    expect(photo.metadata.credit).toBe('Coastline Herald');
    expect(photo.metadata.creator).toEqual(['Ines Okafor']);
    expect([photo.width, photo.height]).toEqual([fixture.width, fixture.height]);
    const original = await lib.core.mediaFile(photo.id, 'original');
    expect(Buffer.compare(await readFile(original!.path), bytes)).toBe(0);
    const preview = await lib.core.mediaFile(photo.id, 'preview');
    const meta = await sharp(await readFile(preview!.path)).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1280);
    const thumb = await sharp(await readFile((await lib.core.mediaFile(photo.id, 'thumb'))!.path)).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(256); // the panel's thumbnail, small enough to list dozens
    expect(await lib.core.handlers.getPhotos({ actor: lib.actor, ids: [photo.id, 'f'.repeat(64)] })).toEqual([photo]);
  });

  it('keeps the same photo once, whatever its name', async () => {
    const bytes = await plainJpeg(300, 200);
    const a = await lib.core.handlers.importPhoto({ actor: lib.actor, name: 'a.jpg', bytes });
    const b = await lib.core.handlers.importPhoto({ actor: lib.actor, name: 'copy of a.JPG', bytes });
    const both = await Promise.all([1, 2].map(() => lib.core.handlers.importPhoto({ actor: lib.actor, name: 'c.jpg', bytes })));
    expect(b.photo.id).toBe(a.photo.id);
    expect(b.existed).toBe(true);
    expect(both.every((r) => r.existed && r.photo.id === a.photo.id)).toBe(true);
    expect(await mediaFiles()).toHaveLength(4); // original, preview, thumbnail, info
  });

  it('refuses bad files with a reason naming the file, and writes nothing', async () => {
    const jpeg = await plainJpeg(400, 300);
    const cases: [string, Uint8Array, string][] = [
      ['empty.jpg', new Uint8Array(0), 'empty'],
      // Text bytes: "only named like a photo" for a .jpg, plainly "not an image" for a .txt.
      ['notes.jpg', new TextEncoder().encode('This is a text file, not a photo.\n'.repeat(20)), 'imageNameOnly'],
      ['notes.txt', new TextEncoder().encode('This is a text file, not a photo.\n'.repeat(20)), 'notImage'],
      ['cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'truncated'],
      ['bomb.png', await bombPng(), 'tooManyPixels'],
      ['chart.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>'), 'svg'],
      ['logo.png', new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'), 'svg'],
    ];
    for (const [name, bytes, reason] of cases) {
      const err = await refusal(name, bytes);
      expect(err.code).toBe('photoRejected');
      expect(err.params, name).toMatchObject({ file: name, reason });
    }
    expect(await mediaFiles()).toEqual([]);
  });

  it('refuses a file over the configured size limit', async () => {
    await lib.core.handlers.updateSettings({ actor: lib.actor, photos: { ...(await lib.core.handlers.getSettings({})).photos, maxFileMB: 1 } });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(await plainJpeg());
    const err = await refusal('huge.jpg', big);
    expect(err.params).toMatchObject({ file: 'huge.jpg', reason: 'tooLarge', limitMB: 1 });
    expect(await mediaFiles()).toEqual([]);
  });

  it('refuses malformed payloads at the boundary', async () => {
    const { dispatch } = await import('../../shared/contract/dispatch');
    const res = await dispatch(lib.core.handlers, 'importPhoto', { actor: lib.actor, name: 'x.jpg', bytes: 'not bytes' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('invalidInput');
  });
});

describe('deleting articles', () => {
  it('deletes a photo only when no article uses it any more', async () => {
    const { photo } = await lib.core.handlers.importPhoto({ actor: lib.actor, name: 'p.jpg', bytes: await plainJpeg(320, 240) });
    const one = await lib.core.handlers.createArticle({ actor: lib.actor });
    const two = await lib.core.handlers.createArticle({ actor: lib.actor });
    await lib.core.handlers.saveArticle({ id: one.id, actor: lib.actor, baseRevision: 0, content: withFigure(photo.id) });
    await lib.core.handlers.saveArticle({ id: two.id, actor: lib.actor, baseRevision: 0, content: withFigure(photo.id) });

    await lib.core.handlers.trashArticle({ id: one.id, actor: lib.actor });
    await lib.core.handlers.emptyTrash({ actor: lib.actor });
    expect(await lib.core.mediaFile(photo.id, 'original')).not.toBeNull(); // `two` still uses it

    await lib.core.handlers.trashArticle({ id: two.id, actor: lib.actor });
    await lib.core.handlers.emptyTrash({ actor: lib.actor });
    expect(await lib.core.mediaFile(photo.id, 'original')).toBeNull();
    expect(await mediaFiles()).toEqual([]);
  });

  it('sweeps photos no article uses once they are a day old, and only then', async () => {
    let now = new Date('2026-11-27T09:00:00Z');
    await lib.core.close();
    lib.core = await openTestCore(lib.dir, () => now);
    const { photo: orphan } = await lib.core.handlers.importPhoto({ actor: lib.actor, name: 'unused.jpg', bytes: await plainJpeg(100, 80) });
    const { photo: kept } = await lib.core.handlers.importPhoto({ actor: lib.actor, name: 'used.jpg', bytes: await plainJpeg(120, 80) });
    const a = await lib.core.handlers.createArticle({ actor: lib.actor });
    await lib.core.handlers.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: withFigure(kept.id) });

    await lib.core.handlers.emptyTrash({ actor: lib.actor }); // same day: a photo waiting for its article's first save stays
    expect(await lib.core.mediaFile(orphan.id, 'original')).not.toBeNull();

    now = new Date('2026-11-28T10:00:00Z');
    await lib.core.handlers.emptyTrash({ actor: lib.actor });
    expect(await lib.core.mediaFile(orphan.id, 'original')).toBeNull();
    expect(await lib.core.mediaFile(kept.id, 'original')).not.toBeNull();
  });

  it('knows which photos an article uses after the index is rebuilt', async () => {
    const { photo } = await lib.core.handlers.importPhoto({ actor: lib.actor, name: 'p.jpg', bytes: await plainJpeg(320, 240) });
    const a = await lib.core.handlers.createArticle({ actor: lib.actor });
    const b = await lib.core.handlers.createArticle({ actor: lib.actor });
    await lib.core.handlers.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: withFigure(photo.id) });
    await lib.core.handlers.saveArticle({ id: b.id, actor: lib.actor, baseRevision: 0, content: withFigure(photo.id) });
    await lib.core.close();
    const { rm } = await import('node:fs/promises');
    await rm(join(lib.dir, 'index'), { recursive: true, force: true });
    lib.core = await openTestCore(lib.dir);
    await lib.core.handlers.trashArticle({ id: a.id, actor: lib.actor });
    await lib.core.handlers.emptyTrash({ actor: lib.actor });
    expect(await lib.core.mediaFile(photo.id, 'original')).not.toBeNull();
  });
});
