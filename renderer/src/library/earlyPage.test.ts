import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleQuery, QueryResult } from '../../../shared/search/query';

const asked: unknown[] = [];
vi.mock('../api', () => ({
  call: vi.fn(async (method: string, input: { offset: number }) => {
    asked.push([method, input]);
    return { rows: [], total: asked.length, counts: {}, indexing: null } as unknown as QueryResult;
  }),
}));
const { fetchPage, prefetchFirstPage, takeReadyFirstPage } = await import('./earlyPage');

const opening: ArticleQuery = { scope: 'active', text: '', filters: { state: 'all', desk: '', reporter: '', tag: '', from: null, to: null }, order: 'auto' };

beforeEach(() => {
  asked.length = 0;
  takeReadyFirstPage('nobody', opening); // drops whatever a test before left
});

describe("start-up's early first page", () => {
  it('is handed to the first render once, without asking the core again', async () => {
    await prefetchFirstPage('p1', opening);
    expect(takeReadyFirstPage('p1', opening)?.total).toBe(1);
    expect(takeReadyFirstPage('p1', opening)).toBeNull();
    expect(asked).toHaveLength(1);
  });

  it('while still on its way, is the answer to the list asking for that page', async () => {
    const early = prefetchFirstPage('p1', opening);
    expect(takeReadyFirstPage('p1', opening)).toBeNull(); // not in yet: the list asks for it
    const page = await fetchPage('p1', opening, 0);
    await early;
    expect(page.total).toBe(1);
    expect(asked).toHaveLength(1);
  });

  it('is not used for another person, query or page, and is dropped by them (later it would be stale)', async () => {
    await prefetchFirstPage('p1', opening);
    expect(takeReadyFirstPage('p2', opening)).toBeNull();
    expect(takeReadyFirstPage('p1', opening)).toBeNull();

    await prefetchFirstPage('p1', opening);
    await fetchPage('p1', opening, 1);
    await fetchPage('p1', opening, 0);
    // Two early requests, then page 1 and page 0 both asked of the core.
    expect(asked.map((a) => (a as [string, { offset: number }])[1].offset)).toEqual([0, 0, 100, 0]);
  });
});
