// The library index's entries as a map from article id to IndexEntry, kept in the list table's
// columns (search/ListTable.ts) rather than as one object per article: the table is the one
// holder, and an entry is built only when asked for. Reads that walk every article (counts,
// facets, the photo sweep) go to the table's columns instead of building entries.
import type { IndexEntry } from './indexEntry';
import { ListTable } from './search/ListTable';

export class IndexEntries implements Iterable<[string, IndexEntry]> {
  constructor(readonly table: ListTable = new ListTable()) {}

  get size(): number {
    return this.table.size;
  }

  has(id: string): boolean {
    return this.table.has(id);
  }

  /** A fresh copy of the article's entry (changing it changes nothing: `set` does). */
  get(id: string): IndexEntry | undefined {
    const slot = this.table.slot(id);
    return slot === undefined ? undefined : this.table.entry(slot);
  }

  set(id: string, entry: IndexEntry): this {
    if (entry.summary.id !== id) throw new Error(`index entry for ${entry.summary.id} set under ${id}`);
    this.table.put(entry);
    return this;
  }

  delete(id: string): boolean {
    return this.table.remove(id);
  }

  clear(): void {
    this.table.clear();
  }

  *keys(): IterableIterator<string> {
    for (const slot of this.table.liveSlots()) yield this.table.id(slot)!;
  }

  *values(): IterableIterator<IndexEntry> {
    for (const slot of this.table.liveSlots()) yield this.table.entry(slot);
  }

  *entries(): IterableIterator<[string, IndexEntry]> {
    for (const slot of this.table.liveSlots()) yield [this.table.id(slot)!, this.table.entry(slot)];
  }

  /** Every entry, newest change first, built one at a time (the index snapshot). */
  *newestFirst(): IterableIterator<IndexEntry> {
    for (const slot of this.table.order('updated')) yield this.table.entry(slot);
  }

  [Symbol.iterator](): IterableIterator<[string, IndexEntry]> {
    return this.entries();
  }
}
