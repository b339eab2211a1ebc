// The search follows the article service: every write through the contract is in the list in the
// same commit, a story emptied from the trash leaves it, and a reporter's draft is listed only to
// those the workflow's visibility rule lets see it (its owner, its byline, the desk).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../shared/contract/api';
import { contentOf, type Article } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import { ArticleQuerySchema } from '../../shared/search/query';
import { readSettings } from '../settings/settingsTable';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { setUpAdmin, startTestServer, type TestServer } from '../testing/testServer';
import { listVisibility } from './listVisibility';
import { searchArticles } from './searchArticles';

const person = (name: string, role: string) => ({ name, role, desk: '사회부', email: '', bylineName: name, bylineRole: '', active: true });
const text = (q: string) => ArticleQuerySchema.parse({ scope: 'active', text: q });

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`the list follows the articles on ${kind}`, () => {
    const s = store as TestStore;
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const people: Record<string, Person> = {};
    const call = async <T,>(who: string, method: Method, input: Record<string, unknown> = {}): Promise<T> => {
      const answer = await server.call('POST', `/api/call/${method}`, input, tokens[who]);
      if (answer.status !== 200) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
      return answer.body.value as T;
    };
    /** What `who` sees listed for a search, with the visibility rule the settings give. */
    const listed = async (who: string, q: string, scope: 'active' | 'trash' = 'active') => {
      const settings = await readSettings(server.db);
      const r = await searchArticles(server.db, { ...text(q), scope }, people[who], 0, 50, { visibility: listVisibility(settings.workflow.permissions, people[who]) });
      return r.rows.map((row) => row.summary.id);
    };

    beforeAll(async () => {
      server = await startTestServer(s);
      tokens.admin = await setUpAdmin(server);
      for (const [login, p] of [['kim', person('김하늘', 'reporter')], ['lee', person('이바다', 'reporter')], ['park', person('박데스크', 'editor')]] as const) {
        const added = await server.call('POST', '/api/people/add', { login, password: `${login} password 1`, person: p }, tokens.admin);
        people[login] = added.body.value as Person;
        tokens[login] = ((await server.call('POST', '/api/login', { login, password: `${login} password 1` })).body.value as { token: string }).token;
      }
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await s.dispose();
    });

    it('lists a saved story at once, its draft only to its owner and the desk, and drops it once the trash is emptied', async () => {
      const draft = await call<Article>('kim', 'createArticle', { language: 'ko' });
      await call('kim', 'saveArticle', { id: draft.id, baseRevision: 0, content: { ...contentOf(draft), headline: '폐배터리 재활용 공장 가동' } });
      expect(await listed('kim', '배터리')).toEqual([draft.id]);
      expect(await listed('park', '배터리')).toEqual([draft.id]);
      expect(await listed('lee', '배터리')).toEqual([]);
      // Saved again: the old words are gone from the list, the new ones are in.
      await call('kim', 'saveArticle', { id: draft.id, baseRevision: 1, content: { ...contentOf(draft), headline: '반도체 수출 늘어' } });
      expect(await listed('kim', '배터리')).toEqual([]);
      expect(await listed('kim', '반도체')).toEqual([draft.id]);
      await call('kim', 'trashArticle', { id: draft.id });
      expect(await listed('kim', '반도체')).toEqual([]);
      expect(await listed('kim', '반도체', 'trash')).toEqual([draft.id]);
      await call('admin', 'emptyTrash');
      expect(await server.db.query('SELECT id FROM search_articles WHERE id = $1', [draft.id])).toEqual([]);
    });
  });
}
