// Our own signals between server instances (Hocuspocus's Redis extension carries the documents):
// what one instance commits or decides is applied on the others as if it had happened there —
// a story's change (queue pushes on the live channel, read-only flips on live connections), an
// import's events, an epoch closed by a step, sessions that may have ended. Each instance
// publishes only what originated with it, tagged with its id, and ignores its own echoes.
// Each signal is numbered per sender and boot, so a receiver applies it once (HeardSignals) and
// sees when it missed some. Redis keeps no message: whatever went unheard (a gap in a sender's
// numbers, or this instance's subscription down for a while) is mended from PostgreSQL, which
// holds everything a signal says — `mend` checks the live stories and sessions again and tells
// the live channel's clients to reload their lists.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { LiveEvent } from '../../shared/contract/live';
import type { ServerLog } from '../ops/serverLog';
import { HeardSignals } from './heardSignals';
import { redisClient } from './redisClient';

export type Signal =
  /** A committed change to a story: the live channel and the live documents follow it. */
  | { kind: 'committed'; event: LiveEvent }
  /** An event for the live channel only (an import). */
  | { kind: 'pushed'; event: LiveEvent }
  /** Epoch `epoch` of a story ended: documents of it (never a later one, loaded since) are replaced. */
  | { kind: 'epochClosed'; id: string; epoch: number }
  | { kind: 'sessionsChanged' };

/** What travels on CHANNEL; on BEACONS the same without `signal`, saying only that `seq` is the sender's last number. */
interface Envelope {
  from: string;
  boot: string;
  seq: number;
  signal?: Signal;
}

export interface BusHandlers {
  /** A signal from another instance, once. */
  apply(signal: Signal): void;
  /**
   * Some signals from the others may have gone unheard: what they would have done is done from the
   * database. Rejects if it could not be done (the database away): it is tried again later.
   */
  mend(): Promise<void>;
}

export interface BusOptions {
  log?: ServerLog;
  /** Tests lose signals on the way here: true drops it, as if Redis never delivered it. */
  dropIncoming?: (signal: Signal) => boolean;
}

const CHANNEL = 'copydesk:signals';
/** Apart from the signals: an instance of an earlier version, during a rolling upgrade, applies whatever comes on CHANNEL. */
const BEACONS = 'copydesk:signals:last';
/**
 * How long after the publisher is back its signals from the outage are sent again: past ioredis's
 * longest wait between reconnection attempts (2 s), so the other instances have resubscribed.
 */
export const RESEND_AFTER_MS = 3000;
/**
 * How long after a signal its sender announces its last number (a beacon, once per burst): a
 * receiver that missed the last signals of a burst then sees the gap even if nothing follows.
 */
export const BEACON_MS = 5000;
/** Gaps and a subscription coming back close together are mended once. */
const MEND_SOON_MS = 200;
/** A mend that failed (the database away) is tried again after this, doubling up to MEND_RETRY_MAX_MS. */
export const MEND_RETRY_MS = 1000;
const MEND_RETRY_MAX_MS = 30_000;

export class InstanceBus {
  /** This start's id: a sender's numbers begin again at 1 with each. */
  private readonly boot = randomUUID();
  private seq = 0;
  /** Signals published while Redis was away, sent again once it is back (see `publish`). */
  private unsure: string[] = [];
  private resend: NodeJS.Timeout | undefined;
  private beacon: NodeJS.Timeout | undefined;
  private announced = 0;
  private mending: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly heard = new HeardSignals();

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    readonly instanceId: string,
    private readonly handlers: BusHandlers,
    private readonly opts: BusOptions,
  ) {}

  /** Subscribed before it resolves: no signal published after this is missed. */
  static async open(url: string, instanceId: string, handlers: BusHandlers, opts: BusOptions = {}): Promise<InstanceBus> {
    const { log } = opts;
    const bus = new InstanceBus(redisClient(url), redisClient(url), instanceId, handlers, opts);
    // ioredis reconnects by itself; the errors meanwhile are logged, not thrown at the process.
    for (const client of [bus.pub, bus.sub]) client.on('error', (err: Error) => log?.(`redis: ${err.message}`));
    bus.pub.on('ready', () => {
      if (bus.unsure.length === 0) return;
      clearTimeout(bus.resend);
      bus.resend = setTimeout(() => {
        const again = bus.unsure.splice(0);
        log?.(`redis: back; ${again.length} signals from while it was away sent again`);
        for (const text of again) bus.send(text, 'resent');
      }, RESEND_AFTER_MS);
    });
    let subscribed = false;
    bus.sub.on('ready', () => {
      if (!subscribed) return;
      // The subscription is coming back: whatever was published meanwhile went unheard. ioredis
      // resubscribes right after this event; subscribing here too (Redis takes a second SUBSCRIBE
      // as it is) says when that is done, and from then on nothing is missed.
      bus.sub.subscribe(CHANNEL, BEACONS).then(
        () => {
          bus.heard.cover();
          bus.mendSoon('the subscription is back after Redis was away');
        },
        (err: Error) => log?.(`redis: not subscribed again: ${err.message}`),
      );
    });
    bus.sub.on('message', (channel: string, text: string) => bus.received(text, channel === BEACONS));
    await bus.sub.subscribe(CHANNEL, BEACONS);
    subscribed = true;
    // Number 0 of this boot: an instance already listening knows where this one's numbers start,
    // so even a first signal lost on the way shows as a gap.
    bus.send(JSON.stringify({ from: instanceId, boot: bus.boot, seq: 0 } satisfies Envelope), 'beacon', BEACONS);
    return bus;
  }

  /**
   * Tells the other instances (fire and forget: a lost signal costs a late push, never data).
   * While Redis is away ioredis queues the publish and sends it on reconnection, but Redis keeps no
   * messages: another instance whose subscription came back later never heard it (a read-only
   * flip missed: the test saw 3 of 5). So what was published while Redis was away is sent again
   * RESEND_AFTER_MS after it is back, as it was (its number too: where it was heard, the copy is
   * dropped). An import's pushes are not: they are many, and one lost is mended as any gap is.
   */
  publish(signal: Signal): void {
    this.seq += 1;
    const text = JSON.stringify({ from: this.instanceId, boot: this.boot, seq: this.seq, signal } satisfies Envelope);
    if (this.pub.status !== 'ready' && signal.kind !== 'pushed' && this.unsure.length < 10_000) this.unsure.push(text);
    this.send(text, signal.kind);
    this.beaconLater();
  }

  private send(text: string, what: string, channel = CHANNEL): void {
    this.pub.publish(channel, text).catch((err: Error) => this.opts.log?.(`redis: signal ${what} not published: ${err.message}`));
  }

  /** Once per burst, BEACON_MS after it, while Redis is there (a beacon queued through an outage would be lost with what it announces). */
  private beaconLater(): void {
    if (this.beacon) return;
    this.beacon = setTimeout(() => {
      this.beacon = undefined;
      if (this.pub.status !== 'ready') return this.beaconLater();
      if (this.announced === this.seq) return;
      this.announced = this.seq;
      this.send(JSON.stringify({ from: this.instanceId, boot: this.boot, seq: this.seq } satisfies Envelope), 'beacon', BEACONS);
    }, BEACON_MS);
    this.beacon.unref();
  }

  private received(text: string, beacon: boolean): void {
    let message = {} as Envelope;
    try {
      message = Object(JSON.parse(text)) as Envelope; // null or a number: an object without fields
    } catch {
      // not JSON: said below
    }
    const signal = beacon ? undefined : message.signal;
    if (typeof message.from !== 'string' || (!beacon && typeof signal?.kind !== 'string')) return this.opts.log?.('redis: a signal that is not one was ignored');
    if (message.from === this.instanceId || (signal && this.opts.dropIncoming?.(signal))) return;
    // From an instance of a version before numbering (a rolling upgrade): applied as it comes.
    if (!Number.isSafeInteger(message.seq) || typeof message.boot !== 'string') return void (signal && this.handlers.apply(signal));
    const heard = this.heard.note(message.from, message.boot, message.seq, signal !== undefined);
    if (signal && heard.fresh) this.handlers.apply(signal);
    if (heard.unheard > 0) this.mendSoon(`${heard.unheard} signals from ${message.from} went unheard`);
  }

  /**
   * Mends once for everything noticed within MEND_SOON_MS; the database is read after each gap was
   * seen. A mend that fails is tried again, later each time, until one succeeds: until then a
   * story stepped on another instance could stay writable here, with no other signal to come.
   */
  private mendSoon(why: string, after = MEND_SOON_MS, failures = 0): void {
    if (this.mending || this.closed) return;
    this.mending = setTimeout(() => {
      this.mending = undefined;
      this.opts.log?.(`redis: ${why}; live stories and sessions checked again, clients told to reload their lists${failures ? ` (try ${failures + 1})` : ''}`, 'warn');
      this.handlers.mend().catch((err: Error) => {
        const wait = Math.min(MEND_RETRY_MS * 2 ** failures, MEND_RETRY_MAX_MS);
        this.opts.log?.(`redis: the check after unheard signals failed (${err.message}); trying again in ${wait / 1000} s`, 'warn');
        this.mendSoon(why, wait, failures + 1);
      });
    }, after);
    this.mending.unref();
  }

  /** Redis answers (for /readyz): waits while it is away, so the check's own timeout says it failed. */
  ping(): Promise<unknown> {
    return this.pub.ping();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.resend);
    clearTimeout(this.beacon);
    clearTimeout(this.mending);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
