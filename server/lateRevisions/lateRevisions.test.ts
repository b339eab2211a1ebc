// Late revisions on the newsroom, over HTTP on both stores: a reporter hands one in (once per key),
// sees only their own while the desk sees all, and the desk takes one (the story's copy becomes it,
// with a version and an audit entry; a live document starts again from it) or drops one (kept,
// marked dropped); each is decided once, only by whoever may edit the story now.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { LateRevision } from '../../shared/contract/lateRevision';
import type { Article, Body } from '../../shared/model/article';
import type { AuditEntry, VersionMeta } from '../../shared/model/history';
import { describeLiveDesk } from '../testing/liveDesk';
import { } from '../testing/collabClient';
import { until } from '../testing/until';
import { openLive } from '../testing/liveClient';

const bodyOf = (text: string): Body => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }) as Body;

await describeLiveDesk('late revisions', { collab: { debounceMs: 100, maxDebounceMs: 500 } }, ({ server, tokens, ids, connect, call }) => {
  const raw = (who: string, method: string, input: Record<string, unknown>) => server.call('POST', `/api/call/${method}`, input, tokens[who]);
  const hand = (who: string, id: string, text: string, key = randomUUID(), fields: Record<string, unknown> = {}) =>
    call<LateRevision>(who, 'submitLateRevision', { id, key, typedAt: '2026-12-07T08:00:00.000Z', body: bodyOf(text), fields });


  /** kim's story with `text`, sent to the desk (read-only for kim from then on). */
  async function sentStory(text: string): Promise<Article> {
    const story = await call<Article>('kim', 'createArticle');
    await call('kim', 'saveArticle', { id: story.id, baseRevision: 0, content: { ...story, body: bodyOf(text), headline: '원래 제목' } });
    return call<Article>('kim', 'transitionArticle', { id: story.id, action: 'send', note: '' });
  }

  it('keeps one per key, shows a reporter their own and the desk all, newest first', async () => {
    const story = await sentStory('데스크가 볼 문장');
    const key = randomUUID();
    const first = await hand('kim', story.id, '기차에서 고친 문장', key, { headline: '늦게 고친 제목' });
    const again = await hand('kim', story.id, '기차에서 고친 문장', key, { headline: '늦게 고친 제목' });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ articleId: story.id, personId: ids.kim, personName: '김하늘', state: 'open', decidedBy: null, decidedByName: null, decidedAt: null, fields: { headline: '늦게 고친 제목' } });
    expect(JSON.stringify(first.body)).toContain('기차에서 고친 문장');
    const rows = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM late_revisions WHERE article_id = $1', [story.id]);
    expect(rows[0].n).toBe(1);
    // The author is the session's, whatever the request says.
    const posing = await raw('lee', 'submitLateRevision', { actor: ids.kim, id: story.id, key: randomUUID(), typedAt: '2026-12-07T08:00:00.000Z', body: bodyOf('x'), fields: {} });
    expect([posing.status, posing.body.error?.params.reason]).toEqual([403, 'notYou']);
    const lees = await hand('lee', story.id, '다른 기자의 문장');
    expect(lees.personId).toBe(ids.lee);
    expect((await call<LateRevision[]>('kim', 'listLateRevisions', { id: story.id })).map((r) => r.id)).toEqual([first.id]);
    expect((await call<LateRevision[]>('lee', 'listLateRevisions', { id: story.id })).map((r) => r.id)).toEqual([lees.id]);
    expect((await call<LateRevision[]>('park', 'listLateRevisions', { id: story.id })).map((r) => r.id)).toEqual([lees.id, first.id]);
    // The same key for another story is a mistake, never the first one's row.
    const other = await sentStory('다른 기사');
    const reused = await raw('kim', 'submitLateRevision', { id: other.id, key, typedAt: '2026-12-07T08:00:00.000Z', body: bodyOf('x'), fields: {} });
    expect(reused.body.error?.code).toBe('conflict');
  });

  it('takes one as the desk’s edit, only while the desk may edit the story, once', async () => {
    const story = await sentStory('데스크가 볼 문장');
    const late = await hand('kim', story.id, '늦게 온 문장', randomUUID(), { headline: '늦게 고친 제목', tags: ['늦은'] });
    // Sent: nobody may edit it, so nobody may decide (the gate), the reporter least of all.
    for (const who of ['kim', 'lee', 'park']) {
      const refused = await raw(who, 'decideLateRevision', { id: story.id, revision: late.id, decision: 'take' });
      expect([who, refused.body.error?.code]).toEqual([who, 'forbidden']);
    }
    await call('park', 'transitionArticle', { id: story.id, action: 'review', note: '' });
    const lee = await raw('lee', 'decideLateRevision', { id: story.id, revision: late.id, decision: 'take' });
    expect(lee.body.error?.code).toBe('forbidden');
    const before = await call<{ versions: VersionMeta[] }>('park', 'getHistory', { id: story.id });
    const taken = await call<LateRevision>('park', 'decideLateRevision', { id: story.id, revision: late.id, decision: 'take' });
    expect(taken).toMatchObject({ id: late.id, state: 'taken', decidedBy: ids.park, decidedByName: '박데스크' });
    expect(taken.decidedAt).not.toBeNull();
    const now = await call<Article>('park', 'getArticle', { id: story.id });
    expect(now.body).toEqual(late.body);
    expect([now.headline, now.tags, now.status]).toEqual(['늦게 고친 제목', ['늦은'], 'review']);
    // Fields the late revision left out stay the story's.
    expect(now.byline).toEqual(story.byline);
    const after = await call<{ versions: VersionMeta[]; audit: AuditEntry[] }>('park', 'getHistory', { id: story.id });
    expect(after.versions.length).toBe(before.versions.length + 1);
    expect(after.versions[0]).toMatchObject({ actorId: ids.park, revision: now.revision });
    expect((await call<Article>('park', 'getVersion', { id: story.id, seq: after.versions[0].seq })).body).toEqual(late.body);
    expect(after.audit.at(-1)).toMatchObject({ action: 'lateTaken', actorId: ids.park, lateRevision: late.id });
    const twice = await raw('park', 'decideLateRevision', { id: story.id, revision: late.id, decision: 'drop' });
    expect(twice.body.error?.code).toBe('conflict');
    expect((await call<LateRevision[]>('kim', 'listLateRevisions', { id: story.id }))[0]).toMatchObject({ state: 'taken', decidedBy: ids.park });
  });

  it('drops one: kept and listed as dropped, audited, the story unchanged', async () => {
    const story = await sentStory('그대로 둘 문장');
    await call('park', 'transitionArticle', { id: story.id, action: 'review', note: '' });
    const late = await hand('kim', story.id, '버려질 문장');
    const before = await call<Article>('park', 'getArticle', { id: story.id });
    const dropped = await call<LateRevision>('park', 'decideLateRevision', { id: story.id, revision: late.id, decision: 'drop' });
    expect(dropped).toMatchObject({ state: 'dropped', decidedBy: ids.park, decidedByName: '박데스크' });
    expect(await call<LateRevision[]>('kim', 'listLateRevisions', { id: story.id })).toEqual([dropped]);
    const after = await call<Article>('park', 'getArticle', { id: story.id });
    expect([after.revision, after.body]).toEqual([before.revision, before.body]);
    const history = await call<{ audit: AuditEntry[] }>('park', 'getHistory', { id: story.id });
    expect(history.audit.at(-1)).toMatchObject({ action: 'lateDropped', actorId: ids.park, lateRevision: late.id });
    const again = await raw('park', 'decideLateRevision', { id: story.id, revision: late.id, decision: 'take' });
    expect(again.body.error?.code).toBe('conflict');
    // A late revision of another story is not found on this one.
    const elsewhere = await sentStory('다른 기사');
    const stray = await hand('kim', elsewhere.id, '다른 기사의 늦은 문장');
    const wrong = await raw('park', 'decideLateRevision', { id: story.id, revision: stray.id, decision: 'drop' });
    expect(wrong.body.error?.code).toBe('notFound');
  });

  it('refuses one for a story the person may not see', async () => {
    const draft = await call<Article>('kim', 'createArticle');
    const refused = await raw('lee', 'submitLateRevision', { id: draft.id, key: randomUUID(), typedAt: '2026-12-07T08:00:00.000Z', body: bodyOf('x'), fields: {} });
    expect(refused.status).not.toBe(200);
    // The gate answers as for any story this person may not see: as if it were not there.
    expect(refused.body.error?.code).toBe('notFound');
    expect((await raw('lee', 'listLateRevisions', { id: draft.id })).body.error?.code).toBe('notFound');
    const rows = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM late_revisions WHERE article_id = $1', [draft.id]);
    expect(rows[0].n).toBe(0);
  });

  it('tells the clients when one is handed in and when each is decided, so the lists are read again', async () => {
    const story = await sentStory('알림 문장');
    await call('park', 'transitionArticle', { id: story.id, action: 'review', note: '' });
    const [desk, reporter] = [await openLive(server.url, tokens.park), await openLive(server.url, tokens.kim)];
    try {
      const heard = (client: typeof desk) => client.events.filter((e) => e.type === 'article' && e.summary.id === story.id).length;
      const [a, b] = [await hand('kim', story.id, '첫 문장'), await hand('kim', story.id, '둘째 문장')];
      await until(() => heard(desk) >= 2);
      const before = heard(reporter);
      await call('park', 'decideLateRevision', { id: story.id, revision: a.id, decision: 'drop' });
      await until(() => heard(reporter) >= before + 1);
      await call('park', 'decideLateRevision', { id: story.id, revision: b.id, decision: 'take' });
      await until(() => heard(reporter) >= before + 2);
    } finally {
      desk.close();
      reporter.close();
    }
  });

  it('starts a live story again from the copy taken', async () => {
    const story = await sentStory('원래 문장');
    await call('park', 'transitionArticle', { id: story.id, action: 'review', note: '' });
    const park = connect('park', story.id);
    await until(() => park.provider.isSynced && park.provider.unsyncedChanges === 0);
    park.type(' 데스크가 고치던 문장');
    await until(() => park.provider.unsyncedChanges === 0);
    const late = await hand('kim', story.id, '기자가 늦게 보낸 문장');
    await call('park', 'decideLateRevision', { id: story.id, revision: late.id, decision: 'take' });
    await until(() => park.closes > 0);
    park.destroy();
    const epochs = await server.db.query<{ epoch: number; closed: boolean }>('SELECT epoch, closed FROM collab_epochs WHERE article_id = $1 ORDER BY epoch', [story.id]);
    expect(epochs).toEqual([{ epoch: 1, closed: true }]);
    const fresh = connect('park', story.id);
    await until(() => fresh.provider.isSynced && fresh.messages.some((m) => m.type === 'epoch'));
    expect(fresh.messages.find((m) => m.type === 'epoch')).toEqual({ type: 'epoch', epoch: 2 });
    expect(fresh.body()).toEqual(late.body);
    expect((await call<Article>('park', 'getArticle', { id: story.id })).body).toEqual(late.body);
  });
});
