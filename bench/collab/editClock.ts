// Times live edits between Node providers: each edit from when it is typed until each other
// client's document holds it (propagation), and until the sender's provider has it acknowledged
// (its unsyncedChanges back to 0: on our server, appended to the database). All clients live in
// one process, so one clock serves all.
import * as Y from 'yjs';
import type { CollabClient } from '../../server/testing/collabClient';

interface Sent {
  /** The sender's clock after the edit: a receiver holds it once its state for the sender reaches this. */
  clock: number;
  /**
   * For an edit that only deletes (the sender's clock does not move): an item it deleted. A
   * receiver holds the edit once a transaction of its own deletes that item.
   */
  deleted?: Y.ID;
  t0: number;
}

export class EditClock {
  readonly propagation: number[] = [];
  readonly ack: number[] = [];
  private readonly sent = new Map<number, Sent[]>();
  private readonly pending = new Map<CollabClient, number[]>();
  private waiters: (() => void)[] = [];

  /** Starts timing what `client` receives and what it has acknowledged. */
  watch(client: CollabClient): void {
    const seen = new Map<number, number>();
    // Deletions that arrived before an earlier edit of their sender's (counted once that one has).
    const early = new Map<Sent, number>();
    client.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      const now = performance.now();
      // Those whose clock moved; where something was deleted, everyone who wrote in this document
      // (a deleted item's ID names who made it, not who deleted it).
      const senders = [...tr.afterState.keys()].filter((c) => tr.deleteSet.clients.size > 0 || tr.afterState.get(c) !== tr.beforeState.get(c));
      for (const sender of senders) {
        // Its own edits coming back (a resync after a reconnect) are no arrival.
        if (sender === client.doc.clientID) continue;
        const list = this.sent.get(sender);
        if (!list) continue;
        const clock = tr.afterState.get(sender) ?? 0;
        let i = seen.get(sender) ?? 0;
        for (let j = i; j < list.length; j++) {
          const d = list[j].deleted;
          if (d && !early.has(list[j]) && Y.isDeleted(tr.deleteSet, d)) early.set(list[j], now);
        }
        for (; i < list.length && list[i].clock <= clock && (!list[i].deleted || early.has(list[i])); i++) {
          this.propagation.push((list[i].deleted ? early.get(list[i])! : now) - list[i].t0);
          early.delete(list[i]);
        }
        seen.set(sender, i);
      }
      this.wake();
    });
    this.pending.set(client, []);
    // The provider counts updates sent and not yet acknowledged; acknowledgements come in order, so
    // each step down acknowledges the oldest waiting edit (while someone types without a pause the
    // count may never reach 0), and 0 acknowledges all.
    let last = 0;
    client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      const waiting = this.pending.get(client) ?? [];
      const done = number === 0 ? waiting.length : Math.max(0, last - number);
      last = number;
      const now = performance.now();
      for (const t0 of waiting.splice(0, done)) this.ack.push(now - t0);
      // Also for waits on the provider's sync state, which moves with this count.
      this.wake();
    });
  }

  /** Forgets the timings so far (after a warm-up). */
  reset(): void {
    this.propagation.length = 0;
    this.ack.length = 0;
  }

  /** Types `text` into `client` (one transaction), timed. */
  type(client: CollabClient, text: string): void {
    this.edit(client, () => client.type(text));
  }

  /** Makes `change` (one transaction on `client`'s document), timed. */
  edit(client: CollabClient, change: () => void): void {
    const t0 = performance.now();
    const id = client.doc.clientID;
    const before = Y.getState(client.doc.store, id);
    let deleted: Y.ID | undefined;
    const onTransaction = (tr: Y.Transaction) => {
      const [[c, items] = [0, []]] = tr.deleteSet.clients;
      if (items.length > 0) deleted ??= Y.createID(c, items[0].clock);
    };
    client.doc.on('afterTransaction', onTransaction);
    try {
      change();
    } finally {
      client.doc.off('afterTransaction', onTransaction);
    }
    const clock = Y.getState(client.doc.store, id);
    if (!this.sent.has(id)) this.sent.set(id, []);
    this.sent.get(id)!.push(clock === before && deleted ? { clock, deleted, t0 } : { clock, t0 });
    this.pending.get(client)?.push(t0);
  }

  /** Resolves once `fn` holds, checked whenever an edit arrives or is acknowledged; fails after `ms`. */
  until(fn: () => boolean, ms = 10_000): Promise<void> {
    if (fn()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`condition not met in ${ms} ms (${this.propagation.length} arrivals, ${this.ack.length} acks)`));
      }, ms);
      const check = () => {
        if (!fn()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
