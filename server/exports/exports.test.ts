// POST /api/exports on PGlite and the real PostgreSQL: the server decides, for the signed-in
// person, which articles a connected app may write out, as the desktop's export decides (embargo
// by the server's clock, overrides with a reason, drafts seen only by their reporters and the
// desk, nothing from the trash), and records each export in the article's audit with that person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../shared/contract/api';
import { contentOf, type Article } from '../../shared/model/article';
import type { AuditEntry, VersionMeta } from '../../shared/model/history';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { staffDeskOfThree, startTestServer, type Answer, type TestServer } from '../testing/testServer';
import { ExportAnswerSchema, type ExportDecision } from '../../shared/contract/newsroomExports';

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`exports decided by the server on ${kind}`, () => {
    const s = store as TestStore;
    let clock = new Date('2026-12-01T09:00:00Z');
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const value = async <T,>(who: string, method: Method, input: Record<string, unknown> = {}): Promise<T> => {
      const answer = await server.call('POST', `/api/call/${method}`, input, tokens[who]);
      if (answer.status !== 200) throw new Error(`${who} ${method}: ${answer.status} ${JSON.stringify(answer.body.error)}`);
      return answer.body.value as T;
    };
    const exportAs = (who: string, body: Record<string, unknown>): Promise<Answer> => server.call('POST', '/api/exports', body, tokens[who]);
    /** The answer, checked against its schema (what the app's client will parse). */
    const decided = async (who: string, body: Record<string, unknown>): Promise<ExportDecision[]> => {
      const answer = await exportAs(who, body);
      if (answer.status !== 200) throw new Error(`${who} exports: ${answer.status} ${JSON.stringify(answer.body.error)}`);
      return ExportAnswerSchema.parse(answer.body.value).results;
    };
    const exportsOf = async (id: string): Promise<AuditEntry[]> => (await value<{ audit: AuditEntry[] }>('park', 'getHistory', { id })).audit.filter((e) => e.action === 'export');
    /** A story of kim's with this headline and embargo, sent on to the desk unless it is to stay a draft. */
    const story = async (headline: string, embargo: string | null, send = true): Promise<Article> => {
      const a = await value<Article>('kim', 'createArticle', {});
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${headline} 본문` }] }] };
      await value('kim', 'saveArticle', { id: a.id, baseRevision: 0, content: { ...contentOf(a), headline, body, embargo } });
      if (send) await value('kim', 'transitionArticle', { id: a.id, action: 'send' });
      return value<Article>('kim', 'getArticle', { id: a.id });
    };
    const inAnHour = () => new Date(clock.getTime() + 3600_000).toISOString();

    beforeAll(async () => {
      server = await startTestServer(s, { now: () => clock });
      await staffDeskOfThree(server, tokens, ids);
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await s.dispose();
    });

    it('answers each article to write out, as it is now, with the version History shows, and audits it with the signed-in person', async () => {
      const a = await story('시청 앞 집회', null);
      const b = await story('구청 예산안', null);
      const results = await decided('kim', { ids: [b.id, a.id], formats: ['html', 'nitf'] });
      expect(results.map((r) => [r.id, r.headline, r.error])).toEqual([
        [b.id, '구청 예산안', null],
        [a.id, '시청 앞 집회', null],
      ]);
      expect(results[1].article).toEqual(a);
      const { versions } = await value<{ versions: VersionMeta[] }>('kim', 'getHistory', { id: a.id });
      expect(results[1].version).toBe(versions[0].seq);
      for (const id of [a.id, b.id]) {
        expect(await exportsOf(id)).toEqual([
          { at: clock.toISOString(), actorId: ids.kim, actorName: '김하늘', action: 'export', from: 'sent', to: 'sent', note: '', overridden: [], formats: ['html', 'nitf'] },
        ]);
      }
    });

    it('holds back embargoed copy by the server clock unless the desk overrides with a reason, and records the override', async () => {
      const held = await story('실적 발표', inAnHour());
      const free = await story('날씨', null);
      // Without an override: refused, and the other article still goes.
      const plain = await decided('park', { ids: [held.id, free.id], formats: ['html'] });
      expect(plain.map((r) => [r.id, r.error?.code ?? null, r.article === null])).toEqual([
        [held.id, 'embargoed', true],
        [free.id, null, false],
      ]);
      expect(plain[0].headline).toBe('실적 발표');
      // An override needs a reason, and someone the table lets override (not a reporter).
      expect((await decided('park', { ids: [held.id], formats: ['html'], override: true })).map((r) => r.error?.code)).toEqual(['noteRequired']);
      expect((await decided('kim', { ids: [held.id], formats: ['html'], override: true, note: '보도자료 공개됨' })).map((r) => [r.error?.code, r.error?.params.reason])).toEqual([['forbidden', 'role']]);
      expect(await exportsOf(held.id)).toEqual([]);
      const overridden = await decided('park', { ids: [held.id], formats: ['html'], override: true, note: '  보도자료 공개됨 ' });
      expect(overridden[0].error).toBeNull();
      expect(overridden[0].article?.id).toBe(held.id);
      expect(await exportsOf(held.id)).toEqual([expect.objectContaining({ actorId: ids.park, note: '보도자료 공개됨', overridden: ['embargo'], formats: ['html'] })]);
      // The PDF proof is internal: an embargo never holds it back, and nothing is overridden.
      const proof = await decided('kim', { ids: [held.id], formats: ['pdf'] });
      expect(proof[0].error).toBeNull();
      expect((await exportsOf(held.id)).at(-1)).toMatchObject({ actorId: ids.kim, note: '', overridden: [], formats: ['pdf'] });
      // Once the embargo has passed on the server's clock, it goes without an override.
      clock = new Date(clock.getTime() + 3600_000 + 1000);
      expect((await decided('kim', { ids: [held.id], formats: ['html'] }))[0].error).toBeNull();
    });

    it('refuses a draft the person may not see as if it were not there, and anything in the trash', async () => {
      const draft = await story('취재 중인 기사', null, false);
      const theirs = await decided('lee', { ids: [draft.id], formats: ['html'] });
      expect(theirs).toEqual([{ id: draft.id, headline: '', article: null, version: null, error: { code: 'notFound', message: `article ${draft.id} not found`, params: { id: draft.id } } }]);
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await decided('lee', { ids: [missing], formats: ['html'] }))[0]).toEqual({ ...theirs[0], id: missing, error: { ...theirs[0].error!, message: `article ${missing} not found`, params: { id: missing } } });
      // The desk sees the draft; its reporter too.
      expect((await decided('park', { ids: [draft.id], formats: ['html'] }))[0].error).toBeNull();
      expect((await decided('kim', { ids: [draft.id], formats: ['html'] }))[0].error).toBeNull();
      expect((await exportsOf(draft.id)).map((e) => e.actorId)).toEqual([ids.park, ids.kim]);
      await value('kim', 'trashArticle', { id: draft.id });
      const trashed = await decided('kim', { ids: [draft.id], formats: ['pdf'] });
      expect(trashed.map((r) => [r.headline, r.error?.code])).toEqual([['취재 중인 기사', 'notFound']]);
      expect(await exportsOf(draft.id)).toHaveLength(2);
    });

    it('acts only as the signed-in person, with a session, on input the export takes', async () => {
      const a = await story('사칭 시도', null);
      const foreign = await exportAs('kim', { actor: ids.park, ids: [a.id], formats: ['html'] });
      expect([foreign.status, foreign.body.error?.code, foreign.body.error?.params.reason]).toEqual([403, 'forbidden', 'notYou']);
      const anonymous = await server.call('POST', '/api/exports', { ids: [a.id], formats: ['html'] });
      expect([anonymous.status, anonymous.body.error?.code]).toEqual([401, 'notSignedIn']);
      for (const body of [{ ids: [a.id], formats: [] }, { ids: [], formats: ['html'] }, { ids: [a.id], formats: ['exe'] }, { ids: [a.id], formats: ['html'], jobId: 'x' }]) {
        const bad = await exportAs('kim', body);
        expect([JSON.stringify(body), bad.status, bad.body.error?.code]).toEqual([JSON.stringify(body), 400, 'invalidInput']);
      }
      expect(await exportsOf(a.id)).toEqual([]);
      // Naming oneself is fine.
      expect((await decided('kim', { actor: ids.kim, ids: [a.id], formats: ['html'] }))[0].error).toBeNull();
      expect((await exportsOf(a.id)).map((e) => e.actorId)).toEqual([ids.kim]);
    });
  });
}
