// The snapshot after one, made from the compact cache of the one before (no rows kept in memory):
// the same snapshot a full read of the library makes, reading back only the chunks that change.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { openTestCore, tempDir } from '../testing/tempLibrary';
import { ChunkSchema, type Row } from './format';
import { ObjectStore } from './ObjectStore';
import type { SnapshotCache } from './snapshotCache';
import { takeSnapshot } from './takeSnapshot';
import { jobId, openTestLibrary, rewrite, write, type TestLibrary } from './testing/backupTesting';

let lib: TestLibrary | null = null;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await lib?.close();
  lib = null;
  await cleanup?.();
  cleanup = null;
});

const COUNT = 700;
const idOf = (i: number) => `snap-${String(i).padStart(6, '0')}`;
const BASE = Date.parse('2026-01-01T00:00:00Z');
const createdAt = (i: number) => new Date(BASE + i * 60_000).toISOString();
/** The creation times the library's index would give, from the ids this folder uses. */
const indexCreatedAt = (id: string) => createdAt(Number(id.slice('snap-'.length)));

/** A folder of COUNT articles with fixed ids (so the chunk cuts are always the same), made from one the library wrote. */
async function articleFolder(): Promise<{ dir: string; put(i: number, change?: Partial<Article>): Promise<void> }> {
  const made = await tempDir();
  cleanup = made.cleanup;
  lib = await openTestLibrary();
  const a = await write(lib, '틀', '본문');
  const template = JSON.parse(await readFile(join(lib.dir, 'articles', `${a.id}.json`), 'utf8')) as Article;
  await lib.close();
  lib = null;
  const dir = made.dir;
  await mkdir(join(dir, 'articles'));
  await mkdir(join(dir, 'backups', 'snapshots'), { recursive: true });
  const put = (i: number, change: Partial<Article> = {}) =>
    writeFile(join(dir, 'articles', `${idOf(i)}.json`), JSON.stringify({ ...template, id: idOf(i), headline: `기사 ${i}`, createdAt: createdAt(i), ...change }));
  for (let i = 0; i < COUNT; i++) await put(i);
  return { dir, put };
}

function snapshots(dir: string, createdAtOf: (id: string) => string | null = indexCreatedAt) {
  const objects = new ObjectStore(join(dir, 'backups'));
  /** Chunks of the previous snapshot read back, in order. */
  const chunksRead: string[] = [];
  let n = 0;
  const take = (previous: SnapshotCache | null) =>
    takeSnapshot({
      libraryDir: dir,
      snapshotsDir: join(dir, 'backups', 'snapshots'),
      objects,
      previous,
      readChunk: async (hash) => {
        chunksRead.push(hash);
        return ChunkSchema.parse(await objects.getJson(hash));
      },
      mirroredPhotos: new Set(),
      indexed: (id) => {
        const at = createdAtOf(id);
        return at === null ? null : { id, createdAt: at };
      },
      id: `20261127T0900${String(n++).padStart(2, '0')}Z-abcdef`,
      reason: 'manual',
      now: new Date(Date.parse('2026-11-27T09:00:00Z') + n * 1000),
    });
  const rows = async (chunks: readonly string[]): Promise<Row[]> => (await Promise.all(chunks.map(async (c) => ChunkSchema.parse(await objects.getJson(c))))).flat();
  return { objects, chunksRead, take, rows };
}

describe('the snapshot after one', () => {
  it('names every chunk of an unchanged library again without reading any file or chunk', async () => {
    const { dir } = await articleFolder();
    const s = snapshots(dir);
    const first = await s.take(null);
    expect(first.read).toBe(COUNT);
    // Several chunks, or nothing below says anything about reuse.
    expect(first.file.chunks.length).toBeGreaterThan(2);

    const second = await s.take(first.cache);
    expect(second).toMatchObject({ read: 0, stored: 0 });
    expect(second.file.chunks).toEqual(first.file.chunks);
    expect(second.file.counts).toEqual(first.file.counts);
    expect(s.chunksRead).toEqual([]);
  });

  it('reads back only the chunk that changed, and comes out as a full read of the library would', async () => {
    const { dir, put } = await articleFolder();
    const s = snapshots(dir);
    const first = await s.take(null);
    const cache = first.cache;
    const changed = 600;
    const slot = cache.slotOf(idOf(changed));
    const chunk = cache.chunkOf(slot);
    await put(changed, { headline: '고친 제목', trashedAt: '2026-11-27T08:00:00.000Z' });

    const second = await s.take(cache);
    expect(second.read).toBe(1);
    expect(s.chunksRead).toEqual([first.file.chunks[chunk]]);
    expect(second.file.chunks.filter((c) => !first.file.chunks.includes(c)).length).toBe(1);
    expect(second.file.counts).toMatchObject({ articles: COUNT - 1, trashed: 1 });
    const row = (await s.rows(second.file.chunks)).find((r) => r.id === idOf(changed));
    expect(row).toMatchObject({ headline: '고친 제목' });
    expect(second.cache.contentHashOf(idOf(changed))).toBe(row!.contentHash);
    expect(second.cache.trashedAt(second.cache.slotOf(idOf(changed)))).toBe(true);

    // An article gone and one new: still what a snapshot reading every file makes, chunk for chunk.
    await rm(join(dir, 'articles', `${idOf(10)}.json`));
    await put(COUNT + 5);
    const third = await s.take(second.cache);
    expect(third.read).toBe(1);
    const full = await s.take(null);
    expect(third.file.chunks).toEqual(full.file.chunks);
    expect(third.file.counts).toEqual(full.file.counts);
  });

  it('reads the files again when the previous chunk is damaged or gone', async () => {
    const { dir, put } = await articleFolder();
    const s = snapshots(dir);
    const first = await s.take(null);
    const chunk = first.cache.chunkOf(first.cache.slotOf(idOf(600)));
    const { start, end } = first.cache.chunkRange(chunk);
    await s.objects.remove(first.file.chunks[chunk]);
    await put(600, { headline: '고친 제목' });

    const second = await s.take(first.cache);
    // The changed article, and every other one the lost chunk held.
    expect(second.read).toBe(end - start);
    const full = await s.take(null);
    expect(second.file.chunks).toEqual(full.file.chunks);
  });

  it('places an article the index does not know, or knows wrong, and still leaves out none', async () => {
    const { dir, put } = await articleFolder();
    // One file the index has a stale creation time for, and a few it has not heard of.
    const unknown = new Set([idOf(3), idOf(350), idOf(699)]);
    const s = snapshots(dir, (id) => (unknown.has(id) ? null : id === idOf(200) ? createdAt(650) : indexCreatedAt(id)));
    const first = await s.take(null);
    expect(first.read).toBe(COUNT);
    const rows = await s.rows(first.file.chunks);
    expect(new Set(rows.map((r) => r.id)).size).toBe(COUNT);
    expect(first.cache.size).toBe(COUNT);
    await put(100, { headline: '고친 제목' });
    const second = await s.take(first.cache);
    expect(second.read).toBe(1);
    expect((await s.rows(second.file.chunks)).map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(await s.take(second.cache)).toMatchObject({ read: 0, stored: 0 });
  });
});

describe('what the service reads from disk now that it keeps no rows', () => {
  it('browses and restores the newest snapshot in full, and after reopening reuses it unread', async () => {
    lib = await openTestLibrary();
    const a = await write(lib, '배터리 재활용', '첫 원고');
    const b = await write(lib, '반도체 수출', '그대로');
    const backup = await lib.call('createBackup', { actor: lib.actor });
    await rewrite(lib, a.id, '잘못 고친 원고');

    const page = await lib.call('getBackup', { actor: lib.actor, snapshot: backup.id });
    expect(page.rows.map((r) => [r.headline, r.language, r.status, r.now]).sort()).toEqual([
      ['반도체 수출', 'ko', 'draft', 'same'],
      ['배터리 재활용', 'ko', 'draft', 'changed'],
    ]);
    const restored = await lib.call('restoreBackup', { actor: lib.actor, jobId: jobId(), snapshot: backup.id, ids: [a.id] });
    expect(restored).toMatchObject({ restored: 1, failed: [] });
    expect((await lib.call('getArticle', { actor: lib.actor, id: a.id })).headline).toBe('배터리 재활용');

    // A second snapshot, then the app is closed and opened again: the cache is made from the
    // newest snapshot's chunks, and a library that has not changed since reads nothing.
    const second = await lib.call('createBackup', { actor: lib.actor });
    const { dir, actor } = lib;
    await lib.core.close();
    lib = null;
    cleanup = () => rm(dir, { recursive: true, force: true });
    const reopened = await openTestCore(dir);
    try {
      const backups = reopened.backups;
      const summary = await backups.create(actor);
      expect(backups.lastRun).toMatchObject({ read: 0, stored: 0 });
      const manifest = (id: string) => readFile(join(dir, 'backups', 'snapshots', `${id}.json`), 'utf8').then((t) => (JSON.parse(t) as { chunks: string[] }).chunks);
      expect(await manifest(summary.id)).toEqual(await manifest(second.id));
      const again = await backups.page(summary.id, { offset: 0, limit: 10, query: '반도체' });
      expect(again.rows).toMatchObject([{ id: b.id, headline: '반도체 수출', now: 'same' }]);
    } finally {
      await reopened.close();
    }
  });
});
