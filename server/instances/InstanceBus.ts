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
  | { kind: 'epochClosed'; id: string }
  | { kind: 'sessionsChanged' };

const CHANNEL = 'copydesk:signals';

export class InstanceBus {
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

  /** Tells the other instances (fire and forget: a lost signal costs a late push, never data). */
  publish(signal: Signal): void {
    this.pub.publish(CHANNEL, JSON.stringify({ from: this.instanceId, signal })).catch((err: Error) => this.log?.(`redis: signal ${signal.kind} not published: ${err.message}`));
  }

  /** Redis answers (for /readyz): waits while it is away, so the check's own timeout says it failed. */
  ping(): Promise<unknown> {
    return this.pub.ping();
  }

  close(): void {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
