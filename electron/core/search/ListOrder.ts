// The library's standing orders (newest change, newest created, headline), kept sorted as
// articles change: a save moves one id, it does not re-sort 100,000. Built on first use.
import type { ArticleSummary } from '../../../shared/model/article';

export type OrderKey = 'updated' | 'created' | 'headline';

const collator = new Intl.Collator(['ko', 'en'], { sensitivity: 'base', numeric: true });

export const compare: Record<OrderKey, (a: ArticleSummary, b: ArticleSummary) => number> = {
  updated: (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  created: (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  // Untitled drafts last; then the collator (가나다, then A–Z), ties newest first.
  headline: (a, b) => (!a.headline !== !b.headline ? (a.headline ? -1 : 1) : collator.compare(a.headline, b.headline) || compare.updated(a, b)),
};

export class ListOrders {
  private readonly orders = new Map<OrderKey, string[]>();

  constructor(private readonly summaryOf: (id: string) => ArticleSummary | undefined, private readonly allIds: () => Iterable<string>) {}

  /** Ids in `key` order (every article, both scopes). */
  get(key: OrderKey): readonly string[] {
    let order = this.orders.get(key);
    if (!order) {
      const rows = [...this.allIds()].map((id) => this.summaryOf(id)!).filter(Boolean);
      rows.sort(compare[key]);
      order = rows.map((r) => r.id);
      this.orders.set(key, order);
    }
    return order;
  }

  /** Call before the summary changes (with the old one) and after (with the new). */
  removed(old: ArticleSummary): void {
    for (const [key, order] of this.orders) {
      const at = this.position(key, order, old);
      if (order[at] === old.id) order.splice(at, 1);
      else {
        const i = order.indexOf(old.id); // its neighbours moved under it: find it the slow way
        if (i >= 0) order.splice(i, 1);
      }
    }
  }

  added(now: ArticleSummary): void {
    for (const [key, order] of this.orders) order.splice(this.position(key, order, now), 0, now.id);
  }

  /** Where `s` belongs in `order` (binary search by the order's comparison). */
  private position(key: OrderKey, order: string[], s: ArticleSummary): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = order[mid] === s.id ? s : this.summaryOf(order[mid]);
      if (other && compare[key](other, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clear(): void {
    this.orders.clear();
  }
}
