import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../shared/search/tokenize';
import type { FieldText } from '../../shared/search/articleText';
import { Postings } from './Postings';
import { SearchIndex } from './SearchIndex';
import { leaveListsInFile, loadSearchIndex, saveSearchIndex } from './searchIndexFile';

const fp = { size: 1, mtimeMs: 1 };
const body = (text: string): FieldText[] => [{ field: 'body', text }];

function ids(index: SearchIndex, q: string): string[] {
  return index
    .search(parseQuery(q))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .map((h) => h.id);
}

function sample(): SearchIndex {
  const index = new SearchIndex();
  index.put('a', [{ field: 'headline', text: '폐배터리 재활용 공장 가동' }, ...body('정부는 공장을 늘린다.')], fp);
  index.put('b', body('업계는 배터리를 다시 쓰는 기술을 내놨다. Recycling grows.'), fp);
  index.put('c', [{ field: 'headline', text: 'Battery recycling plant opens' }, { field: 'byline', text: '한빛경제 산업부 김하늘' }], fp);
  index.put('d', body('배추 가격이 올랐다.'), fp);
  return index;
}

describe('SearchIndex', () => {
  it('finds a Hangul word inside compounds and before particles, headline hits first', () => {
    expect(ids(sample(), '배터리')).toEqual(['a', 'b']);
  });

  it('matches Latin words by prefix, any case', () => {
    expect(ids(sample(), 'RECYCL')).toEqual(['c', 'b']);
    expect(ids(sample(), 'recyclingx')).toEqual([]);
  });

  it('needs every word of the query, in any field', () => {
    expect(ids(sample(), '배터리 recycling')).toEqual(['b']);
    expect(ids(sample(), '김 battery')).toEqual(['c']);
  });

  it('finds one syllable inside longer words (a surname in a byline)', () => {
    expect(ids(sample(), '김')).toEqual(['c']);
    expect(ids(sample(), '배')).toEqual(['a', 'b', 'd']);
  });

  it('forgets an article’s old text when it is indexed again, and a removed one entirely', () => {
    const index = sample();
    index.put('b', body('이제 반도체 이야기'), fp);
    expect(ids(index, '배터리')).toEqual(['a']);
    expect(ids(index, '반도체')).toEqual(['b']);
    index.remove('a');
    expect(ids(index, '배터리')).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('survives a save and load, and refuses a damaged file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-search-'));
    try {
      const index = sample();
      index.put('b', body('이제 반도체 이야기'), { size: 7, mtimeMs: 8 });
      const path = join(dir, 'search.bin');
      await saveSearchIndex(path, index);
      const loaded = (await loadSearchIndex(path))!;
      // The posting lists stay in the file, read when a query needs them.
      expect(loaded.arenaBytes).toBe(0);
      for (const q of ['배터리', 'recycl', '김', '반도체', '배']) expect(ids(loaded, q)).toEqual(ids(index, q));
      expect(loaded.fingerprint('b')).toEqual({ size: 7, mtimeMs: 8 });
      // Still growable after loading: the new entries follow the lists in the file.
      loaded.put('e', body('배터리 교체'), fp);
      expect(ids(loaded, '배터리')).toEqual(['a', 'e']);
      // Saved again, the lists are read from the new file and leave memory.
      const at = await saveSearchIndex(path, loaded);
      await leaveListsInFile(path, loaded, at);
      expect(loaded.arenaBytes).toBe(0);
      expect(ids(loaded, '배터리')).toEqual(['a', 'e']);
      expect(ids((await loadSearchIndex(path))!, '배터리')).toEqual(['a', 'e']);
      await loaded.closeFile();

      const bytes = await readFile(path);
      bytes[bytes.length - 10] ^= 0xff;
      await writeFile(path, bytes);
      expect(await loadSearchIndex(path)).toBeNull();
      await writeFile(path, bytes.subarray(0, 100));
      expect(await loadSearchIndex(path)).toBeNull();
      await writeFile(path, Buffer.alloc(5000));
      expect(await loadSearchIndex(path)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Postings', () => {
  it('gives back exactly what was added, across blocks and large gaps', () => {
    const p = new Postings(5);
    const expected = new Map<string, [number, number][]>();
    let seed = 1;
    const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let doc = 0; doc < 20000; doc += 1 + Math.floor(rand() * rand() * 5000)) {
      for (const term of ['often', `t${Math.floor(rand() * 50)}`]) {
        if (term !== 'often' && rand() < 0.5) continue;
        const mask = Math.floor(rand() * 32);
        p.add(term, doc, mask);
        expected.set(term, [...(expected.get(term) ?? []), [doc, mask]]);
      }
    }
    const out = { docs: new Int32Array(1), masks: new Uint8Array(1) };
    for (const [term, list] of expected) {
      const n = p.decode(term, out);
      expect(Array.from({ length: n }, (_, i) => [out.docs[i], out.masks[i]])).toEqual(list);
    }
  });
});

describe('compaction', () => {
  it('drops replaced and removed documents and finds exactly the same', async () => {
    const index = sample();
    for (let i = 0; i < 50; i++) index.put('b', body(`판 ${i} 배터리 recycling`), fp);
    index.remove('d');
    const before = ['배터리', 'recycl', '김', '배', '판'].map((q) => ids(index, q));
    let pauses = 0;
    const next = await index.compacted(async () => void pauses++);
    expect(next.deadCount).toBe(0);
    expect(next.docCount).toBe(3);
    expect(['배터리', 'recycl', '김', '배', '판'].map((q) => ids(next, q))).toEqual(before);
    next.put('e', body('배터리 새 기사'), fp);
    expect(ids(next, '배터리')).toEqual(['a', 'b', 'e']);
  });
});

describe('packing', () => {
  it('keeps every list exactly, takes new entries after, and survives a save and load', async () => {
    const index = sample();
    for (let i = 0; i < 300; i++) index.put(`x${String(i).padStart(7, '0')}`, body(`배터리 판 ${i} recycling`), fp);
    const queries = ['배터리', 'recycl', '김', '배', '판'];
    const before = queries.map((q) => ids(index, q));
    index.pack();
    expect(queries.map((q) => ids(index, q))).toEqual(before);
    index.put('late-0001', body('배터리 늦은 기사'), fp);
    expect(ids(index, '늦은')).toEqual(['late-0001']);
    expect(ids(index, '배터리')).toContain('late-0001');
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-pack-'));
    try {
      index.pack();
      await saveSearchIndex(join(dir, 'search.bin'), index);
      const loaded = (await loadSearchIndex(join(dir, 'search.bin')))!;
      expect(queries.map((q) => ids(loaded, q))).toEqual(queries.map((q) => ids(index, q)));
      loaded.put('later-001', body('배터리 더 늦은'), fp);
      expect(ids(loaded, '더')).toEqual(['later-001']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
