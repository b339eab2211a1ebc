// A newsroom server for the e2e suite, in a child process (`node --import tsx`): the server's own
// test helpers load its package.json as JSON, which Playwright's loader cannot. It opens the
// server on a fresh store (argv[2]: pglite or postgres), makes the first admin with the setup
// code and adds the people given as JSON in argv[3] (server/testing/testServer.ts), then prints one
// JSON line — the address, ids and tokens, or why this store is not here — and serves until
// SIGTERM, when it closes the server and removes the store. With argv[3] `fresh`, nobody is made:
// the line gives the setup code instead (a newsroom to be set up from the app).
// argv[4] and argv[5], optional: the PGlite data folder and the port. The folder given is the
// test's: it is kept on SIGTERM. With argv[3] `reopen`, the store already in that folder is opened
// as it is (a restart, after a kill): nobody is made and the line carries only the address.
import { openServer } from '../../server/openServer';
import { STORES, pgliteStore, type TestStore } from '../../server/testing/bothDatabases';
import { addPeople, setUpAdmin, startTestServer, type TestPerson } from '../../server/testing/testServer';

const kind = process.argv[2] as keyof typeof STORES;
const mode = process.argv[3] === 'fresh' || process.argv[3] === 'reopen' ? process.argv[3] : 'people';
const dataDir = process.argv[4] || undefined;
const port = process.argv[5] ? Number(process.argv[5]) : 0;
const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);

if (mode === 'reopen') {
  if (kind !== 'pglite' || !dataDir) throw new Error('reopen needs a PGlite data folder');
  const server = await openServer({ dataDir, port });
  say({ url: server.url, adminToken: '', ids: {}, tokens: {} });
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
} else {
  const people = mode === 'fresh' ? [] : (JSON.parse(process.argv[3] ?? '[]') as [string, TestPerson][]);
  if (dataDir && kind !== 'pglite') throw new Error('a given data folder is for PGlite');
  const made = dataDir ? await pgliteStore(dataDir) : await STORES[kind]();
  if ('skip' in made) {
    say({ skip: made.skip });
    process.exit(0);
  }
  const store: TestStore = made;
  const server = await startTestServer(store, { port });
  if (mode === 'fresh') {
    say({ url: server.url, setupCode: server.setupCode, adminToken: '', ids: {}, tokens: {} });
  } else {
    const adminToken = await setUpAdmin(server);
    const { ids, tokens } = await addPeople(server, adminToken, people);
    say({ url: server.url, adminToken, ids, tokens });
  }
  process.once('SIGTERM', () => {
    void (async () => {
      await server.close();
      if (!dataDir) await store.dispose();
      process.exit(0);
    })();
  });
}
