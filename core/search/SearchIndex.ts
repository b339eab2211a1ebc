// Full-text index over the library: which articles hold which terms, in which fields. Titles
// (headline, kicker, deck, byline, tags) and text (body, captions, notes) are kept apart so a
// headline hit outranks a body hit. Everything here is rebuildable from the article files.
import { indexTerms, type ParsedQuery, type QueryPart } from '../../shared/search/tokenize';
import type { FieldText } from '../../shared/search/articleText';
import type { SearchField } from '../../shared/search/query';
import { Postings, type ListsInFile } from './Postings';
import type { StoredLists } from './storedLists';

const TITLE_BITS: Partial<Record<SearchField, number>> = { headline: 1, kicker: 2, deck: 4, byline: 8, tags: 16 };
const TEXT_BITS: Partial<Record<SearchField, number>> = { body: 1, caption: 2, notes: 4 };
/**
 * What a match in each field is worth; a document's score adds, for every query part, the best
 * field any of its terms is in. (The server's search ranks with the same weights.)
 */
export const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = { headline: 64, kicker: 24, deck: 16, byline: 12, tags: 12, body: 2, caption: 4, notes: 1 };
/** The weights in bit order (bit i of a field mask is weights[i]). */
const inBitOrder = (bits: Partial<Record<SearchField, number>>) =>
  (Object.entries(bits) as [SearchField, number][]).sort((a, b) => a[1] - b[1]).map(([f]) => FIELD_WEIGHTS[f]);
const TITLE_WEIGHTS = inBitOrder(TITLE_BITS);
const TEXT_WEIGHTS = inBitOrder(TEXT_BITS);
/** Prefix queries (`gov`) look at no more than this many distinct words. */
const MAX_EXPANSION = 3000;

/** The best weight for every field mask, looked up per posting. */
function lookup(weights: readonly number[]): Int32Array {
  const table = new Int32Array(1 << weights.length);
  for (let mask = 0; mask < table.length; mask++) for (let i = 0; i < weights.length; i++) if (mask & (1 << i)) table[mask] = Math.max(table[mask], weights[i]);
  return table;
}
const TITLE_LOOKUP = lookup(TITLE_WEIGHTS);
const TEXT_LOOKUP = lookup(TEXT_WEIGHTS);

/** What the index knew of an article's file when it indexed it, to spot changes. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
}

export interface SearchHit {
  id: string;
  score: number;
}

export class SearchIndex {
  /** Article id per document number; '' where the document was replaced or removed. */
  private docIds: string[] = [];
  private readonly docOf = new Map<string, number>();
  private sizes: number[] = [];
  private mtimes: number[] = [];
  private dead = 0;
  private title: Postings;
  private text: Postings;
  /** The saved file the posting lists are read from, when they were left there. */
  private stored: StoredLists | null = null;
  /** Latin words, sorted, for prefix lookups; new words wait in `recent` until the next sort. */
  private sortedLatin: string[] | null = null;
  private recentLatin: string[] = [];
  /** Hangul pieces by syllable, for one-syllable queries; built on first use. */
  private bySyllable: Map<string, string[]> | null = null;
  private readonly buffers = { docs: new Int32Array(4096), masks: new Uint8Array(4096) };
  private scratchArrays = { stamp: new Int32Array(0), best: new Int32Array(0), score: new Int32Array(0), touched: new Int32Array(1024), hitScores: new Int32Array(1024) };
  private marks = 0;

  private scratch(n: number) {
    const s = this.scratchArrays;
    if (s.stamp.length < n) {
      const size = Math.ceil(n * 1.25) + 1024;
      const stamp = new Int32Array(size);
      stamp.set(s.stamp);
      this.scratchArrays = { stamp, best: new Int32Array(size), score: new Int32Array(size), touched: s.touched, hitScores: s.hitScores };
    }
    return this.scratchArrays;
  }

  constructor() {
    this.title = new Postings(5, (t) => this.noteTerm(t));
    this.text = new Postings(3, (t) => this.noteTerm(t));
  }

  get size(): number {
    return this.docOf.size;
  }

  /** Documents kept only until the next compaction. */
  get deadCount(): number {
    return this.dead;
  }

  ids(): IterableIterator<string> {
    return this.docOf.keys();
  }

  fingerprint(id: string): Fingerprint | null {
    const doc = this.docOf.get(id);
    return doc === undefined ? null : { size: this.sizes[doc], mtimeMs: this.mtimes[doc] };
  }

  private noteTerm(term: string): void {
    const code = term.charCodeAt(0);
    if (code < 0x3400) {
      if (this.sortedLatin) this.recentLatin.push(term);
      return;
    }
    if (this.bySyllable && term.length === 2) {
      for (const s of new Set(term)) {
        const list = this.bySyllable.get(s);
        if (list) list.push(term);
        else this.bySyllable.set(s, [term]);
      }
    }
  }

  /** Indexes (or re-indexes) an article from its fields. */
  put(id: string, fields: readonly FieldText[], fp: Fingerprint): void {
    this.remove(id);
    const doc = this.docIds.length;
    this.docIds.push(id);
    this.sizes.push(fp.size);
    this.mtimes.push(fp.mtimeMs);
    this.docOf.set(id, doc);
    const title = new Map<string, number>();
    const text = new Map<string, number>();
    for (const f of fields) {
      const titleBit = TITLE_BITS[f.field];
      const target = titleBit ? title : text;
      const bit = titleBit ?? TEXT_BITS[f.field] ?? 1;
      for (const term of indexTerms(f.text)) target.set(term, (target.get(term) ?? 0) | bit);
    }
    for (const [term, mask] of title) this.title.add(term, doc, mask);
    for (const [term, mask] of text) this.text.add(term, doc, mask);
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.docOf.delete(id);
    this.docIds[doc] = '';
    this.dead++;
  }

  /** The terms a query part may match: itself, the words it begins, or the pieces holding the syllable. */
  private expand(part: QueryPart): string[] {
    if (part.kind === 'exact') return [part.term];
    if (part.kind === 'syllable') {
      if (!this.bySyllable) {
        this.bySyllable = new Map();
        for (const p of [this.title, this.text]) for (const t of p.allTerms()) if (t.length === 2 && t.charCodeAt(0) >= 0x3400) this.noteTerm(t);
      }
      return [part.term, ...new Set(this.bySyllable.get(part.term) ?? [])];
    }
    if (!this.sortedLatin || this.recentLatin.length > 2000) {
      const all = new Set<string>(this.sortedLatin ?? []);
      for (const t of this.recentLatin) all.add(t);
      if (!this.sortedLatin) for (const p of [this.title, this.text]) for (const t of p.allTerms()) if (t.charCodeAt(0) < 0x3400) all.add(t);
      this.sortedLatin = [...all].sort();
      this.recentLatin = [];
    }
    const list = this.sortedLatin;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid] < part.term) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < list.length && list[i].startsWith(part.term) && out.length < MAX_EXPANSION; i++) out.push(list[i]);
    for (const t of this.recentLatin) if (t.startsWith(part.term)) out.push(t);
    return out;
  }

  /** Live articles holding every part of the query, with their scores (unordered). */
  search(query: ParsedQuery): SearchHit[] {
    const found = this.searchDocs(query);
    const out: SearchHit[] = [];
    for (let i = 0; i < found.count; i++) out.push({ id: this.docIds[found.docs[i]], score: found.scores[i] });
    return out;
  }

  /** Document number of an article's current text. */
  docOfId(id: string): number | undefined {
    return this.docOf.get(id);
  }

  /** Article id of a document number ('' once replaced). */
  idOfDoc(doc: number): string {
    return this.docIds[doc] ?? '';
  }

  get docCount(): number {
    return this.docIds.length;
  }

  /**
   * The same as `search`, as document numbers and scores in arrays that are valid until the next
   * search (no object per hit: a search that matches half of 100,000 articles stays cheap).
   */
  searchDocs(query: ParsedQuery): { docs: Int32Array; scores: Int32Array; count: number } {
    const none = { docs: new Int32Array(0), scores: new Int32Array(0), count: 0 };
    if (query.parts.length === 0) return none;
    const alternatives = query.parts.map((p) => this.expand(p));
    // The rarest part first: later parts only keep what earlier ones found.
    const order = alternatives
      .map((terms, i) => ({ terms, cost: terms.reduce((n, t) => n + this.title.countOf(t) + this.text.countOf(t), 0), i }))
      .sort((a, b) => a.cost - b.cost);
    if (order[0].cost === 0) return none;
    const n = this.docIds.length;
    // Scratch arrays live across queries and are told apart by marks, never cleared: a query on
    // 100,000 articles allocates (and leaves for the collector) next to nothing.
    const sc = this.scratch(n);
    const { stamp, best, score } = sc;
    let touched = sc.touched;
    let touchedCount = 0;
    let prevMark = 0;
    const buf = this.buffers;
    for (let k = 0; k < order.length; k++) {
      const mark = ++this.marks;
      touchedCount = 0;
      for (const term of order[k].terms) {
        for (const [postings, weights] of [[this.title, TITLE_LOOKUP], [this.text, TEXT_LOOKUP]] as const) {
          const count = postings.decode(term, buf);
          const { docs, masks } = buf;
          if (touched.length < touchedCount + count) {
            const grown = new Int32Array(Math.max(1024, (touchedCount + count) * 2));
            grown.set(touched.subarray(0, touchedCount));
            touched = sc.touched = grown;
          }
          for (let i = 0; i < count; i++) {
            const doc = docs[i];
            const seen = stamp[doc];
            if (k > 0 && seen !== prevMark && seen !== mark) continue; // missed an earlier part
            const w = weights[masks[i]];
            if (seen !== mark) {
              stamp[doc] = mark;
              best[doc] = w;
              touched[touchedCount++] = doc;
            } else if (w > best[doc]) best[doc] = w;
          }
        }
      }
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i];
        score[doc] = k === 0 ? best[doc] : score[doc] + best[doc];
      }
      prevMark = mark;
    }
    // Live documents only, packed at the front of `touched`, scores beside them.
    if (sc.hitScores.length < touchedCount) sc.hitScores = new Int32Array(touched.length);
    let count = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i];
      if (!this.docIds[doc]) continue;
      touched[count] = doc;
      sc.hitScores[count++] = score[doc];
    }
    return { docs: touched, scores: sc.hitScores, count };
  }

  /** Rough bytes held, for the memory figure. */
  get arenaBytes(): number {
    return this.title.arenaBytes + this.text.arenaBytes;
  }

  get termCount(): number {
    return this.title.termCount + this.text.termCount;
  }

  /**
   * A copy without the replaced and removed documents (every save leaves one behind), built a
   * slice of terms at a time so the caller can let other work run in between. Document numbers
   * are renumbered in order, so every list stays sorted.
   */
  async compacted(pause: () => Promise<void>): Promise<SearchIndex> {
    const next = new SearchIndex();
    const remap = new Int32Array(this.docIds.length).fill(-1);
    this.docIds.forEach((id, doc) => {
      if (!id) return;
      remap[doc] = next.docIds.length;
      next.docOf.set(id, next.docIds.length);
      next.docIds.push(id);
      next.sizes.push(this.sizes[doc]);
      next.mtimes.push(this.mtimes[doc]);
    });
    const buf = { docs: new Int32Array(4096), masks: new Uint8Array(4096) };
    for (const [from, to] of [[this.title, next.title], [this.text, next.text]] as const) {
      const terms = from.allTerms();
      for (let i = 0; i < terms.length; i++) {
        const n = from.decode(terms[i], buf);
        for (let k = 0; k < n; k++) {
          const doc = remap[buf.docs[k]];
          if (doc >= 0) to.add(terms[i], doc, buf.masks[k]);
        }
        if (i % 5000 === 4999) await pause();
      }
    }
    return next;
  }

  /** Packs both posting sets (see Postings.pack): before saving, so the file and the memory shrink. Reads every list left in a file, and lets the file go. */
  pack(): void {
    this.title.pack();
    this.text.pack();
    void this.closeFile();
  }

  /** After saving this packed index: its lists are read from the file (`lists`; `chunkAt`: where each posting set's chunks start) and leave memory. */
  leaveInFile(lists: StoredLists, chunkAt: { title: number[]; text: number[] }): void {
    this.title.leaveInFile({ lists, chunkAt: chunkAt.title });
    this.text.leaveInFile({ lists, chunkAt: chunkAt.text });
    void this.closeFile();
    this.stored = lists;
  }

  /** Closes the file the lists are read from (an index no longer used); resolves once it is closed. */
  closeFile(): Promise<void> {
    const closing = this.stored?.close() ?? Promise.resolve();
    this.stored = null;
    this.fileClosed = closing;
    return closing;
  }

  /** Resolves once the file the lists were read from is closed (before it is replaced). */
  fileClosed: Promise<void> = Promise.resolve();

  /** For persistence: the document table and both posting sets. */
  dump() {
    return { docIds: this.docIds, sizes: this.sizes, mtimes: this.mtimes, title: this.title.dump(), text: this.text.dump() };
  }

  /** From a dump; `file`: the posting lists were left in the saved file, read from there. */
  static restore(d: ReturnType<SearchIndex['dump']>, file?: { lists: StoredLists; chunkAt: { title: number[]; text: number[] } }): SearchIndex {
    const index = new SearchIndex();
    const inFile = (name: 'title' | 'text'): ListsInFile | undefined => (file ? { lists: file.lists, chunkAt: file.chunkAt[name] } : undefined);
    index.title = Postings.restore(d.title, 5, (t) => index.noteTerm(t), inFile('title'));
    index.text = Postings.restore(d.text, 3, (t) => index.noteTerm(t), inFile('text'));
    index.stored = file?.lists ?? null;
    index.docIds = d.docIds;
    index.sizes = d.sizes;
    index.mtimes = d.mtimes;
    d.docIds.forEach((id, doc) => {
      if (id) index.docOf.set(id, doc);
      else index.dead++;
    });
    return index;
  }
}
