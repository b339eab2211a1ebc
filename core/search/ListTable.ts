// The library list as columns, one slot per article, and the one place the core holds what it
// knows of each article (LibraryIndex's `entries` is a view of it): state, trash, desk and dates
// in typed arrays, so filtering and counting 100,000 rows is a tight loop over numbers instead of
// a walk through 100,000 objects; strings that repeat (desks, kickers, people, tag and byline
// lists) once in a pool, by number (columns.ts). An ArticleSummary is built only for the rows a
// caller asks for, a page of the list. The standing orders (newest change, newest created,
// headline) are arrays of slots kept sorted as articles change: a save moves one slot, it
// re-sorts nothing.
import { ArticleStatusSchema, type ArticleStatus, type ArticleSummary, type Reporter } from '../../shared/model/article';
import type { IndexEntry } from '../indexEntry';
import { DateColumn, grown, ListPool, SlotList, StringPool } from './columns';

export type OrderKey = 'updated' | 'created' | 'headline';

export const STATUS_CODES = ArticleStatusSchema.options;
const statusCode = new Map<ArticleStatus, number>(STATUS_CODES.map((s, i) => [s, i]));
/** How headlines sort in the list (the server's list sorts with the same). */
export const HEADLINE_COLLATOR = new Intl.Collator(['ko', 'en'], { sensitivity: 'base', numeric: true });
const collator = HEADLINE_COLLATOR;

// Pooled strings of a row, `REFS` int32s a slot (desk has a column of its own: the filter reads it).
const KICKER = 0;
const LANGUAGE = 1;
const OUTLET = 2;
const TEMPLATE = 3;
const OWNER = 4;
const REPORTERS = 5;
const TAGS = 6; // -1: not known (an entry from before tags were kept)
const ACTION = 7; // -1: no transition
const ACTOR_ID = 8;
const ACTOR_NAME = 9;
const REFS = 10;
// Numbers of a row, `NUMS` float64s a slot.
const REVISION = 0;
const SIZE = 1;
const MTIME = 2;
const SHEETS = 3; // NaN: not known
const PHOTO_COUNT = 4;
const WAITING = 5;
const NUMS = 6;

const NO_PHOTOS: readonly string[] = Object.freeze([]);

export class ListTable {
  private readonly slotOf = new Map<string, number>();
  /** The article id in each slot; null in a free one. */
  private readonly ids: (string | null)[] = [];
  private readonly headlines: string[] = [];
  /** The last transition's note ('' mostly: one string shared). */
  private readonly notes: string[] = [];
  /** Photos each article's body uses (most have none: one empty list shared). */
  private readonly photoIds: (readonly string[])[] = [];
  private readonly strings = new StringPool();
  // Keys: every part with its length before it, so no two different lists share one.
  private readonly reporterLists = new ListPool<Reporter>((l) => l.map((r) => `${r.name.length}:${r.name}${r.role.length}:${r.role}${r.email.length}:${r.email}`).join(''));
  private readonly tagLists = new ListPool<string>((l) => l.map((t) => `${t.length}:${t}`).join(''));
  status = new Uint8Array(1024);
  trashed = new Uint8Array(1024);
  desk = new Int32Array(1024);
  private refs = new Int32Array(1024 * REFS);
  private nums = new Float64Array(1024 * NUMS);
  private readonly updatedAt = new DateColumn();
  private readonly createdAt = new DateColumn();
  private readonly trashedAt = new DateColumn();
  private readonly embargo = new DateColumn();
  private readonly transitionAt = new DateColumn();
  private readonly free: number[] = [];
  private readonly orders = new Map<OrderKey, SlotList>();

  /** Time of the last change, by slot (what the list sorts and filters on). */
  get updated(): Float64Array {
    return this.updatedAt.ms;
  }

  get created(): Float64Array {
    return this.createdAt.ms;
  }

  get slotCount(): number {
    return this.ids.length;
  }

  /** How many articles the table holds. */
  get size(): number {
    return this.slotOf.size;
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** The desk's code, or -1 if no article has that desk. */
  deskCode(desk: string): number {
    return this.strings.find(desk);
  }

  private grow(n: number): void {
    if (n <= this.status.length) return;
    const size = Math.max(n, this.status.length * 2);
    this.status = grown(this.status, size);
    this.trashed = grown(this.trashed, size);
    this.desk = grown(this.desk, size);
    this.refs = grown(this.refs, size * REFS);
    this.nums = grown(this.nums, size * NUMS);
    for (const d of [this.updatedAt, this.createdAt, this.trashedAt, this.embargo, this.transitionAt]) d.grow(size);
  }

  /** Adds or replaces an article's row (its summary, file fingerprint, photos and tags); returns its slot. */
  put(entry: IndexEntry): number {
    const slot = this.set(entry.summary, entry.tags);
    this.nums[slot * NUMS + SIZE] = entry.size;
    this.nums[slot * NUMS + MTIME] = entry.mtimeMs;
    this.photoIds[slot] = entry.photos.length === 0 ? NO_PHOTOS : Object.freeze([...entry.photos]);
    return slot;
  }

  /** Adds or replaces an article's list fields (a new row has no file fingerprint or photos until `put`); returns its slot. */
  set(s: ArticleSummary, tags: readonly string[] | null): number {
    let slot = this.slotOf.get(s.id);
    if (slot !== undefined) this.unorder(slot);
    else {
      slot = this.free.pop() ?? this.ids.length;
      this.slotOf.set(s.id, slot);
      this.grow(slot + 1);
      this.ids[slot] = s.id;
      this.photoIds[slot] = NO_PHOTOS;
      this.nums[slot * NUMS + SIZE] = 0;
      this.nums[slot * NUMS + MTIME] = 0;
    }
    const p = this.strings;
    this.headlines[slot] = s.headline;
    this.status[slot] = statusCode.get(s.status) ?? 0;
    this.trashed[slot] = s.trashedAt === null ? 0 : 1;
    this.desk[slot] = p.code(s.byline.desk);
    const r = slot * REFS;
    this.refs[r + KICKER] = p.code(s.kicker);
    this.refs[r + LANGUAGE] = p.code(s.language);
    this.refs[r + OUTLET] = p.code(s.byline.outlet);
    this.refs[r + TEMPLATE] = p.code(s.byline.templateId);
    this.refs[r + OWNER] = p.nullable(s.ownerId);
    this.refs[r + REPORTERS] = this.reporterLists.code(s.byline.reporters);
    this.refs[r + TAGS] = tags === null ? -1 : this.tagLists.code(tags);
    const t = s.lastTransition;
    this.refs[r + ACTION] = t ? p.code(t.action) : -1;
    this.refs[r + ACTOR_ID] = t ? p.code(t.actorId) : -1;
    this.refs[r + ACTOR_NAME] = t ? p.code(t.actorName) : -1;
    this.notes[slot] = t ? t.note : '';
    if (t) this.transitionAt.set(slot, t.at);
    else this.transitionAt.clear(slot);
    const n = slot * NUMS;
    this.nums[n + REVISION] = s.revision;
    this.nums[n + SHEETS] = s.sheets ?? NaN;
    this.nums[n + PHOTO_COUNT] = s.photoCount;
    this.nums[n + WAITING] = s.waitingPhotos;
    this.updatedAt.set(slot, s.updatedAt);
    this.createdAt.set(slot, s.createdAt);
    this.trashedAt.set(slot, s.trashedAt);
    this.embargo.set(slot, s.embargo);
    for (const [key, order] of this.orders) order.insert(this.position(key, order, slot), slot);
    return slot;
  }

  /** Drops an article's row; false if there was none. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.unorder(slot);
    this.slotOf.delete(id);
    this.ids[slot] = null;
    this.headlines[slot] = '';
    this.notes[slot] = '';
    this.photoIds[slot] = NO_PHOTOS;
    for (const d of [this.updatedAt, this.createdAt, this.trashedAt, this.embargo, this.transitionAt]) d.clear(slot);
    this.free.push(slot);
    return true;
  }

  /** Drops every row. */
  clear(): void {
    for (const id of [...this.slotOf.keys()]) this.remove(id);
  }

  /** The article id in `slot`, or null for a free slot. */
  id(slot: number): string | null {
    return this.ids[slot] ?? null;
  }

  headline(slot: number): string {
    return this.headlines[slot];
  }

  ownerId(slot: number): string | null {
    return this.strings.valueOrNull(this.refs[slot * REFS + OWNER]);
  }

  /** The byline's reporters (shared: not to be changed). */
  reporters(slot: number): readonly Reporter[] {
    return this.reporterLists.value(this.refs[slot * REFS + REPORTERS]);
  }

  /** The article's tags (shared: not to be changed), or null when not known. */
  tags(slot: number): readonly string[] | null {
    const code = this.refs[slot * REFS + TAGS];
    return code === -1 ? null : this.tagLists.value(code);
  }

  /** Photos the article's body uses (shared: not to be changed). */
  photos(slot: number): readonly string[] {
    return this.photoIds[slot];
  }

  deskName(slot: number): string {
    return this.strings.value(this.desk[slot]);
  }

  /** The article file's size and time when it was indexed. */
  fingerprint(slot: number): { size: number; mtimeMs: number } {
    return { size: this.nums[slot * NUMS + SIZE], mtimeMs: this.nums[slot * NUMS + MTIME] };
  }

  /** Whether the row lacks something only reading the file gives (tags or 매수, from an older index). */
  incomplete(slot: number): boolean {
    return this.refs[slot * REFS + TAGS] === -1 || Number.isNaN(this.nums[slot * NUMS + SHEETS]);
  }

  /** Every slot holding an article, in slot order. */
  *liveSlots(): IterableIterator<number> {
    for (let slot = 0; slot < this.ids.length; slot++) if (this.ids[slot] !== null) yield slot;
  }

  /** The article's summary, built fresh from the columns (the caller may keep or change it). */
  summary(slot: number): ArticleSummary {
    const p = this.strings;
    const r = slot * REFS;
    const n = slot * NUMS;
    const action = this.refs[r + ACTION];
    const sheets = this.nums[n + SHEETS];
    // The fields in summarise's order (core/articleSummary.ts), so a row serialises as it did.
    return {
      id: this.ids[slot]!,
      revision: this.nums[n + REVISION],
      headline: this.headlines[slot],
      kicker: p.value(this.refs[r + KICKER]),
      language: p.value(this.refs[r + LANGUAGE]) as ArticleSummary['language'],
      status: STATUS_CODES[this.status[slot]],
      createdAt: this.createdAt.get(slot)!,
      updatedAt: this.updatedAt.get(slot)!,
      trashedAt: this.trashedAt.get(slot),
      byline: {
        outlet: p.value(this.refs[r + OUTLET]),
        desk: p.value(this.desk[slot]),
        templateId: p.value(this.refs[r + TEMPLATE]),
        reporters: this.reporters(slot).map((x) => ({ name: x.name, role: x.role, email: x.email })),
      },
      ownerId: p.valueOrNull(this.refs[r + OWNER]),
      embargo: this.embargo.get(slot),
      lastTransition:
        action === -1
          ? null
          : { action: p.value(action), actorId: p.value(this.refs[r + ACTOR_ID]), actorName: p.value(this.refs[r + ACTOR_NAME]), at: this.transitionAt.get(slot)!, note: this.notes[slot] },
      sheets: Number.isNaN(sheets) ? null : sheets,
      photoCount: this.nums[n + PHOTO_COUNT],
      waitingPhotos: this.nums[n + WAITING],
    };
  }

  /** The article's index entry, built fresh from the columns. */
  entry(slot: number): IndexEntry {
    const tags = this.tags(slot);
    return { summary: this.summary(slot), size: this.nums[slot * NUMS + SIZE], mtimeMs: this.nums[slot * NUMS + MTIME], photos: [...this.photoIds[slot]], tags: tags === null ? null : [...tags] };
  }

  private unorder(slot: number): void {
    for (const [key, order] of this.orders) {
      const at = this.position(key, order, slot, true);
      order.removeAt(order.at(at) === slot ? at : order.indexOf(slot));
    }
  }

  /** Slots of every article (both scopes) in `key` order, built on first use (a view: valid until the next change). */
  order(key: OrderKey): Int32Array {
    let order = this.orders.get(key);
    if (!order) {
      order = SlotList.of([...this.liveSlots()].sort((a, b) => this.compare(key, a, b)));
      this.orders.set(key, order);
    }
    return order.view();
  }

  /** Newest first for dates; headlines by the collator with untitled ones last; ties by slot so the order is total. */
  compare(key: OrderKey, a: number, b: number): number {
    if (key === 'headline') {
      const ha = this.headlines[a];
      const hb = this.headlines[b];
      if (!ha !== !hb) return ha ? -1 : 1;
      const c = collator.compare(ha, hb);
      if (c !== 0) return c;
      key = 'updated';
    }
    const col = key === 'updated' ? this.updatedAt.ms : this.createdAt.ms;
    return col[b] - col[a] || a - b;
  }

  /** Where `slot` belongs in `order`; with `present`, where it is (its row must not have changed since). */
  private position(key: OrderKey, order: SlotList, slot: number, present = false): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = order.at(mid);
      if (at !== slot && this.compare(key, at, slot) < 0) lo = mid + 1;
      else if (present && at === slot) return mid;
      else hi = mid;
    }
    return lo;
  }
}
