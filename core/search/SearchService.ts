// Keeps the search index in step with the library. The index itself lives in a worker thread
// (searchThread.ts, SearchEngine.ts) on a heap of its own: its collector never pauses a save.
// This side tells it what changed (a save posts the article's text and does not wait), asks it
// for hits (answered after every change posted before), and drives loading: the saved index is
// loaded in the background after start-up (the list does not wait for it), then the articles
// whose files changed since it was saved are read here and sent over, or every article when it
// is missing or damaged, with progress. The article files stay the truth: losing the index (or
// its worker) loses nothing.
import { join } from 'node:path';
import type { Article } from '../../shared/model/article';
import { articleText } from '../../shared/search/articleText';
import { parseQuery } from '../../shared/search/tokenize';
import type { Fingerprint } from './SearchIndex';
import type { SlotHits } from './runQuery';
import type { LiveArticles, SearchStats } from './searchProtocol';
import { SearchThread } from './searchThread';

export interface SearchSource {
  /** Calls `visit` with every article id and the file fingerprint the library index holds for it. */
  eachFingerprint(visit: (id: string, size: number, mtimeMs: number) => void): void;
  fingerprintOf(id: string): Fingerprint | null;
  /** The article's row in the list table. */
  slotOf(id: string): number | undefined;
  read(id: string): Promise<Article>;
}

export class SearchService {
  private readonly path: string;
  private thread: SearchThread | null = null;
  private stopped = false;
  /** How far loading or rebuilding is; null when the index is ready. */
  progress: { done: number; total: number } | null = { done: 0, total: 0 };
  private ready: Promise<void> = Promise.resolve();
  private readonly hits: SlotHits = { stamp: new Int32Array(0), score: new Int32Array(0), mark: 0 };
  /** What the last start did: whether the saved index was used, and how many articles it had to read. */
  lastLoad: { fromDisk: boolean; read: number } | null = null;
  /** The figures as of the owner's last answer. */
  private figures: SearchStats = { documents: 0, terms: 0, arenaBytes: 0, heapBytes: 0 };

  constructor(indexDir: string, private readonly source: SearchSource) {
    this.path = join(indexDir, 'search.bin');
  }

  /** Starts the index's owner and loading/reconciling in the background; `whenReady` resolves when it is done. */
  start(): void {
    this.thread = new SearchThread(() => this.restarted());
    this.ready = this.load(true).catch(() => {
      this.progress = null;
    });
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The worker died and a new owner took over: it loads the saved index and catches up from the files. */
  private restarted(): Promise<void> {
    const before = this.ready;
    const again = this.load(false).catch(() => undefined);
    this.ready = Promise.all([before, again]).then(() => undefined);
    return again;
  }

  /** Every live article with its list slot and file fingerprint, as columns. */
  private live(): LiveArticles {
    const ids: string[] = [];
    const sizes: number[] = [];
    const mtimes: number[] = [];
    this.source.eachFingerprint((id, size, mtimeMs) => {
      ids.push(id);
      sizes.push(size);
      mtimes.push(mtimeMs);
    });
    return { ids, slots: Int32Array.from(ids, (id) => this.source.slotOf(id) ?? -1), sizes: Float64Array.from(sizes), mtimes: Float64Array.from(mtimes) };
  }

  private async load(first: boolean): Promise<void> {
    const thread = this.thread!;
    const live = this.live();
    // Until the saved index is read, say how many articles it is for, not "0 of 0".
    if (first) this.progress = { done: 0, total: live.ids.length };
    const checked = await thread.request({ t: 'load', path: this.path, live }, true);
    if (checked.t !== 'checked') return;
    this.figures = checked.stats;
    const read = await this.readStale(checked.stale);
    if (!first) return; // a restarted worker: queries wait for this catch-up, not for a write
    this.lastLoad = { fromDisk: checked.fromDisk, read };
    if ((read > 0 || !checked.fromDisk) && !this.stopped) await this.persist();
  }

  /**
   * Re-reads the articles whose files differ from what the index saw; the index drops those gone.
   * Run after loading, and again when the library's own check found files changed outside.
   */
  async catchUp(): Promise<number> {
    if (!this.thread || this.stopped) return 0;
    const checked = await this.thread.request({ t: 'reconcile', live: this.live() });
    if (checked.t !== 'checked') return 0;
    return this.readStale(checked.stale);
  }

  private async readStale(stale: string[]): Promise<number> {
    this.progress = { done: 0, total: stale.length };
    for (let i = 0; i < stale.length && !this.stopped; i++) {
      const id = stale[i];
      const fp = this.source.fingerprintOf(id);
      if (fp) {
        try {
          this.put(await this.source.read(id), fp, false);
        } catch {
          /* damaged or gone: the library reports it; nothing to index */
        }
      }
      this.progress = { done: i + 1, total: stale.length };
      // Let saves and list queries in between the reads.
      if (i % 64 === 63) await new Promise((r) => setImmediate(r));
    }
    this.progress = null;
    return stale.length;
  }

  private put(article: Article, fp: Fingerprint, count = true): void {
    const slot = this.source.slotOf(article.id) ?? -1;
    this.thread?.post({ t: 'put', id: article.id, fields: articleText(article), fp: { size: fp.size, mtimeMs: fp.mtimeMs }, slot, count });
  }

  /** An article was written (fingerprint of its new file): posted, not waited for. */
  update(article: Article, fp: Fingerprint): void {
    this.put(article, fp);
  }

  remove(id: string): void {
    this.thread?.post({ t: 'remove', id });
  }

  /** Hits for a search text by list slot (valid until the next search), seeing every change posted before; none before the index starts. */
  async search(text: string, slots: number): Promise<SlotHits> {
    const found = this.thread && parseQuery(text).parts.length > 0 ? await this.thread.request({ t: 'search', text }) : null;
    const h = this.hits;
    // The list may have grown while the answer was on its way.
    let need = slots;
    if (found?.t === 'hits') for (let i = 0; i < found.count; i++) need = Math.max(need, found.slots[i] + 1);
    if (h.stamp.length < need) {
      h.stamp = new Int32Array(need + 1024);
      h.score = new Int32Array(need + 1024);
    }
    h.mark++;
    if (!found || found.t !== 'hits') return h;
    this.figures = found.stats;
    for (let i = 0; i < found.count; i++) {
      const slot = found.slots[i];
      h.stamp[slot] = h.mark;
      h.score[slot] = found.scores[i];
    }
    return h;
  }

  /** Writes the index to disk now (after the changes posted before). */
  async persist(): Promise<void> {
    const done = await this.thread?.request({ t: 'persist' });
    if (done?.t === 'done') this.figures = done.stats;
  }

  /** Resolves once every change posted before is in the index, with the figures brought up to date. */
  async settled(): Promise<void> {
    const done = await this.thread?.request({ t: 'sync' }).catch(() => undefined);
    if (done?.t === 'done') this.figures = done.stats;
  }

  /** Documents, terms and bytes as of the index's last answer (`settled` brings them up to date). */
  get stats(): SearchStats & { restarts: number; inThread: boolean } {
    return { ...this.figures, restarts: this.thread?.restarts ?? 0, inThread: this.thread?.inThread ?? false };
  }

  /** Tests: the running worker, to stop it as a crash would. */
  get threadProbe() {
    return this.thread?.probe ?? null;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.ready;
    await this.thread?.close();
  }
}
