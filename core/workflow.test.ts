// The workflow through the contract, on a real library folder: the core decides, so a reporter
// calling approve directly is refused; history is kept per article and coalesced; every step is
// in the audit log.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../shared/contract/dispatch';
import type { Core } from './createCore';
import { content, openTestCore, tempDir } from './testing/tempLibrary';
import { addAdmin, addPerson } from './testing/people';

let dir: string;
let cleanup: () => Promise<void>;
let core: Core;
let clock: Date;
let admin: string;
let reporter: string;
let editor: string;
const tick = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  clock = new Date('2026-11-27T09:00:00Z');
  core = await openTestCore(dir, () => clock);
  admin = await addAdmin(core);
  reporter = await addPerson(core, '김하늘', 'reporter', admin);
  editor = await addPerson(core, '이데스크', 'editor', admin);
});
afterEach(async () => {
  await core.close().catch(() => undefined);
  await cleanup();
});

const ready = (headline: string, body = '본문') => ({
  ...content(headline, body),
  byline: { outlet: '한빛경제', desk: '산업부', templateId: 'ko-bracket-desk', reporters: [{ name: '김하늘', role: '기자', email: 'sky@example.kr' }] },
});

async function draft(headline = '폐배터리 공장 착공') {
  const h = core.handlers;
  const a = await h.createArticle({ actor: reporter });
  await h.saveArticle({ id: a.id, actor: reporter, baseRevision: 0, content: ready(headline) });
  return a.id;
}

describe('workflow over the API', () => {
  it('refuses a reporter who calls approve directly, and changes nothing', async () => {
    const id = await draft();
    await core.handlers.transitionArticle({ id, actor: reporter, action: 'send', note: '', override: false });
    await core.handlers.transitionArticle({ id, actor: editor, action: 'review', note: '', override: false });
    const before = await readFile(join(dir, 'articles', `${id}.json`), 'utf8');
    const result = await dispatch(core.handlers, 'transitionArticle', { id, actor: reporter, action: 'approve' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'role', action: 'approve', role: 'reporter' } } });
    expect(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')).toBe(before);
    expect((await core.handlers.getHistory({ actor: admin, id })).audit.map((e) => e.action)).toEqual(['send', 'review']);
  });

  it('refuses an unknown person and a person made inactive', async () => {
    const id = await draft();
    expect(await dispatch(core.handlers, 'transitionArticle', { id, actor: '00000000-0000-4000-8000-000000000000', action: 'send' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', params: { reason: 'unknownPerson' } },
    });
    const [person] = (await core.handlers.listPeople({})).filter((p) => p.id === reporter);
    await core.handlers.savePerson({ actor: admin, person: { ...person, active: false } });
    expect(await dispatch(core.handlers, 'saveArticle', { id, actor: reporter, baseRevision: 1, content: ready('x') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('makes the reporter copy read-only while the desk reviews it, and lets the desk edit', async () => {
    const id = await draft();
    await core.handlers.transitionArticle({ id, actor: reporter, action: 'send', note: '', override: false });
    // Sent copy belongs to the desk until it is recalled or returned.
    expect(await dispatch(core.handlers, 'saveArticle', { id, actor: reporter, baseRevision: 1, content: ready('몰래 고친 제목') })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', params: { reason: 'readOnly', state: 'sent' } },
    });
    await core.handlers.transitionArticle({ id, actor: editor, action: 'review', note: '', override: false });
    expect(await dispatch(core.handlers, 'saveArticle', { id, actor: reporter, baseRevision: 1, content: ready('몰래 고친 제목') })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', params: { reason: 'readOnly', state: 'review' } },
    });
    await core.handlers.saveArticle({ id, actor: editor, baseRevision: 1, content: ready('데스크가 고친 제목') });
    expect((await core.handlers.getArticle({ actor: admin, id })).headline).toBe('데스크가 고친 제목');
  });

  it('runs a story from draft to published with a return, and records every step', async () => {
    const h = core.handlers;
    const id = await draft();
    await h.transitionArticle({ id, actor: reporter, action: 'send', note: '', override: false });
    await h.transitionArticle({ id, actor: editor, action: 'review', note: '', override: false });
    const returned = await h.transitionArticle({ id, actor: editor, action: 'return', note: '3문단 수치 출처 밝힐 것', override: false });
    expect(returned.status).toBe('returned');
    expect(returned.lastTransition).toMatchObject({ action: 'return', actorName: '이데스크', note: '3문단 수치 출처 밝힐 것' });
    expect((await h.listArticles({ actor: admin, scope: 'active' }))[0].lastTransition?.note).toBe('3문단 수치 출처 밝힐 것');
    await h.saveArticle({ id, actor: reporter, baseRevision: 1, content: ready('폐배터리 공장 착공', '산업부에 따르면') });
    await h.transitionArticle({ id, actor: reporter, action: 'send', note: '', override: false });
    await h.transitionArticle({ id, actor: editor, action: 'review', note: '', override: false });
    await h.transitionArticle({ id, actor: editor, action: 'approve', note: '', override: false });
    const published = await h.transitionArticle({ id, actor: editor, action: 'publish', note: '', override: false });
    expect(published.status).toBe('published');
    const corrected = await h.transitionArticle({ id, actor: editor, action: 'correct', note: '착공일을 3월에서 5월로 바로잡음', override: false });
    expect(corrected.status).toBe('review');
    expect(corrected.corrections).toEqual([{ at: clock.toISOString(), by: '이데스크', note: '착공일을 3월에서 5월로 바로잡음' }]);

    const { audit, versions } = await h.getHistory({ actor: admin, id });
    expect(audit.map((e) => `${e.action}:${e.from}→${e.to}:${e.actorName}`)).toEqual([
      'send:draft→sent:김하늘',
      'review:sent→review:이데스크',
      'return:review→returned:이데스크',
      'send:returned→sent:김하늘',
      'review:sent→review:이데스크',
      'approve:review→approved:이데스크',
      'publish:approved→published:이데스크',
      'correct:published→review:이데스크',
    ]);
    // One version per state change on top of the create and the two saves.
    expect(versions.map((v) => v.kind)).toEqual(['transition', 'transition', 'transition', 'transition', 'transition', 'save', 'transition', 'transition', 'transition', 'save', 'create']);
  });

  it('records an override of the checklist with its reason', async () => {
    const h = core.handlers;
    const a = await h.createArticle({ actor: reporter });
    await h.transitionArticle({ id: a.id, actor: reporter, action: 'send', note: '', override: false });
    await h.transitionArticle({ id: a.id, actor: editor, action: 'review', note: '', override: false });
    expect(await dispatch(h, 'transitionArticle', { id: a.id, actor: editor, action: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'checklistFailed', params: { missing: 'headline' } },
    });
    await h.transitionArticle({ id: a.id, actor: editor, action: 'approve', note: '속보: 제목은 온라인팀', override: true });
    const last = (await h.getHistory({ actor: admin, id: a.id })).audit.at(-1);
    expect(last).toMatchObject({ action: 'approve', note: '속보: 제목은 온라인팀', overridden: ['headline'], actorName: '이데스크' });
  });

  it('holds an embargoed story until its time (fake clock)', async () => {
    const h = core.handlers;
    const id = await draft();
    await h.saveArticle({ id, actor: reporter, baseRevision: 1, content: { ...ready('엠바고 기사'), embargo: '2026-11-27T12:00:00.000Z' } });
    for (const [actor, action] of [[reporter, 'send'], [editor, 'review'], [editor, 'approve']] as const) await h.transitionArticle({ id, actor, action, note: '', override: false });
    expect(await dispatch(h, 'transitionArticle', { id, actor: editor, action: 'publish' })).toMatchObject({ ok: false, error: { code: 'embargoed', params: { until: '2026-11-27T12:00:00.000Z' } } });
    tick(3 * 3600 + 1);
    expect((await h.transitionArticle({ id, actor: editor, action: 'publish', note: '', override: false })).status).toBe('published');
  });
});

describe('history', () => {
  it('coalesces quick saves by one person into one version, and starts a new one after a minute, for another person or a state change', async () => {
    const h = core.handlers;
    const a = await h.createArticle({ actor: reporter });
    let rev = 0;
    const save = async (actor: string, headline: string) => {
      rev = (await h.saveArticle({ id: a.id, actor, baseRevision: rev, content: ready(headline) })).revision;
    };
    for (let i = 0; i < 10; i++) {
      await save(reporter, `판 ${i}`);
      tick(5);
    }
    expect((await h.getHistory({ actor: admin, id: a.id })).versions.map((v) => [v.seq, v.kind, v.revision])).toEqual([[2, 'save', 10], [1, 'create', 0]]);
    tick(60);
    await save(reporter, '1분 뒤');
    await save(admin, '다른 사람');
    const versions = (await h.getHistory({ actor: admin, id: a.id })).versions;
    expect(versions.map((v) => [v.seq, v.actorName])).toEqual([[4, '관리자'], [3, '김하늘'], [2, '김하늘'], [1, '김하늘']]);
    expect((await h.getVersion({ actor: admin, id: a.id, seq: 2 })).headline).toBe('판 9');
    expect((await h.getVersion({ actor: admin, id: a.id, seq: 3 })).headline).toBe('1분 뒤');
  });

  it('keeps versions as files of their own, and survives a restart without the description log', async () => {
    const id = await draft();
    tick(120);
    await core.handlers.saveArticle({ id, actor: reporter, baseRevision: 1, content: ready('둘째') });
    expect((await readdir(join(dir, 'history', id))).sort()).toEqual(['v000001.json.gz', 'v000002.json.gz', 'v000003.json.gz', 'versions.jsonl']);
    await core.close();
    await writeFile(join(dir, 'history', id, 'versions.jsonl'), '{"torn');
    core = await openTestCore(dir, () => clock);
    expect((await core.handlers.getHistory({ actor: admin, id })).versions.map((v) => v.seq)).toEqual([3, 2, 1]);
    // The next quick save after a restart still coalesces into the newest version, not a new one.
    tick(5);
    await core.handlers.saveArticle({ id, actor: reporter, baseRevision: 2, content: ready('셋째') });
    expect((await core.handlers.getHistory({ actor: admin, id })).versions[0]).toMatchObject({ seq: 3, revision: 3 });
  });

  it('survives a damaged version file: that version reports itself missing, saving goes on after it', async () => {
    const id = await draft();
    await core.close();
    await writeFile(join(dir, 'history', id, 'v000002.json.gz'), 'not gzip');
    core = await openTestCore(dir, () => clock);
    expect(await dispatch(core.handlers, 'getVersion', { actor: admin, id, seq: 2 })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    tick(5);
    await core.handlers.saveArticle({ id, actor: reporter, baseRevision: 1, content: ready('다음 판') });
    // The damaged newest version is not overwritten by coalescing: the save starts version 3.
    expect((await core.handlers.getHistory({ actor: admin, id })).versions.map((v) => v.seq)).toEqual([3, 2, 1]);
    expect((await core.handlers.getVersion({ actor: admin, id, seq: 3 })).headline).toBe('다음 판');
  });

  it('a save whose history cannot be written fails whole: the article is untouched and the retry fits', async () => {
    const id = await draft('원래 제목');
    await core.close();
    await rm(join(dir, 'history', id), { recursive: true });
    await writeFile(join(dir, 'history', id), 'a file where the folder should be');
    core = await openTestCore(dir, () => clock);
    const failed = await dispatch(core.handlers, 'saveArticle', { id, actor: reporter, baseRevision: 1, content: ready('새 제목') });
    expect(failed.ok).toBe(false);
    expect(await core.handlers.getArticle({ actor: admin, id })).toMatchObject({ headline: '원래 제목', revision: 1 });
    await rm(join(dir, 'history', id));
    await core.handlers.saveArticle({ id, actor: reporter, baseRevision: 1, content: ready('새 제목') });
    expect(await core.handlers.getArticle({ actor: admin, id })).toMatchObject({ headline: '새 제목', revision: 2 });
  });

  it('restores an old version as a new revision, refuses a stale base, and logs it', async () => {
    const h = core.handlers;
    const id = await draft('처음 제목');
    tick(120);
    await h.saveArticle({ id, actor: reporter, baseRevision: 1, content: ready('나중 제목') });
    expect(await dispatch(h, 'restoreVersion', { id, actor: reporter, seq: 2, baseRevision: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const restored = await h.restoreVersion({ id, actor: reporter, seq: 2, baseRevision: 2 });
    expect(restored).toMatchObject({ headline: '처음 제목', revision: 3, status: 'draft' });
    expect((await h.getHistory({ actor: admin, id })).audit.at(-1)).toMatchObject({ action: 'restoreVersion', version: 2, actorName: '김하늘' });
    expect((await h.getHistory({ actor: admin, id })).versions[0]).toMatchObject({ kind: 'restore', revision: 3 });
  });

  it('removes an article\'s history when the trash is emptied', async () => {
    const id = await draft();
    await core.handlers.trashArticle({ id, actor: reporter });
    await core.handlers.emptyTrash({ actor: admin });
    expect(await readdir(join(dir, 'history'))).toEqual([]);
  });
});

describe('people', () => {
  it('starts a reporter\'s new story with the house outlet and their byline; an editor\'s with the outlet only', async () => {
    await core.handlers.updateSettings({ actor: admin, outlet: '한빛경제' });
    const mine = await core.handlers.createArticle({ actor: reporter });
    expect(mine.byline).toMatchObject({ outlet: '한빛경제', desk: '산업부', reporters: [{ name: '김하늘', role: '기자', email: '' }] });
    expect(mine.ownerId).toBe(reporter);
    expect((await core.handlers.createArticle({ actor: editor })).byline).toMatchObject({ outlet: '한빛경제', reporters: [] });
  });

  it('lets only an admin add people, and never removes the last admin', async () => {
    const draftPerson = { name: '박도윤', role: 'reporter' as const, desk: '산업부', email: '', bylineName: '박도윤', bylineRole: '기자', active: true };
    expect(await dispatch(core.handlers, 'savePerson', { actor: editor, person: draftPerson })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(core.handlers, 'savePerson', { actor: null, person: draftPerson })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const [me] = (await core.handlers.listPeople({})).filter((p) => p.id === admin);
    expect(await dispatch(core.handlers, 'savePerson', { actor: admin, person: { ...me, role: 'editor' } })).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'lastAdmin' } } });
    expect((await core.handlers.listPeople({})).map((p) => p.name)).toEqual(['관리자', '김하늘', '이데스크']);
  });

  it('lets only an admin change the workflow rules', async () => {
    const workflow = structuredClone((await core.handlers.getSettings({})).workflow);
    workflow.permissions.publish = ['reporter', 'editor', 'admin'];
    expect(await dispatch(core.handlers, 'updateSettings', { actor: editor, workflow })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await core.handlers.updateSettings({ actor: admin, workflow })).workflow.permissions.publish).toContain('reporter');
  });
});

describe('articles from before the workflow', () => {
  it('open through the numbered migration with no owner, note or embargo', async () => {
    const id = '11111111-2222-4333-8444-555555555555';
    const v1 = { ...content('옛 기사'), schemaVersion: 1, id, revision: 4, createdAt: clock.toISOString(), updatedAt: clock.toISOString(), status: 'draft', trashedAt: null };
    delete (v1 as Record<string, unknown>).deskNote;
    delete (v1 as Record<string, unknown>).embargo;
    await core.close();
    await writeFile(join(dir, 'articles', `${id}.json`), JSON.stringify(v1));
    core = await openTestCore(dir, () => clock);
    expect(await core.handlers.getArticle({ actor: admin, id })).toMatchObject({ schemaVersion: 3, headline: '옛 기사', deskNote: '', embargo: null, ownerId: null, corrections: [] });
    // The file itself stays as it was until the next save.
    expect(JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')).schemaVersion).toBe(1);
    await core.handlers.saveArticle({ id, actor: reporter, baseRevision: 4, content: ready('옛 기사') });
    expect(JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')).schemaVersion).toBe(3);
  });
});
