// Live stories against the workflow and the database, on both stores: an acknowledgement means the
// update's row is committed (a held append holds the ack, a failed one is never acknowledged and
// the client's change is stored after it reconnects); the desk's steps flip write access live and
// a read-only connection's updates are dropped; approval starts a new epoch from the approved
// copy; a revoked session's connection is closed.
import { expect, it } from 'vitest';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import { COLLAB_REFUSALS } from '../../shared/contract/liveProtocol';
import { readBody } from '../../shared/live/bodyFragment';
import type { Article } from '../../shared/model/article';
import { describeLiveDesk } from '../testing/liveDesk';
import { addPeople, type TestServer } from '../testing/testServer';
import { eventually, openCollab, type CollabClient } from '../testing/collabClient';
import { until } from '../testing/until';
import type { AppendHook } from './UpdateLog';

/** Every stored update of a story's epoch, applied to one document: what a restart would load. */
async function storedDoc(server: TestServer, id: string, epoch: number): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const r of await server.db.query<{ update: Uint8Array }>('SELECT update FROM collab_updates WHERE article_id = $1 AND epoch = $2 ORDER BY seq', [id, epoch])) Y.applyUpdate(doc, r.update);
  return doc;
}

const EDITS = 100;

/** Types EDITS syllables one at a time: how long until the other client has each, and until it is acknowledged. */
async function measure(writer: CollabClient, reader: CollabClient): Promise<{ relayed: number[]; acked: number[] }> {
  await until(() => writer.provider.isSynced && reader.provider.isSynced && writer.provider.unsyncedChanges === 0);
  const relayed: number[] = [];
  const acked: number[] = [];
  for (let i = 0; i < EDITS; i += 1) {
    const seen = new Promise<void>((r) => reader.doc.once('update', () => r()));
    const stored = new Promise<void>((r) => {
      const on = ({ number }: { number: number }) => {
        if (number !== 0) return;
        writer.provider.off('unsyncedChanges', on);
        r();
      };
      writer.provider.on('unsyncedChanges', on);
    });
    const started = performance.now();
    writer.type('가');
    await seen;
    relayed.push(performance.now() - started);
    await stored;
    acked.push(performance.now() - started);
  }
  return { relayed, acked };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

let hook: AppendHook | null = null;
await describeLiveDesk('live stories and the workflow', { collab: { debounceMs: 100, maxDebounceMs: 500, liveStateWaitMs: 1500, beforeCommit: (tx, batch) => hook?.(tx, batch) ?? Promise.resolve() } }, ({ server, tokens, ids, clients, connect, call }, kind) => {
  const text = (c: CollabClient) => JSON.stringify(c.body());
  const serverText = (id: string) => {
    const doc = server.collab.hocuspocus.documents.get(id);
    return doc ? JSON.stringify(readBody(doc)) : '';
  };


  /** The next transaction storing an update of `personId` waits, until `release`, once `inAppend` has settled. */
  const holdNextAppendOf = (personId: string) => {
    let entered!: () => void;
    let release!: () => void;
    const inAppend = new Promise<void>((r) => (entered = r));
    const released = new Promise<void>((r) => (release = r));
    hook = async (_tx, batch) => {
      if (!batch.some((u) => u.personId === personId)) return;
      hook = null;
      entered();
      await released;
    };
    return { inAppend, release };
  };

  it("holds a client's acknowledgement until its update's row is committed; other clients get the update at once", async () => {
    const story = await call<Article>('kim', 'createArticle');
    const [kim, park] = [connect('kim', story.id), connect('park', story.id)];
    await until(() => kim.provider.isSynced && park.provider.isSynced && kim.provider.unsyncedChanges === 0);
    const { inAppend, release } = holdNextAppendOf(ids.kim);
    kim.type('held by the database');
    await inAppend;
    // park's update reaches kim over the same socket the ack would use: had the ack gone out
    // when the update was applied in memory, kim would have it by now.
    park.type(' passing');
    await until(() => text(kim).includes('passing') && text(park).includes('held by the database'));
    expect(kim.provider.unsyncedChanges).toBeGreaterThan(0);
    release();
    await until(() => kim.provider.unsyncedChanges === 0);
    const rows = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM collab_updates WHERE article_id = $1 AND person_id = $2', [story.id, ids.kim]);
    expect(rows[0].n).toBeGreaterThan(0);
    expect(JSON.stringify(readBody(await storedDoc(server, story.id, 1)))).toContain('held by the database');
  });

  it('writes the updates that arrive while an append is in flight in one transaction (group commit)', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    await until(() => kim.provider.isSynced && kim.provider.unsyncedChanges === 0);
    const { inAppend, release } = holdNextAppendOf(ids.kim);
    kim.type('first ');
    await inAppend;
    const before = { ...server.collab.updates.stats };
    // Twenty keystrokes, each its own update message.
    for (let i = 0; i < 20; i += 1) kim.type(`k${i} `);
    await until(() => server.collab.updates.queued === 20);
    release();
    await until(() => kim.provider.unsyncedChanges === 0);
    expect(server.collab.updates.stats.batches - before.batches).toBe(2);
    expect(server.collab.updates.stats.updates - before.updates).toBe(21);
    expect(JSON.stringify(readBody(await storedDoc(server, story.id, 1)))).toContain('k19');
  });

  it('stores every edit of ten clients typing at once in five stories, in fewer transactions than updates', async () => {
    const stories = await Promise.all([0, 1, 2, 3, 4].map(() => call<Article>('park', 'createArticle')));
    const typists = stories.flatMap((story) => [connect('park', story.id), connect('admin', story.id)]);
    await until(() => typists.every((c) => c.provider.isSynced && c.provider.unsyncedChanges === 0));
    const before = { ...server.collab.updates.stats };
    const EACH = 30;
    for (let n = 0; n < EACH; n += 1) typists.forEach((c, who) => c.type(`[${who}:${n}]`));
    await until(() => typists.every((c) => c.provider.unsyncedChanges === 0), 30_000);
    const updates = server.collab.updates.stats.updates - before.updates;
    const batches = server.collab.updates.stats.batches - before.batches;
    console.log(`[collab ${kind}] ${typists.length} clients × ${EACH} edits at once: ${updates} updates stored in ${batches} transactions`);
    expect(updates).toBe(typists.length * EACH);
    expect(batches).toBeLessThan(updates);
    for (const [i, story] of stories.entries()) {
      const stored = JSON.stringify(readBody(await storedDoc(server, story.id, 1)));
      for (const who of [2 * i, 2 * i + 1]) expect(stored).toContain(`[${who}:${EACH - 1}]`);
    }
  });

  it('never acknowledges an update whose append failed: the connection is reset and the client stores it after reconnecting', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    await until(() => kim.provider.isSynced && kim.provider.unsyncedChanges === 0);
    hook = async (_tx, batch) => {
      if (!batch.some((u) => u.personId === ids.kim)) return;
      hook = null;
      throw new Error('disk full (test)');
    };
    kim.type('kept through a failed append');
    await until(() => kim.closes > 0);
    expect(JSON.stringify(readBody(await storedDoc(server, story.id, 1)))).not.toContain('kept through a failed append');
    await until(() => kim.provider.isSynced && kim.provider.unsyncedChanges === 0);
    expect(JSON.stringify(readBody(await storedDoc(server, story.id, 1)))).toContain('kept through a failed append');
    expect(serverText(story.id)).toContain('kept through a failed append');
  });

  it("turns the reporter's connection read-only on 출고 and keeps it so on 데스킹 (review), while the desk types again; the reporter's later updates are dropped", async () => {
    const story = await call<Article>('kim', 'createArticle');
    const [kim, park] = [connect('kim', story.id), connect('park', story.id)];
    await until(() => kim.readOnly() === false && park.readOnly() === false && kim.provider.isSynced && park.provider.isSynced);
    kim.type('보낸 기사. ');
    await until(() => kim.provider.unsyncedChanges === 0);
    await call('kim', 'transitionArticle', { id: story.id, action: 'send' });
    await until(() => kim.readOnly() === true && park.readOnly() === true);
    await call('park', 'transitionArticle', { id: story.id, action: 'review' });
    await until(() => park.readOnly() === false);
    expect(kim.readOnly()).toBe(true);
    kim.type('reporter typing late');
    park.type('desk edit');
    await until(() => text(kim).includes('desk edit') && park.provider.unsyncedChanges === 0);
    expect(serverText(story.id)).toContain('desk edit');
    expect(serverText(story.id)).not.toContain('reporter typing late');
    expect(text(park)).not.toContain('reporter typing late');
    expect(kim.provider.unsyncedChanges).toBeGreaterThan(0);
    // The step's version holds the body as it was live when the reporter sent it.
    const sent = await call<{ versions: { seq: number; kind: string }[] }>('kim', 'getHistory', { id: story.id });
    const newest = await call<Article>('kim', 'getVersion', { id: story.id, seq: sent.versions[0].seq });
    expect(JSON.stringify(newest.body)).toContain('보낸 기사.');
  });

  it('starts a new epoch from the approved copy: the connections reload, an old replica is refused, a new one gets the approved body', async () => {
    const story = await call<Article>('kim', 'createArticle');
    await call('kim', 'transitionArticle', { id: story.id, action: 'send' });
    await call('park', 'transitionArticle', { id: story.id, action: 'review' });
    const park = connect('park', story.id);
    await until(() => park.readOnly() === false && park.provider.isSynced);
    park.type('승인 전 마지막 문장');
    await until(() => park.provider.unsyncedChanges === 0);
    const approved = await call<Article>('park', 'transitionArticle', { id: story.id, action: 'approve', override: true, note: 'test' });
    expect(JSON.stringify(approved.body)).toContain('승인 전 마지막 문장');
    await until(() => park.closes > 0);
    // This replica belongs to the ended epoch; a core would keep its unsynced changes aside.
    park.destroy();
    const oldReplica = Y.encodeStateAsUpdate(park.doc);
    const epochs = await server.db.query<{ epoch: number; closed: boolean }>('SELECT epoch, closed FROM collab_epochs WHERE article_id = $1 ORDER BY epoch', [story.id]);
    expect(epochs).toEqual([{ epoch: 1, closed: true }]);
    const stale = connect('park', story.id, { epoch: 1 });
    await until(() => stale.refused !== null);
    expect(stale.refused).toBe(COLLAB_REFUSALS.epoch);
    const fresh = connect('park', story.id);
    await until(() => fresh.provider.isSynced && fresh.messages.some((m) => m.type === 'epoch'));
    expect(fresh.messages.find((m) => m.type === 'epoch')).toEqual({ type: 'epoch', epoch: 2 });
    expect(fresh.body()).toEqual(approved.body);
    // The old replica without its epoch named: its sync is refused, nothing of it is added twice.
    const unnamed = connect('park', story.id, { state: oldReplica });
    await until(() => unnamed.closeReasons.includes(COLLAB_REFUSALS.epoch));
    expect(JSON.stringify(readBody(await storedDoc(server, story.id, 2)))).toBe(JSON.stringify(approved.body));
    expect(serverText(story.id)).toBe(JSON.stringify(approved.body));
    // Approved copy: nobody types (read-only for the desk too until it is reopened).
    expect(fresh.readOnly()).toBe(true);
    const first = await server.db.query<{ person_id: string | null }>('SELECT person_id FROM collab_updates WHERE article_id = $1 AND epoch = 2 ORDER BY seq', [story.id]);
    expect(first).toEqual([{ person_id: null }]);
  });

  it("steps on a live story only once the server has stored the client's state: a sentence still on its way is in the step's version", async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    await until(() => kim.provider.isSynced && kim.provider.unsyncedChanges === 0);
    // Offline for a moment: the sentence is typed but has not reached the server when 출고 is sent.
    kim.provider.disconnect();
    await until(() => kim.provider.configuration.websocketProvider.status === 'disconnected');
    kim.type('출고 직전에 쓴 문장');
    const liveState = Buffer.from(Y.encodeStateVector(kim.doc)).toString('base64');
    const sending = call<Article>('kim', 'transitionArticle', { id: story.id, action: 'send', liveState });
    void kim.provider.connect();
    const sent = await sending;
    expect(sent.status).toBe('sent');
    expect(JSON.stringify(sent.body)).toContain('출고 직전에 쓴 문장');
    // A state the server never gets: refused after the bounded wait, nothing stepped.
    const other = await call<Article>('kim', 'createArticle');
    const unknown = new Y.Doc();
    unknown.getText('x').insert(0, 'never sent');
    const refused = await server.call('POST', '/api/call/transitionArticle', { id: other.id, action: 'send', liveState: Buffer.from(Y.encodeStateVector(unknown)).toString('base64') }, tokens.kim);
    expect([refused.status, refused.body.error?.code, refused.body.error?.params.reason]).toEqual([409, 'conflict', 'liveState']);
    expect((await call<Article>('kim', 'getArticle', { id: other.id })).status).toBe('draft');
  });

  it('starts a new epoch from a restored version, and merges an epoch into one row when its document unloads, keeping who wrote what', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    await until(() => kim.provider.isSynced && kim.provider.unsyncedChanges === 0);
    for (const word of ['하나 ', '둘 ', '셋 ']) {
      kim.type(word);
      await until(() => kim.provider.unsyncedChanges === 0);
    }
    const rows = async (epoch: number) => (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM collab_updates WHERE article_id = $1 AND epoch = $2', [story.id, epoch]))[0].n;
    expect(await rows(1)).toBeGreaterThan(1);
    kim.destroy();
    await eventually(async () => (await rows(1)) === 1);
    const merged = await storedDoc(server, story.id, 1);
    expect(JSON.stringify(readBody(merged))).toContain('하나 둘 셋');
    const authors = await server.db.query<{ person_id: string }>('SELECT person_id FROM collab_authors WHERE article_id = $1 AND client_id = $2', [story.id, kim.doc.clientID]);
    expect(authors).toEqual([{ person_id: ids.kim }]);
    // The first version (the new, empty story) restored while someone is in the story.
    const again = connect('kim', story.id);
    await until(() => again.provider.isSynced && JSON.stringify(again.body()).includes('하나 둘 셋'));
    const current = await call<Article>('kim', 'getArticle', { id: story.id });
    const history = await call<{ versions: { seq: number }[] }>('kim', 'getHistory', { id: story.id });
    const oldest = history.versions.at(-1)!.seq;
    const restored = await call<Article>('kim', 'restoreVersion', { id: story.id, seq: oldest, baseRevision: current.revision });
    await until(() => again.closes > 0);
    again.destroy();
    const fresh = connect('kim', story.id);
    await until(() => fresh.provider.isSynced && fresh.messages.some((m) => m.type === 'epoch'));
    expect(fresh.messages.find((m) => m.type === 'epoch')).toEqual({ type: 'epoch', epoch: 2 });
    expect(fresh.body()).toEqual(restored.body);
    expect(JSON.stringify(fresh.body())).not.toContain('하나');
  });

  it("gives a connection the access of its person's new role at once", async () => {
    const { ids: added, tokens: signedIn } = await addPeople(server, tokens.admin, [['choi', { name: '최기자', role: 'reporter' }]]);
    Object.assign(tokens, signedIn);
    const story = await call<Article>('park', 'createArticle');
    await call('park', 'transitionArticle', { id: story.id, action: 'send' });
    await call('park', 'transitionArticle', { id: story.id, action: 'review' });
    const choi = connect('choi', story.id);
    await until(() => choi.provider.isSynced && choi.readOnly() === true);
    const people = await server.call('GET', '/api/people', undefined, tokens.admin);
    const { login: _login, ...person } = (people.body.value as { id: string; login: string }[]).find((p) => p.id === added.choi)!;
    const promoted = await server.call('POST', '/api/people/update', { person: { ...person, role: 'editor' } }, tokens.admin);
    expect(promoted.status).toBe(200);
    await until(() => choi.readOnly() === false);
    choi.type('새 데스크의 문장');
    await until(() => choi.provider.unsyncedChanges === 0);
    expect(serverText(story.id)).toContain('새 데스크의 문장');
  });

  it("closes a person's connections when an admin switches them off", async () => {
    const story = await call<Article>('park', 'createArticle');
    const lee = connect('lee', story.id);
    // A draft of the desk's is not lee's to see: a story lee may see is one lee writes.
    const own = await call<Article>('lee', 'createArticle');
    const leeOwn = connect('lee', own.id);
    await until(() => lee.refused !== null && leeOwn.provider.isSynced);
    const people = await server.call('GET', '/api/people', undefined, tokens.admin);
    const { login: _login, ...person } = (people.body.value as { id: string; login: string }[]).find((p) => p.id === ids.lee)!;
    const off = await server.call('POST', '/api/people/update', { person: { ...person, active: false } }, tokens.admin);
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    await until(() => leeOwn.closes > 0);
    await until(() => leeOwn.refused !== null);
    expect(leeOwn.refused).toBe(COLLAB_REFUSALS.unauthenticated);
  });

  it("closes a connection when its session is revoked; reconnecting with it is refused", async () => {
    const story = await call<Article>('kim', 'createArticle');
    const login = await server.call('POST', '/api/login', { login: 'kim', password: 'kim password 1' });
    const token = (login.body.value as { token: string }).token;
    const other = openCollab(server.url, story.id, token);
    clients.push(other);
    await until(() => other.provider.isSynced);
    await server.call('POST', '/api/logout', undefined, token);
    await until(() => other.closes > 0);
    await until(() => other.refused !== null);
    expect(other.refused).toBe(COLLAB_REFUSALS.unauthenticated);
  });

  it('acknowledges after the durable append; prints the latency beside the in-memory broadcast and a bare Hocuspocus relay', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const [kim, park] = [connect('kim', story.id), connect('park', story.id)];
    const ours = await measure(kim, park);
    await eventually(async () => JSON.stringify(readBody(await storedDoc(server, story.id, 1))).includes('가'.repeat(EDITS)));
    // The same edits through Hocuspocus with no auth and no persistence: its ack means "in memory".
    const relay = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
    await relay.listen();
    const bare = [openCollab(relay.httpURL, 'bare', 'x'), openCollab(relay.httpURL, 'bare', 'x')];
    clients.push(...bare);
    const baseline = await measure(bare[0], bare[1]);
    for (const c of bare) c.destroy();
    await relay.destroy();
    const ms = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(2)} ms p95 ${quantile(xs, 0.95).toFixed(2)} ms`;
    console.log(
      `[collab ${kind}] ${EDITS} one-syllable edits, each waited for. This server: relayed to the other client ${ms(ours.relayed)}, acknowledged (stored) ${ms(ours.acked)}. ` +
        `Bare relay: relayed ${ms(baseline.relayed)}, acknowledged (in memory) ${ms(baseline.acked)}. Ack p50 ratio ${(quantile(ours.acked, 0.5) / quantile(baseline.acked, 0.5)).toFixed(1)}×. ` +
        `Appends so far: ${server.collab.updates.stats.updates} in ${server.collab.updates.stats.batches} transactions.`,
    );
    expect(ours.acked).toHaveLength(EDITS);
  });
});
