// The live channel on both databases: a change reaches every client who may see it once it has
// committed, a draft reaches only its reporters and the desk, and a stream closes when its session
// ends (revoked, or the person switched off).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { staffDeskOfThree, startTestServer, type TestServer } from '../testing/testServer';
import { openLive, type LiveClient } from '../testing/liveClient';

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`the live channel on ${kind}`, () => {
    const s = store as TestStore;
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const streams: LiveClient[] = [];
    const live = async (who: string) => {
      const stream = await openLive(server.url, tokens[who]);
      streams.push(stream);
      return stream;
    };
    const call = async <T,>(who: string, method: string, input: Record<string, unknown> = {}) => (await server.call('POST', `/api/call/${method}`, input, tokens[who])).body.value as T;

    beforeAll(async () => {
      server = await startTestServer(s);
      await staffDeskOfThree(server, tokens, ids);
    }, 120_000);
    afterAll(async () => {
      for (const stream of streams) stream.close();
      await server?.close();
      await s.dispose();
    });

    it('needs a session', async () => {
      const anonymous = await openLive(server.url, null);
      expect(anonymous.status).toBe(401);
    });

    it("pushes a story's changes to those who may see it: a draft to the desk, a sent story to everyone", async () => {
      const [desk, other] = [await live('park'), await live('lee')];
      const draft = await call<Article>('kim', 'createArticle');
      const seen = await desk.next((e) => e.type === 'article' && e.summary.id === draft.id);
      expect(seen).toMatchObject({ type: 'article', summary: { id: draft.id, status: 'draft', ownerId: ids.kim } });
      await call('kim', 'transitionArticle', { id: draft.id, action: 'send' });
      const sent = await other.next((e) => e.type === 'article' && e.summary.id === draft.id);
      expect(sent).toMatchObject({ summary: { status: 'sent' } });
      await desk.next((e) => e.type === 'article' && e.summary.id === draft.id && e.summary.status === 'sent');
      // The other reporter heard nothing of the story while it was kim's draft.
      expect(other.events.filter((e) => e.type === 'article' && e.summary.id === draft.id).map((e) => e.type === 'article' && e.summary.status)).toEqual(['sent']);
    });

    it('tells everyone when the trash is emptied', async () => {
      const desk = await live('park');
      const a = await call<Article>('park', 'createArticle');
      await call('park', 'trashArticle', { id: a.id });
      await call('admin', 'emptyTrash');
      expect(await desk.next((e) => e.type === 'removed' && e.id === a.id)).toEqual({ type: 'removed', id: a.id });
    });

    it('closes the stream of a revoked session and of a person switched off', async () => {
      const kim = await live('kim');
      const sessions = (await server.call('GET', '/api/sessions', undefined, tokens.kim)).body.value as { id: string; current: boolean }[];
      const current = sessions.find((x) => x.current)!;
      expect((await server.call('POST', '/api/sessions/revoke', { id: current.id }, tokens.admin)).status).toBe(200);
      await kim.ended;
      expect((await openLive(server.url, tokens.kim)).status).toBe(401);

      const lee = await live('lee');
      const me = (await server.call('GET', '/api/me', undefined, tokens.lee)).body.value as Record<string, unknown>;
      const { login: _login, ...rest } = me;
      expect((await server.call('POST', '/api/people/update', { person: { ...rest, active: false } }, tokens.admin)).status).toBe(200);
      await lee.ended;
    });
  });
}
