// Every field of an index entry goes into the list table's columns (typed arrays, pooled strings
// and lists, dates as numbers) and must come back exactly as it went in: Korean text, tags and
// bylines shared between rows, null fields, dates not in toISOString's form, and a slot reused
// after a removal keeping nothing of the row that was there before.
import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../indexEntry';
import { IndexEntries } from '../indexEntries';
import { LibraryIndex } from '../LibraryIndex';
import { tempDir } from '../testing/tempLibrary';
import { ListTable } from './ListTable';

function full(id: string): IndexEntry {
  return {
    summary: {
      id,
      revision: 7,
      headline: '“폐배터리” 재활용 공장, 울산에 첫 삽… 2만 t 규모',
      kicker: '[단독]',
      language: 'ko',
      status: 'published',
      createdAt: '2026-11-01T09:30:00.123Z',
      updatedAt: '2026-11-02T00:00:00Z', // no milliseconds: not toISOString's form
      trashedAt: null,
      byline: { outlet: '한빛경제', desk: '산업부', templateId: 'ko-default', reporters: [{ name: '김하늘', role: '기자', email: 'sky@example.com' }, { name: '박도윤', role: '선임기자', email: '' }] },
      ownerId: 'person-1',
      embargo: '2026-11-03T06:00:00.000Z',
      lastTransition: { action: 'publish', actorId: 'person-2', actorName: '이데스크', at: '2026-11-02T00:00:00.000Z', note: '1면 톱으로' },
      sheets: 12.5,
      photoCount: 2,
      waitingPhotos: 1,
    },
    size: 48213,
    mtimeMs: 1764633600123.456,
    photos: ['photo-a', 'photo-b'],
    tags: ['배터리', '울산', 'ESG'],
  };
}

function bare(id: string): IndexEntry {
  return {
    summary: {
      id,
      revision: 0,
      headline: '',
      kicker: '',
      language: 'en',
      status: 'draft',
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      trashedAt: '2026-11-05T10:00:00.000Z',
      byline: { outlet: '', desk: '', templateId: '', reporters: [] },
      ownerId: null,
      embargo: null,
      lastTransition: null,
      sheets: null,
      photoCount: 0,
      waitingPhotos: 0,
    },
    size: 0,
    mtimeMs: 0,
    photos: [],
    tags: null,
  };
}

describe('the list table as the holder of index entries', () => {
  it('gives back every field exactly, full rows and rows of nulls alike', () => {
    const table = new ListTable();
    const a = full('article-0001');
    const b = bare('article-0002');
    const c = { ...full('article-0003'), tags: [] as string[] };
    for (const e of [a, b, c]) table.put(e);
    expect(table.entry(table.slot(a.summary.id)!)).toStrictEqual(a);
    expect(table.entry(table.slot(b.summary.id)!)).toStrictEqual(b);
    expect(table.entry(table.slot(c.summary.id)!)).toStrictEqual(c);
    // The summary's keys come in summarise's order, so a row serialises as before.
    expect(JSON.stringify(table.summary(table.slot(a.summary.id)!))).toBe(JSON.stringify(a.summary));
  });

  it('hands out copies: changing a returned entry changes neither the table nor another row sharing its lists', () => {
    const table = new ListTable();
    table.put(full('article-0001'));
    table.put(full('article-0002')); // same tags and reporters: one pooled list each
    const got = table.entry(table.slot('article-0001')!);
    got.tags!.push('바뀜');
    got.photos.push('photo-z');
    got.summary.byline.reporters[0].name = '바뀜';
    expect(table.entry(table.slot('article-0001')!)).toStrictEqual(full('article-0001'));
    expect(table.entry(table.slot('article-0002')!)).toStrictEqual(full('article-0002'));
  });

  it('keeps nothing of a removed row in the slot a new article takes', () => {
    const table = new ListTable();
    table.put(full('article-0001'));
    table.remove('article-0001');
    table.put(bare('article-0002'));
    const slot = table.slot('article-0002')!;
    expect(slot).toBe(0); // the freed slot, reused
    expect(table.entry(slot)).toStrictEqual(bare('article-0002'));
    expect(table.slot('article-0001')).toBeUndefined();
    expect(table.size).toBe(1);
  });

  it('replaces a row whole, and `set` (the list fields alone) keeps its file fingerprint and photos', () => {
    const table = new ListTable();
    table.put(full('article-0001'));
    const next = { ...bare('article-0001'), size: 9, mtimeMs: 3, photos: ['photo-c'], tags: ['새 태그'] };
    table.put(next);
    expect(table.entry(table.slot('article-0001')!)).toStrictEqual(next);
    const renamed = { ...next.summary, headline: '제목만 바뀜' };
    table.set(renamed, next.tags);
    expect(table.entry(table.slot('article-0001')!)).toStrictEqual({ ...next, summary: renamed });
  });

  it('is seen through IndexEntries as a map of entries, and LibraryIndex shares the table it is given', () => {
    const table = new ListTable();
    const entries = new IndexEntries(table);
    entries.set('article-0001', full('article-0001'));
    entries.set('article-0002', bare('article-0002'));
    expect(entries.size).toBe(2);
    expect([...entries.keys()]).toEqual(['article-0001', 'article-0002']);
    expect([...entries.values()]).toStrictEqual([full('article-0001'), bare('article-0002')]);
    expect(entries.get('article-0002')).toStrictEqual(bare('article-0002'));
    expect(entries.delete('article-0001')).toBe(true);
    expect(entries.delete('article-0001')).toBe(false);
    expect(entries.has('article-0001')).toBe(false);
    expect(() => entries.set('article-0009', full('article-0001'))).toThrow();
    const index = new LibraryIndex('/nonexistent', table);
    expect(index.entries.get('article-0002')).toStrictEqual(bare('article-0002'));
  });

  it('writes the snapshot from the columns, newest change first, and loads it back row for row', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const index = new LibraryIndex(dir);
      await index.load();
      const rows = [full('article-0001'), bare('article-0002'), { ...full('article-0003'), summary: { ...full('article-0003').summary, updatedAt: '2026-12-01T00:00:00.000Z' } }];
      await index.putMany(rows);
      await index.compact();
      await index.close();
      const again = new LibraryIndex(dir);
      expect(await again.load()).toBe(true);
      await again.close();
      expect(again.entries.size).toBe(3);
      // Loaded in the snapshot's order: the newest change first.
      expect([...again.entries.keys()]).toEqual(['article-0003', 'article-0001', 'article-0002']);
      for (const r of rows) expect(again.entries.get(r.summary.id)).toStrictEqual(r);
    } finally {
      await cleanup();
    }
  });
});
