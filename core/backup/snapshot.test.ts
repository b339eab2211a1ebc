// Snapshots on a real library folder: incremental, browsable, pruned, scheduled.
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../media/sha256Hex';
import { defaultSettings } from '../../shared/model/settings';
import { openTestLibrary, rewrite, write, type TestLibrary } from './testing/backupTesting';

let lib: TestLibrary;
afterEach(async () => {
  await lib?.close();
});

const fileHash = async (l: TestLibrary, id: string) => sha256Hex(await readFile(join(l.dir, 'articles', `${id}.json`)));

describe('taking a snapshot', () => {
  it('stores every article the first time, then only the ones that changed', async () => {
    lib = await openTestLibrary();
    const articles = [];
    for (let i = 0; i < 12; i++) articles.push(await write(lib, `기사 ${i}`, `본문 ${i}`));
    const backups = lib.core.backups;

    const first = await lib.call('createBackup', { actor: lib.actor });
    expect(first.articles).toBe(12);
    expect(backups.lastRun).toMatchObject({ read: 12 });
    const afterFirst = new Set(await backups.objects.list());
    for (const a of articles) expect(afterFirst.has(await fileHash(lib, a.id))).toBe(true);

    // Two articles change; a third is only touched (same bytes, new time): read again, not stored again.
    await rewrite(lib, articles[3].id, '고친 본문 3');
    await rewrite(lib, articles[7].id, '고친 본문 7');
    const touched = join(lib.dir, 'articles', `${articles[9].id}.json`);
    await utimes(touched, new Date(), new Date(Date.now() + 5000));

    await lib.call('createBackup', { actor: lib.actor });
    expect(backups.lastRun).toMatchObject({ read: 3 });
    const added = (await backups.objects.list()).filter((h) => !afterFirst.has(h));
    const changedFiles = [await fileHash(lib, articles[3].id), await fileHash(lib, articles[7].id)];
    // What is new: exactly the two changed articles, plus the chunks that list them.
    const snapshot = JSON.parse(await readFile(join(lib.dir, 'backups', 'snapshots', `${backups.lastRun!.id}.json`), 'utf8')) as { chunks: string[] };
    expect(added.filter((h) => !snapshot.chunks.includes(h)).sort()).toEqual(changedFiles.sort());
  });

  it('lists snapshots newest first and compares each article with the library now', async () => {
    lib = await openTestLibrary();
    const kept = await write(lib, '그대로 둔 기사', '원문');
    const edited = await write(lib, '고칠 기사', '원문');
    const trashed = await write(lib, '버릴 기사', '원문');
    const gone = await write(lib, '지울 기사', '원문');
    const older = await lib.call('createBackup', { actor: lib.actor });
    await rewrite(lib, edited.id, '고친 글');
    await lib.call('trashArticle', { id: gone.id, actor: lib.actor });
    await lib.call('emptyTrash', { actor: lib.actor });
    await lib.call('trashArticle', { id: trashed.id, actor: lib.actor });
    const newer = await lib.call('createBackup', { actor: lib.actor });

    const list = await lib.call('listBackups', { actor: lib.actor });
    expect(list.map((b) => b.id)).toEqual([newer.id, older.id]);
    expect(list[1]).toMatchObject({ reason: 'manual', articles: 4, trashed: 0 });

    const page = await lib.call('getBackup', { actor: lib.actor, snapshot: older.id });
    const state = Object.fromEntries(page.rows.map((r) => [r.headline, r.now]));
    expect(state).toEqual({ '그대로 둔 기사': 'same', '고칠 기사': 'changed', '버릴 기사': 'trashed', '지울 기사': 'gone' });
    expect(page.rows.find((r) => r.id === kept.id)).toMatchObject({ status: 'draft', trashed: false, language: 'ko' });
    expect(page.total).toBe(4);

    const found = await lib.call('getBackup', { actor: lib.actor, snapshot: older.id, query: '고칠', limit: 1 });
    expect(found.total).toBe(1);
    expect(found.rows.map((r) => r.id)).toEqual([edited.id]);
    const paged = await lib.call('getBackup', { actor: lib.actor, snapshot: older.id, offset: 3, limit: 2 });
    expect(paged.rows.length).toBe(1);
  });

  it('keeps the last good copy of an article whose file is damaged, and says so', async () => {
    lib = await openTestLibrary();
    const a = await write(lib, '망가질 기사', '좋은 원문');
    await lib.call('createBackup', { actor: lib.actor });
    await writeFile(join(lib.dir, 'articles', `${a.id}.json`), '{"torn":');
    const second = await lib.call('createBackup', { actor: lib.actor });
    expect(second).toMatchObject({ damaged: 1, articles: 1 });
    const page = await lib.call('getBackup', { actor: lib.actor, snapshot: second.id });
    expect(page.rows.map((r) => r.headline)).toEqual(['망가질 기사']);
  });
});

describe('retention', () => {
  it('prunes by the rule in settings and removes the files only pruned snapshots used', async () => {
    const clock = { now: Date.parse('2026-11-27T09:10:00Z') };
    lib = await openTestLibrary(clock);
    await lib.call('updateSettings', { actor: lib.actor, backups: { enabled: true, hourly: 2, daily: 0, weekly: 0 } });
    const a = await write(lib, '자주 고치는 기사', '판 0');
    const ids: string[] = [];
    const hashes: string[] = [];
    for (let i = 1; i <= 4; i++) {
      hashes.push(await fileHash(lib, a.id));
      ids.push((await lib.core.backups.tick())!.id);
      clock.now += 60 * 60 * 1000;
      await rewrite(lib, a.id, `판 ${i}`);
    }
    const left = (await lib.call('listBackups', { actor: lib.actor })).map((b) => b.id);
    expect(left).toEqual([ids[3], ids[2]]);
    const objects = new Set(await lib.core.backups.objects.list());
    expect(objects.has(hashes[0])).toBe(false);
    expect(objects.has(hashes[1])).toBe(false);
    expect(objects.has(hashes[2])).toBe(true);
    expect(objects.has(hashes[3])).toBe(true);
    await expect(lib.call('getBackup', { actor: lib.actor, snapshot: ids[0] })).rejects.toMatchObject({ code: 'backupFailed', params: { reason: 'missing' } });
  });
});

describe('the schedule', () => {
  it('takes a snapshot when the newest is an hour old, and none while backups are off', async () => {
    const clock = { now: Date.parse('2026-11-27T09:00:00Z') };
    lib = await openTestLibrary(clock);
    await write(lib, '기사', '본문');
    const backups = lib.core.backups;
    const first = await backups.tick();
    expect(first?.reason).toBe('scheduled');
    clock.now += 30 * 60 * 1000;
    expect(await backups.tick()).toBeNull();
    clock.now += 30 * 60 * 1000;
    expect((await backups.tick())?.id).not.toBe(first?.id);
    await lib.call('updateSettings', { actor: lib.actor, backups: { enabled: false, hourly: 24, daily: 7, weekly: 12 } });
    clock.now += 2 * 60 * 60 * 1000;
    expect(await backups.tick()).toBeNull();
    expect((await lib.call('listBackups', { actor: lib.actor })).length).toBe(2);
  });

  it('gives a settings file from before backups the default rule, and a patch without them leaves them', async () => {
    lib = await openTestLibrary(undefined, async (dir) => {
      const { backups: _, ...old } = defaultSettings();
      await writeFile(join(dir, 'settings.json'), JSON.stringify({ ...old, outlet: '옛 설정' }));
    });
    expect((await lib.call('getSettings', {})).outlet).toBe('옛 설정');
    expect((await lib.call('getSettings', {})).backups).toEqual({ enabled: true, hourly: 24, daily: 7, weekly: 12 });
    // A patch without `backups` leaves them as they are.
    await lib.call('updateSettings', { actor: lib.actor, backups: { enabled: true, hourly: 5, daily: 3, weekly: 2 } });
    const after = await lib.call('updateSettings', { actor: lib.actor, outlet: '한빛경제' });
    expect(after.backups).toEqual({ enabled: true, hourly: 5, daily: 3, weekly: 2 });
  });
});
