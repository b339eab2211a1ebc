// Closing the server stores every live document first: the article row has the body and fields as typed
// even when Hocuspocus's store debounce has not run yet.
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { staffDeskOfThree, startTestServer } from '../testing/testServer';
import { openCollab } from '../testing/collabClient';
import { until } from '../testing/until';

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`closing a server with live stories on ${kind}`, () => {
    const s = store as TestStore;
    afterAll(() => s.dispose());

    it('writes the live body and fields into the article row before it closes', async () => {
      const tokens: Record<string, string> = {};
      const ids: Record<string, string> = {};
      // A debounce far longer than the test: only the close can have stored the body.
      const server = await startTestServer(s, { collab: { debounceMs: 600_000, maxDebounceMs: 600_000 } });
      await staffDeskOfThree(server, tokens, ids);
      const story = (await server.call('POST', '/api/call/createArticle', {}, tokens.kim)).body.value as Article;
      const kim = openCollab(server.url, story.id, tokens.kim);
      await until(() => kim.provider.isSynced);
      kim.type('닫기 전에 쓴 문장');
      kim.typeField('headline', '닫기 전 제목');
      await until(() => kim.provider.unsyncedChanges === 0);
      const before = (await server.call('POST', '/api/call/getArticle', { id: story.id }, tokens.kim)).body.value as Article;
      expect(JSON.stringify(before.body)).not.toContain('닫기 전에 쓴 문장');
      expect(before.headline).toBe(story.headline);
      await server.close();
      kim.destroy();
      const reopened = await startTestServer(s);
      const token = ((await reopened.call('POST', '/api/login', { login: 'kim', password: 'kim password 1' })).body.value as { token: string }).token;
      const after = (await reopened.call('POST', '/api/call/getArticle', { id: story.id }, token)).body.value as Article;
      await reopened.close();
      expect(JSON.stringify(after.body)).toContain('닫기 전에 쓴 문장');
      expect(after.headline).toBe('닫기 전 제목');
    });
  });
}
