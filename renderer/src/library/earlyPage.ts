// The library's first page, asked for by start-up (main.tsx) as soon as it knows who is at the
// machine, while the UI language is set up and the app renders: otherwise the list's first request
// would wait for the whole first render and its effects. The list takes it (once) when it asks for
// that very page; any other page, person or query goes to the core as usual.
import type { ArticleQuery, QueryResult } from '../../../shared/search/query';
import { call } from '../api';
import { PAGE_SIZE } from './pageCache';

interface Early {
  key: string;
  result: Promise<QueryResult>;
  /** Set once the answer is in, so the first render can show it at once. */
  value?: QueryResult;
}

let early: Early | null = null;

const pageKey = (actor: string, query: ArticleQuery, page: number) => JSON.stringify([actor, query, page]);

function ask(actor: string, query: ArticleQuery, page: number): Promise<QueryResult> {
  return call('queryArticles', { ...query, actor, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
}

/** Starts the request for `query`'s first page; resolves when it has been answered (well or not). */
export function prefetchFirstPage(actor: string, query: ArticleQuery): Promise<void> {
  const entry: Early = { key: pageKey(actor, query, 0), result: ask(actor, query, 0) };
  early = entry;
  return entry.result.then(
    (value) => void (entry.value = value),
    () => undefined, // the list asks again, and shows that failure itself
  );
}

/**
 * The first page of `query` if start-up already has its answer: taken, so it is used once. Only
 * the list's first request may use the early one (later, it would be stale): any other drops it.
 */
export function takeReadyFirstPage(actor: string, query: ArticleQuery): QueryResult | null {
  if (early?.key !== pageKey(actor, query, 0)) early = null;
  if (!early?.value) return null;
  const { value } = early;
  early = null;
  return value;
}

/** One page of a query: the early request when it is that page (taken once), else a new one. */
export function fetchPage(actor: string, query: ArticleQuery, page: number): Promise<QueryResult> {
  const taken = early;
  early = null;
  return taken?.key === pageKey(actor, query, page) ? taken.result : ask(actor, query, page);
}
