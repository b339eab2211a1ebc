// The messages between the core and the search index's owner (searchWorker.ts, or SearchEngine in
// the core's own thread when no worker can run). One queue, handled in order: an update is
// fire-and-forget, and a query posted after it is answered after it, so it sees it.
import type { FieldText } from '../../shared/search/articleText';
import type { Fingerprint } from './SearchIndex';

/** Given to the worker as its workerData, so searchWorker.ts only serves when started as the index's owner. */
export const SEARCH_WORKER_ROLE = 'copydesk-search-index';

/** Every article the library holds now: id, list slot and file fingerprint, as columns. */
export interface LiveArticles {
  ids: string[];
  slots: Int32Array;
  sizes: Float64Array;
  mtimes: Float64Array;
}

export interface SearchStats {
  documents: number;
  terms: number;
  arenaBytes: number;
  /** The owner's thread's JS heap in use (garbage not yet collected included); in the core's thread when the index runs there. */
  heapBytes: number;
}

/** Updates: no answer. */
export type SearchUpdate =
  | { t: 'put'; id: string; fields: FieldText[]; fp: Fingerprint; slot: number; count: boolean }
  | { t: 'remove'; id: string };

/** Requests: answered with the same `q`. */
export type SearchRequest =
  /** Loads the saved index (`path`), drops what is no longer live, answers which live articles it lacks or holds stale. */
  | { t: 'load'; q: number; path: string; live: LiveArticles }
  /** The same check against an index already loaded. */
  | { t: 'reconcile'; q: number; live: LiveArticles }
  | { t: 'search'; q: number; text: string }
  /** Writes the index to disk now. */
  | { t: 'persist'; q: number }
  /** Nothing: answers once everything posted before it is applied (with the figures). */
  | { t: 'sync'; q: number }
  /** Writes the index if anything is unsaved; nothing is posted after this. */
  | { t: 'close'; q: number };

export type SearchMessage = SearchUpdate | SearchRequest;

export type SearchReply =
  | { t: 'ready' }
  | { t: 'checked'; q: number; fromDisk: boolean; stale: string[]; stats: SearchStats }
  | { t: 'hits'; q: number; slots: Int32Array; scores: Int32Array; count: number; stats: SearchStats }
  | { t: 'done'; q: number; stats: SearchStats }
  | { t: 'failed'; q: number; message: string };
