import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { ApiError } from '../../../shared/contract/errors';
import { contentOf } from '../../../shared/model/article';
import { toImportSummary } from '../../../shared/exchange/importSummary';
import type { ExportFile } from '../../../shared/exchange/types';
import { figuresIn } from '../../../shared/photos/figures';
import { openSampleLibrary } from '../testing/sampleArticles';
import { readPhotoMetadata } from '../../media/readPhotoMetadata';
import { buildPackage } from './buildPackage';
import { readPackage } from './readPackage';
import { readZip } from './readZip';
import { ManifestSchema } from './manifest';
import { sha256Hex } from '../../media/sha256Hex';

const NOW = new Date('2024-05-01T09:30:00.000Z');
const FORMATS: ExportFile[] = ['article.html', 'article.txt', 'article.md', 'article.nitf.xml', 'article.ninjs.json', 'article.newsml.xml', 'article.docx', 'article.pdf'].map((path) => ({
  path,
  bytes: new TextEncoder().encode(`rendered ${path} 한글`),
}));

describe('buildPackage → readPackage', () => {
  it('round-trips both sample articles losslessly, with verified checksums and resolvable photos', async () => {
    const lib = await openSampleLibrary();
    try {
      for (const article of [lib.ko, lib.en]) {
        const exportArticle = await lib.exportOf(article);
        const { zip, warnings } = await buildPackage({ article, exportArticle, files: FORMATS, photoBytes: async (p) => lib.photoBytes.get(p.id)!, now: NOW });

        // Layout and manifest: every other file listed with its size and hash.
        const files = await readZip(zip, 'pkg.zip');
        const manifest = ManifestSchema.parse(JSON.parse(new TextDecoder().decode(files.get('manifest.json'))));
        expect(manifest).toMatchObject({ format: 'copydesk-package', version: 1, createdAt: NOW.toISOString(), article: { id: article.id, headline: article.headline, language: article.language } });
        expect(manifest.files.map((f) => f.path).sort()).toEqual([...files.keys()].filter((p) => p !== 'manifest.json').sort());
        for (const f of manifest.files) expect(sha256Hex(files.get(f.path)!), f.path).toBe(f.sha256);
        for (const f of FORMATS) expect(files.get(`formats/${f.path}`)).toEqual(f.bytes);
        expect(files.has('photos/photo-01.jpg')).toBe(true);
        expect(files.has('photos/original/photo-01.jpg')).toBe(true);
        expect(warnings).toEqual([]);

        // Caption and credit from the figure are in the packaged photo; the pixels are the original's.
        const fig = exportArticle.figures[0];
        const written = await readPhotoMetadata(files.get('photos/photo-01.jpg')!);
        expect(written.caption).toBe(fig.caption);
        expect(written.credit).toBe(fig.credit);
        expect(written.altText).toBe(fig.alt);
        const original = lib.photoBytes.get(fig.photoId)!;
        expect((await sharp(files.get('photos/photo-01.jpg')!).raw().toBuffer()).equals(await sharp(original).raw().toBuffer())).toBe(true);
        expect(files.get('photos/original/photo-01.jpg')).toEqual(original);

        const imported = await readPackage(zip, 'pkg.zip');
        expect(imported.format).toBe('package');
        expect(imported.article).toEqual(article);
        expect(imported.content).toEqual(contentOf(article));
        expect(toImportSummary(imported.content)).toEqual(toImportSummary(contentOf(article)));
        expect(imported.original).toEqual({ status: article.status, createdAt: article.createdAt, corrections: article.corrections });
        expect(imported.warnings).toEqual([]);
        // Every figure's photo id is the SHA-256 of a photo in the package.
        const ids = new Set(imported.photos.map((p) => sha256Hex(p.bytes)));
        const used = figuresIn(imported.content.body).map((f) => f.photoId);
        expect(used.length).toBe(2);
        for (const id of used) expect(ids.has(id), id).toBe(true);
      }
    } finally {
      await lib.cleanup();
    }
  });

  it('warns when a long credit is cut in the photo\'s IIM', async () => {
    const lib = await openSampleLibrary();
    try {
      const exportArticle = await lib.exportOf(lib.ko);
      exportArticle.figures[0].credit = '한빛경제신문사진부데스크팀';
      const { warnings } = await buildPackage({ article: lib.ko, exportArticle, files: [], photoBytes: async (p) => lib.photoBytes.get(p.id)!, now: NOW });
      expect(warnings).toEqual([{ file: 'photo-01.jpg', field: 'credit', reason: 'iimTruncated', bytes: 39, limit: 32 }]);
    } finally {
      await lib.cleanup();
    }
  });

  it('refuses a photo whose bytes are not the photo, and an unsafe format path', async () => {
    const lib = await openSampleLibrary();
    try {
      const exportArticle = await lib.exportOf(lib.en);
      const wrong = buildPackage({ article: lib.en, exportArticle, files: [], photoBytes: async () => new Uint8Array([1, 2, 3]), now: NOW });
      await expect(wrong).rejects.toMatchObject({ code: 'exportFailed', params: { reason: 'photoMissing', file: 'photo-01.jpg' } });
      const missing = buildPackage({ article: lib.en, exportArticle, files: [], photoBytes: async () => { throw new Error('gone'); }, now: NOW });
      await expect(missing).rejects.toBeInstanceOf(ApiError);
      const evil = buildPackage({ article: lib.en, exportArticle, files: [{ path: '../evil.txt', bytes: new Uint8Array() }], photoBytes: async (p) => lib.photoBytes.get(p.id)!, now: NOW });
      await expect(evil).rejects.toMatchObject({ code: 'exportFailed', params: { reason: 'renderFailed' } });
    } finally {
      await lib.cleanup();
    }
  });
});
