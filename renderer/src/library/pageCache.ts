// The library list's rows, fetched in pages around what is on screen and kept for one query
// only (a new search, filter or order starts a new cache). A few pages at most are held, the
// ones farthest from the screen dropped first, so a 100,000-article library never sits in the window.
export const PAGE_SIZE = 100;
/** Pages held at once: the screen, what is just above and below it, and a little scroll-back. */
export const MAX_PAGES = 8;

/** The pages holding rows `start`…`end` (inclusive) of a list of `total` rows. */
export function pagesFor(start: number, end: number, total: number, pageSize = PAGE_SIZE): number[] {
  if (total <= 0) return [];
  const last = Math.floor((total - 1) / pageSize);
  const from = Math.min(last, Math.max(0, Math.floor(Math.max(0, start) / pageSize)));
  const to = Math.min(last, Math.max(from, Math.floor(Math.max(0, end) / pageSize)));
  const out: number[] = [];
  for (let p = from; p <= to; p++) out.push(p);
  return out;
}

export class PageCache<Row> {
  private readonly pages = new Map<number, Row[]>();
  private readonly pending = new Set<number>();

  constructor(
    /** The query these rows answer. */
    readonly key: string,
    readonly pageSize = PAGE_SIZE,
    private readonly maxPages = MAX_PAGES,
  ) {}

  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  get pageCount(): number {
    return this.pages.size;
  }

  /** Of `wanted`, the pages neither held nor already on their way; they are now marked on their way. */
  claim(wanted: readonly number[]): number[] {
    const out = wanted.filter((p) => !this.pages.has(p) && !this.pending.has(p));
    out.forEach((p) => this.pending.add(p));
    return out;
  }

  /** A fetch that failed or was abandoned: the page may be asked for again. */
  release(page: number): void {
    this.pending.delete(page);
  }

  /** Stores a fetched page; past the limit, drops the pages farthest from page `near`. */
  put(page: number, rows: Row[], near: number): void {
    this.pending.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > this.maxPages) {
      let worst = -1;
      for (const p of this.pages.keys()) {
        if (p !== page && (worst < 0 || Math.abs(p - near) > Math.abs(worst - near))) worst = p;
      }
      if (worst < 0) break;
      this.pages.delete(worst);
    }
  }
}
