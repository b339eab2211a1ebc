// The library index reconciled with the article files at open: the index loads from its snapshot
// and journal, and only files that are new, gone, or changed since they were indexed are read. A
// big library shows its list at once and checks its files in a background pass (`indexing`).
import type { Notice } from '../shared/contract/errors';
import type { Article } from '../shared/model/article';
import { photoIdsIn } from '../shared/photos/figures';
import type { ArticleStore } from './ArticleStore';
import { summarise } from './articleSummary';
import type { IndexEntry } from './indexEntry';
import { sameFile } from './fileFingerprint';
import type { LibraryIndex } from './LibraryIndex';
import type { ListTable } from './search/ListTable';
import type { SearchService } from './search/SearchService';

/** Up to this many files are checked against the index while opening; a bigger library checks them in the background. */
const INLINE_CHECK = 5000;

/** The index entry for an article just read or written, with its file's size and time. */
export function entryOf(article: Article, fp: { size: number; mtimeMs: number }): IndexEntry {
  return { summary: summarise(article), photos: photoIdsIn(article.body), tags: article.tags, ...fp };
}

export interface ReconcilerParts {
  store: ArticleStore;
  index: LibraryIndex;
  /** The list as columns: the holder of `index.entries`. */
  table: ListTable;
  search: SearchService;
  notices: Notice[];
  /** Runs `task` after every earlier task for the same article (the library's save queue). */
  serial<T>(id: string, task: () => Promise<T>): Promise<T>;
}

export class IndexReconciler {
  private readonly store: ArticleStore;
  private readonly index: LibraryIndex;
  private readonly table: ListTable;
  private readonly search: SearchService;
  private readonly notices: Notice[];
  private readonly serial: ReconcilerParts['serial'];
  /** Files still to be checked against the index in the background (a big library), and how far that is. */
  private unchecked: string[] = [];
  private checking: { done: number; total: number } | null = null;
  private closing = false;
  private firstQueryServed: (() => void) | null = null;

  constructor(parts: ReconcilerParts) {
    ({ store: this.store, index: this.index, table: this.table, search: this.search, notices: this.notices, serial: this.serial } = parts);
  }

  /**
   * Index from snapshot + journal, then reconciled with the folder: only files that are new,
   * gone, or changed since they were indexed (size or mtime) are read. A big library shows its
   * list at once and checks the files in the background (`indexing` in the library info).
   */
  async loadIndex(): Promise<void> {
    const healthy = await this.index.load();
    const ids = await this.store.listIds();
    let changed = !healthy;
    // New files first: until they are read, the list does not know them. (One pass; the set of
    // files on disk is only built when some indexed article has no file any more.)
    const unknown: string[] = [];
    const known: string[] = [];
    for (const id of ids) (this.index.entries.has(id) ? known : unknown).push(id);
    if (known.length < this.index.entries.size) {
      const onDisk = new Set(ids);
      for (const id of [...this.index.entries.keys()]) {
        if (!onDisk.has(id)) {
          this.index.entries.delete(id);
          changed = true;
        }
      }
    }
    if (!healthy && ids.length > 0) this.notices.push({ code: 'indexRebuilt', params: { articles: ids.length } });
    if (ids.length <= INLINE_CHECK) {
      for (const id of ids) changed = (await this.check(id)) || changed;
    } else {
      this.unchecked = [...unknown, ...known];
      this.checking = { done: 0, total: this.unchecked.length };
    }
    if (changed || this.index.needsCompaction) await this.index.compact();
  }

  /** Re-reads one file if the index does not know it or it changed on disk; true if the index changed. */
  private async check(id: string): Promise<boolean> {
    const now = await this.store.fileStat(id).catch(() => null);
    if (this.upToDate(id, now)) return false;
    try {
      const article = await this.store.read(id);
      this.index.entries.set(id, entryOf(article, await this.store.fileStat(id)));
    } catch {
      this.index.entries.delete(id); // quarantined and reported by the store
    }
    return true;
  }

  /**
   * The background pass: the search index loads while the files of a big library are checked
   * (64 at a time); if that finds files changed outside Copydesk, the search index catches up.
   */
  async checkInBackground(): Promise<void> {
    // A big library's first screen comes first: the background work waits for the first list
    // query to be answered (or two seconds), so loading the search index does not hold it up.
    if (this.unchecked.length > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        timer.unref();
        this.firstQueryServed = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    // Closed before the pass began (the command line's import into a big library): nothing to
    // finish; the files not yet checked are checked at the next open.
    if (this.closing) return;
    this.search.start();
    let changed = false;
    const ids = this.unchecked;
    const total = ids.length;
    for (let i = 0; i < total && !this.closing; i += 64) {
      const batch = ids.slice(i, i + 64);
      const stats = await Promise.all(batch.map((id) => this.store.fileStat(id).catch(() => null)));
      for (let k = 0; k < batch.length; k++) {
        const id = batch[k];
        if (this.upToDate(id, stats[k])) continue;
        // A save since opening has already put this article right; `check` looks again in its turn.
        changed = (await this.serial(id, () => this.check(id))) || changed;
      }
      this.checking = { done: Math.min(total, i + 64), total };
    }
    this.unchecked = [];
    this.checking = null;
    if (changed && !this.closing) await this.index.compact();
    await this.search.whenReady();
    if (changed && !this.closing) await this.search.catchUp();
  }

  /**
   * Learns an article the index does not know yet from its file (run in the article's queue):
   * a big library still checking its files, or a file that arrived since opening. False when
   * the index does not know the article and no file of it is on disk.
   */
  async learn(id: string): Promise<boolean> {
    if (this.index.entries.has(id)) return true;
    const fp = await this.store.fileStat(id).catch(() => null);
    if (!fp) return false;
    // A damaged file is quarantined and reported by the store; the article stays unknown.
    const article = await this.store.read(id).catch(() => null);
    if (article?.id !== id) return true;
    const entry = entryOf(article, await this.store.fileStat(id));
    await this.index.put(entry).catch(() => undefined);
    this.search.update(article, { size: entry.size, mtimeMs: entry.mtimeMs });
    return true;
  }

  /** Whether the index knows the article as its file is now (`now`: the file's stat), with nothing an older index lacked. */
  private upToDate(id: string, now: Parameters<typeof sameFile>[1]): boolean {
    const slot = this.table.slot(id);
    return slot !== undefined && sameFile(this.table.fingerprint(slot), now) && !this.table.incomplete(slot);
  }

  /** A list query was answered: the background pass need not wait any longer for the first screen. */
  queryServed(): void {
    const served = this.firstQueryServed;
    this.firstQueryServed = null;
    if (served) setImmediate(served);
  }

  /** How far the background checking and search indexing are; null when both are done. */
  get indexing(): { done: number; total: number } | null {
    return this.checking ?? this.search.progress;
  }

  /** The library is closing: the background pass stops after its current batch. */
  stop(): void {
    this.closing = true;
    // The pass may still wait for the first list query on a timer that does not keep the
    // process alive: release it, so closing never hangs on it.
    this.firstQueryServed?.();
    this.firstQueryServed = null;
  }
}
