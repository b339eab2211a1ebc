// kill -9 one of two instances while 20 clients type in 5 stories (ASCII and Korean), spread over
// both instances through a round-robin proxy: the dead instance's clients reconnect to the other by
// themselves, and at the end every client's document is the same as its story's stored updates and
// holds every edit a client saw acknowledged, once (killedInstance.test.ts does the same with 4
// clients in 1 story, and behind nginx). COPYDESK_FAULTS_LONG=1 types longer on both sides.
import { afterAll, describe, expect, it } from 'vitest';
import { expectEveryEditKept } from '../../testing/everyEditKept';
import { FAULTS_LONG, FAULTS_TEST_MS, FAULTS_WAIT_MS, startFaultCluster, startTyping, type FaultCluster } from '../../testing/faultCluster';
import { until } from '../../testing/until';

const cluster = await startFaultCluster({ stories: 5, perStory: 4 });
const PACE_MS = 150;
const EDITS_BEFORE = FAULTS_LONG ? 3000 : 250;
const EDITS_AFTER = FAULTS_LONG ? 3000 : 250;

describe.skipIf('skip' in cluster)('one of two instances killed with SIGKILL while 20 clients type in 5 stories', () => {
  const c = cluster as FaultCluster;
  afterAll(() => c.close(), 60_000);

  it('reconnects the dead instance’s clients to the other and loses no acknowledged edit', async () => {
    // Both instances serve clients (the proxy alternates).
    expect(new Set(c.proxy.routed).size).toBe(2);
    const typing = startTyping(c, PACE_MS);
    try {
      await until(() => typing.count() >= EDITS_BEFORE, FAULTS_WAIT_MS);
      const closesBefore = c.all().map((x) => x.closes);
      await c.kill(1);
      const killedAt = performance.now();
      const before = typing.count();
      // Every client whose socket closed (those on the dead instance) is back and synced.
      const cut = () => c.all().filter((x, i) => x.closes > closesBefore[i]);
      await until(() => cut().length > 0 && cut().every((x) => x.provider.isSynced && x.provider.unsyncedChanges === 0), 60_000);
      const reconnectMs = performance.now() - killedAt;
      await until(() => typing.count() >= before + EDITS_AFTER, FAULTS_WAIT_MS);
      await typing.stop();
      const report = await expectEveryEditKept(c.db.url, typing.stories());
      console.info(
        `[kill -9] ${report.clients} clients, ${report.stories} stories: killed after ${before} acknowledged edits; ${cut().length} clients cut off, back and synced ${reconnectMs.toFixed(0)} ms after the kill; ${report.acked} acknowledged edits, ${report.lost.length} lost`,
      );
      expect(cut().length).toBeGreaterThanOrEqual(5);
      expect(report.lost).toEqual([]);
    } finally {
      await typing.stop();
    }
  }, FAULTS_TEST_MS);
});
