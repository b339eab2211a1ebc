// The owner of the search index: loads it from disk, applies updates, answers queries by list
// slot, writes it back now and then. It runs in a worker thread of its own (searchWorker.ts), so
// the index's heap and its collector are not the core's and a save never waits on them; where no
// worker can run, SearchService runs it in the core's thread. Messages are handled strictly in
// the order they arrive (a query sees every update posted before it), even while an index is
// loading or being written.
import { getHeapStatistics } from 'node:v8';
import { parseQuery } from '../../shared/search/tokenize';
import { sameFile } from '../fileFingerprint';
import { SearchIndex } from './SearchIndex';
import { leaveListsInFile, loadSearchIndex, saveSearchIndex } from './searchIndexFile';
import type { LiveArticles, SearchMessage, SearchReply, SearchStats } from './searchProtocol';

/** Write the index in the background once this many changes are not yet on disk… */
const SAVE_AFTER_CHANGES = 2000;
/** …or this long after the first unsaved one. */
const SAVE_AFTER_MS = 10 * 60 * 1000;

const pause = () => new Promise<void>((r) => setImmediate(r));

export class SearchEngine {
  private index = new SearchIndex();
  private path: string | null = null;
  private fromDisk = false;
  /** List slot of every document number (-1: none), so hits go back as slots, never as ids. */
  private slotOfDoc = new Int32Array(1024).fill(-1);
  private unsaved = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private persistQueued = false;
  /** The message queue: each message runs after the one before it has finished. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly reply: (r: SearchReply, transfer?: ArrayBuffer[]) => void) {}

  /** Takes one message in its turn. */
  post(m: SearchMessage): void {
    this.queue = this.queue.then(() => this.handle(m)).catch((err: unknown) => {
      if ('q' in m) this.reply({ t: 'failed', q: m.q, message: err instanceof Error ? err.message : String(err) });
    });
  }

  private async handle(m: SearchMessage): Promise<void> {
    switch (m.t) {
      case 'put':
        this.index.put(m.id, m.fields, m.fp);
        this.setSlot(this.index.docOfId(m.id)!, m.slot);
        if (m.count) this.changed();
        return;
      case 'remove':
        this.index.remove(m.id);
        this.changed();
        return;
      case 'search':
        return this.search(m.q, m.text);
      case 'load': {
        this.path = m.path;
        const loaded = await loadSearchIndex(m.path);
        this.fromDisk = loaded !== null;
        void this.index.closeFile();
        this.index = loaded ?? new SearchIndex();
        return this.reconcile(m.q, m.live);
      }
      case 'reconcile':
        return this.reconcile(m.q, m.live);
      case 'persist':
        await this.persist();
        return this.reply({ t: 'done', q: m.q, stats: this.stats });
      case 'sync':
        return this.reply({ t: 'done', q: m.q, stats: this.stats });
      case 'close':
        this.closed = true;
        if (this.timer) clearTimeout(this.timer);
        if (this.unsaved > 0) await this.persist().catch(() => undefined);
        await this.index.closeFile();
        return this.reply({ t: 'done', q: m.q, stats: this.stats });
    }
  }

  get stats(): SearchStats {
    return { documents: this.index.size, terms: this.index.termCount, arenaBytes: this.index.arenaBytes, heapBytes: getHeapStatistics().used_heap_size };
  }

  private setSlot(doc: number, slot: number): void {
    if (doc >= this.slotOfDoc.length) {
      const grown = new Int32Array(Math.max(doc + 1024, this.slotOfDoc.length * 2)).fill(-1);
      grown.set(this.slotOfDoc);
      this.slotOfDoc = grown;
    }
    this.slotOfDoc[doc] = slot;
  }

  /** Every document's slot again from the live list (after a load or a compaction renumbered them). */
  private mapSlots(slotOf: Map<string, number>): void {
    this.slotOfDoc = new Int32Array(this.index.docCount + 1024).fill(-1);
    for (let doc = 0; doc < this.index.docCount; doc++) {
      const id = this.index.idOfDoc(doc);
      if (id) this.slotOfDoc[doc] = slotOf.get(id) ?? -1;
    }
  }

  /** Drops what is no longer live and answers which live articles are missing or stale here. */
  private reconcile(q: number, live: LiveArticles): void {
    const slotOf = new Map<string, number>();
    const stale: string[] = [];
    for (let i = 0; i < live.ids.length; i++) {
      const id = live.ids[i];
      slotOf.set(id, live.slots[i]);
      if (!sameFile(this.index.fingerprint(id), { size: live.sizes[i], mtimeMs: live.mtimes[i] })) stale.push(id);
    }
    for (const id of [...this.index.ids()]) {
      if (slotOf.has(id)) continue;
      this.index.remove(id);
      this.changed();
    }
    this.mapSlots(slotOf);
    this.reply({ t: 'checked', q, fromDisk: this.fromDisk, stale, stats: this.stats });
  }

  private search(q: number, text: string): void {
    const found = this.index.searchDocs(parseQuery(text));
    const slots = new Int32Array(found.count);
    const scores = new Int32Array(found.count);
    let count = 0;
    for (let i = 0; i < found.count; i++) {
      const slot = this.slotOfDoc[found.docs[i]];
      if (slot < 0) continue;
      slots[count] = slot;
      scores[count++] = found.scores[i];
    }
    this.reply({ t: 'hits', q, slots, scores, count, stats: this.stats }, [slots.buffer, scores.buffer]);
  }

  private changed(): void {
    this.unsaved++;
    if (this.closed) return;
    if (this.unsaved >= SAVE_AFTER_CHANGES) this.persistInTurn();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.persistInTurn(), SAVE_AFTER_MS);
      this.timer.unref();
    }
  }

  /** A background write, queued behind what came before it (and holding back what comes after). */
  private persistInTurn(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.persistQueued) return; // one write queued is enough
    this.persistQueued = true;
    this.queue = this.queue
      .then(() => {
        this.persistQueued = false;
        return this.persist();
      })
      .catch(() => undefined);
  }

  /**
   * Writes the index to disk, first dropping replaced documents if they are over a third of it
   * (every save of an article leaves its old text behind).
   */
  private async persist(): Promise<void> {
    if (!this.path) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const unsaved = this.unsaved;
    if (this.index.deadCount > Math.max(1000, this.index.size / 3)) {
      const before = this.index;
      const next = await before.compacted(pause);
      const slotOf = new Map<string, number>();
      for (let doc = 0; doc < before.docCount; doc++) {
        const id = before.idOfDoc(doc);
        if (id) slotOf.set(id, this.slotOfDoc[doc]);
      }
      await before.closeFile(); // before the new file replaces it
      this.index = next;
      this.mapSlots(slotOf);
    }
    // Packing reads every list into memory and lets the old file go; once the new one is
    // written, the lists are read from it again and leave memory.
    this.index.pack();
    const at = await saveSearchIndex(this.path, this.index);
    this.unsaved = Math.max(0, this.unsaved - unsaved);
    if (!this.closed) await leaveListsInFile(this.path, this.index, at).catch(() => undefined);
  }
}
