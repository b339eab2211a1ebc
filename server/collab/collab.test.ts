// Live stories on both databases: two Node providers converge, every update is appended with who
// sent it, and the server refuses what it must (no or a bad token, a browser Origin, another
// path, the wrong schema version, a story the person may not see).
import { expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { COLLAB_PATH, COLLAB_REFUSALS } from '../../shared/contract/liveProtocol';
import type { Article } from '../../shared/model/article';
import { describeLiveDesk } from '../testing/liveDesk';
import { eventually } from '../testing/collabClient';
import { until } from '../testing/until';

/** The HTTP status a raw WebSocket upgrade is answered with (101 when it opens). */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
  });
}

const logged: string[] = [];
await describeLiveDesk('live stories', { collab: { debounceMs: 100, maxDebounceMs: 500 }, log: (line: string) => logged.push(line) }, ({ server, tokens, ids, connect, call }) => {
  it('lets a reporter and the desk type in one story: both copies converge and every update is stored with its person and client id', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const [kim, park] = [connect('kim', story.id), connect('park', story.id)];
    await until(() => kim.provider.isSynced && park.provider.isSynced);
    expect(kim.messages).toContainEqual({ type: 'epoch', epoch: 1 });
    expect(kim.readOnly()).toBe(false);
    kim.type('기자가 쓴 문장. ');
    park.type('Desk note.');
    await until(() => JSON.stringify(kim.body()) === JSON.stringify(park.body()) && kim.provider.unsyncedChanges === 0 && park.provider.unsyncedChanges === 0);
    const text = JSON.stringify(kim.body());
    expect(text).toContain('기자가 쓴 문장.');
    expect(text).toContain('Desk note.');
    const rows = await server.db.query<{ person_id: string | null; client_ids: string[] }>('SELECT person_id, client_ids FROM collab_updates WHERE article_id = $1 ORDER BY seq', [story.id]);
    // The first row is the server's own, made from the article's JSON.
    expect(rows[0].person_id).toBeNull();
    expect(rows.some((r) => r.person_id === ids.kim && r.client_ids.map(Number).includes(kim.doc.clientID))).toBe(true);
    expect(rows.some((r) => r.person_id === ids.park && r.client_ids.map(Number).includes(park.doc.clientID))).toBe(true);
    const authors = await server.db.query<{ client_id: string; person_id: string }>('SELECT client_id, person_id FROM collab_authors WHERE article_id = $1', [story.id]);
    expect(new Map(authors.map((a) => [Number(a.client_id), a.person_id]))).toEqual(new Map([[kim.doc.clientID, ids.kim], [park.doc.clientID, ids.park]]));
    // The stored updates alone give back the same document.
    const stored = new Y.Doc();
    for (const r of await server.db.query<{ update: Uint8Array }>('SELECT update FROM collab_updates WHERE article_id = $1 ORDER BY seq', [story.id])) Y.applyUpdate(stored, r.update);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(kim.doc));
  });

  it('copies the live body and fields into the article row after the debounce, without a new revision or version; a save of the live story is refused', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    await until(() => kim.provider.isSynced);
    kim.type('materialised text');
    kim.typeField('headline', '살아 있는 제목');
    kim.setFields({ tags: ['실시간'] });
    await until(() => kim.provider.unsyncedChanges === 0);
    await eventually(async () => {
      const row = await call<Article>('kim', 'getArticle', { id: story.id });
      return JSON.stringify(row.body) === JSON.stringify(kim.body()) && row.headline === '살아 있는 제목';
    });
    const row = await call<Article>('kim', 'getArticle', { id: story.id });
    expect(JSON.stringify(row.body)).toContain('materialised text');
    expect(row.tags).toEqual(['실시간']);
    expect(row.revision).toBe(story.revision);
    expect((await call<{ versions: unknown[] }>('kim', 'getHistory', { id: story.id })).versions).toHaveLength(1);
    // A save would write fields the next copy of the live document overrides: refused, nothing written.
    const refused = await server.call('POST', '/api/call/saveArticle', { id: story.id, baseRevision: story.revision, content: { ...row, headline: '저장된 제목', body: story.body } }, tokens.kim);
    expect([refused.status, refused.body.error?.code, refused.body.error?.params.reason]).toEqual([403, 'forbidden', 'liveStory']);
    const after = await call<Article>('kim', 'getArticle', { id: story.id });
    expect([after.headline, after.revision]).toEqual(['살아 있는 제목', story.revision]);
  });

  it('refuses a connection without a session, with an unknown token, with the wrong schema, or for a story the person may not see', async () => {
    // Routine refusals go to the server's log, not to stderr (Hocuspocus prints any hook error that has a message).
    const stderr = vi.spyOn(console, 'error');
    const story = await call<Article>('kim', 'createArticle');
    const noToken = connect('', story.id);
    const badToken = connect('0123456789abcdef0123456789abcdef', story.id);
    const url = new URL(COLLAB_PATH, server.url.replace('http', 'ws'));
    url.searchParams.set('schema', '0');
    const oldSchema = connect('kim', story.id, { url: url.toString() });
    // lee is another reporter: kim's draft is not theirs to see.
    const stranger = connect('lee', story.id);
    const missing = connect('kim', '00000000-0000-4000-8000-000000000000');
    await until(() => [noToken, badToken, oldSchema, stranger, missing].every((c) => c.refused !== null));
    expect([noToken.refused, badToken.refused, oldSchema.refused, stranger.refused, missing.refused]).toEqual([
      COLLAB_REFUSALS.unauthenticated,
      COLLAB_REFUSALS.unauthenticated,
      COLLAB_REFUSALS.schema,
      COLLAB_REFUSALS.notFound,
      COLLAB_REFUSALS.notFound,
    ]);
    // None of them got the document.
    expect(JSON.stringify(stranger.body())).toBe(JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] }));
    expect(stderr.mock.calls.filter((args) => String(args[0]).includes('onAuthenticate'))).toEqual([]);
    stderr.mockRestore();
    expect(logged.filter((line) => line.includes(`live connection to ${story.id} refused`)).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an upgrade from a browser page (Origin) and on any other path', async () => {
    const ws = server.url.replace('http', 'ws');
    expect(await upgradeStatus(`${ws}${COLLAB_PATH}?schema=1`)).toBe(101);
    expect(await upgradeStatus(`${ws}${COLLAB_PATH}?schema=1`, { origin: 'https://example.org' })).toBe(403);
    expect(await upgradeStatus(`${ws}/api/events`)).toBe(404);
  });
});
