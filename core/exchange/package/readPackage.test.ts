import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { ARTICLE_SCHEMA_VERSION, contentOf, type Article } from '../../../shared/model/article';
import { emptyPhotoMetadata } from '../../../shared/model/photo';
import { bodyFromItems, toImportSummary } from '../../../shared/exchange/importSummary';
import type { ExportArticle, ExportPhoto } from '../../../shared/exchange/types';
import { plainJpeg } from '../../media/testing/photoFiles';
import { buildPackage } from './buildPackage';
import { readPackage } from './readPackage';
import { readZip } from './readZip';
import { sha256Hex } from '../../media/sha256Hex';
import { renameEntry, zipOf } from './testing/zips';

const NOW = new Date('2024-05-01T09:30:00.000Z');

/** A small stored article with one photo, made without a library so each case can tamper freely. */
async function sample() {
  const jpeg = new Uint8Array(await plainJpeg());
  const id = sha256Hex(jpeg);
  const at = '2024-04-30T08:00:00.000Z';
  const article: Article = {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: 'pkg-test-0001',
    revision: 7,
    createdAt: at,
    updatedAt: at,
    status: 'published',
    trashedAt: null,
    ownerId: null,
    corrections: [{ at, by: '데스크', note: '2문단 수치 정정' }],
    lastTransition: null,
    language: 'ko',
    kicker: '테크',
    headline: '폐배터리…/리튬: "도시광산"?',
    deck: ['부제'],
    byline: { outlet: '한빛경제', desk: '산업부', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: 'sky@example.org' }] },
    dateline: '',
    tags: ['배터리'],
    body: bodyFromItems([{ type: 'paragraph', text: '첫 문단' }, { type: 'figure', photoId: id, caption: '작업자', credit: '한빛경제신문사진부데스크팀', alt: '대체' }]),
    lengthTarget: null,
    deskNote: '데스크 메모',
    embargo: null,
    keptFindings: [],
  };
  const photo: ExportPhoto = { id, fileName: 'photo-01.jpg', mimeType: 'image/jpeg', width: 64, height: 48, metadata: emptyPhotoMetadata() };
  const exportArticle = { id: article.id, language: 'ko', photos: [photo], figures: [{ photoId: id, caption: '작업자', credit: '한빛경제신문사진부데스크팀', alt: '대체', photo }] } as unknown as ExportArticle;
  const { zip, warnings } = await buildPackage({ article, exportArticle, files: [{ path: 'article.txt', bytes: new TextEncoder().encode('본문') }], photoBytes: async () => jpeg, now: NOW });
  return { article, jpeg, id, zip, warnings };
}

/** The package's files, changed by `edit`, zipped again (the manifest is not recomputed unless `edit` does it). */
async function rezip(zip: Uint8Array, edit: (files: Map<string, Uint8Array>) => void): Promise<Uint8Array> {
  const files = await readZip(zip, 'x.zip');
  edit(files);
  return zipOf([...files].map(([name, bytes]) => ({ name, bytes })));
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const json = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b));

/** Rewrites the manifest's entry for `path` so only the deeper checks can catch the change. */
function rehash(files: Map<string, Uint8Array>, path: string) {
  const manifest = json(files.get('manifest.json')!);
  const entry = manifest.files.find((f: { path: string }) => f.path === path);
  entry.bytes = files.get(path)!.length;
  entry.sha256 = sha256Hex(files.get(path)!);
  files.set('manifest.json', utf8(JSON.stringify(manifest)));
}

async function reason(bytes: Uint8Array): Promise<unknown> {
  try {
    await readPackage(bytes, 'story.zip');
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('importFailed');
    expect((err as ApiError).params.file).toBe('story.zip');
    return (err as ApiError).params.reason;
  }
  throw new Error('expected a refusal');
}

describe('readPackage', () => {
  it('gives back the article, its state and its photos under their original ids', async () => {
    const { article, jpeg, id, zip, warnings } = await sample();
    expect(warnings).toEqual([{ file: 'photo-01.jpg', field: 'credit', reason: 'iimTruncated', bytes: 39, limit: 32 }]);
    const imported = await readPackage(zip, 'story.zip');
    expect(imported.article).toEqual(article);
    expect(imported.content).toEqual(contentOf(article));
    expect(toImportSummary(imported.content)).toEqual(toImportSummary(contentOf(article)));
    expect(imported.original).toEqual({ status: 'published', createdAt: article.createdAt, corrections: article.corrections });
    expect(imported.photos).toHaveLength(1);
    expect(imported.photos[0].name).toBe('photo-01.jpg');
    expect(imported.photos[0].bytes).toEqual(jpeg);
    expect(sha256Hex(imported.photos[0].bytes)).toBe(id);
  });

  it('warns when a figure\'s photo is not in the package', async () => {
    const { zip } = await sample();
    const other = await rezip(zip, (files) => {
      const a = json(files.get('article.json')!);
      a.body.content.push({ type: 'figure', attrs: { photoId: 'f'.repeat(64), credit: '', alt: '' }, content: [{ type: 'figureCaption' }] });
      files.set('article.json', utf8(JSON.stringify(a)));
      rehash(files, 'article.json');
    });
    expect((await readPackage(other, 'story.zip')).warnings).toEqual([{ key: 'photosMissing', values: { count: '1' } }]);
  });

  it('upgrades a package from an older Copydesk: a wire byline\'s place becomes the dateline; refuses a newer one', async () => {
    const { zip } = await sample();
    const withArticle = (edit: (a: Record<string, unknown>) => Record<string, unknown>) =>
      rezip(zip, (files) => {
        files.set('article.json', utf8(JSON.stringify(edit(json(files.get('article.json')!)))));
        rehash(files, 'article.json');
      });
    const older = await withArticle((a) => ({ ...a, schemaVersion: 2, byline: { ...(a.byline as object), desk: '부산', templateId: 'ko-wire' } }));
    const imported = await readPackage(older, 'story.zip');
    expect(imported.article).toMatchObject({ schemaVersion: ARTICLE_SCHEMA_VERSION, dateline: '부산', byline: { desk: '', templateId: 'ko-wire' } });
    expect(await reason(await withArticle((a) => ({ ...a, schemaVersion: ARTICLE_SCHEMA_VERSION + 1 })))).toBe('schema');
  });

  it('refuses what is not a zip (malformed) and a zip that is not ours (badPackage)', async () => {
    expect(await reason(utf8('PK but not really'))).toBe('malformed');
    expect(await reason(await zipOf([{ name: 'readme.txt', bytes: utf8('hello') }]))).toBe('badPackage');
  });

  it('refuses a missing or invalid manifest', async () => {
    const { zip } = await sample();
    expect(await reason(await rezip(zip, (f) => f.delete('manifest.json')))).toBe('badPackage');
    expect(await reason(await rezip(zip, (f) => f.set('manifest.json', utf8('{"format":"copydesk-package"}'))))).toBe('badPackage');
    expect(await reason(await rezip(zip, (f) => f.set('manifest.json', utf8('not json'))))).toBe('badPackage');
    const newer = await rezip(zip, (f) => f.set('manifest.json', utf8(JSON.stringify({ ...json(f.get('manifest.json')!), version: 2 }))));
    expect(await reason(newer)).toBe('badPackage');
  });

  it('refuses a file that does not match its checksum, or is not listed', async () => {
    const { zip } = await sample();
    expect(await reason(await rezip(zip, (f) => f.set('formats/article.txt', utf8('바뀐 본문'))))).toBe('badPackage');
    expect(await reason(await rezip(zip, (f) => f.set('formats/extra.exe', utf8('MZ'))))).toBe('badPackage');
    expect(await reason(await rezip(zip, (f) => f.delete('photos/photo-01.jpg')))).toBe('badPackage');
  });

  it('refuses an original photo that is not the photo its id names, even with a fresh checksum', async () => {
    const { zip } = await sample();
    const swapped = await rezip(zip, (files) => {
      files.set('photos/original/photo-01.jpg', utf8('not the photo'));
      rehash(files, 'photos/original/photo-01.jpg');
    });
    expect(await reason(swapped)).toBe('badPackage');
  });

  it('refuses an article.json that is not a valid Article (schema) or not JSON (malformed)', async () => {
    const { zip } = await sample();
    const invalid = await rezip(zip, (files) => {
      files.set('article.json', utf8(JSON.stringify({ ...json(files.get('article.json')!), status: 'stolen', id: '../../x' })));
      rehash(files, 'article.json');
    });
    expect(await reason(invalid)).toBe('schema');
    const broken = await rezip(zip, (files) => {
      files.set('article.json', utf8('{ nope'));
      rehash(files, 'article.json');
    });
    expect(await reason(broken)).toBe('malformed');
  });

  it('refuses a package with a zip-slip entry', async () => {
    const { zip } = await sample();
    const evil = renameEntry(await rezip(zip, (f) => f.set('aa/evil.sh', utf8('rm -rf'))), 'aa/evil.sh', '../evil.sh');
    expect(await reason(evil)).toBe('hostile');
  });
});
