// The one "newest first" order: the library list, the index snapshot, history, backups and their
// pruning all show or keep the latest first. Times are ISO-8601 UTC as the core writes them
// (toISOString, fixed width), so comparing the text compares the instants without parsing (a list
// of 100,000 is sorted on every snapshot of the index); a time written with other precision (an
// imported archive's `…:00Z`) is parsed.

/** Sort comparator on two timestamps: negative when `a` is newer, so it comes first; 0 when equal. */
export function newestFirst(a: string, b: string): number {
  if (a.length !== b.length) return Date.parse(b) - Date.parse(a) || 0;
  return a < b ? 1 : a > b ? -1 : 0;
}

/** Newest first by `at`; equal times by `id`, larger first, so the order is total and repeatable. */
export function byNewest<T>(at: (item: T) => string, id: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = id(a);
    const y = id(b);
    return newestFirst(at(a), at(b)) || (x < y ? 1 : x > y ? -1 : 0);
  };
}
