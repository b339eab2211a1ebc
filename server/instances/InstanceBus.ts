// Our own signals between server instances (Hocuspocus's Redis extension carries the documents):
// what one instance commits or decides is applied on the others as if it had happened there —
// a story's change (queue pushes on the live channel, read-only flips on live connections), an
// import's events, an epoch closed by a step, sessions that may have ended. Each instance
// publishes only what originated with it, tagged with its id, and ignores its own echoes.
import type { Redis } from 'ioredis';
import type { LiveEvent } from '../../shared/contract/live';
import { redisClient } from './redisClient';

export type Signal =
  /** A committed change to a story: the live channel and the live documents follow it. */
  | { kind: 'committed'; event: LiveEvent }
  /** An event for the live channel only (an import). */
  | { kind: 'pushed'; event: LiveEvent }
  /** Epoch `epoch` of a story ended: documents of it (never a later one, loaded since) are replaced. */
  | { kind: 'epochClosed'; id: string; epoch: number }
  | { kind: 'sessionsChanged' };

const CHANNEL = 'copydesk:signals';
/**
 * How long after the publisher is back its signals from the outage are sent again: past ioredis's
 * longest wait between reconnection attempts (2 s), so the other instances have resubscribed.
 */
export const RESEND_AFTER_MS = 3000;

export class InstanceBus {
  /** Signals published while Redis was away, sent again once it is back (see `publish`). */
  private unsure: Signal[] = [];
  private resend: NodeJS.Timeout | undefined;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    readonly instanceId: string,
    private readonly log?: (line: string) => void,
  ) {}

  /** Subscribed before it resolves: no signal published after this is missed. */
  static async open(url: string, instanceId: string, apply: (signal: Signal) => void, log?: (line: string) => void): Promise<InstanceBus> {
    const bus = new InstanceBus(redisClient(url), redisClient(url), instanceId, log);
    // ioredis reconnects by itself; the errors meanwhile are logged, not thrown at the process.
    for (const client of [bus.pub, bus.sub]) client.on('error', (err: Error) => log?.(`redis: ${err.message}`));
    bus.pub.on('ready', () => {
      if (bus.unsure.length === 0) return;
      clearTimeout(bus.resend);
      bus.resend = setTimeout(() => {
        const again = bus.unsure.splice(0);
        log?.(`redis: back; ${again.length} signals from while it was away sent again`);
        for (const signal of again) bus.send(signal);
      }, RESEND_AFTER_MS);
    });
    bus.sub.on('message', (_channel: string, text: string) => {
      let message: { from: string; signal: Signal };
      try {
        message = JSON.parse(text) as typeof message;
      } catch {
        return log?.('redis: a signal that is not JSON was ignored');
      }
      if (message.from !== instanceId) apply(message.signal);
    });
    await bus.sub.subscribe(CHANNEL);
    return bus;
  }

  /**
   * Tells the other instances (fire and forget: a lost signal costs a late push, never data).
   * While Redis is away ioredis queues the publish and sends it on reconnection, but Redis keeps no
   * messages: another instance whose subscription came back later never heard it (a read-only
   * flip missed: the test saw 3 of 5). So what was published while Redis was away is sent again
   * RESEND_AFTER_MS after it is back (applied twice where it was heard: a flip, an epoch's close
   * and a sessions check are the same the second time; a live event is pushed again). An import's
   * pushes are not: they are many, and one lost only comes late.
   */
  publish(signal: Signal): void {
    if (this.pub.status !== 'ready' && signal.kind !== 'pushed' && this.unsure.length < 10_000) this.unsure.push(signal);
    this.send(signal);
  }

  private send(signal: Signal): void {
    this.pub.publish(CHANNEL, JSON.stringify({ from: this.instanceId, signal })).catch((err: Error) => this.log?.(`redis: signal ${signal.kind} not published: ${err.message}`));
  }

  /** Redis answers (for /readyz): waits while it is away, so the check's own timeout says it failed. */
  ping(): Promise<unknown> {
    return this.pub.ping();
  }

  close(): void {
    clearTimeout(this.resend);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
