// The live-story suites' shared set-up: on each database (bothDatabases.ts), a newsroom server
// with the desk of three signed in (staffDeskOfThree), collab clients for them, and everything
// closed after. `server` is a stand-in for the server the suite's beforeAll starts, so a suite's
// body reads `server.db`, `server.url`… as if it held the server itself.
import { afterAll, beforeAll, describe } from 'vitest';
import type { ServerOptions } from '../openServer';
import { STORES, type TestStore } from './bothDatabases';
import { collabPeople } from './collabClient';
import { staffDeskOfThree, startTestServer, type TestServer } from './testServer';

export type LiveDesk = ReturnType<typeof collabPeople> & {
  server: TestServer;
  tokens: Record<string, string>;
  ids: Record<string, string>;
};

/** Forwards to the server once started; methods are bound to it. */
function standIn(current: () => TestServer | undefined): TestServer {
  return new Proxy({} as TestServer, {
    get(_target, key) {
      const server = current();
      if (!server) throw new Error('the suite used its server before beforeAll started it');
      const value = Reflect.get(server, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(server) : value;
    },
  });
}

export async function describeLiveDesk(title: string, options: Partial<ServerOptions>, body: (desk: LiveDesk, kind: string) => void): Promise<void> {
  for (const [kind, make] of Object.entries(STORES)) {
    const store = await make();
    describe.skipIf('skip' in store)(`${title} on ${kind}`, () => {
      const s = store as TestStore;
      let started: TestServer | undefined;
      const tokens: Record<string, string> = {};
      const ids: Record<string, string> = {};
      const people = collabPeople(() => started!, tokens);
      beforeAll(async () => {
        started = await startTestServer(s, options);
        await staffDeskOfThree(started, tokens, ids);
      }, 120_000);
      afterAll(async () => {
        people.closeAll();
        await started?.close();
        await s.dispose();
      });
      body({ ...people, server: standIn(() => started), tokens, ids }, kind);
    });
  }
}
