// The contract on the newsroom server, over HTTP, on PGlite and the real PostgreSQL: every served
// method needs a session and acts only as the signed-in person; the desk cycle runs with the
// server deciding each step; drafts are seen by their reporters and the desk only; the history and
// audit name the person who signed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methods, type Method } from '../../shared/contract/api';
import { contentOf, type Article, type ArticleContent, type ArticleSummary } from '../../shared/model/article';
import type { AuditEntry, VersionMeta } from '../../shared/model/history';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { staffDeskOfThree, startTestServer, type Answer, type TestServer } from '../testing/testServer';
import { SERVED_METHODS } from './serverHandlers';

/** What the server does not serve: one machine's files, folders, local backups and jobs. */
const LOCAL_ONLY: Method[] = [
  'getAppInfo',
  'getLibraryInfo',
  'savePerson',
  'importPhoto',
  'exportArticles',
  'importFiles',
  'jobProgress',
  'cancelJob',
  'showInFolder',
  'listBackups',
  'getBackup',
  'createBackup',
  'restoreBackup',
  'exportBackupArchive',
  'importBackupArchive',
  // Writes a rule set file into this machine's export folder (from the newsroom's settings).
  'exportHouseStyle',
  'connectNewsroom',
  'disconnectNewsroom',
  'uploadLibraryToNewsroom',
  // A live story's renderer talks to its core; the core holds the one WebSocket to the server (/collab).
  'openLiveStory',
  'closeLiveStory',
  'sendLiveUpdate',
  'sendLiveAwareness',
];

const withCopy = (a: Article, headline: string, text: string): ArticleContent => ({
  ...contentOf(a),
  headline,
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
});

it('classifies every contract method as served by the server or local to one machine', () => {
  expect([...SERVED_METHODS, ...LOCAL_ONLY].sort()).toEqual([...methods].sort());
  expect(SERVED_METHODS.filter((m) => LOCAL_ONLY.includes(m))).toEqual([]);
});

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`the contract on ${kind}`, () => {
    const s = store as TestStore;
    let clock = new Date('2026-12-01T09:00:00Z');
    const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const api = (who: string, method: Method, input: Record<string, unknown> = {}): Promise<Answer> => server.call('POST', `/api/call/${method}`, input, tokens[who]);
    const value = async <T,>(who: string, method: Method, input: Record<string, unknown> = {}): Promise<T> => {
      const answer = await api(who, method, input);
      if (answer.status !== 200) throw new Error(`${who} ${method}: ${answer.status} ${JSON.stringify(answer.body.error)}`);
      return answer.body.value as T;
    };
    const refusal = async (who: string, method: Method, input: Record<string, unknown> = {}) => {
      const answer = await api(who, method, input);
      return [answer.status, answer.body.error?.code, answer.body.error?.params.reason ?? null];
    };

    beforeAll(async () => {
      server = await startTestServer(s, { now: () => clock, log: (line) => console.error(line) });
      await staffDeskOfThree(server, tokens, ids);
      ids.admin = ((await server.call('GET', '/api/me', undefined, tokens.admin)).body.value as { id: string }).id;
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await s.dispose();
    });

    it('answers no served method without a session, and none that names another person as the actor', async () => {
      for (const method of SERVED_METHODS) {
        const anonymous = await server.call('POST', `/api/call/${method}`, {});
        expect([method, anonymous.status, anonymous.body.error?.code]).toEqual([method, 401, 'notSignedIn']);
        const asSomeoneElse = await api('kim', method, { actor: ids.park });
        expect([method, asSomeoneElse.status, asSomeoneElse.body.error?.params.reason]).toEqual([method, 403, 'notYou']);
      }
      for (const method of LOCAL_ONLY) expect((await api('kim', method)).status).toBe(404);
    });

    it('refuses input the contract does not allow', async () => {
      expect(await refusal('kim', 'getArticle', { id: 'not an id' })).toEqual([400, 'invalidInput', null]);
      expect(await refusal('kim', 'createArticle', { language: 'xx' })).toEqual([400, 'invalidInput', null]);
      expect(contract.getArticle.input.safeParse({ id: 'x', actor: ids.kim }).success).toBe(false);
    });

    it('runs the desk cycle, the server deciding each step for the person signed in', async () => {
      const draft = await value<Article>('kim', 'createArticle', { language: 'ko' });
      expect(draft).toMatchObject({ ownerId: ids.kim, status: 'draft', revision: 0 });
      // A reporter's new story carries their byline, from the account the session names.
      expect(draft.byline.reporters).toEqual([{ name: '김하늘', role: '기자', email: '김하늘@example.org' }]);
      const saved = await value<{ revision: number }>('kim', 'saveArticle', { id: draft.id, baseRevision: 0, content: withCopy(draft, '시청 앞 집회', '오늘 오전 시청 앞에서 집회가 열렸다.') });
      expect(saved.revision).toBe(1);
      // A save over an old revision is a conflict naming the current one.
      expect(await refusal('kim', 'saveArticle', { id: draft.id, baseRevision: 0, content: withCopy(draft, 'x', 'y') })).toEqual([409, 'conflict', null]);

      const sent = await value<Article>('kim', 'transitionArticle', { id: draft.id, action: 'send' });
      expect(sent.status).toBe('sent');
      // Sent copy is the desk's: the reporter can no longer change it, and may not review it.
      expect(await refusal('kim', 'saveArticle', { id: draft.id, baseRevision: 1, content: withCopy(draft, 'x', 'y') })).toEqual([403, 'forbidden', 'readOnly']);
      expect(await refusal('kim', 'transitionArticle', { id: draft.id, action: 'review' })).toEqual([403, 'forbidden', 'role']);

      advance(5000);
      await value('park', 'transitionArticle', { id: draft.id, action: 'review' });
      const edited = await value<{ revision: number }>('park', 'saveArticle', { id: draft.id, baseRevision: 1, content: withCopy(draft, '시청 앞 집회 열려', '1일 오전 시청 앞에서 집회가 열렸다.') });
      expect(edited.revision).toBe(2);
      expect(await refusal('kim', 'saveArticle', { id: draft.id, baseRevision: 2, content: withCopy(draft, 'x', 'y') })).toEqual([403, 'forbidden', 'readOnly']);
      // Returning needs a reason.
      expect(await refusal('park', 'transitionArticle', { id: draft.id, action: 'return' })).toEqual([422, 'noteRequired', null]);
      await value('park', 'transitionArticle', { id: draft.id, action: 'return', note: '현장 인원 확인 바랍니다' });
      const back = await value<Article>('kim', 'getArticle', { id: draft.id });
      expect([back.status, back.headline, back.lastTransition?.actorId]).toEqual(['returned', '시청 앞 집회 열려', ids.park]);
      // Tagged 엠바고 without a time: the checklist's embargo item fails.
      await value('kim', 'saveArticle', { id: draft.id, baseRevision: 2, content: { ...withCopy(back, '시청 앞 집회 열려', '1일 오전 시청 앞에서 500여 명이 모인 집회가 열렸다.'), tags: ['엠바고'] } });
      await value('kim', 'transitionArticle', { id: draft.id, action: 'send' });
      await value('park', 'transitionArticle', { id: draft.id, action: 'review' });
      // The checklist is the server's: approving without what it asks for is refused, an override needs the desk and a reason.
      const approve = await api('park', 'transitionArticle', { id: draft.id, action: 'approve' });
      expect([approve.status, approve.body.error?.code]).toEqual([422, 'checklistFailed']);
      const approved = await value<Article>('park', 'transitionArticle', { id: draft.id, action: 'approve', override: true, note: '사진 없이 출고' });
      expect(approved.status).toBe('approved');

      const { versions, audit } = await value<{ versions: VersionMeta[]; audit: AuditEntry[] }>('kim', 'getHistory', { id: draft.id });
      expect(audit.map((e) => [e.action, e.actorId])).toEqual([
        ['send', ids.kim],
        ['review', ids.park],
        ['return', ids.park],
        ['send', ids.kim],
        ['review', ids.park],
        ['approve', ids.park],
      ]);
      expect(audit.at(-1)!.overridden).toEqual(['embargo']);
      expect(versions[0]).toMatchObject({ kind: 'transition', state: 'approved', actorId: ids.park, actorName: '박데스크' });
      expect(versions.at(-1)).toMatchObject({ seq: 1, kind: 'create', actorId: ids.kim });
      const first = await value<Article>('park', 'getVersion', { id: draft.id, seq: 2 });
      expect(first.headline).toBe('시청 앞 집회');
    });

    it('holds copy under embargo by the server clock, and audits embargo changes as steps', async () => {
      const a = await value<Article>('kim', 'createArticle', {});
      const until = new Date(clock.getTime() + 3600_000).toISOString();
      await value('kim', 'saveArticle', { id: a.id, baseRevision: 0, content: { ...withCopy(a, '실적 발표', '본문'), embargo: until } });
      for (const [who, action] of [['kim', 'send'], ['park', 'review'], ['park', 'approve']] as const) await value(who, 'transitionArticle', { id: a.id, action });
      expect(await refusal('park', 'transitionArticle', { id: a.id, action: 'publish' })).toEqual([422, 'embargoed', null]);
      advance(3600_000 + 1000);
      expect((await value<Article>('park', 'transitionArticle', { id: a.id, action: 'publish' })).status).toBe('published');
      const { audit } = await value<{ audit: AuditEntry[] }>('kim', 'getHistory', { id: a.id });
      expect(audit[0]).toMatchObject({ action: 'embargo', actorId: ids.kim, embargo: until });
      expect(audit.map((e) => e.action)).toEqual(['embargo', 'send', 'review', 'approve', 'publish']);
    });

    it('keeps one version for a minute of saves by one person, and a new one after', async () => {
      const a = await value<Article>('lee', 'createArticle', {});
      let revision = 0;
      for (const text of ['하나', '둘', '셋']) {
        advance(10_000);
        revision = (await value<{ revision: number }>('lee', 'saveArticle', { id: a.id, baseRevision: revision, content: withCopy(a, '제목', text) })).revision;
      }
      advance(61_000);
      await value('lee', 'saveArticle', { id: a.id, baseRevision: revision, content: withCopy(a, '제목', '넷') });
      const { versions } = await value<{ versions: VersionMeta[] }>('lee', 'getHistory', { id: a.id });
      expect(versions.map((v) => [v.seq, v.kind, v.revision])).toEqual([
        [3, 'save', 4],
        [2, 'save', 3],
        [1, 'create', 0],
      ]);
      // An unchanged save writes nothing.
      const same = await value<{ revision: number }>('lee', 'saveArticle', { id: a.id, baseRevision: 4, content: withCopy(a, '제목', '넷') });
      expect(same.revision).toBe(4);
    });

    it('shows a draft to its owner, its co-bylined reporters and the desk only', async () => {
      const a = await value<Article>('kim', 'createArticle', {});
      expect(await refusal('lee', 'getArticle', { id: a.id })).toEqual([404, 'notFound', null]);
      expect(await refusal('lee', 'getHistory', { id: a.id })).toEqual([404, 'notFound', null]);
      expect((await api('park', 'getArticle', { id: a.id })).status).toBe(200);
      const listed = async (who: string) => (await value<ArticleSummary[]>(who, 'listArticles', { scope: 'active' })).some((x) => x.id === a.id);
      expect([await listed('kim'), await listed('lee'), await listed('park'), await listed('admin')]).toEqual([true, false, true, true]);
      // The list's own query (search in PostgreSQL) leaves it out for the other reporter too.
      const queried = async (who: string) => (await value<{ rows: { summary: ArticleSummary }[] }>(who, 'queryArticles', { scope: 'active', offset: 0, limit: 100 })).rows.some((r) => r.summary.id === a.id);
      expect([await queried('kim'), await queried('lee'), await queried('park')]).toEqual([true, false, true]);
      // Named in the byline, the second reporter sees the shared draft.
      const shared = { ...contentOf(a), byline: { ...a.byline, reporters: [...a.byline.reporters, { name: '이바다', role: '기자', email: '' }] } };
      await value('kim', 'saveArticle', { id: a.id, baseRevision: 0, content: shared });
      expect((await api('lee', 'getArticle', { id: a.id })).status).toBe(200);
      expect(await listed('lee')).toBe(true);
    });

    it('gives the filter menus the desks and tags of the stories the person may see', async () => {
      const a = await value<Article>('kim', 'createArticle', {});
      await value('kim', 'saveArticle', { id: a.id, baseRevision: 0, content: { ...withCopy(a, '단독', '본문'), byline: { ...a.byline, desk: '탐사보도부' }, tags: ['단독취재'] } });
      const facets = async (who: string, scope = 'active') => value<{ desks: string[]; tags: string[] }>(who, 'libraryFacets', { scope });
      const has = (f: { desks: string[]; tags: string[] }) => [f.desks.includes('탐사보도부'), f.tags.includes('단독취재')];
      // A draft's desk and tags are as private as the draft: the other reporter's menus leave them out.
      expect([has(await facets('kim')), has(await facets('lee')), has(await facets('park'))]).toEqual([[true, true], [false, false], [true, true]]);
      await value('kim', 'transitionArticle', { id: a.id, action: 'send' });
      expect(has(await facets('lee'))).toEqual([true, true]);
      // Sorted as the desktop sorts them (Korean and English in one order), each once.
      const b = await value<Article>('lee', 'createArticle', {});
      await value('lee', 'saveArticle', { id: b.id, baseRevision: 0, content: { ...withCopy(b, 'English desk', 'body'), byline: { ...b.byline, desk: 'Business' }, tags: ['Exclusive'] } });
      const { desks, tags } = await facets('park');
      expect(desks).toEqual(expect.arrayContaining(['Business', '탐사보도부']));
      expect(desks).toEqual([...new Set(desks)].sort(new Intl.Collator(['ko', 'en']).compare));
      expect(tags).toEqual(expect.arrayContaining(['Exclusive', '단독취재']));
      expect(tags).toEqual([...new Set(tags)].sort(new Intl.Collator(['ko', 'en']).compare));
      await value('park', 'trashArticle', { id: a.id });
      expect(has(await facets('park'))).toEqual([false, false]);
      expect(has(await facets('park', 'trash'))).toEqual([true, true]);
      // Out of the trash again (a later test counts what emptying the trash removes).
      await value('park', 'restoreArticle', { id: a.id });
      expect(has(await facets('park', 'trash'))).toEqual([false, false]);
    });

    it('lists the ids a query lists, in the list order, up to max, with the total', async () => {
      const made: string[] = [];
      for (const n of [1, 2, 3]) {
        advance(1000);
        const a = await value<Article>('lee', 'createArticle', {});
        await value('lee', 'saveArticle', { id: a.id, baseRevision: 0, content: withCopy(a, `번호매김 기사 ${n}`, '본문') });
        made.push(a.id);
      }
      const query = { scope: 'active', text: '번호매김', order: 'updated' };
      const all = await value<{ ids: string[]; total: number }>('lee', 'queryArticleIds', { ...query, max: 100 });
      expect(all).toEqual({ ids: [...made].reverse(), total: 3 });
      // The same order as the list's own window.
      const listed = await value<{ rows: { summary: ArticleSummary }[] }>('lee', 'queryArticles', { ...query, offset: 0, limit: 100 });
      expect(listed.rows.map((r) => r.summary.id)).toEqual(all.ids);
      expect(await value('lee', 'queryArticleIds', { ...query, max: 2 })).toEqual({ ids: all.ids.slice(0, 2), total: 3 });
      // Another reporter's drafts are not theirs to select.
      expect(await value('kim', 'queryArticleIds', { ...query, max: 100 })).toEqual({ ids: [], total: 0 });
      expect((await value<{ ids: string[] }>('park', 'queryArticleIds', { ...query, max: 100 })).ids).toEqual(all.ids);
    });

    it('names the stories under embargo now by the server clock, among those the person may see', async () => {
      const held = await value<Article>('kim', 'createArticle', {});
      const free = await value<Article>('kim', 'createArticle', {});
      const until = new Date(clock.getTime() + 600_000).toISOString();
      await value('kim', 'saveArticle', { id: held.id, baseRevision: 0, content: { ...withCopy(held, '엠바고 기사', '본문'), embargo: until } });
      await value('kim', 'saveArticle', { id: free.id, baseRevision: 0, content: { ...withCopy(free, '지난 엠바고', '본문'), embargo: new Date(clock.getTime() - 1000).toISOString() } });
      const ask = { ids: [free.id, held.id, '00000000-0000-4000-8000-000000000000'] };
      expect(await value('kim', 'embargoedArticles', ask)).toEqual({ ids: [held.id] });
      expect(await value('park', 'embargoedArticles', ask)).toEqual({ ids: [held.id] });
      // Kim's draft is not there for lee, embargo or not.
      expect(await value('lee', 'embargoedArticles', ask)).toEqual({ ids: [] });
      advance(600_000 + 1000);
      expect(await value('kim', 'embargoedArticles', ask)).toEqual({ ids: [] });
    });

    it('decides who may trash, restore, empty the trash and change the workflow', async () => {
      const mine = await value<Article>('lee', 'createArticle', {});
      const kims = await value<Article>('kim', 'createArticle', {});
      // Another reporter's draft is not even there for lee; the desk may bin any copy.
      expect(await refusal('lee', 'trashArticle', { id: kims.id })).toEqual([404, 'notFound', null]);
      const trashed = await value<ArticleSummary>('lee', 'trashArticle', { id: mine.id });
      expect(trashed.trashedAt).not.toBeNull();
      expect(await refusal('lee', 'saveArticle', { id: mine.id, baseRevision: 0, content: withCopy(mine, 'x', 'y') })).toEqual([403, 'forbidden', 'trashed']);
      await value('park', 'trashArticle', { id: kims.id });
      expect(await refusal('park', 'emptyTrash')).toEqual([403, 'forbidden', 'role']);
      await value('lee', 'restoreArticle', { id: mine.id });
      const { removed } = await value<{ removed: number }>('admin', 'emptyTrash');
      expect(removed).toBe(1);
      expect(await refusal('kim', 'getArticle', { id: kims.id })).toEqual([404, 'notFound', null]);
      expect((await server.db.query('SELECT 1 FROM versions WHERE article_id = $1', [kims.id])).length).toBe(0);

      const settings = await value<{ workflow: { permissions: Record<string, string[]> } }>('kim', 'getSettings');
      const workflow = { ...settings.workflow, permissions: { ...settings.workflow.permissions, review: ['reporter', 'editor', 'admin'] } };
      expect(await refusal('park', 'updateSettings', { workflow })).toEqual([403, 'forbidden', 'role']);
      expect(await refusal('kim', 'updateSettings', { outlet: '한겨레' })).toEqual([403, 'forbidden', 'role']);
      await value('admin', 'updateSettings', { workflow });
      // The table the admin saved decides at once: a reporter may now review.
      const story = await value<Article>('kim', 'createArticle', {});
      await value('kim', 'transitionArticle', { id: story.id, action: 'send' });
      expect((await value<Article>('lee', 'transitionArticle', { id: story.id, action: 'review' })).status).toBe('review');
    });

    it('restores a version only for someone who may edit, over the revision they saw', async () => {
      const a = await value<Article>('kim', 'createArticle', {});
      await value('kim', 'saveArticle', { id: a.id, baseRevision: 0, content: withCopy(a, '첫 제목', '첫 본문') });
      advance(120_000);
      await value('kim', 'saveArticle', { id: a.id, baseRevision: 1, content: withCopy(a, '둘째 제목', '둘째 본문') });
      expect(await refusal('kim', 'restoreVersion', { id: a.id, seq: 2, baseRevision: 1 })).toEqual([409, 'conflict', null]);
      const restored = await value<Article>('kim', 'restoreVersion', { id: a.id, seq: 2, baseRevision: 2 });
      expect([restored.headline, restored.revision]).toEqual(['첫 제목', 3]);
      const { audit } = await value<{ audit: AuditEntry[] }>('kim', 'getHistory', { id: a.id });
      expect(audit.map((e) => [e.action, e.version, e.actorId])).toEqual([['restoreVersion', 2, ids.kim]]);
      await value('kim', 'transitionArticle', { id: a.id, action: 'send' });
      expect(await refusal('kim', 'restoreVersion', { id: a.id, seq: 2, baseRevision: 3 })).toEqual([403, 'forbidden', 'readOnly']);
    });
  });
}
