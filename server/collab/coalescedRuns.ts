// One run at a time per key; calls that come meanwhile fold into one more run after it.
// Hocuspocus's store debounce, once a store outlasts maxDebounce, calls onStoreDocument for every
// change that arrives while it runs, each call waiting its turn on the document's save mutex with
// the change's update in hand: the cluster bench's load run had thousands queued per instance
// (the V8 heap doubled), each writing the article row again from PostgreSQL, which slowed the
// appends' group commit in turn. The row needs only the latest copy.

export class CoalescedRuns {
  private readonly runs = new Map<string, { again: boolean; done: Promise<void> }>();

  /** `run` must not reject (it logs its own failures). */
  constructor(private readonly run: (key: string) => Promise<void>) {}

  /** Resolves once a run of `key` that began after this call has finished. */
  request(key: string): Promise<void> {
    const current = this.runs.get(key);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    this.runs.set(key, entry);
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await this.run(key);
        } while (entry.again);
      } finally {
        this.runs.delete(key);
      }
    })();
    return entry.done;
  }

  /** Resolves once no run is going (those asked for meanwhile included). */
  async idle(): Promise<void> {
    while (this.runs.size > 0) await Promise.all([...this.runs.values()].map((r) => r.done.catch(() => undefined)));
  }
}
