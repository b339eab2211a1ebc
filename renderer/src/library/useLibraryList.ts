// The library list as windows of one query: the core counts, filters and orders; this hook asks
// for the pages on screen and keeps a few. A new query or a refresh keeps showing what is there
// until the fresh rows arrive, and only the newest request may replace them, so fast typing
// never ends on the results of an older text.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleQuery, QueryResult, ResultRow } from '../../../shared/search/query';
import { fetchPage, takeReadyFirstPage } from './earlyPage';
import { PAGE_SIZE, PageCache, pagesFor } from './pageCache';

export type ListMeta = Pick<QueryResult, 'total' | 'counts' | 'indexing' | 'heldOnly'>;

export interface LibraryList {
  /** Totals of the query whose rows are shown; null before its first answer. */
  meta: ListMeta | null;
  row(index: number): ResultRow | undefined;
  /** The table tells which rows are on screen (overscan included). */
  setRange(start: number, end: number): void;
  /** Fetches the pages on screen again and drops the rest (another window or person may have changed things). */
  refresh(): Promise<void>;
  /** Changes when a new query's rows replace the old ones: the table goes back to the top. */
  epoch: number;
  /** A new query is on its way; the rows shown still answer the previous one. */
  busy: boolean;
  /** The search text of the rows shown (their snippets and row height follow it, not the box). */
  shownText: string;
  /** An embargo seen on a listed row (the export dialog offers the override for it). */
  embargoOf(id: string): string | null;
  error: unknown;
}

interface Loaded {
  cache: PageCache<ResultRow>;
  actor: string;
  query: ArticleQuery;
}

export function useLibraryList(actor: string, query: ArticleQuery): LibraryList {
  const key = JSON.stringify([actor, query]);
  const [, setVersion] = useState(0);
  const [epoch, setEpoch] = useState(0);
  const [error, setError] = useState<unknown>(null);
  // Start-up's early answer for this very query, when it is in: the first render shows its rows.
  const [ready] = useState(() => takeReadyFirstPage(actor, query));
  const loaded = useRef<Loaded | null>(null);
  const meta = useRef<ListMeta | null>(null);
  const range = useRef<[number, number]>([0, PAGE_SIZE - 1]);
  const generation = useRef(0);
  const wanted = useRef({ key, actor, query });
  wanted.current = { key, actor, query };
  const embargoes = useRef(new Map<string, string>());
  const rerender = useCallback(() => setVersion((v) => v + 1), []);

  const noteRows = (rows: ResultRow[]) => {
    for (const r of rows) {
      if (r.summary.embargo) embargoes.current.set(r.summary.id, r.summary.embargo);
      else embargoes.current.delete(r.summary.id);
    }
  };
  const seeded = useRef(false);
  if (ready && !seeded.current) {
    seeded.current = true;
    const cache = new PageCache<ResultRow>(key);
    cache.put(0, ready.rows, 0);
    noteRows(ready.rows);
    loaded.current = { cache, actor, query };
    meta.current = { total: ready.total, counts: ready.counts, indexing: ready.indexing, heldOnly: ready.heldOnly };
  }

  /** Fetches the pages on screen that the current cache lacks. */
  const ensure = useCallback(() => {
    const current = loaded.current;
    if (!current || !meta.current) return;
    const [start, end] = range.current;
    const near = Math.floor((start + end) / 2 / PAGE_SIZE);
    for (const page of current.cache.claim(pagesFor(start, end, meta.current.total))) {
      fetchPage(current.actor, current.query, page).then(
        (res) => {
          if (loaded.current !== current) return; // a newer query or refresh took over
          current.cache.put(page, res.rows, near);
          noteRows(res.rows);
          meta.current = { total: res.total, counts: res.counts, indexing: res.indexing, heldOnly: res.heldOnly };
          rerender();
        },
        (err) => {
          current.cache.release(page);
          if (loaded.current === current) setError(err);
        },
      );
    }
  }, [rerender]);

  /** Loads the wanted query (its first page) or, for the same query, the pages on screen; the newest call wins. */
  const load = useCallback(async () => {
    const gen = ++generation.current;
    const { key: k, actor: a, query: q } = wanted.current;
    const same = loaded.current?.cache.key === k && meta.current !== null;
    const pages = same ? pagesFor(range.current[0], range.current[1], meta.current!.total) : [];
    if (pages.length === 0) pages.push(0);
    try {
      const results = await Promise.all(pages.map((p) => fetchPage(a, q, p)));
      if (gen !== generation.current) return;
      const cache = new PageCache<ResultRow>(k);
      results.forEach((r, i) => {
        cache.put(pages[i], r.rows, pages[0]);
        noteRows(r.rows);
      });
      loaded.current = { cache, actor: a, query: q };
      const first = results[0];
      meta.current = { total: first.total, counts: first.counts, indexing: first.indexing, heldOnly: first.heldOnly };
      if (!same) {
        range.current = [0, PAGE_SIZE - 1];
        setEpoch((e) => e + 1);
      }
      setError(null);
      rerender();
      ensure();
    } catch (err) {
      if (gen === generation.current) setError(err);
    }
  }, [ensure, rerender]);

  const skipLoad = useRef(ready !== null);
  useEffect(() => {
    // The seeded first page is this key's answer already: no second request for it.
    if (skipLoad.current) {
      skipLoad.current = false;
      if (loaded.current?.cache.key === key) return;
    }
    void load();
  }, [key, load]);

  const setRange = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      ensure();
    },
    [ensure],
  );

  const cache = loaded.current?.cache;
  return {
    meta: meta.current,
    row: (i) => cache?.row(i),
    setRange,
    refresh: load,
    epoch,
    busy: cache?.key !== key,
    shownText: loaded.current?.query.text ?? '',
    embargoOf: (id) => embargoes.current.get(id) ?? null,
    error,
  };
}
