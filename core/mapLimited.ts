// Many independent file tasks (reads, writes, fsyncs) a few at a time: one after another, each
// waits its turn on the disk; all at once, thousands of open files and buffers.

/** How many fsyncs run side by side: enough for the disk to take them in one go, few enough for the thread pool. */
export const SYNC_CONCURRENCY = 16;

/** `fn` on every item, at most `limit` running at once; results in the items' order. A rejection rejects the whole (wrap `fn` to keep going). */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
