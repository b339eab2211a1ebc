// The two relays the live-story bench compares: the newsroom server (sign-in, access rules, every
// update appended to the database before it is acknowledged) on the real PostgreSQL where one is
// reachable, else PGlite; and a bare Hocuspocus server on loopback (no auth, nothing stored).
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import { readBody } from '../../shared/live/bodyFragment';
import type { Article, Body, DocNode } from '../../shared/model/article';
import { pgliteStore, postgresStore, type TestStore } from '../../server/testing/bothDatabases';
import { addPeople, setUpAdmin, startTestServer, type TestServer } from '../../server/testing/testServer';
import { openCollab, type CollabClient } from '../../server/testing/collabClient';

export interface Newsroom {
  server: TestServer;
  /** Says which database it runs on. */
  database: string;
  tokens: Record<string, string>;
  createStory(owner: string): Promise<string>;
  connect(storyId: string, who: string): CollabClient;
  /** The story's body from its stored updates (what a restart would load). */
  storedBody(storyId: string): Promise<Body>;
  /** The article row's body, through the API. */
  rowBody(storyId: string): Promise<Body>;
  close(): Promise<void>;
}

/** The newsroom server with an editor (park) and `reporters` reporters (r0, r1, …). */
export async function startNewsroom(reporters: number): Promise<Newsroom> {
  // COPYDESK_BENCH_DATABASE=pglite measures the embedded store even where PostgreSQL is reachable.
  const pg = process.env.COPYDESK_BENCH_DATABASE === 'pglite' ? { skip: 'COPYDESK_BENCH_DATABASE=pglite' } : await postgresStore();
  const store: TestStore = 'skip' in pg ? await pgliteStore() : pg;
  const database = 'skip' in pg ? `embedded PGlite (no PostgreSQL here: ${pg.skip})` : 'PostgreSQL';
  const server = await startTestServer(store);
  const admin = await setUpAdmin(server);
  const people = [['park', { name: '박데스크', role: 'editor' }] as const, ...Array.from({ length: reporters }, (_, i) => [`r${i}`, { name: `기자${i}`, role: 'reporter' }] as const)];
  const { tokens } = await addPeople(server, admin, people);
  const clients: CollabClient[] = [];
  const call = async <T>(who: string, method: string, input: Record<string, unknown>) => {
    const answer = await server.call('POST', `/api/call/${method}`, input, tokens[who]);
    if (answer.status !== 200) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
    return answer.body.value as T;
  };
  return {
    server,
    database,
    tokens,
    createStory: async (owner) => (await call<Article>(owner, 'createArticle', {})).id,
    connect(storyId, who) {
      const client = openCollab(server.url, storyId, tokens[who]);
      clients.push(client);
      return client;
    },
    async storedBody(storyId) {
      const doc = new Y.Doc();
      for (const r of await server.db.query<{ update: Uint8Array }>('SELECT update FROM collab_updates WHERE article_id = $1 ORDER BY seq', [storyId])) Y.applyUpdate(doc, r.update);
      return readBody(doc);
    },
    rowBody: async (storyId) => (await call<Article>('park', 'getArticle', { id: storyId })).body,
    async close() {
      for (const c of clients) c.destroy();
      await server.close();
      await store.dispose();
    },
  };
}

export interface BareRelay {
  connect(name: string): CollabClient;
  close(): Promise<void>;
}

/** Hocuspocus on its own: relays and acknowledges in memory. */
export async function startBareRelay(): Promise<BareRelay> {
  const relay = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
  await relay.listen();
  const clients: CollabClient[] = [];
  return {
    connect(name) {
      const client = openCollab('', name, 'none', { url: relay.webSocketURL });
      clients.push(client);
      return client;
    },
    async close() {
      for (const c of clients) c.destroy();
      await relay.destroy();
    },
  };
}

/** Characters of text in a body. */
export function textLength(body: Body): number {
  const count = (nodes: readonly DocNode[] = []): number => nodes.reduce((n, node) => n + (node.text?.length ?? 0) + count(node.content), 0);
  return count(body.content as DocNode[]);
}
