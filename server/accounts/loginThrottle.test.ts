// The throttle's counting on its own (the HTTP suite covers one login's lock-out end to end):
// one address guessing many logins is held back too, and only inside the window.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/Database';
import { migrate } from '../db/migrate';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { checkThrottle, recordFailure, THROTTLE } from './loginThrottle';

let store: TestStore;
let db: Database;
beforeAll(async () => {
  store = await pgliteStore();
  db = await store.open();
  await migrate(db);
}, 60_000);
afterAll(async () => {
  await db.close();
  await store.dispose();
});

it('holds back an address that failed with many different logins, until the window passes', async () => {
  const start = new Date('2026-12-01T09:00:00Z');
  for (let i = 0; i < THROTTLE.perAddress; i++) {
    await checkThrottle(db, `login${i}`, '203.0.113.9', start);
    await recordFailure(db, `login${i}`, '203.0.113.9', start);
  }
  await expect(checkThrottle(db, 'someone-new', '203.0.113.9', start)).rejects.toMatchObject({ code: 'tooManyAttempts', params: { retryAfterSeconds: THROTTLE.windowMs / 1000 } });
  // Another address and the same logins are not held back by that address's failures (each login failed once).
  await expect(checkThrottle(db, 'login0', '198.51.100.1', start)).resolves.toBeUndefined();
  await expect(checkThrottle(db, 'someone-new', '203.0.113.9', new Date(start.getTime() + THROTTLE.windowMs + 1))).resolves.toBeUndefined();
});
