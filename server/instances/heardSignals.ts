// What one instance has heard of each other instance's numbered signals (InstanceBus.ts). Each
// sender numbers what it publishes 1, 2, 3… per boot; a number heard before is a copy (a signal
// sent again after a Redis outage, or resent by ioredis after a lost reply) and is dropped; a
// number beyond the next expected one means those between went unheard. Those stay listed as
// missing for a while, so that one arriving late (the resend) is still applied, once. A gap found
// after this instance's subscription came back is no news: that return mended it already (`cover`).

/** Missing numbers kept per sender: past this, the oldest are forgotten (the mend covered them). */
const MAX_MISSING = 1000;
/** Senders kept: instances come and go (a new id each start); the least recently heard is forgotten. */
const MAX_SENDERS = 100;

interface Sender {
  boot: string;
  /** The highest number heard (or announced) from this boot. */
  top: number;
  missing: Set<number>;
  /** What went unheard up to the next number beyond `top` is mended already. */
  covered: boolean;
}

export interface Heard {
  /** Not heard before: apply it. */
  fresh: boolean;
  /** How many numbers before this one went unheard (0: none). */
  unheard: number;
}

export class HeardSignals {
  private readonly senders = new Map<string, Sender>();

  /**
   * Signal `seq` of `from`'s boot `boot` arrived; with `carries` false it is only an announcement
   * that numbers up to `seq` were published (a beacon). The first number heard from a boot is
   * taken as it is: what came before was published before this instance listened, or while its
   * subscription was down (which mends on its own, InstanceBus.ts).
   */
  note(from: string, boot: string, seq: number, carries = true): Heard {
    let sender = this.senders.get(from);
    this.senders.delete(from);
    if (!sender || sender.boot !== boot) {
      sender = { boot, top: seq, missing: new Set(), covered: false };
      this.keep(from, sender);
      return { fresh: carries, unheard: 0 };
    }
    this.keep(from, sender);
    if (seq <= sender.top) return { fresh: carries && sender.missing.delete(seq), unheard: 0 };
    // A beacon's own number was published too: unheard as well.
    const last = carries ? seq - 1 : seq;
    const unheard = sender.covered ? 0 : last - sender.top;
    sender.covered = false;
    for (let n = Math.max(sender.top + 1, last - MAX_MISSING + 1); n <= last; n++) sender.missing.add(n);
    for (const n of sender.missing) {
      if (sender.missing.size <= MAX_MISSING) break;
      sender.missing.delete(n);
    }
    sender.top = seq;
    return { fresh: carries, unheard };
  }

  /**
   * This instance's subscription is back and the mend reads the database after it: whatever each
   * sender published before went unheard is covered, so the next gap of each says nothing new
   * (its numbers are still listed as missing, to be applied if they come).
   */
  cover(): void {
    for (const sender of this.senders.values()) sender.covered = true;
  }

  private keep(from: string, sender: Sender): void {
    this.senders.set(from, sender);
    if (this.senders.size > MAX_SENDERS) this.senders.delete(this.senders.keys().next().value as string);
  }
}
