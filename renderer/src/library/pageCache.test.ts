import { describe, expect, it } from 'vitest';
import { PageCache, pagesFor } from './pageCache';

describe('pages around the screen', () => {
  it('covers the rows on screen, within the list', () => {
    expect(pagesFor(0, 20, 3000)).toEqual([0]);
    expect(pagesFor(95, 130, 3000)).toEqual([0, 1]);
    expect(pagesFor(2990, 3050, 3000)).toEqual([29]);
    expect(pagesFor(-5, 10, 50)).toEqual([0]);
    expect(pagesFor(0, 20, 0)).toEqual([]);
    // A range left over from a longer list still asks for the last page that exists.
    expect(pagesFor(5000, 5020, 120)).toEqual([1]);
  });
});

describe('page cache', () => {
  const rows = (page: number) => Array.from({ length: 10 }, (_, i) => `r${page * 10 + i}`);

  it('finds a row by its index in the list', () => {
    const cache = new PageCache<string>('q', 10);
    cache.put(3, rows(3), 3);
    expect(cache.row(34)).toBe('r34');
    expect(cache.row(44)).toBeUndefined();
  });

  it('hands out each missing page once until it arrives or is released', () => {
    const cache = new PageCache<string>('q', 10);
    expect(cache.claim([0, 1])).toEqual([0, 1]);
    expect(cache.claim([0, 1, 2])).toEqual([2]);
    cache.put(0, rows(0), 0);
    cache.release(1);
    expect(cache.claim([0, 1, 2])).toEqual([1]);
  });

  it('holds a few pages at most, dropping those farthest from the screen', () => {
    const cache = new PageCache<string>('q', 10, 3);
    for (const p of [0, 1, 2]) cache.put(p, rows(p), p);
    cache.put(9, rows(9), 9); // scrolled far down: the top pages go first
    expect(cache.pageCount).toBe(3);
    expect(cache.has(0)).toBe(false);
    expect(cache.has(9)).toBe(true);
    cache.put(8, rows(8), 8);
    expect([1, 2, 8, 9].filter((p) => cache.has(p))).toEqual([2, 8, 9]);
    // The page just fetched stays even when it is the farthest one.
    cache.put(20, rows(20), 2);
    expect(cache.has(20)).toBe(true);
    expect(cache.pageCount).toBe(3);
  });
});
