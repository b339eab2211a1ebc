// PostgreSQL restarted mid-edit under two instances: a PostgreSQL of the test's own (never the
// shared cluster other files use) stopped while four clients type in one story on two instances,
// kept down a few seconds, and started again. The servers stay up and wait; /readyz says 503
// while the database is away and 200 after; nothing is acknowledged while nothing can be stored;
// the clients' unacknowledged edits are sent again and stored once it is back; at the end every
// client's document is the same, equal to what PostgreSQL holds, with every edit typed.
// COPYDESK_FAULTS_LONG=1 (the bench's long form) keeps it down for half a minute and types longer.
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/article';
import { openCollab, type CollabClient } from '../../testing/collabClient';
import { expectEveryEditKept, startNewsroom, startTypists, type Newsroom } from '../../testing/faultChecks';
import { startOwnPostgres, type OwnPostgres } from '../../testing/ownPostgres';
import { startTestRedis, type TestRedis } from '../../testing/testRedis';
import type { TestServer } from '../../testing/testServer';
import { until } from '../../testing/until';
import { FAULTS_LONG, FAULTS_TEST_MS } from '../../testing/faultCluster';

/** Typed while the database is away (each client waits up to 2 s for an ack that cannot come: about 2 edits a second in all, so 60 is half a minute), and stored after it is back. */
const TYPED_WHILE_DOWN = FAULTS_LONG ? 60 : 4;
const ACKED_AFTER = FAULTS_LONG ? 2000 : 20;

const own = await startOwnPostgres();
const redis = 'skip' in own ? own : await startTestRedis();
const skip = 'skip' in own || 'skip' in redis;

const readyz = async (s: TestServer) => (await fetch(`${s.url}/readyz`)).status;

describe.skipIf(skip)('PostgreSQL restarted while clients type on two instances', () => {
  const pgOwn = own as OwnPostgres;
  let newsroom: Newsroom | null = null;
  const clients: CollabClient[] = [];
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await newsroom?.close();
    await (redis as TestRedis).stop?.();
    await pgOwn.stop?.();
  }, 60_000);

  it('waits for the database, acknowledges only what is stored, and stores every edit after it is back', async () => {
    newsroom = await startNewsroom(pgOwn.url, (redis as TestRedis).url, 2, { collab: { debounceMs: 200, maxDebounceMs: 1000 } });
    const { servers, tokens, call } = newsroom;
    const story = await call<Article>(servers[0], 'kim', 'createArticle');
    const who = ['kim', 'park', 'kim', 'park'];
    for (let i = 0; i < 4; i++) clients.push(openCollab(servers[i % 2].url, story.id, tokens[who[i]]));
    await until(() => clients.every((c) => c.provider.isSynced), 15_000);
    const typists = startTypists(clients, ['a', 'b', 'c', 'd'], { pauseMs: 40, ackWaitMs: 2000 });
    try {
      await until(() => typists.acked.length >= 12, 20_000);
      for (const s of servers) expect(await readyz(s)).toBe(200);

      await pgOwn.stopServer();
      // Both instances see the database gone (their checks run on every probe).
      for (const s of servers) {
        let status = 0;
        for (let i = 0; i < 50 && status !== 503; i++) status = await readyz(s);
        expect(status).toBe(503);
      }
      // Acks of commits made just before the stop may still be on their way; after that, none.
      await new Promise((r) => setTimeout(r, 1500));
      const ackedWhileDown = typists.acked.length;
      const typedWhileDown = typists.typed.length;
      await until(() => typists.typed.length >= typedWhileDown + TYPED_WHILE_DOWN, FAULTS_LONG ? 120_000 : 20_000);
      await new Promise((r) => setTimeout(r, 2000));
      expect(typists.acked.length).toBe(ackedWhileDown);

      await pgOwn.startServer();
      for (const s of servers) {
        let status = 0;
        for (let i = 0; i < 100 && status !== 200; i++) {
          status = await readyz(s);
          if (status !== 200) await new Promise((r) => setTimeout(r, 200));
        }
        expect(status).toBe(200);
      }
      // Typing goes on and is stored again.
      await until(() => typists.acked.length >= ackedWhileDown + ACKED_AFTER, FAULTS_LONG ? 600_000 : 45_000);
    } finally {
      await typists.stop();
    }
    const stored = await expectEveryEditKept(clients, pgOwn.url, story.id, typists);
    // No client was told it was signed out or refused while the database was away.
    for (const c of clients) expect(c.refused).toBeNull();
    console.info(`[postgres restart] ${typists.typed.length} edits typed, ${typists.acked.length} acknowledged while typing, all ${stored.length} characters stored`);
  }, FAULTS_LONG ? FAULTS_TEST_MS : 90_000);
});
