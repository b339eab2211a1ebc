// Two instances on one PostgreSQL and one Redis: a live story typed in from both converges with
// each client update stored once; awareness crosses; a workflow step taken on one flips and
// reloads the live connections on the other; the live channel on one hears what the other commits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Article } from '../../shared/model/article';
import { openCollab, type CollabClient } from '../testing/collabClient';
import { openLive } from '../testing/liveClient';
import { startTwoInstances, type TwoInstances } from '../testing/twoInstances';
import type { TestServer } from '../testing/testServer';
import { until } from '../testing/until';
import { roundRobinProxy } from '../testing/roundRobinProxy';

/** Set by a test: B's next append of one of these texts waits for the condition, then fails (B dies before storing it). */
let dieOnB: { text: string; after: () => Promise<void> } | null = null;
const started = await startTwoInstances(
  { collab: { debounceMs: 100, maxDebounceMs: 500 } },
  {
    collab: {
      beforeCommit: async (_tx, batch) => {
        const die = dieOnB;
        if (!die || !batch.some((u) => Buffer.from(u.update).includes(die.text))) return;
        dieOnB = null;
        await die.after();
        throw new Error('instance B died before storing');
      },
    },
  },
);

describe.skipIf('skip' in started)('two server instances behind one address, Redis between them', () => {
  const { a, b, tokens } = started as TwoInstances;
  const clients: CollabClient[] = [];
  const connect = (server: TestServer, who: string, id: string) => {
    const client = openCollab(server.url, id, tokens[who]);
    clients.push(client);
    return client;
  };
  const call = async <T>(server: TestServer, who: string, method: string, input: Record<string, unknown> = {}): Promise<T> => {
    const answer = await server.call('POST', `/api/call/${method}`, input, tokens[who]);
    if (answer.status !== 200) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
    return answer.body.value as T;
  };
  const text = (c: CollabClient) => JSON.stringify(c.body());
  /** The updates a client made itself (origin null: not the provider applying someone else's). */
  const localUpdates = (c: CollabClient) => {
    const counter = { n: 0 };
    c.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === null) counter.n += 1;
    });
    return counter;
  };
  const percentile = (values: number[], p: number) => [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

  beforeAll(() => undefined);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await (started as TwoInstances).close();
  }, 60_000);

  it('converges a story typed in on both instances, and stores each client update exactly once', async () => {
    const story = await call<Article>(a, 'kim', 'createArticle');
    const kim = connect(a, 'kim', story.id);
    const park = connect(b, 'park', story.id);
    const [kimSent, parkSent] = [localUpdates(kim), localUpdates(park)];
    await until(() => kim.provider.isSynced && park.provider.isSynced);
    // Each edit timed from one instance's client to the other's (and back the other way).
    const times: number[] = [];
    for (let n = 0; n < 40; n++) {
      const [from, to] = n % 2 === 0 ? [kim, park] : [park, kim];
      const mark = `<${n % 2 === 0 ? '기자' : 'desk'}${n}>`;
      // Timed by the receiving document's own update event (a polling wait would measure its interval).
      const arrived = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${mark} did not cross in 5 s`)), 5000);
        const seen = () => {
          if (!text(to).includes(mark)) return;
          clearTimeout(timer);
          to.doc.off('update', seen);
          resolve(performance.now());
        };
        to.doc.on('update', seen);
      });
      const t0 = performance.now();
      from.type(mark);
      times.push((await arrived) - t0);
    }
    await until(() => text(kim) === text(park) && kim.provider.unsyncedChanges === 0 && park.provider.unsyncedChanges === 0);
    console.info(`propagation across instances over ${times.length} edits: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
    const rows = await a.db.query<{ person_id: string | null; update: Uint8Array }>('SELECT person_id, update FROM collab_updates WHERE article_id = $1 ORDER BY seq', [story.id]);
    // One row per update a client made (none stored again by the instance it was relayed to), plus the server's first.
    expect(kimSent.n + parkSent.n).toBe(40);
    expect(rows.filter((r) => r.person_id !== null)).toHaveLength(40);
    expect(rows.filter((r) => r.person_id === null)).toHaveLength(1);
    const stored = new Y.Doc();
    for (const r of rows) Y.applyUpdate(stored, r.update);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(kim.doc));
    expect(text(kim)).toContain('<기자38>');
    expect(text(kim)).toContain('<desk39>');
  });

  it('carries awareness (who is here, where the caret is) from one instance to the other', async () => {
    const story = await call<Article>(a, 'kim', 'createArticle');
    const kim = connect(a, 'kim', story.id);
    const park = connect(b, 'park', story.id);
    await until(() => kim.provider.isSynced && park.provider.isSynced);
    kim.provider.setAwarenessField('user', { name: '김하늘', caret: 3 });
    await until(() => (park.provider.awareness?.getStates().get(kim.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === '김하늘', 5000);
    park.provider.setAwarenessField('user', { name: '박데스크', caret: 7 });
    await until(() => (kim.provider.awareness?.getStates().get(park.doc.clientID) as { user?: { caret: number } } | undefined)?.user?.caret === 7, 5000);
  });

  it('flips access on one instance when the desk steps on the other, and approval closes the epoch there too', async () => {
    const story = await call<Article>(a, 'kim', 'createArticle');
    const kimOnB = connect(b, 'kim', story.id);
    const kimOnA = connect(a, 'kim', story.id);
    await until(() => kimOnB.provider.isSynced && kimOnA.provider.isSynced && kimOnB.readOnly() === false);
    kimOnB.type('보내기 전 문장');
    await until(() => kimOnB.provider.unsyncedChanges === 0 && text(kimOnA).includes('보내기 전 문장'));
    // Sent from A: the reporter's connection on B turns read-only.
    await call(a, 'kim', 'transitionArticle', { id: story.id, action: 'send' });
    await until(() => kimOnB.readOnly() === true, 5000);
    await call(a, 'park', 'transitionArticle', { id: story.id, action: 'review' });
    const parkOnB = connect(b, 'park', story.id);
    await until(() => parkOnB.provider.isSynced && parkOnB.readOnly() === false);
    parkOnB.type(' 데스크가 고친 문장');
    await until(() => parkOnB.provider.unsyncedChanges === 0);
    // Approved on A: B's document of epoch 1 is dropped, its clients reload into epoch 2 (the approved copy, once).
    const approved = await call<Article>(a, 'park', 'transitionArticle', { id: story.id, action: 'approve', override: true, note: 'test' });
    expect(JSON.stringify(approved.body)).toContain('데스크가 고친 문장');
    await until(() => parkOnB.closes > 0 && kimOnB.closes > 0, 5000);
    await until(() => parkOnB.messages.some((m) => m.type === 'epoch' && m.epoch === 2) && kimOnA.messages.some((m) => m.type === 'epoch' && m.epoch === 2), 10_000);
    await until(() => text(parkOnB) === JSON.stringify(approved.body) && text(kimOnA) === JSON.stringify(approved.body), 5000);
    expect(parkOnB.readOnly()).toBe(true);
    const epochs = await a.db.query<{ epoch: number; closed: boolean }>('SELECT epoch, closed FROM collab_epochs WHERE article_id = $1 ORDER BY epoch', [story.id]);
    expect(epochs).toEqual([
      { epoch: 1, closed: true },
      { epoch: 2, closed: false },
    ]);
    // Nothing of epoch 1 crossed into epoch 2 through Redis: the text is there once.
    const stored = new Y.Doc();
    for (const r of await a.db.query<{ update: Uint8Array }>('SELECT update FROM collab_updates WHERE article_id = $1 AND epoch = 2 ORDER BY seq', [story.id])) Y.applyUpdate(stored, r.update);
    expect(stored.getXmlFragment('body').toString().split('데스크가 고친 문장')).toHaveLength(2);
  });

  it('keeps a replica of an ended epoch on one instance out of the next epoch loaded on the other', async () => {
    const story = await call<Article>(a, 'kim', 'createArticle');
    const kimOnB = connect(b, 'kim', story.id);
    await until(() => kimOnB.provider.isSynced);
    kimOnB.type('한 번만 once only');
    await until(() => kimOnB.provider.unsyncedChanges === 0);
    // The article row gets the live body on the debounce; the next epoch starts from it.
    const inRow = async () => (await a.db.query<{ c: string }>('SELECT content::text AS c FROM articles WHERE id = $1', [story.id]))[0].c.includes('once only');
    for (const deadline = Date.now() + 5000; !(await inRow()); ) {
      if (Date.now() > deadline) throw new Error('the live body never reached the article row');
      await new Promise((r) => setTimeout(r, 50));
    }
    // The epoch ends with no signal to B (as if it were still on its way): B keeps its epoch-1 document.
    await a.db.query('UPDATE collab_epochs SET closed = true WHERE article_id = $1', [story.id]);
    const parkOnA = connect(a, 'park', story.id);
    await until(() => parkOnA.provider.isSynced && parkOnA.messages.some((m) => m.type === 'epoch' && m.epoch === 2));
    // Time for the instances to exchange state vectors through Redis (a few ms when they do).
    await new Promise((r) => setTimeout(r, 500));
    expect(text(parkOnA).split('once only')).toHaveLength(2);
    expect(text(kimOnB).split('once only')).toHaveLength(2);
  });

  it('stores, on the instance a client reconnects to, an edit its first instance relayed but never stored', async () => {
    const story = await call<Article>(a, 'kim', 'createArticle');
    const proxy = await roundRobinProxy([a.url, b.url]);
    try {
      proxy.down.add(0);
      const kim = openCollab(proxy.url, story.id, tokens.kim);
      clients.push(kim);
      const parkOnA = connect(a, 'park', story.id);
      await until(() => kim.provider.isSynced && parkOnA.provider.isSynced);
      expect(proxy.routed).toEqual([1]);
      // From now on the proxy sends new connections to A only; B relays the edit, then fails to store it.
      proxy.down.delete(0);
      proxy.down.add(1);
      dieOnB = { text: 'orphan edit', after: () => until(() => text(parkOnA).includes('orphan edit'), 5000) };
      kim.type('orphan edit');
      await until(() => proxy.routed.length === 2 && kim.provider.isSynced && kim.provider.unsyncedChanges === 0, 10_000);
      expect(proxy.routed).toEqual([1, 0]);
      // Acknowledged by A: so it is stored (once), though kim's handshake with A no longer carried it.
      const rows = await a.db.query<{ update: Uint8Array }>('SELECT update FROM collab_updates WHERE article_id = $1 ORDER BY seq', [story.id]);
      const stored = new Y.Doc();
      for (const r of rows) Y.applyUpdate(stored, r.update);
      expect(stored.getXmlFragment('body').toString().split('orphan edit')).toHaveLength(2);
      expect(rows.filter((r) => Buffer.from(r.update).includes('orphan edit'))).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('ends, on one instance, the live stream and live connections of a session signed out on the other', async () => {
    const signIn = await a.call('POST', '/api/login', { login: 'lee', password: 'lee password 1' });
    const token = (signIn.body.value as { token: string }).token;
    const story = (await a.call('POST', '/api/call/createArticle', {}, token)).body.value as Article;
    const live = await openLive(b.url, token);
    const leeOnB = openCollab(b.url, story.id, token);
    clients.push(leeOnB);
    await until(() => leeOnB.provider.isSynced);
    expect((await a.call('POST', '/api/logout', undefined, token)).status).toBe(200);
    // Well before B's own minutely check of sessions.
    await Promise.race([live.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the stream on B stayed open')), 5000))]);
    await until(() => leeOnB.closeReasons.includes('unauthenticated'), 5000);
  });

  it('pushes a story committed on one instance to the live channel of the other', async () => {
    const live = await openLive(b.url, tokens.park);
    try {
      const story = await call<Article>(a, 'kim', 'createArticle');
      const heard = await live.next((e) => e.type === 'article' && e.summary.id === story.id, 5000);
      expect(heard.type).toBe('article');
    } finally {
      live.close();
    }
  });
});
