// Keeps the search index in step with the library: loaded from disk in the background after
// start-up (the list does not wait for it), brought up to date by reading only the articles
// whose files changed since it was saved, or rebuilt from every file when it is missing or
// damaged, with progress. Saves update it as they happen; it is written back to disk now and
// then and on close. The article files stay the truth: losing this index loses nothing.
import { join } from 'node:path';
import type { Article } from '../../shared/model/article';
import { articleText } from '../../shared/search/articleText';
import { parseQuery } from '../../shared/search/tokenize';
import { SearchIndex, type Fingerprint } from './SearchIndex';
import type { SlotHits } from './runQuery';
import { loadSearchIndex, saveSearchIndex } from './searchIndexFile';
import { sameFile } from '../fileFingerprint';

/** Save the index in the background once this many changes are not yet on disk… */
const SAVE_AFTER_CHANGES = 2000;
/** …or this long after the first unsaved one. */
const SAVE_AFTER_MS = 10 * 60 * 1000;

export interface SearchSource {
  /** Calls `visit` with every article id and the file fingerprint the library index holds for it. */
  eachFingerprint(visit: (id: string, size: number, mtimeMs: number) => void): void;
  fingerprintOf(id: string): Fingerprint | null;
  /** The article's row in the list table. */
  slotOf(id: string): number | undefined;
  read(id: string): Promise<Article>;
}

export class SearchService {
  private index: SearchIndex | null = null;
  private readonly path: string;
  private pending: (() => void)[] = [];
  private saving = false;
  private unsaved = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** How far loading or rebuilding is; null when the index is ready. */
  progress: { done: number; total: number } | null = { done: 0, total: 0 };
  private ready: Promise<void> = Promise.resolve();
  /** List slot of every document number (-1: none), so hits never go through article ids. */
  private slotOfDoc = new Int32Array(0);
  private readonly hits: SlotHits = { stamp: new Int32Array(0), score: new Int32Array(0), mark: 0 };
  /** What the last start did: whether the saved index was used, and how many articles it had to read. */
  lastLoad: { fromDisk: boolean; read: number } | null = null;

  constructor(indexDir: string, private readonly source: SearchSource) {
    this.path = join(indexDir, 'search.bin');
  }

  /** Starts loading/reconciling in the background; `whenReady` resolves when it is done. */
  start(): void {
    this.ready = this.load().catch(() => {
      this.progress = null;
    });
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  private async load(): Promise<void> {
    // Until the saved index is read, say how many articles it is for, not "0 of 0".
    let articles = 0;
    this.source.eachFingerprint(() => articles++);
    this.progress = { done: 0, total: articles };
    const loaded = await loadSearchIndex(this.path, (d) => SearchIndex.restore(d));
    const index = loaded ?? new SearchIndex();
    this.slotOfDoc = new Int32Array(index.docCount + 1024).fill(-1);
    for (let doc = 0; doc < index.docCount; doc++) {
      const id = index.idOfDoc(doc);
      if (id) this.slotOfDoc[doc] = this.source.slotOf(id) ?? -1;
    }
    this.index = index;
    const read = await this.catchUp();
    this.lastLoad = { fromDisk: loaded !== null, read };
    if ((read > 0 || !loaded) && !this.stopped) await this.save();
  }

  /**
   * Re-reads the articles whose files differ from what the index saw, and drops those gone.
   * Run after loading, and again when the library's own check found files changed outside.
   */
  async catchUp(): Promise<number> {
    const index = this.index;
    if (!index) return 0;
    const stale: string[] = [];
    const live = new Set<string>();
    this.source.eachFingerprint((id, size, mtimeMs) => {
      live.add(id);
      const had = index.fingerprint(id);
      if (!sameFile(had, { size, mtimeMs })) stale.push(id);
    });
    for (const id of [...index.ids()]) if (!live.has(id)) this.remove(id);
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
    const apply = () => {
      if (!this.index) return;
      this.index.put(article.id, articleText(article), fp);
      const doc = this.index.docOfId(article.id)!;
      if (doc >= this.slotOfDoc.length) {
        const grown = new Int32Array(Math.max(doc + 1, this.slotOfDoc.length * 2)).fill(-1);
        grown.set(this.slotOfDoc);
        this.slotOfDoc = grown;
      }
      this.slotOfDoc[doc] = this.source.slotOf(article.id) ?? -1;
    };
    if (this.saving) this.pending.push(apply);
    else apply();
    if (count) this.changed();
  }

  /** An article was written (fingerprint of its new file). */
  update(article: Article, fp: Fingerprint): void {
    this.put(article, fp);
  }

  remove(id: string): void {
    const apply = () => this.index?.remove(id);
    if (this.saving) this.pending.push(apply);
    else apply();
    this.changed();
  }

  private changed(): void {
    this.unsaved++;
    if (this.unsaved >= SAVE_AFTER_CHANGES) void this.save().catch(() => undefined);
    else if (!this.timer && !this.stopped) {
      this.timer = setTimeout(() => void this.save().catch(() => undefined), SAVE_AFTER_MS);
      this.timer.unref();
    }
  }

  /** Hits for a search text by list slot (valid until the next search); none while nothing is loaded yet. */
  search(text: string, slots: number): SlotHits {
    const h = this.hits;
    if (h.stamp.length < slots) {
      h.stamp = new Int32Array(slots + 1024);
      h.score = new Int32Array(slots + 1024);
    }
    h.mark++;
    if (!this.index) return h;
    const found = this.index.searchDocs(parseQuery(text));
    for (let i = 0; i < found.count; i++) {
      const slot = this.slotOfDoc[found.docs[i]];
      if (slot < 0) continue;
      h.stamp[slot] = h.mark;
      h.score[slot] = found.scores[i];
    }
    return h;
  }

  /**
   * Writes the index to disk, first dropping replaced documents if they are over a quarter of it
   * (every save of an article leaves its old text behind). Changes that arrive meanwhile wait
   * and are applied after.
   */
  async save(): Promise<void> {
    if (!this.index || this.saving) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.saving = true;
    const unsaved = this.unsaved;
    try {
      if (this.index.deadCount > Math.max(1000, this.index.size / 3)) {
        const next = await this.index.compacted(() => new Promise((r) => setImmediate(r)));
        this.index = next;
        this.slotOfDoc = new Int32Array(next.docCount + 1024).fill(-1);
        for (let doc = 0; doc < next.docCount; doc++) this.slotOfDoc[doc] = this.source.slotOf(next.idOfDoc(doc)) ?? -1;
      }
      this.index.pack();
      await saveSearchIndex(this.path, this.index);
      this.unsaved -= unsaved;
    } finally {
      this.saving = false;
      const pending = this.pending;
      this.pending = [];
      for (const apply of pending) apply();
    }
  }

  get stats(): { documents: number; terms: number; arenaBytes: number } {
    return { documents: this.index?.size ?? 0, terms: this.index?.termCount ?? 0, arenaBytes: this.index?.arenaBytes ?? 0 };
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.ready;
    if (this.timer) clearTimeout(this.timer);
    if (this.unsaved > 0) await this.save().catch(() => undefined);
  }
}
