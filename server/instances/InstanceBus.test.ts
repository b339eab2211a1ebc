// InstanceBus between two instances on a Redis of the test's own, one of them reaching it through a
// relay the test cuts: a signal sent again after the publisher's connection was away is applied
// once where it had arrived; a signal lost while the publisher's connection was up (the receiver's
// was down) is mended once the receiver's subscription is back; one lost on the way is mended at
// the next signal, or at the sender's beacon when nothing follows; a mend that fails (the database
// away) is tried again until it succeeds; an instance of an earlier
// version (unnumbered signals) is still heard, and what is not a signal is ignored.
import type { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cutRelay, type CutRelay } from '../testing/cutRelay';
import { startTestRedis, type TestRedis } from '../testing/testRedis';
import { until } from '../testing/until';
import { BEACON_MS, InstanceBus, MEND_RETRY_MS, RESEND_AFTER_MS, type BusOptions, type Signal } from './InstanceBus';
import { redisClient } from './redisClient';

const redis = await startTestRedis();

interface Peer {
  bus: InstanceBus;
  applied: Signal[];
  /** Mends done, and tried (a mend fails while `failing` is above zero, counting down). */
  mends: number;
  tries: number;
  failing: number;
  log: string[];
}

/** A step's signal for story `id` (only its id matters here). */
const flip = (id: string): Signal => ({ kind: 'epochClosed', id, epoch: 1 });
const ids = (peer: Peer) => peer.applied.map((s) => (s.kind === 'epochClosed' ? s.id : s.kind));
/** The bus's publishing connection, for its status (the test must publish while it is away). */
const pubOf = (bus: InstanceBus) => (bus as unknown as { pub: Redis }).pub;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf('skip' in redis)('InstanceBus: each signal once, and what went unheard mended', () => {
  const { url } = redis as TestRedis;
  const opened: InstanceBus[] = [];
  const relays: CutRelay[] = [];
  const peer = async (name: string, through = url, opts: BusOptions = {}): Promise<Peer> => {
    const p = { applied: [] as Signal[], mends: 0, tries: 0, failing: 0, log: [] as string[] } as Peer;
    const mend = async () => {
      p.tries += 1;
      if (p.failing-- > 0) throw new Error('the database is away');
      p.mends += 1;
    };
    p.bus = await InstanceBus.open(through, name, { apply: (s) => p.applied.push(s), mend }, { ...opts, log: (line) => p.log.push(line) });
    opened.push(p.bus);
    return p;
  };
  const relayed = async () => {
    const relay = await cutRelay(url);
    relays.push(relay);
    return { relay, url: relay.url.replace(/^http:/, 'redis:') };
  };
  afterEach(async () => {
    for (const bus of opened.splice(0)) bus.close();
    for (const relay of relays.splice(0)) await relay.close();
  });
  afterAll(async () => {
    await (redis as TestRedis).stop();
  });

  it('applies a signal sent again after the publisher was away once, where it had arrived', async () => {
    const { relay, url: viaRelay } = await relayed();
    const a = await peer('a', viaRelay);
    const b = await peer('b');
    a.bus.publish(flip('before'));
    await until(() => ids(b).includes('before'));
    relay.cut();
    await until(() => pubOf(a.bus).status !== 'ready');
    a.bus.publish(flip('while-away'));
    relay.restore();
    // ioredis sends it once reconnected (B's subscription never went away: B hears it), and
    // InstanceBus sends it again RESEND_AFTER_MS later.
    await until(() => ids(b).includes('while-away'), 15_000);
    await until(() => a.log.some((l) => l.includes('sent again')), RESEND_AFTER_MS + 15_000);
    a.bus.publish(flip('after'));
    await until(() => ids(b).includes('after'), 10_000);
    expect(ids(b)).toEqual(['before', 'while-away', 'after']);
    // Nothing went unheard on B: no mend.
    expect(b.mends).toBe(0);
  }, 60_000);

  it('mends a signal lost while its receiver was cut off once the subscription is back', async () => {
    const { relay, url: viaRelay } = await relayed();
    const a = await peer('a');
    const b = await peer('b', viaRelay);
    a.bus.publish(flip('heard'));
    await until(() => ids(b).includes('heard'));
    relay.cut();
    await until(() => pubOf(b.bus).status !== 'ready');
    // A's connection is up: it publishes once, and Redis has nobody on B's side to give it to.
    a.bus.publish(flip('lost'));
    await sleep(300);
    relay.restore();
    await until(() => b.mends >= 1, 15_000);
    expect(b.log.some((l) => l.includes('subscription is back'))).toBe(true);
    a.bus.publish(flip('next'));
    await until(() => ids(b).includes('next'), 10_000);
    // Never heard, and mended instead; once: the gap the next signal shows is the one mended already.
    expect(ids(b)).toEqual(['heard', 'next']);
    await sleep(500);
    expect(b.mends).toBe(1);
  }, 60_000);

  it('mends a signal lost on the way at the next one, and at the beacon when nothing follows', async () => {
    const drop = new Set(['dropped', 'dropped-last']);
    const a = await peer('a');
    const b = await peer('b', url, { dropIncoming: (s) => s.kind === 'epochClosed' && drop.has(s.id) });
    a.bus.publish(flip('one'));
    await until(() => ids(b).includes('one'));
    a.bus.publish(flip('dropped'));
    a.bus.publish(flip('three'));
    await until(() => ids(b).includes('three') && b.mends === 1, 5000);
    expect(b.log.some((l) => l.includes('1 signals from a went unheard'))).toBe(true);
    // The last of a burst lost, nothing after it: A's beacon, BEACON_MS later, shows the gap.
    a.bus.publish(flip('dropped-last'));
    await until(() => b.mends === 2, BEACON_MS + 15_000);
    expect(ids(b)).toEqual(['one', 'three']);
  }, 60_000);

  it('mends a first signal lost on the way from an instance that started after the receiver', async () => {
    const b = await peer('b', url, { dropIncoming: (s) => s.kind === 'epochClosed' && s.id === 'first' });
    const a = await peer('a');
    // A's start announced number 0 of its boot, on the connection its signals take after it (in order).
    a.bus.publish(flip('first'));
    a.bus.publish(flip('second'));
    await until(() => ids(b).includes('second') && b.mends === 1, 5000);
    expect(ids(b)).toEqual(['second']);
    expect(b.log.some((l) => l.includes('1 signals from a went unheard'))).toBe(true);
  }, 30_000);

  it('tries a failed mend again, later each time, until it succeeds', async () => {
    const a = await peer('a');
    const b = await peer('b', url, { dropIncoming: (s) => s.kind === 'epochClosed' && s.id === 'dropped' });
    // B knows A's numbers from here (a first signal lost is no gap to a receiver that never heard its sender).
    a.bus.publish(flip('one'));
    await until(() => ids(b).includes('one'));
    b.failing = 2;
    a.bus.publish(flip('dropped'));
    a.bus.publish(flip('shows the gap'));
    // Fails at once, again MEND_RETRY_MS later, and succeeds twice that after.
    const started = Date.now();
    await until(() => b.mends === 1, 3 * MEND_RETRY_MS + 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * MEND_RETRY_MS);
    expect(b.tries).toBe(3);
    expect(b.log.filter((l) => l.includes('failed (the database is away); trying again'))).toEqual([
      expect.stringContaining(`in ${MEND_RETRY_MS / 1000} s`),
      expect.stringContaining(`in ${(2 * MEND_RETRY_MS) / 1000} s`),
    ]);
    // Done: no more tries.
    await sleep(4 * MEND_RETRY_MS);
    expect(b.tries).toBe(3);
  }, 60_000);

  it('hears an instance of an earlier version (unnumbered), and ignores what is not a signal', async () => {
    const b = await peer('b');
    const raw = redisClient(url);
    try {
      for (const text of ['not json', 'null', '{"from":"old"}', JSON.stringify({ from: 'old', signal: flip('unnumbered') })]) await raw.publish('copydesk:signals', text);
      await until(() => ids(b).includes('unnumbered'));
      expect(ids(b)).toEqual(['unnumbered']);
      expect(b.log.filter((l) => l.includes('not one was ignored'))).toHaveLength(3);
    } finally {
      raw.disconnect();
    }
  });
});
