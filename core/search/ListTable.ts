// The library list as columns, one slot per article: state, trash, desk and dates in typed
// arrays, so filtering and counting 100,000 rows is a tight loop over numbers instead of a walk
// through 100,000 objects. The standing orders (newest change, newest created, headline) are
// arrays of slots kept sorted as articles change: a save moves one slot, it re-sorts nothing.
import { ArticleStatusSchema, type ArticleStatus, type ArticleSummary } from '../../shared/model/article';

export type OrderKey = 'updated' | 'created' | 'headline';

export const STATUS_CODES = ArticleStatusSchema.options;
const statusCode = new Map<ArticleStatus, number>(STATUS_CODES.map((s, i) => [s, i]));
const collator = new Intl.Collator(['ko', 'en'], { sensitivity: 'base', numeric: true });

export class ListTable {
  private readonly slotOf = new Map<string, number>();
  readonly summaries: (ArticleSummary | null)[] = [];
  readonly tags: (readonly string[] | null)[] = [];
  status = new Uint8Array(1024);
  trashed = new Uint8Array(1024);
  desk = new Int32Array(1024);
  updated = new Float64Array(1024);
  created = new Float64Array(1024);
  private readonly deskCodes = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly orders = new Map<OrderKey, number[]>();

  get slotCount(): number {
    return this.summaries.length;
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** The desk's code, or -1 if no article has that desk. */
  deskCode(desk: string): number {
    return this.deskCodes.get(desk) ?? -1;
  }

  private grow(n: number): void {
    if (n <= this.status.length) return;
    const size = Math.max(n, this.status.length * 2);
    const grown = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(size);
      next.set(a);
      return next;
    };
    this.status = grown(this.status);
    this.trashed = grown(this.trashed);
    this.desk = grown(this.desk);
    this.updated = grown(this.updated);
    this.created = grown(this.created);
  }

  /** Adds or replaces an article's row; returns its slot. */
  set(s: ArticleSummary, tags: readonly string[] | null): number {
    let slot = this.slotOf.get(s.id);
    if (slot !== undefined) this.unorder(slot);
    else {
      slot = this.free.pop() ?? this.summaries.length;
      this.slotOf.set(s.id, slot);
      this.grow(slot + 1);
    }
    this.summaries[slot] = s;
    this.tags[slot] = tags;
    this.status[slot] = statusCode.get(s.status) ?? 0;
    this.trashed[slot] = s.trashedAt === null ? 0 : 1;
    let desk = this.deskCodes.get(s.byline.desk);
    if (desk === undefined) this.deskCodes.set(s.byline.desk, (desk = this.deskCodes.size));
    this.desk[slot] = desk;
    this.updated[slot] = Date.parse(s.updatedAt);
    this.created[slot] = Date.parse(s.createdAt);
    for (const [key, order] of this.orders) order.splice(this.position(key, order, slot), 0, slot);
    return slot;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.unorder(slot);
    this.slotOf.delete(id);
    this.summaries[slot] = null;
    this.tags[slot] = null;
    this.free.push(slot);
  }

  private unorder(slot: number): void {
    for (const [key, order] of this.orders) {
      const at = this.position(key, order, slot, true);
      order.splice(order[at] === slot ? at : order.indexOf(slot), 1);
    }
  }

  /** Slots of every article (both scopes) in `key` order, built on first use. */
  order(key: OrderKey): readonly number[] {
    let order = this.orders.get(key);
    if (!order) {
      order = [];
      for (let slot = 0; slot < this.summaries.length; slot++) if (this.summaries[slot]) order.push(slot);
      order.sort((a, b) => this.compare(key, a, b));
      this.orders.set(key, order);
    }
    return order;
  }

  /** Newest first for dates; headlines by the collator with untitled ones last; ties by slot so the order is total. */
  compare(key: OrderKey, a: number, b: number): number {
    if (key === 'headline') {
      const ha = this.summaries[a]!.headline;
      const hb = this.summaries[b]!.headline;
      if (!ha !== !hb) return ha ? -1 : 1;
      const c = collator.compare(ha, hb);
      if (c !== 0) return c;
      key = 'updated';
    }
    const col = key === 'updated' ? this.updated : this.created;
    return col[b] - col[a] || a - b;
  }

  /** Where `slot` belongs in `order`; with `present`, where it is (its row must not have changed since). */
  private position(key: OrderKey, order: number[], slot: number, present = false): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order[mid] !== slot && this.compare(key, order[mid], slot) < 0) lo = mid + 1;
      else if (present && order[mid] === slot) return mid;
      else hi = mid;
    }
    return lo;
  }
}
