// Redis restarted mid-edit: 20 clients on both instances type in 5 stories while Redis is killed
// and started again on the same port (empty, as Redis without persistence comes back). Updates
// made meanwhile cannot cross between the instances; each is still stored by its own instance
// and acknowledged. Once Redis is back the documents converge across instances, equal to what
// PostgreSQL holds, with every acknowledged edit once. What mends them: the extension's state
// vectors published during the outage wait in ioredis's offline queue and go out on reconnection,
// and each instance sends them again once its subscription is back (collabRedis.ts,
// resyncAfterReconnect) for the case where the queue went out before the other had resubscribed.
// The second case stops typing during the outage, so no later edit's exchange can do it instead.
import { afterAll, describe, expect, it } from 'vitest';
import { expectEveryEditKept } from '../../testing/everyEditKept';
import { FAULTS_LONG, FAULTS_TEST_MS, FAULTS_WAIT_MS, startFaultCluster, startTyping, type FaultCluster } from '../../testing/faultCluster';
import { until } from '../../testing/until';

const cluster = await startFaultCluster({ stories: 5, perStory: 4 });
const PACE_MS = 150;
const EDITS = FAULTS_LONG ? 2000 : 150;
const DOWN_MS = FAULTS_LONG ? 20_000 : 2_000;

describe.skipIf('skip' in cluster)('Redis restarted while 20 clients on two instances type in 5 stories', () => {
  const c = cluster as FaultCluster;
  afterAll(() => c.close(), 60_000);
  /** A story's clients disagree (some on each instance: what one typed did not reach the other). */
  const apart = () => c.stories.some((id) => new Set(c.clients.get(id)!.map((x) => JSON.stringify(x.body()))).size > 1);

  const outage = async (typeAfter: boolean) => {
    expect(new Set(c.proxy.routed).size).toBe(2);
    const typing = startTyping(c, PACE_MS);
    try {
      const start = typing.count();
      await until(() => typing.count() >= start + EDITS, FAULTS_WAIT_MS);
      await c.redis.kill();
      const during = typing.count();
      // Edits go on, acknowledged by each client's own instance (stored in PostgreSQL).
      await until(() => typing.count() >= during + 40, 60_000);
      await new Promise((r) => setTimeout(r, DOWN_MS));
      const acknowledgedWhileDown = typing.count() - during;
      if (!typeAfter) await typing.stop();
      // Without Redis the instances drift apart: the test sees the fault it means to mend.
      expect(apart()).toBe(true);
      // What was acknowledged by then reaches every client of its story, whichever instance it is on.
      const ackedBefore = c.stories.map((id) => [id, [...typing.acked.get(id)!]] as const);
      const everywhere = () => ackedBefore.every(([id, edits]) => c.clients.get(id)!.every((x) => {
        const text = JSON.stringify(x.body());
        return edits.every((e) => text.includes(e));
      }));
      expect(everywhere()).toBe(false);
      await c.redis.start();
      const upAt = performance.now();
      await until(() => everywhere() && (typeAfter || !apart()), 60_000);
      const convergedMs = performance.now() - upAt;
      if (typeAfter) {
        const after = typing.count();
        await until(() => typing.count() >= after + EDITS, FAULTS_WAIT_MS);
      }
      await typing.stop();
      const report = await expectEveryEditKept(c.db.url, typing.stories());
      console.info(
        `[redis restart${typeAfter ? '' : ', typing stopped during it'}] ${acknowledgedWhileDown} edits acknowledged while Redis was down (${DOWN_MS} ms and more); every edit acknowledged until then reached every client ${convergedMs.toFixed(0)} ms after it was back; ${report.acked} acknowledged edits, ${report.lost.length} lost`,
      );
      expect(report.lost).toEqual([]);
    } finally {
      await typing.stop();
    }
  };

  it('converges across instances after Redis is back, typing on, and loses no acknowledged edit', () => outage(true), FAULTS_TEST_MS);
  it('converges after Redis is back even when nobody types after it (the instances resync by themselves)', () => outage(false), FAULTS_TEST_MS);
});
