// Times live edits between Node providers: each edit from when it is typed until each other
// client's document holds it (propagation), and until the sender's provider has it acknowledged
// (its unsyncedChanges back to 0: on our server, appended to the database). All clients live in
// one process, so one clock serves all.
import * as Y from 'yjs';
import type { CollabClient } from '../../server/testing/collabClient';

interface Sent {
  /** The sender's clock after the edit: a receiver holds it once its state for the sender reaches this. */
  clock: number;
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
    client.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      const now = performance.now();
      tr.afterState.forEach((clock, sender) => {
        const list = this.sent.get(sender);
        if (!list || clock === tr.beforeState.get(sender)) return;
        let i = seen.get(sender) ?? 0;
        for (; i < list.length && list[i].clock <= clock; i++) this.propagation.push(now - list[i].t0);
        seen.set(sender, i);
      });
      this.wake();
    });
    this.pending.set(client, []);
    client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number !== 0) return;
      const now = performance.now();
      const waiting = this.pending.get(client) ?? [];
      for (const t0 of waiting) this.ack.push(now - t0);
      waiting.length = 0;
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
    const t0 = performance.now();
    client.type(text);
    const id = client.doc.clientID;
    if (!this.sent.has(id)) this.sent.set(id, []);
    this.sent.get(id)!.push({ clock: Y.getState(client.doc.store, id), t0 });
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
