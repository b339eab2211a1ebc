// Posting lists for 100,000 articles in a few hundred megabytes at most: every term's list of
// documents is a chain of blocks in a chunked byte arena, each entry the gap from the previous
// document number with the fields it was found in packed into the low bits, as a varint.
// Document numbers only grow (a changed article gets a new number, its old one is dropped), so
// lists are append-only and stay sorted. A loaded index leaves each list's saved part in the file
// (StoredLists, read when a query needs it) and keeps only what was added since in the arena.
import type { StoredLists } from './storedLists';

const CHUNK_BITS = 24;
const CHUNK = 1 << CHUNK_BITS; // 16 MB: no block spans two chunks, so growing never copies the arena
const HEADER = 8; // per block: next block's offset (-1: none) and bytes used, both int32
const MAX_BLOCK = 4096;
const INITIAL_CHUNK = 256 * 1024;

/** Growable int32 column. */
class Column {
  data = new Int32Array(1024);
  get(i: number): number {
    return this.data[i];
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = new Int32Array(Math.max(i + 1, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
}

export interface PostingsDump {
  terms: string[];
  head: Int32Array;
  tail: Int32Array;
  tailCap: Int32Array;
  last: Int32Array;
  count: Int32Array;
  chunks: Uint8Array[];
}

/** A saved index's lists left in its file: where each arena chunk of the dump starts in it. */
export interface ListsInFile {
  lists: StoredLists;
  chunkAt: number[];
}

/**
 * Decodes the entries in `c[p..end)` after the `n` already in `docs`/`masks` (the last of them the
 * previous document); returns the new count. Typed arrays and one tight loop: a list of 60,000
 * decodes in well under a millisecond.
 */
function decodeRun(c: Uint8Array, p: number, end: number, docs: Int32Array, masks: Uint8Array, n: number, maskBits: number): number {
  const maskMod = 1 << maskBits;
  const maskAnd = maskMod - 1;
  let doc = n > 0 ? docs[n - 1] : -1;
  while (p < end) {
    let b = c[p++];
    let value = b & 0x7f;
    if (b & 0x80) {
      let mul = 0x80;
      do {
        b = c[p++];
        value += (b & 0x7f) * mul;
        mul *= 0x80;
      } while (b & 0x80);
    }
    const mask = value < 0x40000000 ? value & maskAnd : value % maskMod;
    doc += (value - mask) / maskMod;
    docs[n] = doc;
    masks[n] = mask;
    n++;
  }
  return n;
}

export class Postings {
  private readonly termNo = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly head = new Column();
  private readonly tail = new Column();
  private readonly tailCap = new Column();
  private readonly last = new Column();
  private readonly count = new Column();
  private chunks: Uint8Array[] = []; // the first is allocated on the first add
  private used = CHUNK; // bytes used in the last chunk
  /** The saved file the lists' first parts are read from (null: every list is in the arena). */
  private stored: StoredLists | null = null;
  /** Per term: where its saved part starts in the file, its bytes (0: none) and entries. */
  private readonly storedAt = new Column();
  private readonly storedLen = new Column();
  private readonly storedCount = new Column();

  constructor(
    /** Low bits of each entry that carry the field mask. */
    readonly maskBits: number,
    /** Called with each term the first time it is seen (for the prefix and syllable tables). */
    private readonly onNewTerm: (term: string) => void = () => undefined,
  ) {}

  get termCount(): number {
    return this.terms.length;
  }

  /** Bytes the arena holds (allocated chunks; the lists left in the file are not counted). */
  get arenaBytes(): number {
    return this.chunks.reduce((n, c) => n + c.length, 0);
  }

  has(term: string): boolean {
    return this.termNo.has(term);
  }

  /** How many documents (dead ones included) list `term`. */
  countOf(term: string): number {
    const t = this.termNo.get(term);
    return t === undefined ? 0 : this.count.get(t);
  }

  allTerms(): readonly string[] {
    return this.terms;
  }

  private allocate(cap: number): number {
    if (this.used + HEADER + cap > CHUNK || this.chunks.length === 0) {
      // A new chunk starts small (a loaded index only takes each day's saves into it) and
      // doubles up to the full 16 MB; offsets do not depend on its length.
      this.chunks.push(new Uint8Array(INITIAL_CHUNK));
      this.used = 0;
    }
    const last = this.chunks.length - 1;
    if (this.used + HEADER + cap > this.chunks[last].length) {
      const grown = new Uint8Array(Math.min(CHUNK, this.chunks[last].length * 2));
      grown.set(this.chunks[last]);
      this.chunks[last] = grown;
    }
    const off = (this.chunks.length - 1) * CHUNK + this.used;
    this.used += HEADER + cap;
    this.writeInt(off, -1);
    this.writeInt(off + 4, 0);
    return off;
  }

  private readInt(off: number): number {
    const c = this.chunks[off >>> CHUNK_BITS];
    const p = off & (CHUNK - 1);
    return (c[p] | (c[p + 1] << 8) | (c[p + 2] << 16) | (c[p + 3] << 24)) >> 0;
  }

  private writeInt(off: number, v: number): void {
    const c = this.chunks[off >>> CHUNK_BITS];
    const p = off & (CHUNK - 1);
    c[p] = v & 0xff;
    c[p + 1] = (v >>> 8) & 0xff;
    c[p + 2] = (v >>> 16) & 0xff;
    c[p + 3] = (v >>> 24) & 0xff;
  }

  /** Adds `doc` (greater than every document already in the list) with its field mask. */
  add(term: string, doc: number, mask: number): void {
    let t = this.termNo.get(term);
    if (t === undefined) {
      t = this.terms.length;
      this.termNo.set(term, t);
      this.terms.push(term);
      const off = this.allocate(8);
      this.head.set(t, off);
      this.tail.set(t, off);
      this.tailCap.set(t, 8);
      this.last.set(t, -1);
      this.count.set(t, 0);
      this.onNewTerm(term);
    }
    let value = (doc - this.last.get(t)) * (1 << this.maskBits) + mask;
    // -1: the whole list so far is in the file; what is added goes into the arena.
    let off = this.tail.get(t);
    let used = off === -1 ? 0 : this.readInt(off + 4);
    const cap = off === -1 ? 0 : this.tailCap.get(t);
    if (used + 5 > cap) {
      // A new block twice the size of the list so far in the arena (capped), chained after the tail.
      const nextCap = Math.min(MAX_BLOCK, Math.max(16, (this.count.get(t) - (this.storedCount.data[t] ?? 0)) * 2));
      const next = this.allocate(nextCap);
      if (off === -1) this.head.set(t, next);
      else this.writeInt(off, next);
      this.tail.set(t, next);
      this.tailCap.set(t, nextCap);
      off = next;
      used = 0;
    }
    const c = this.chunks[off >>> CHUNK_BITS];
    let p = (off & (CHUNK - 1)) + HEADER + used;
    const start = p;
    while (value >= 0x80) {
      c[p++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    c[p++] = value;
    this.writeInt(off + 4, used + (p - start));
    this.last.set(t, doc);
    this.count.set(t, this.count.get(t) + 1);
  }

  /** Decodes `term`'s list into `docs` and `masks` (grown as needed) and returns how many entries there are. */
  decode(term: string, out: { docs: Int32Array; masks: Uint8Array }): number {
    const t = this.termNo.get(term);
    if (t === undefined) return 0;
    const total = this.count.data[t];
    if (out.docs.length < total) {
      out.docs = new Int32Array(total * 2);
      out.masks = new Uint8Array(total * 2);
    }
    let n = 0;
    const saved = this.storedLen.data[t] ?? 0;
    if (saved > 0) {
      const bytes = this.readStored(t);
      n = decodeRun(bytes, HEADER, bytes.length, out.docs, out.masks, 0, this.maskBits);
    }
    for (let off = this.head.data[t]; off !== -1; ) {
      const c = this.chunks[off >>> CHUNK_BITS];
      const base = off & (CHUNK - 1);
      const end = base + HEADER + ((c[base + 4] | (c[base + 5] << 8) | (c[base + 6] << 16) | (c[base + 7] << 24)) >> 0);
      n = decodeRun(c, base + HEADER, end, out.docs, out.masks, n, this.maskBits);
      off = (c[base] | (c[base + 1] << 8) | (c[base + 2] << 16) | (c[base + 3] << 24)) >> 0;
    }
    return n;
  }

  /** A term's saved part with its block header (checked: a packed block, no next, of the length noted). */
  private readStored(t: number): Uint8Array {
    const len = this.storedLen.data[t];
    const bytes = this.stored!.read(this.storedAt.data[t] - HEADER, HEADER + len);
    const next = (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >> 0;
    const used = (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >> 0;
    if (next !== -1 || used !== len) throw new Error('damaged search index file');
    return bytes;
  }

  /**
   * Rewrites the arena with each term's list in one block of exactly its size: chained blocks
   * and their unused room (a third of the arena after a build) go. The next entry for a term
   * starts a new block. Done before the index is saved, so the file and the memory shrink.
   */
  pack(): void {
    const n = this.terms.length;
    const chunks: Uint8Array[] = [];
    let chunk = new Uint8Array(0);
    let used = CHUNK;
    for (let t = 0; t < n; t++) {
      // The list's bytes: the saved part, then block by block.
      const saved = this.storedLen.data[t] ?? 0;
      let len = saved;
      for (let off = this.head.data[t]; off !== -1; off = this.readInt(off)) len += this.readInt(off + 4);
      if (used + HEADER + len > CHUNK) {
        if (chunks.length) chunks[chunks.length - 1] = chunk.subarray(0, used);
        chunk = new Uint8Array(Math.max(CHUNK, HEADER + len));
        chunks.push(chunk);
        used = 0;
      }
      const start = (chunks.length - 1) * CHUNK + used;
      let p = used + HEADER;
      if (saved > 0) {
        chunk.set(this.readStored(t).subarray(HEADER), p);
        p += saved;
      }
      for (let off = this.head.data[t]; off !== -1; off = this.readInt(off)) {
        const c = this.chunks[off >>> CHUNK_BITS];
        const base = off & (CHUNK - 1);
        const blockLen = this.readInt(off + 4);
        chunk.set(c.subarray(base + HEADER, base + HEADER + blockLen), p);
        p += blockLen;
      }
      chunk[used] = 0xff; // next: -1
      chunk[used + 1] = 0xff;
      chunk[used + 2] = 0xff;
      chunk[used + 3] = 0xff;
      chunk[used + 4] = len & 0xff;
      chunk[used + 5] = (len >>> 8) & 0xff;
      chunk[used + 6] = (len >>> 16) & 0xff;
      chunk[used + 7] = (len >>> 24) & 0xff;
      this.head.data[t] = start;
      this.tail.data[t] = start;
      this.tailCap.data[t] = len; // full: the next entry opens a new block
      used = p;
    }
    if (chunks.length) chunks[chunks.length - 1] = chunk.slice(0, used); // a copy, so the rest of the 16 MB is freed
    this.chunks = chunks;
    this.used = CHUNK; // packed chunks are never written into again
    // Everything is in the arena now: the file may be replaced.
    this.stored = null;
    this.storedLen.data.fill(0);
    this.storedCount.data.fill(0);
  }

  /**
   * Leaves every list in a saved file of this packed arena (`chunkAt`: where each chunk starts
   * in it) and drops the arena: a query reads the lists it needs from the file. Entries added
   * later go into a new arena after them.
   */
  leaveInFile(file: ListsInFile): void {
    const n = this.terms.length;
    for (let t = 0; t < n; t++) {
      const off = this.head.data[t];
      if (off !== this.tail.data[t]) throw new Error('only a packed index can be left in its file');
      const at = file.chunkAt[off >>> CHUNK_BITS];
      if (at === undefined) throw new Error('damaged search index file');
      this.storedAt.set(t, at + (off & (CHUNK - 1)) + HEADER);
      this.storedLen.set(t, this.tailCap.data[t]);
      this.storedCount.set(t, this.count.data[t]);
      this.head.data[t] = -1;
      this.tail.data[t] = -1;
      this.tailCap.data[t] = 0;
    }
    this.stored = file.lists;
    this.chunks = [];
    this.used = CHUNK;
  }

  dump(): PostingsDump {
    if (this.stored) throw new Error('pack the index before saving it'); // its lists are in the old file
    const n = this.terms.length;
    const chunks = this.chunks.map((c, i) => (i === this.chunks.length - 1 ? c.subarray(0, this.used) : c));
    return {
      terms: this.terms,
      head: this.head.data.slice(0, n),
      tail: this.tail.data.slice(0, n),
      tailCap: this.tailCap.data.slice(0, n),
      last: this.last.data.slice(0, n),
      count: this.count.data.slice(0, n),
      chunks,
    };
  }

  /**
   * Whether a dump's lists lie as `pack` leaves them: one block per term, exactly its length,
   * one after another in term order (`chunkLengths`: each chunk's bytes). Only such lists can be
   * read from the file by their place alone.
   */
  static packedLayout(d: Omit<PostingsDump, 'chunks' | 'terms'>, chunkLengths: number[]): boolean {
    let chunk = 0;
    let at = 0;
    for (let t = 0; t < d.head.length; t++) {
      const off = d.head[t];
      if (off !== d.tail[t] || d.tailCap[t] < 0) return false;
      if (off !== chunk * CHUNK + at) {
        if (off !== (chunk + 1) * CHUNK || at !== chunkLengths[chunk]) return false;
        chunk++;
        at = 0;
      }
      at += HEADER + d.tailCap[t];
      if (at > CHUNK) return false;
    }
    return d.head.length === 0 ? chunkLengths.length === 0 : chunk === chunkLengths.length - 1 && at === chunkLengths[chunk];
  }

  /** From a dump; `file`: its chunks were left in the saved file (`d.chunks` is empty), read from there. */
  static restore(d: PostingsDump, maskBits: number, onNewTerm?: (term: string) => void, file?: ListsInFile): Postings {
    const p = new Postings(maskBits, onNewTerm);
    d.terms.forEach((term, i) => {
      p.termNo.set(term, i);
      p.terms.push(term);
    });
    p.head.data = d.head.slice();
    p.tail.data = d.tail.slice();
    p.tailCap.data = d.tailCap.slice();
    p.last.data = d.last.slice();
    p.count.data = d.count.slice();
    // The loaded chunks are used where they lie (no copy); new blocks go into a fresh chunk.
    p.chunks = [...d.chunks];
    p.used = CHUNK;
    if (file) p.leaveInFile(file);
    return p;
  }
}
