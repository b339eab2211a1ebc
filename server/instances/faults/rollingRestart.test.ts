// A rolling restart of both instances under load (issue 18, item 4): 20 clients type in 5 stories
// through a round-robin proxy; instance A is stopped gracefully (SIGTERM to `copydesk server`,
// which stores every live document and exits 0), started again on its port, then B likewise. The
// clients of each reconnect by themselves (to the other while it is away); at the end every
// client's document is the same as its story's article row (the graceful stops and the store
// debounce wrote it) and its stored updates, with every acknowledged edit once.
import { afterAll, describe, expect, it } from 'vitest';
import { everyEditKept, expectEveryEditKept } from '../../testing/everyEditKept';
import { openCollab } from '../../testing/collabClient';
import { FAULTS_LONG, FAULTS_TEST_MS, FAULTS_WAIT_MS, startFaultCluster, startTyping, type FaultCluster } from '../../testing/faultCluster';
import { until } from '../../testing/until';

const cluster = await startFaultCluster({ stories: 5, perStory: 4 });
const PACE_MS = 150;
/** Acknowledged edits between one step of the restart and the next. */
const EDITS_BETWEEN = FAULTS_LONG ? 2000 : 100;

describe.skipIf('skip' in cluster)('a rolling restart of both instances while 20 clients type in 5 stories', () => {
  const c = cluster as FaultCluster;
  afterAll(() => c.close(), 60_000);

  it('stops each gracefully and starts it again; the clients reconnect by themselves and nothing acknowledged is lost', async () => {
    expect(new Set(c.proxy.routed).size).toBe(2);
    const typing = startTyping(c, PACE_MS);
    const figures: string[] = [];
    try {
      for (const i of [0, 1]) {
        await until(() => typing.count() >= (i + 1) * EDITS_BETWEEN, FAULTS_WAIT_MS);
        const closesBefore = c.all().map((x) => x.closes);
        const stoppedAt = performance.now();
        const exit = await c.stop(i);
        expect(exit, c.instances[i].log.slice(-15).join('\n')).toEqual([0, null]);
        const stopMs = performance.now() - stoppedAt;
        // Its clients are cut off and come back (to the other instance, the proxy skipping the dead port).
        const cut = () => c.all().filter((x, k) => x.closes > closesBefore[k]);
        await until(() => cut().length > 0 && cut().every((x) => x.provider.isSynced && x.provider.unsyncedChanges === 0), 60_000);
        const backMs = performance.now() - stoppedAt;
        await c.start(i);
        figures.push(`${'AB'[i]}: ${cut().length} clients cut off, stopped in ${stopMs.toFixed(0)} ms, its clients back and synced ${backMs.toFixed(0)} ms after the SIGTERM`);
        expect(cut().length).toBeGreaterThanOrEqual(5);
      }
      // The restarted instances serve again: the last connections opened went to both.
      const routedBefore = c.proxy.routed.length;
      const count = typing.count();
      await until(() => typing.count() >= count + EDITS_BETWEEN, FAULTS_WAIT_MS);
      await typing.stop();
      // New clients after the restart land on both (each instance is up and serving the stories).
      const late = c.stories.map((id, k) => ({ id, k }));
      for (const { id, k } of late) {
        const client = openCollab(c.proxy.url, id, k % 2 ? c.tokens.desk : c.tokens.admin);
        c.clients.get(id)!.push(client);
        await until(() => client.provider.isSynced, 30_000);
      }
      expect(new Set(c.proxy.routed.slice(routedBefore)).size).toBe(2);
      const report = await expectEveryEditKept(c.db.url, typing.stories());
      // The article rows too: a graceful stop and the store debounce write what the updates hold
      // (read again until the last debounce has run).
      let rows = await everyEditKept(c.db.url, typing.stories(), { source: 'article' });
      for (const since = Date.now(); rows.problems.length > 0 && Date.now() - since < 60_000; ) {
        await new Promise((r) => setTimeout(r, 500));
        rows = await everyEditKept(c.db.url, typing.stories(), { source: 'article', settleMs: 0 });
      }
      expect(rows.problems).toEqual([]);
      console.info(`[rolling restart] ${figures.join('; ')}; ${report.acked} acknowledged edits in ${report.stories} stories, ${report.lost.length} lost (${rows.lost.length} missing from the article rows)`);
      expect(report.lost).toEqual([]);
    } finally {
      await typing.stop();
    }
  }, FAULTS_TEST_MS);
});
