// A save builds on the copy of the article the library last read or wrote, as long as the file
// is still that one: autosave after autosave opens and parses the article file no more. A file
// changed behind the library's back (a sync tool, another process) is read afresh, and a save
// based on a revision older than the file's is refused rather than written over it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { content, openTestCore } from './testing/tempLibrary';
import { VersionedJsonFiles } from './storage/versionedJsonFiles';
import { RecentFiles } from './storage/recentFiles';
import { useTestCore } from './testing/useTestCore';

// Every file the core opens for reading, by path: the file reads themselves, not a method that wraps them.
const reads = vi.hoisted(() => ({ paths: [] as string[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open = ((path: Parameters<typeof real.open>[0], flags?: string | number, ...rest: [number?]) => {
    if (flags === 'r' || flags === undefined) reads.paths.push(String(path));
    return real.open(path, flags, ...rest);
  }) as typeof real.open;
  return { ...real, default: { ...real, open }, open };
});

const lib = useTestCore();

afterEach(() => {
  vi.restoreAllMocks();
});

const articleFile = (id: string) => join(lib.dir, 'articles', `${id}.json`);

describe('saving an article the library holds', () => {
  it('neither reads nor parses the article file again, save after save', async () => {
    const { id } = await lib.core.handlers.createArticle({ actor: lib.actor });
    await lib.core.handlers.saveArticle({ id, actor: lib.actor, baseRevision: 0, content: content('첫 판') });
    const parses = vi.spyOn(VersionedJsonFiles.prototype, 'parse');
    reads.paths.length = 0;

    for (let r = 1; r <= 3; r++) await lib.core.handlers.saveArticle({ id, actor: lib.actor, baseRevision: r, content: content(`판 ${r + 1}`) });

    expect(reads.paths.filter((p) => p === articleFile(id))).toEqual([]);
    expect(parses).not.toHaveBeenCalled();
    // The saves happened, each on the one before it.
    expect(JSON.parse(await readFile(articleFile(id), 'utf8'))).toMatchObject({ revision: 4, headline: '판 4' });

    // The counters do see a read: a library opened afresh knows no copy and reads the file once.
    await lib.core.close();
    lib.core = await openTestCore(lib.dir);
    reads.paths.length = 0;
    parses.mockClear();
    await lib.core.handlers.saveArticle({ id, actor: lib.actor, baseRevision: 4, content: content('판 5') });
    await lib.core.handlers.saveArticle({ id, actor: lib.actor, baseRevision: 5, content: content('판 6') });
    expect(reads.paths.filter((p) => p === articleFile(id))).toHaveLength(1);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('reads a file changed behind its back afresh: no stale copy is written over it, and an older base revision conflicts', async () => {
    const { id } = await lib.core.handlers.createArticle({ actor: lib.actor });
    await lib.core.handlers.saveArticle({ id, actor: lib.actor, baseRevision: 0, content: content('우리 판') });
    // Another process writes revision 2, with a correction the library has never seen.
    const ours = JSON.parse(await readFile(articleFile(id), 'utf8'));
    const correction = { at: '2026-01-02T03:04:05.000Z', by: '다른 편집자', note: '수치를 바로잡았다' };
    await writeFile(articleFile(id), JSON.stringify({ ...ours, revision: 2, headline: '밖에서 고친 판', corrections: [correction] }));

    // The editor still holds revision 1: the save is refused, and the file keeps the other edit.
    await expect(lib.core.handlers.saveArticle({ id, actor: lib.actor, baseRevision: 1, content: content('우리 둘째 판') })).rejects.toMatchObject({
      code: 'conflict',
      params: { revision: 2 },
    });
    expect(JSON.parse(await readFile(articleFile(id), 'utf8'))).toMatchObject({ revision: 2, headline: '밖에서 고친 판' });

    // On the file's revision, the save goes through and keeps what only the file had (the correction).
    const saved = await lib.core.handlers.saveArticle({ id, actor: lib.actor, baseRevision: 2, content: content('우리 셋째 판') });
    expect(saved.revision).toBe(3);
    expect(JSON.parse(await readFile(articleFile(id), 'utf8'))).toMatchObject({ revision: 3, headline: '우리 셋째 판', corrections: [correction] });
  });

  it('reads afresh a file changed behind its back at the same revision, keeping what only the file had', async () => {
    const { id } = await lib.core.handlers.createArticle({ actor: lib.actor });
    await lib.core.handlers.saveArticle({ id, actor: lib.actor, baseRevision: 0, content: content('우리 판') });
    const ours = JSON.parse(await readFile(articleFile(id), 'utf8'));
    const correction = { at: '2026-01-02T03:04:05.000Z', by: '동기화', note: '다른 기기에서 온 정정' };
    await writeFile(articleFile(id), JSON.stringify({ ...ours, corrections: [correction] }));

    await lib.core.handlers.saveArticle({ id, actor: lib.actor, baseRevision: 1, content: content('우리 둘째 판') });
    expect(JSON.parse(await readFile(articleFile(id), 'utf8'))).toMatchObject({ revision: 2, headline: '우리 둘째 판', corrections: [correction] });
  });
});

describe('RecentFiles', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const recent = new RecentFiles<string>(2);
    const fp = { size: 1, mtimeMs: 1 };
    recent.set('a', 'A', fp);
    recent.set('b', 'B', fp);
    expect(recent.get('a')?.value).toBe('A'); // `a` is now the more recent
    recent.set('c', 'C', fp);
    expect([recent.get('a')?.value, recent.get('b')?.value, recent.get('c')?.value]).toEqual(['A', undefined, 'C']);
    expect(recent.size).toBe(2);
  });
});
