// Every method the server serves × every role × every state of a reporter's story, over HTTP on
// both databases, against the same hand-written table as the desktop core's access test
// (core/testing/accessExpectations.ts): the server and the desktop decide alike. On the server
// there is no unknown or unnamed caller (the session names the person: core tests cover those
// as 401s elsewhere); a switched-off person cannot sign in at all.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../shared/contract/api';
import type { ArticleSummary } from '../../shared/model/article';
import type { Role } from '../../shared/model/person';
import type { WorkflowAction } from '../../shared/workflow/transitions';
import { EXPECT, STATES, STEP, type State } from '../../core/testing/accessExpectations';
import { content as storyContent } from '../../core/testing/tempLibrary';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { addPeople, setUpAdmin, startTestServer, type TestServer } from '../testing/testServer';
import { SERVED_METHODS } from './serverHandlers';
import { oneRuleSetText } from '../../core/testing/ruleSetFixture';

const ROLES: Role[] = ['reporter', 'editor', 'admin'];
/** Refusals an allowed call may still meet past the gate (the checklist, an embargo). */
const PAST_THE_GATE: Partial<Record<Method, string[]>> = {
  transitionArticle: ['checklistFailed', 'embargoed'],
  // The late revision named is made up: past the gate the story has none by that id.
  decideLateRevision: ['notFound'],
};

const content = (headline: string) => ({
  ...storyContent(headline),
  byline: { outlet: '한빛경제', desk: '산업부', templateId: 'ko-bracket-desk', reporters: [{ name: '김하늘', role: '기자', email: '' }] },
});

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`who may call what on the server (${kind})`, () => {
    const s = store as TestStore;
    let server: TestServer;
    const tokens = {} as Record<Role, string>;
    const call = (role: Role, method: Method, input: Record<string, unknown> = {}) => server.call('POST', `/api/call/${method}`, input, tokens[role]);
    const ok = async <T,>(role: Role, method: Method, input: Record<string, unknown> = {}) => {
      const answer = await call(role, method, input);
      if (answer.status !== 200) throw new Error(`${role} ${method}: ${JSON.stringify(answer.body.error)}`);
      return answer.body.value as T;
    };

    beforeAll(async () => {
      server = await startTestServer(s);
      tokens.admin = await setUpAdmin(server);
      const { tokens: added } = await addPeople(server, tokens.admin, [
        ['kim', { name: '김하늘', role: 'reporter', bylineName: '' }],
        ['park', { name: '이데스크', role: 'editor', bylineName: '' }],
      ]);
      [tokens.reporter, tokens.editor] = [added.kim, added.park];
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await s.dispose();
    });

    const step = (id: string, role: Role, action: WorkflowAction) => ok(role, 'transitionArticle', { id, action, note: '테스트', override: role === 'admin' });

    /** A reporter's story brought to `state` by the people whose step it is. */
    async function articleIn(state: State): Promise<string> {
      const { id } = await ok<{ id: string }>('reporter', 'createArticle');
      await ok('reporter', 'saveArticle', { id, baseRevision: 0, content: content(`${state} 기사`) });
      if (state === 'draft') return id;
      if (state === 'spiked') return (await step(id, 'editor', 'spike'), id);
      await step(id, 'reporter', 'send');
      if (state === 'sent') return id;
      await step(id, 'editor', 'review');
      if (state === 'review') return id;
      if (state === 'returned') return (await step(id, 'editor', 'return'), id);
      await step(id, 'admin', 'approve');
      if (state === 'approved') return id;
      await step(id, 'admin', 'publish');
      if (state === 'published') return id;
      await ok('editor', 'trashArticle', { id });
      return id;
    }

    const stateOf = async (id: string): Promise<{ state: State; revision: number } | null> => {
      const answer = await call('admin', 'getArticle', { id });
      if (answer.status !== 200) return null;
      const a = answer.body.value as ArticleSummary;
      return { state: a.trashedAt !== null ? 'trashed' : a.status, revision: a.revision };
    };

    /** One story per state, made again whenever an allowed call moved it on (or emptied it away). */
    const fixtures = new Map<State, string>();
    async function fixture(state: State): Promise<{ id: string; revision: number }> {
      const id = fixtures.get(state);
      const now = id ? await stateOf(id) : null;
      if (id && now?.state === state) return { id, revision: now.revision };
      const fresh = await articleIn(state);
      fixtures.set(state, fresh);
      return { id: fresh, revision: (await stateOf(fresh))!.revision };
    }

    const inputFor = (method: (typeof SERVED_METHODS)[number], id: string, revision: number, state: State): Record<string, unknown> =>
      ({
        getSettings: {},
        updateSettings: { outlet: '한빛경제' },
        importHouseStyle: { jobId: `job-${randomUUID()}`, name: 'house-style-en.json', text: oneRuleSetText('en') },
        listPeople: {},
        listArticles: { scope: 'active' },
        queryArticles: { scope: 'active', offset: 0, limit: 10 },
        queryArticleIds: { scope: state === 'trashed' ? 'trash' : 'active', max: 10 },
        libraryFacets: { scope: state === 'trashed' ? 'trash' : 'active' },
        embargoedArticles: { ids: [id] },
        createArticle: {},
        getArticle: { id },
        saveArticle: { id, baseRevision: revision, content: content('고친 제목') },
        duplicateArticle: { id },
        discardUntouched: { id },
        trashArticle: { id },
        restoreArticle: { id },
        transitionArticle: { id, action: STEP[state], note: '이유' },
        getHistory: { id },
        getVersion: { id, seq: 1 },
        restoreVersion: { id, seq: 1, baseRevision: revision },
        submitLateRevision: { id, key: randomUUID(), typedAt: '2026-12-07T08:00:00.000Z', body: { type: 'doc', content: [{ type: 'paragraph' }] }, fields: { headline: '늦게 온 제목' } },
        listLateRevisions: { id },
        decideLateRevision: { id, revision: randomUUID(), decision: 'drop' },
        emptyTrash: {},
        getPhotos: { ids: ['0'.repeat(64)] },
      })[method];

    for (const method of SERVED_METHODS) {
      it(`${method}: every role in every state, as the desktop decides`, async () => {
        const rule = EXPECT[method];
        const wrong: string[] = [];
        for (const state of STATES) {
          for (const role of ROLES) {
            const { id, revision } = await fixture(state);
            const answer = await call(role, method, inputFor(method, id, revision, state));
            const code = answer.body.error?.code;
            const got = answer.status === 200 || PAST_THE_GATE[method]?.includes(code ?? '') ? 'allowed' : code === 'forbidden' ? 'refused' : `error ${code}: ${answer.body.error?.message}`;
            const want = rule === 'open' || rule(role, state) ? 'allowed' : 'refused';
            if (got !== want) wrong.push(`${role} × ${state}: ${got}, expected ${want}`);
          }
        }
        expect(wrong).toEqual([]);
      }, 60_000);
    }

    // Not a contract method on the server (the app writes the files), but the same rule decides.
    it('exports (POST /api/exports): every role in every state, as the desktop decides exportArticles', async () => {
      const rule = EXPECT.exportArticles;
      const wrong: string[] = [];
      for (const state of STATES) {
        for (const role of ROLES) {
          const { id } = await fixture(state);
          const answer = await server.call('POST', '/api/exports', { ids: [id], formats: ['pdf'] }, tokens[role]);
          const code = answer.body.error?.code;
          const got = answer.status === 200 ? 'allowed' : code === 'forbidden' ? 'refused' : `error ${code}: ${answer.body.error?.message}`;
          const want = rule === 'open' || rule(role, state) ? 'allowed' : 'refused';
          if (got !== want) wrong.push(`${role} × ${state}: ${got}, expected ${want}`);
        }
      }
      expect(wrong).toEqual([]);
    }, 60_000);
  });
}
