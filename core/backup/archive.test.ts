// Backup archives on real disks: a round trip into another library, and archives that must be refused.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentOf, type ArticleContent } from '../../shared/model/article';
import { ApiError } from '../../shared/contract/errors';
import { addPerson } from '../testing/people';
import { content } from '../testing/tempLibrary';
import { plainJpeg } from '../media/testing/photoFiles';
import { readZip, ZIP_LIMITS } from '../exchange/package/readZip';
import { declareSize, renameEntry, zipOf, type ZipEntryInput } from '../exchange/package/testing/zips';
import { sha256Hex } from '../media/sha256Hex';
import { jobId, openTestLibrary, write, type TestLibrary } from './testing/backupTesting';

const open: TestLibrary[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
});
async function library(): Promise<TestLibrary> {
  const l = await openTestLibrary();
  open.push(l);
  return l;
}

function withPhoto(headline: string, photoId: string): ArticleContent {
  const c = content(headline, '사진 기사 본문');
  return { ...c, body: { type: 'doc', content: [...(c.body.content ?? []), { type: 'figure', attrs: { photoId, credit: '한빛', alt: '항구' }, content: [{ type: 'figureCaption' }] }] } };
}

/** A library worth carrying: articles (one with a photo, one in the trash), a reporter, an outlet. */
async function source(): Promise<{ lib: TestLibrary; archive: Buffer; photo: { id: string; bytes: Buffer } }> {
  const lib = await library();
  await lib.call('updateSettings', { actor: lib.actor, outlet: '한빛경제' });
  await addPerson(lib.core, '김하늘', 'reporter', lib.actor);
  const bytes = await plainJpeg(90, 60, { r: 30, g: 140, b: 90 });
  const { photo } = await lib.call('importPhoto', { actor: lib.actor, name: '항구.jpg', bytes });
  const pictured = await lib.call('createArticle', { actor: lib.actor });
  await lib.call('saveArticle', { id: pictured.id, actor: lib.actor, baseRevision: 0, content: withPhoto('항구의 아침', photo.id) });
  await write(lib, '배터리 재활용 공장', '폐배터리를 모아 다시 쓴다.');
  const binned = await write(lib, '버린 기사', '휴지통에 있다');
  await lib.call('trashArticle', { id: binned.id, actor: lib.actor });
  const backup = await lib.call('createBackup', { actor: lib.actor });
  const exported = await lib.call('exportBackupArchive', { actor: lib.actor, jobId: jobId(), snapshot: backup.id });
  expect(exported.cancelled).toBe(false);
  expect(exported.path.startsWith(join(lib.dir, 'exports'))).toBe(true);
  const archive = await readFile(exported.path);
  expect(archive.length).toBe(exported.bytes);
  return { lib, archive, photo: { id: photo.id, bytes } };
}

/** Everything an import could have touched: articles, people, settings, and the backup store. */
async function state(lib: TestLibrary) {
  const list = async (dir: string) => (await readdir(dir, { recursive: true }).catch(() => [] as string[])).sort();
  return {
    active: await lib.call('listArticles', { actor: lib.actor, scope: 'active' }),
    trash: await lib.call('listArticles', { actor: lib.actor, scope: 'trash' }),
    people: await lib.call('listPeople', {}),
    settings: await lib.call('getSettings', {}),
    backups: await list(join(lib.dir, 'backups')),
    media: await list(join(lib.dir, 'media')),
  };
}

async function refused(lib: TestLibrary, name: string, bytes: Uint8Array): Promise<ApiError> {
  const err = await lib.call('importBackupArchive', { actor: lib.actor, jobId: jobId(), name, bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('a backup archive', () => {
  it('carries a library into an empty one: the same articles, photos, people and settings', async () => {
    const { lib: from, archive, photo } = await source();
    const to = await library();
    const readBack = vi.spyOn(to.core.backups.objects, 'get');
    const result = await to.call('importBackupArchive', { actor: to.actor, jobId: jobId(), name: 'backup.zip', bytes: archive });
    expect(result).toMatchObject({ restored: 3, unchanged: 0, trashed: 0, failed: [], settings: true, cancelled: false });
    // The articles are restored from the bytes checked as the archive was read, not read back from
    // the store they were copied to (settings, people and the list of articles may be).
    const imported = (await to.call('listBackups', { actor: to.actor })).find((b) => b.reason === 'import')!;
    const manifest = JSON.parse(await readFile(join(to.dir, 'backups', 'snapshots', `${imported.id}.json`), 'utf8')) as { settings: string; people: string; chunks: string[] };
    const notArticles = new Set([manifest.settings, manifest.people, ...manifest.chunks]);
    expect(readBack.mock.calls.filter(([hash]) => !notArticles.has(hash))).toEqual([]);
    readBack.mockRestore();

    for (const scope of ['active', 'trash'] as const) {
      const a = (await from.call('listArticles', { actor: from.actor, scope })).map((s) => [s.id, s.headline, s.status]).sort();
      const b = (await to.call('listArticles', { actor: to.actor, scope })).map((s) => [s.id, s.headline, s.status]).sort();
      expect(b).toEqual(a);
    }
    for (const s of [...(await from.call('listArticles', { actor: from.actor, scope: 'active' })), ...(await from.call('listArticles', { actor: from.actor, scope: 'trash' }))]) {
      const original = await from.call('getArticle', { actor: from.actor, id: s.id });
      const copy = await to.call('getArticle', { actor: to.actor, id: s.id });
      expect(contentOf(copy)).toEqual(contentOf(original));
      expect([copy.createdAt, copy.ownerId, copy.corrections]).toEqual([original.createdAt, original.ownerId, original.corrections]);
    }
    const file = await to.core.mediaFile(photo.id, 'original');
    expect(Buffer.compare(await readFile(file!.path), photo.bytes)).toBe(0);
    expect((await to.call('getPhotos', { actor: to.actor, ids: [photo.id] }))[0]).toEqual((await from.call('getPhotos', { actor: from.actor, ids: [photo.id] }))[0]);
    expect((await to.call('listPeople', {})).map((p) => p.name).sort()).toEqual(['관리자', '관리자', '김하늘'].sort());
    expect((await to.call('getSettings', {})).outlet).toBe('한빛경제');
    // The archive is kept as a snapshot to browse, beside the one taken before the import.
    const list = await to.call('listBackups', { actor: to.actor });
    expect(list.map((b) => b.reason).sort()).toEqual(['beforeRestore', 'import']);
    expect(list.find((b) => b.reason === 'import')).toMatchObject({ source: 'backup.zip', articles: 2, trashed: 1, photos: 1 });
    // Each article's history in the new library starts with the restore, its audit entry in the same one file.
    for (const s of await to.call('listArticles', { actor: to.actor, scope: 'active' })) {
      expect(await readdir(join(to.dir, 'history', s.id))).toEqual(['v000001.json.gz']);
      const { versions, audit } = await to.call('getHistory', { actor: to.actor, id: s.id });
      expect(versions.map((v) => v.kind)).toEqual(['restore']);
      expect(audit.map((e) => e.action)).toEqual(['restoreBackup']);
    }
  });

  it('refuses an archive whose files do not match their checksums, changing nothing', async () => {
    const { archive } = await source();
    const entries = await readZip(archive, 'a.zip', { ...ZIP_LIMITS, maxEntries: 10_000 });
    const rebuild = (edit: (name: string, bytes: Uint8Array) => Uint8Array | null, extra: ZipEntryInput[] = []) =>
      zipOf([...[...entries].flatMap(([name, bytes]) => {
        const next = edit(name, bytes);
        return next ? [{ name, bytes: next, compress: name === 'backup.json' }] : [];
      }), ...extra]);
    const to = await library();
    await write(to, '원래 있던 기사', '그대로여야 한다');
    const before = await state(to);

    const manifest = JSON.parse(Buffer.from(entries.get('backup.json')!).toString('utf8')) as { snapshot: { chunks: string[] } };
    const someObject = [...entries.keys()].find((n) => n.startsWith('objects/') && !manifest.snapshot.chunks.some((c) => n.includes(c)))!;
    const cases: [string, Promise<Buffer>, string][] = [
      // An article rewritten inside the archive (valid gzip, wrong content for its name).
      ['swapped.zip', rebuild((n, b) => (n === someObject ? gzipSync(Buffer.from('{"id":"x"}')) : b)), 'tampered'],
      // An article left out.
      ['missing.zip', rebuild((n, b) => (n === someObject ? null : b)), 'tampered'],
      // A photo's original replaced.
      ['photo.zip', rebuild((n, b) => (n.endsWith('.jpg') && !n.includes('.preview.') && !n.includes('.thumb.') ? Buffer.concat([Buffer.from(b), Buffer.from([0])]) : b)), 'tampered'],
      // A file no backup has.
      ['extra.zip', rebuild((_, b) => b, [{ name: 'notes.txt', bytes: Buffer.from('hi') }]), 'notArchive'],
      // The list of articles replaced by something that is not JSON (under its own checksum).
      [
        'chunk.zip',
        rebuild(
          (n, b) => {
            if (n === 'backup.json') return Buffer.from(JSON.stringify({ ...manifest, snapshot: { ...manifest.snapshot, chunks: [sha256Hex(Buffer.from('not json'))] } }));
            return manifest.snapshot.chunks.some((c) => n.includes(c)) ? null : b;
          },
          [{ name: `objects/${sha256Hex(Buffer.from('not json'))}.gz`, bytes: gzipSync(Buffer.from('not json')) }],
        ),
        'tampered',
      ],
      // An object nothing refers to.
      ['stray.zip', rebuild((_, b) => b, [{ name: `objects/${sha256Hex(Buffer.from('stray'))}.gz`, bytes: gzipSync(Buffer.from('stray')) }]), 'tampered'],
      // Not a backup at all.
      ['nobackup.zip', zipOf([{ name: 'article.json', bytes: Buffer.from('{}') }]), 'notArchive'],
      ['text.zip', Promise.resolve(Buffer.from('not a zip at all')), 'notArchive'],
      // From a newer Copydesk.
      ['newer.zip', rebuild((n, b) => (n === 'backup.json' ? Buffer.from(JSON.stringify({ ...manifest, version: 99 })) : b)), 'newerVersion'],
    ];
    for (const [name, zip, reason] of cases) {
      const err = await refused(to, name, await zip);
      expect([name, err.code, err.params.reason, err.params.file]).toEqual([name, 'backupFailed', reason, name]);
      expect(await state(to)).toEqual(before);
    }
  });

  it('refuses zip-slip names and bombs before reading them, changing nothing', async () => {
    const { archive } = await source();
    const to = await library();
    const before = await state(to);
    const firstObject = /objects\/[a-f0-9]{64}\.gz/.exec(archive.toString('latin1'))![0];
    const slip = renameEntry(archive, firstObject, `../../../../${firstObject.slice(12)}`);
    expect((await refused(to, 'slip.zip', slip)).params.reason).toBe('hostile');
    // An entry that says it is small and inflates to 20 MB of zeros.
    const manifest = (await readZip(archive, 'a.zip', { ...ZIP_LIMITS, maxEntries: 10_000 })).get('backup.json')!;
    const bomb = declareSize(await zipOf([{ name: 'backup.json', bytes: manifest }, { name: firstObject, zeros: 20 * 1024 * 1024 }]), firstObject, 1000);
    expect((await refused(to, 'bomb.zip', bomb)).params.reason).toBe('hostile');
    // 480 entries of 1 MB of zeros in a 540 KB zip (each about 930:1), refused before any is inflated.
    const many = await zipOf([{ name: 'backup.json', bytes: manifest }, ...Array.from({ length: 480 }, (_, i) => ({ name: `photos/p${i}/x.jpg`, zeros: 1024 * 1024 }))]);
    const rss = process.memoryUsage().rss;
    expect((await refused(to, 'many.zip', many)).params.reason).toBe('hostile');
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * 1024 * 1024);
    expect(await state(to)).toEqual(before);
  });

  it('takes back what it had copied when the import is cancelled while checking', async () => {
    const { archive } = await source();
    const to = await library();
    const before = await state(to);
    const controller = new AbortController();
    let steps = 0;
    const job = { signal: controller.signal, step: () => ++steps === 3 && controller.abort() };
    await expect(to.core.backups.importArchive(to.actor, { name: 'a.zip', bytes: archive }, job)).rejects.toMatchObject({ code: 'cancelled' });
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(await state(to)).toEqual(before);
  });

  it('leaves no half-written archive when the export is cancelled', async () => {
    const lib = await library();
    await write(lib, '기사', '원고');
    const backup = await lib.call('createBackup', { actor: lib.actor });
    const result = await lib.core.backups.exportArchive(lib.actor, backup.id, { signal: AbortSignal.abort(), step: () => undefined });
    expect(result).toMatchObject({ cancelled: true, path: '' });
    expect(await readdir(join(lib.dir, 'exports')).catch(() => [])).toEqual([]);
  });

  it('is the admin’s to export and import', async () => {
    const lib = await library();
    const editor = await addPerson(lib.core, '박편집', 'editor', lib.actor);
    const backup = await lib.call('createBackup', { actor: lib.actor });
    await expect(lib.call('exportBackupArchive', { actor: editor, jobId: jobId(), snapshot: backup.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(lib.call('importBackupArchive', { actor: editor, jobId: jobId(), name: 'a.zip', bytes: new Uint8Array([1]) })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
