// A newsroom server for the e2e suite, in a child process (`node --import tsx`): the server's own
// test helpers load its package.json as JSON, which Playwright's loader cannot. It opens the
// server on a fresh store (argv[2]: pglite or postgres), makes the first admin with the setup
// code and adds the people given as JSON in argv[3] (server/testing/testServer.ts), then prints one
// JSON line — the address, ids and tokens, or why this store is not here — and serves until
// SIGTERM, when it closes the server and removes the store. With argv[3] `fresh`, nobody is made:
// the line gives the setup code instead (a newsroom to be set up from the app).
import { STORES, type TestStore } from '../../server/testing/bothDatabases';
import { addPeople, setUpAdmin, startTestServer, type TestPerson } from '../../server/testing/testServer';

const kind = process.argv[2] as keyof typeof STORES;
const fresh = process.argv[3] === 'fresh';
const people = fresh ? [] : (JSON.parse(process.argv[3] ?? '[]') as [string, TestPerson][]);
const made = await STORES[kind]();
if ('skip' in made) {
  process.stdout.write(`${JSON.stringify({ skip: made.skip })}\n`);
  process.exit(0);
}
const store: TestStore = made;
const server = await startTestServer(store);
if (fresh) {
  process.stdout.write(`${JSON.stringify({ url: server.url, setupCode: server.setupCode, adminToken: '', ids: {}, tokens: {} })}\n`);
} else {
  const adminToken = await setUpAdmin(server);
  const { ids, tokens } = await addPeople(server, adminToken, people);
  process.stdout.write(`${JSON.stringify({ url: server.url, adminToken, ids, tokens })}\n`);
}
process.once('SIGTERM', () => {
  void (async () => {
    await server.close();
    await store.dispose();
    process.exit(0);
  })();
});
