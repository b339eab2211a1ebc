// Restoring from a snapshot on a real library: one article, the whole library, lost photos, damage.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { ArticleContent } from '../../shared/model/article';
import { addPerson } from '../testing/people';
import { content } from '../testing/tempLibrary';
import { plainJpeg } from '../media/testing/photoFiles';
import { bodyText, jobId, openTestLibrary, rewrite, write, type TestLibrary } from './testing/backupTesting';
import { parseLog } from '../storage/appendLogFormat';

let lib: TestLibrary;
afterEach(async () => {
  await lib?.close();
});

function withPhoto(headline: string, photoId: string): ArticleContent {
  const c = content(headline, '사진 설명 기사');
  return { ...c, body: { type: 'doc', content: [...(c.body.content ?? []), { type: 'figure', attrs: { photoId, credit: '', alt: '' }, content: [{ type: 'figureCaption' }] }] } };
}

describe('restoring one article', () => {
  it('brings back its text as a new revision, and its history keeps the text it replaced', async () => {
    lib = await openTestLibrary();
    const a = await write(lib, '배터리 재활용', '첫 원고');
    const other = await write(lib, '다른 기사', '그대로');
    const backup = await lib.call('createBackup', { actor: lib.actor });
    const changed = await rewrite(lib, a.id, '잘못 고친 원고');
    const otherNow = await rewrite(lib, other.id, '이것도 고침');

    const result = await lib.call('restoreBackup', { actor: lib.actor, jobId: jobId(), snapshot: backup.id, ids: [a.id] });
    expect(result).toMatchObject({ restored: 1, unchanged: 0, trashed: 0, failed: [], cancelled: false, undoBackup: null });

    const restored = await lib.call('getArticle', { actor: lib.actor, id: a.id });
    expect(bodyText(restored)).toBe('첫 원고');
    expect(restored.revision).toBe(changed.revision + 1);
    const { versions, audit } = await lib.call('getHistory', { actor: lib.actor, id: a.id });
    expect(audit.at(-1)).toMatchObject({ action: 'restoreBackup', actorId: lib.actor, note: backup.createdAt });
    const texts = await Promise.all(versions.map(async (v) => bodyText(await lib.call('getVersion', { actor: lib.actor, id: a.id, seq: v.seq }))));
    expect(texts).toContain('잘못 고친 원고');
    // Only the article asked for.
    expect(bodyText(await lib.call('getArticle', { actor: lib.actor, id: other.id }))).toBe(bodyText(otherNow));
    expect((await lib.call('getBackup', { actor: lib.actor, snapshot: backup.id, query: '배터리' })).rows[0].now).toBe('same');
  });

  it('re-creates an article that was deleted, with the photo emptying the trash took', async () => {
    lib = await openTestLibrary();
    const jpeg = await plainJpeg(80, 60, { r: 10, g: 120, b: 200 });
    const { photo } = await lib.call('importPhoto', { actor: lib.actor, name: 'harbour.jpg', bytes: jpeg });
    const created = await lib.call('createArticle', { actor: lib.actor });
    await lib.call('saveArticle', { id: created.id, actor: lib.actor, baseRevision: 0, content: withPhoto('항구 사진 기사', photo.id) });
    const backup = await lib.call('createBackup', { actor: lib.actor });
    expect(backup.photos).toBe(1);
    await lib.call('trashArticle', { id: created.id, actor: lib.actor });
    await lib.call('emptyTrash', { actor: lib.actor });
    expect(await lib.core.mediaFile(photo.id, 'original')).toBeNull();

    const result = await lib.call('restoreBackup', { actor: lib.actor, jobId: jobId(), snapshot: backup.id, ids: [created.id] });
    expect(result).toMatchObject({ restored: 1, photos: 1, failed: [] });
    const back = await lib.call('getArticle', { actor: lib.actor, id: created.id });
    expect(back.headline).toBe('항구 사진 기사');
    expect(back.trashedAt).toBeNull();
    const original = await lib.core.mediaFile(photo.id, 'original');
    expect(Buffer.compare(await readFile(original!.path), jpeg)).toBe(0);
    expect(await lib.core.mediaFile(photo.id, 'thumb')).not.toBeNull();
  });

  it('reports a damaged backup file and leaves the article as it is', async () => {
    lib = await openTestLibrary();
    const a = await write(lib, '손상 시험', '백업된 원고');
    const backup = await lib.call('createBackup', { actor: lib.actor });
    await rewrite(lib, a.id, '지금 원고');
    // Damage every stored object that is this article's backed-up file.
    for (const h of await lib.core.backups.objects.list()) {
      const raw = await lib.core.backups.objects.get(h);
      if (raw.toString('utf8').includes('백업된 원고')) await writeFile(lib.core.backups.objects.pathOf(h), gzipSync(Buffer.from(raw.toString('utf8').replace('백업된 원고', '바뀐 원고!'))));
    }
    const result = await lib.call('restoreBackup', { actor: lib.actor, jobId: jobId(), snapshot: backup.id, ids: [a.id] });
    expect(result.restored).toBe(0);
    expect(result.failed).toEqual([expect.objectContaining({ id: a.id, error: expect.objectContaining({ code: 'backupFailed', params: { reason: 'damaged' } }) })]);
    expect(bodyText(await lib.call('getArticle', { actor: lib.actor, id: a.id }))).toBe('지금 원고');
  });

  it('is for the desk: a reporter may browse backups but not restore from them', async () => {
    lib = await openTestLibrary();
    const reporter = await addPerson(lib.core, '김기자', 'reporter', lib.actor);
    const a = await write(lib, '기사', '원고');
    const backup = await lib.call('createBackup', { actor: reporter });
    expect((await lib.call('getBackup', { actor: lib.actor, snapshot: backup.id })).total).toBe(1);
    await expect(lib.call('restoreBackup', { actor: reporter, jobId: jobId(), snapshot: backup.id, ids: [a.id] })).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'role' } });
  });
});

describe('restoring the whole library', () => {
  it('puts every article, person and setting back, trashes what is newer, and can be undone', async () => {
    lib = await openTestLibrary();
    await lib.call('updateSettings', { actor: lib.actor, outlet: '한빛경제' });
    const reporter = await addPerson(lib.core, '김기자', 'reporter', lib.actor);
    const edited = await write(lib, '고쳐질 기사', '원래 원고');
    const trashedLater = await write(lib, '나중에 버린 기사', '원고');
    const inTrash = await write(lib, '원래 휴지통 기사', '원고');
    await lib.call('trashArticle', { id: inTrash.id, actor: lib.actor });
    const backup = await lib.call('createBackup', { actor: lib.actor });

    await rewrite(lib, edited.id, '나중 원고');
    await lib.call('trashArticle', { id: trashedLater.id, actor: lib.actor });
    const newer = await write(lib, '백업 뒤에 쓴 기사', '새 원고');
    await lib.call('updateSettings', { actor: lib.actor, outlet: '다른 매체', backups: { enabled: true, hourly: 3, daily: 2, weekly: 1 } });
    const people = await lib.call('listPeople', {});
    await lib.call('savePerson', { actor: lib.actor, person: { ...people.find((p) => p.id === reporter)!, desk: '정치부' } });
    const addedLater = await addPerson(lib.core, '박편집', 'editor', lib.actor);

    const result = await lib.call('restoreBackup', { actor: lib.actor, jobId: jobId(), snapshot: backup.id });
    expect(result).toMatchObject({ restored: 2, unchanged: 1, trashed: 1, failed: [], people: 1, settings: true, cancelled: false });
    expect(bodyText(await lib.call('getArticle', { actor: lib.actor, id: edited.id }))).toBe('원래 원고');
    const active = (await lib.call('listArticles', { actor: lib.actor, scope: 'active' })).map((s) => s.id).sort();
    expect(active).toEqual([edited.id, trashedLater.id].sort());
    // Written after the snapshot: in the trash, not gone.
    const trash = (await lib.call('listArticles', { actor: lib.actor, scope: 'trash' })).map((s) => s.id).sort();
    expect(trash).toEqual([inTrash.id, newer.id].sort());
    expect(bodyText(await lib.call('getArticle', { actor: lib.actor, id: newer.id }))).toBe('새 원고');
    const settings = await lib.call('getSettings', {});
    expect(settings.outlet).toBe('한빛경제');
    expect(settings.backups).toEqual({ enabled: true, hourly: 3, daily: 2, weekly: 1 }); // the schedule is this library's, not the snapshot's
    const after = await lib.call('listPeople', {});
    expect(after.find((p) => p.id === reporter)?.desk).toBe('산업부');
    expect(after.some((p) => p.id === addedLater)).toBe(true);

    // The snapshot taken just before undoes it.
    const undo = (await lib.call('listBackups', { actor: lib.actor })).find((b) => b.id === result.undoBackup);
    expect(undo).toMatchObject({ reason: 'beforeRestore', articles: 2, trashed: 2 });
    await lib.call('restoreBackup', { actor: lib.actor, jobId: jobId(), snapshot: undo!.id });
    expect(bodyText(await lib.call('getArticle', { actor: lib.actor, id: edited.id }))).toBe('나중 원고');
    expect((await lib.call('listArticles', { actor: lib.actor, scope: 'active' })).map((s) => s.id).sort()).toEqual([edited.id, newer.id].sort());
    expect((await lib.call('getSettings', {})).outlet).toBe('다른 매체');
  });

  it('stops at an article boundary when cancelled, with the way back already taken', async () => {
    lib = await openTestLibrary();
    for (let i = 0; i < 5; i++) await write(lib, `기사 ${i}`, '원고');
    const backup = await lib.call('createBackup', { actor: lib.actor });
    for (const s of await lib.call('listArticles', { actor: lib.actor, scope: 'active' })) await rewrite(lib, s.id, '바뀐 원고');
    const job = { signal: AbortSignal.abort(), step: () => undefined };
    const result = await lib.core.backups.restore(lib.actor, backup.id, undefined, job);
    expect(result).toMatchObject({ cancelled: true, restored: 0 });
    expect(result.undoBackup).not.toBeNull();
    const texts = await Promise.all((await lib.call('listArticles', { actor: lib.actor, scope: 'active' })).map(async (s) => bodyText(await lib.call('getArticle', { actor: lib.actor, id: s.id }))));
    expect(new Set(texts)).toEqual(new Set(['바뀐 원고']));
  });

  it('writes many articles together, each with its version, audit entry and index line', async () => {
    lib = await openTestLibrary();
    // More than one batch of the restore, so batches follow one another.
    const written = [];
    for (let i = 0; i < 70; i++) written.push(await write(lib, `기사 ${i}`, `원래 원고 ${i}`));
    const backup = await lib.call('createBackup', { actor: lib.actor });
    const changed = [];
    for (const a of written) changed.push(await rewrite(lib, a.id, '바뀐 원고'));

    const result = await lib.call('restoreBackup', { actor: lib.actor, jobId: jobId(), snapshot: backup.id });
    expect(result).toMatchObject({ restored: 70, unchanged: 0, failed: [], cancelled: false });
    const journal = parseLog(await readFile(join(lib.dir, 'index', 'journal.log'))).records.map((r) => JSON.parse(Buffer.from(r).toString('utf8')) as { entry?: { summary: { id: string; revision: number } } });
    for (const [i, a] of written.entries()) {
      const back = await lib.call('getArticle', { actor: lib.actor, id: a.id });
      expect(bodyText(back)).toBe(`원래 원고 ${i}`);
      expect(back.revision).toBe(changed[i].revision + 1);
      // The file it replaced is its last good copy (restored in a batch as a save would keep it).
      const bak = JSON.parse(await readFile(join(lib.dir, 'articles', `${a.id}.json.bak`), 'utf8')) as { revision: number };
      expect(bak.revision).toBe(changed[i].revision);
      // The list knows the new revision, and so does the journal it is reloaded from.
      expect(lib.core.library.summaryOf(a.id)?.revision).toBe(back.revision);
      expect(journal.some((l) => l.entry?.summary.id === a.id && l.entry.summary.revision === back.revision)).toBe(true);
      const { versions, audit } = await lib.call('getHistory', { actor: lib.actor, id: a.id });
      expect(versions[0]).toMatchObject({ kind: 'restore', revision: back.revision });
      expect(audit.at(-1)).toMatchObject({ action: 'restoreBackup', note: backup.createdAt });
    }
  });

  it('stops when cancelled midway: every article restored whole or not at all', async () => {
    lib = await openTestLibrary();
    const written = [];
    for (let i = 0; i < 70; i++) written.push(await write(lib, `기사 ${i}`, '원래 원고'));
    const backup = await lib.call('createBackup', { actor: lib.actor });
    for (const a of written) await rewrite(lib, a.id, '바뀐 원고');
    const controller = new AbortController();
    // Cancelled once the restore has started on its articles.
    const job = { signal: controller.signal, step: (_: number, current: string) => void (current.startsWith('기사') && controller.abort()) };
    const result = await lib.core.backups.restore(lib.actor, backup.id, undefined, job);
    expect(result.cancelled).toBe(true);
    expect(result.restored).toBeGreaterThan(0);
    expect(result.restored).toBeLessThan(70);
    let restored = 0;
    for (const a of written) {
      const now = await lib.call('getArticle', { actor: lib.actor, id: a.id });
      const { versions, audit } = await lib.call('getHistory', { actor: lib.actor, id: a.id });
      const back = bodyText(now) === '원래 원고';
      if (back) restored++;
      expect(lib.core.library.summaryOf(a.id)?.revision).toBe(now.revision);
      expect(versions[0].kind === 'restore').toBe(back);
      expect(audit.at(-1)?.action === 'restoreBackup').toBe(back);
    }
    expect(restored).toBe(result.restored);
  });

  it('is the admin’s: an editor may restore one article but not the whole library', async () => {
    lib = await openTestLibrary();
    const editor = await addPerson(lib.core, '박편집', 'editor', lib.actor);
    const a = await write(lib, '기사', '원고');
    const backup = await lib.call('createBackup', { actor: lib.actor });
    await rewrite(lib, a.id, '고친 원고');
    await expect(lib.call('restoreBackup', { actor: editor, jobId: jobId(), snapshot: backup.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await readdir(join(lib.dir, 'backups', 'snapshots'))).toHaveLength(1); // refused before the undo snapshot
    expect((await lib.call('restoreBackup', { actor: editor, jobId: jobId(), snapshot: backup.id, ids: [a.id] })).restored).toBe(1);
  });
});
