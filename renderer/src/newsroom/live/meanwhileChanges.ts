// Which of the body's top-level blocks others changed while this window was away: the core's
// updates applied while the live status said connected:false (offline, reconnecting, or opened
// from the replica on disk before the server's sync). The core emits the server's changes before
// the status that says connected again (core/newsroom/live/LiveStory.ts: the provider applies its
// sync, then says synced), so what the server held for this person on return is counted.
//
// Kept here in Yjs terms, from the open on, not in the editor: the server's sync can land before
// the editor exists (a story opened from its replica), and a top-level Y element stays the same
// paragraph whoever types in it or above it (editor/live/ChangedMeanwhile.ts finds it again).
import * as Y from 'yjs';

export interface MeanwhileBlocks {
  /**
   * Where the blocks others changed while away stand now: their indices among the body's top-level
   * elements (deleted ones left out), in order, and how many top-level elements there are.
   */
  where(): { indices: number[]; total: number };
  /** Forgets them all ("Done"). */
  clear(): void;
  /** Called when a block joins the set, or it is cleared. */
  onChange(listener: () => void): () => void;
}

type AnyType = Y.AbstractType<unknown>;

export class MeanwhileChanges implements MeanwhileBlocks {
  private readonly touched = new Set<AnyType>();
  private readonly listeners = new Set<() => void>();
  private watching = false;

  /** `counts` says whether a transaction is a change from others while away. */
  constructor(
    private readonly fragment: Y.XmlFragment,
    private readonly counts: (transaction: Y.Transaction) => boolean,
  ) {}

  /** From now on (after the opened state is in: that is the starting point, not a change). */
  watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.fragment.observeDeep((events, transaction) => {
      if (!this.counts(transaction)) return;
      const before = this.touched.size;
      for (const event of events) {
        if (event.target === this.fragment) {
          // Blocks others added (a deleted one is nothing to show).
          for (const item of event.changes.added) if (item.content instanceof Y.ContentType && !item.deleted) this.touched.add(item.content.type as AnyType);
          continue;
        }
        const block = this.topLevel(event.target as AnyType);
        if (block) this.touched.add(block);
      }
      if (this.touched.size !== before) this.tell();
    });
  }

  where(): { indices: number[]; total: number } {
    const children = this.fragment.toArray();
    const indices: number[] = [];
    if (this.touched.size) children.forEach((child, i) => this.touched.has(child as AnyType) && indices.push(i));
    return { indices, total: children.length };
  }

  clear(): void {
    if (this.touched.size === 0) return;
    this.touched.clear();
    this.tell();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The body's top-level element that holds `type`, or null (the fragment itself, or detached). */
  private topLevel(type: AnyType): AnyType | null {
    let current: AnyType | null = type;
    while (current && current.parent !== this.fragment) current = current.parent as AnyType | null;
    return current;
  }

  private tell(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
