// The index journal on the append log: changes come back after a crash (no compaction), and a
// library whose journal is still the JSON-lines file of before opens with it read once and moved
// into the snapshot.
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexEntrySchema, type IndexEntry } from './indexEntry';
import { LibraryIndex } from './LibraryIndex';
import { parseLog } from './storage/appendLogFormat';
import { tempDir } from './testing/tempLibrary';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function entry(id: string, headline: string, revision = 1): IndexEntry {
  // Parsed, so the defaults (owner, sheets, waiting photos) are filled as a real entry has them.
  return IndexEntrySchema.parse({
    summary: {
      id, language: 'ko', kicker: '', headline, status: 'draft', revision,
      byline: { outlet: '한빛경제', desk: '산업부', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: '' }] },
      createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-02T00:00:00.000Z', trashedAt: null,
    },
    size: 100, mtimeMs: 1, photos: [], tags: [],
  });
}

async function indexDir(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

async function loaded(dir: string): Promise<LibraryIndex> {
  const index = new LibraryIndex(dir);
  await index.load(); // false in a new folder (no snapshot yet): nothing to rebuild here
  cleanups.unshift(() => index.close());
  return index;
}

const headlines = (index: LibraryIndex) => Object.fromEntries([...index.entries].map(([id, e]) => [id, e.summary.headline]));

describe('the index journal', () => {
  it('keeps each change as one record, read back over the snapshot after a crash', async () => {
    const dir = await indexDir();
    const first = await loaded(dir);
    await first.put(entry('article-a', '첫 판'));
    await first.put(entry('article-b', 'Second'));
    await first.put(entry('article-c', 'Only in the snapshot'));
    await first.compact();
    await first.put(entry('article-a', '둘째 판', 2));
    await first.delete('article-b');
    // No close and no compaction: as a killed process leaves it.
    expect(parseLog(await readFile(join(dir, 'journal.log'))).records).toHaveLength(2);
    const again = await loaded(dir);
    expect(headlines(again)).toEqual({ 'article-a': '둘째 판', 'article-c': 'Only in the snapshot' });
    expect(again.hasJournal).toBe(true);
  });

  it('reads a journal.jsonl left by an earlier Copydesk once, and the next compaction moves it into the snapshot', async () => {
    const dir = await indexDir();
    const before = await loaded(dir);
    await before.put(entry('article-a', '첫 판'));
    await before.put(entry('article-b', 'Second'));
    await before.compact();
    await before.close();
    // The library as the earlier Copydesk left it: its journal in JSON lines (with a torn last
    // line), and no append log yet.
    await unlink(join(dir, 'journal.log'));
    const lines = [{ op: 'put', entry: entry('article-a', '둘째 판', 2) }, { op: 'del', id: 'article-b' }, { op: 'put', entry: entry('article-c', '새 기사') }];
    await writeFile(join(dir, 'journal.jsonl'), lines.map((l) => JSON.stringify(l) + '\n').join('') + '{"op":"put","ent');

    const opened = await loaded(dir);
    expect(headlines(opened)).toEqual({ 'article-a': '둘째 판', 'article-c': '새 기사' });
    expect(opened.needsCompaction).toBe(true); // the library's open compacts when this says so
    await opened.put(entry('article-d', '넷째')); // a change before the compaction goes to the new log
    await opened.compact();
    expect(opened.needsCompaction).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(['journal.log', 'summaries.bin']);
    await opened.close();

    const after = await loaded(dir);
    expect(headlines(after)).toEqual({ 'article-a': '둘째 판', 'article-c': '새 기사', 'article-d': '넷째' });
    expect(after.hasJournal).toBe(false);
  });

  it('an empty journal.jsonl (as the first Copydesk left every closed library) is removed at once, with no compaction asked for', async () => {
    const dir = await indexDir();
    const index = await loaded(dir);
    await index.put(entry('article-a', '첫 판'));
    await index.compact();
    await index.close();
    await writeFile(join(dir, 'journal.jsonl'), '');
    const opened = await loaded(dir);
    expect(opened.needsCompaction).toBe(false);
    expect(headlines(opened)).toEqual({ 'article-a': '첫 판' });
    expect(await readdir(dir)).not.toContain('journal.jsonl');
  });

  it('an old journal not yet removed when a crash came is read before the new one, so the newer change wins', async () => {
    const dir = await indexDir();
    const index = await loaded(dir);
    await index.put(entry('article-a', '새 로그의 판', 3));
    await index.close();
    await writeFile(join(dir, 'journal.jsonl'), JSON.stringify({ op: 'put', entry: entry('article-a', '옛 저널의 판', 2) }) + '\n');
    expect(headlines(await loaded(dir))).toEqual({ 'article-a': '새 로그의 판' });
  });
});
