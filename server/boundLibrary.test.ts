// A desktop library folder bound to a newsroom, end to end through the app's own contract: the core
// signs in, keeps the token to itself (owner-only file, never in an answer), sends the server's
// methods there as the signed-in person whoever the renderer names, pushes the live channel's
// changes to the window, and refuses to hide a library's own stories behind the newsroom's.
import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../shared/contract/dispatch';
import type { CoreEvent } from '../shared/contract/newsroom';
import type { Core } from '../core/createCore';
import { content, openTestCore, tempDir } from '../core/testing/tempLibrary';
import { BINDING_FILE } from '../core/newsroom/newsroomBinding';
import { plainJpeg } from '../core/media/testing/photoFiles';
import { sha256Hex } from '../core/media/sha256Hex';
import { until } from './testing/until';
import { pgliteStore, type TestStore } from './testing/bothDatabases';
import { addPeople, DESK_OF_THREE, setUpAdmin, startTestServer, type TestServer } from './testing/testServer';


describe('a library folder bound to a newsroom', () => {
  let store: TestStore;
  let server: TestServer;
  let admin: string;
  let people: { ids: Record<string, string>; tokens: Record<string, string> };
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    store = await pgliteStore();
    server = await startTestServer(store);
    admin = await setUpAdmin(server);
    people = await addPeople(server, admin, DESK_OF_THREE);
  }, 120_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await server?.close();
    await store?.dispose();
  });

  async function emptyCore(): Promise<{ core: Core; dir: string }> {
    const { dir, cleanup } = await tempDir();
    const core = await openTestCore(dir);
    cleanups.push(async () => {
      await core.close().catch(() => undefined);
      await cleanup();
    });
    return { core, dir };
  }

  it('signs in, keeps the token in an owner-only file and out of every answer, and works as that person', async () => {
    const { core, dir } = await emptyCore();
    const wrong = await dispatch(core.handlers, 'connectNewsroom', { server: server.url, login: 'kim', password: 'not it' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'signInFailed' } });
    await expect(stat(join(dir, BINDING_FILE))).rejects.toMatchObject({ code: 'ENOENT' });

    const connected = await dispatch(core.handlers, 'connectNewsroom', { server: `${server.url}/`, login: 'kim', password: 'kim password 1' });
    expect(connected).toMatchObject({ ok: true, value: { server: server.url, person: { id: people.ids.kim, name: '김하늘' } } });
    const file = join(dir, BINDING_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).token).toMatch(/\S{20,}/);
    const token = JSON.parse(await readFile(file, 'utf8')).token as string;
    const info = await dispatch(core.handlers, 'getLibraryInfo', {});
    expect(JSON.stringify(info)).not.toContain(token);
    expect(JSON.stringify(connected)).not.toContain(token);

    // The renderer names the editor; the server acts for the signed-in reporter all the same.
    const created = await core.handlers.createArticle({ actor: people.ids.park });
    expect(created.ownerId).toBe(people.ids.kim);
    const saved = await core.handlers.saveArticle({ id: created.id, actor: people.ids.kim, baseRevision: created.revision, content: content('뉴스룸에서 쓴 기사') });
    const onServer = await server.call('POST', '/api/call/getArticle', { id: created.id }, people.tokens.park);
    expect(onServer.body.value).toMatchObject({ headline: '뉴스룸에서 쓴 기사', revision: saved.revision });
    // A save on an older revision (another machine saved meanwhile) is refused as a conflict, which the conflict panel shows.
    const stale = await dispatch(core.handlers, 'saveArticle', { id: created.id, actor: people.ids.kim, baseRevision: created.revision, content: content('낡은 판') });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Nothing of it lives in the folder: the story is the newsroom's.
    expect(core.library.storyCount).toBe(0);
    const listed = await core.handlers.queryArticles({ actor: people.ids.kim, scope: 'active', text: '뉴스룸', offset: 0, limit: 10 } as never);
    expect(listed.rows.map((r) => r.summary.id)).toEqual([created.id]);
  }, 60_000);

  it('pushes the other desk’s steps to the window and says when the session ends', async () => {
    const { core } = await emptyCore();
    await core.handlers.connectNewsroom({ server: server.url, login: 'park', password: 'park password 1' });
    const events: CoreEvent[] = [];
    core.onEvent((e) => events.push(e));
    const online = await core.handlers.getSettings({});
    await until(() => events.some((e) => e.type === 'connection' && e.state === 'online'));

    const draft = (await server.call('POST', '/api/call/createArticle', {}, people.tokens.lee)).body.value as { id: string };
    const sentAt = Date.now();
    await server.call('POST', '/api/call/transitionArticle', { id: draft.id, action: 'send' }, people.tokens.lee);
    await until(() => events.some((e) => e.type === 'article' && e.summary.id === draft.id && e.summary.status === 'sent'), 1000);
    expect(Date.now() - sentAt).toBeLessThan(1000);

    // The editor's session revoked by the admin: the window hears it, and calls say so.
    const token = JSON.parse(await readFile(join(core.libraryDir, BINDING_FILE), 'utf8')).token as string;
    const own = (await server.call('GET', '/api/sessions', undefined, token)).body.value as { id: string; current: boolean }[];
    await server.call('POST', '/api/sessions/revoke', { id: own.find((s) => s.current)!.id }, admin);
    await until(() => events.some((e) => e.type === 'connection' && e.state === 'signedOut'), 20_000);
    expect(await dispatch(core.handlers, 'listPeople', {})).toMatchObject({ ok: false, error: { code: 'notSignedIn' } });
    // The settings the window needs to start stay readable (the last the newsroom gave).
    expect(await core.handlers.getSettings({})).toEqual(online);
    expect((await core.handlers.getLibraryInfo({})).newsroom?.state).toBe('signedOut');

    // Signing in again as the same account binds again; another account is refused for this folder.
    const other = await dispatch(core.handlers, 'connectNewsroom', { server: server.url, login: 'kim', password: 'kim password 1' });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'otherAccount' } } });
    await core.handlers.connectNewsroom({ server: server.url, login: 'park', password: 'park password 1' });
    expect(await dispatch(core.handlers, 'listPeople', {})).toMatchObject({ ok: true });
    expect((await core.handlers.getLibraryInfo({})).newsroom?.person.id).toBe(people.ids.park);
  }, 60_000);

  it('stays bound across a restart, and signing out leaves an empty local library', async () => {
    const { core, dir } = await emptyCore();
    await core.handlers.connectNewsroom({ server: server.url, login: 'lee', password: 'lee password 1' });
    const token = JSON.parse(await readFile(join(dir, BINDING_FILE), 'utf8')).token as string;
    await core.close();
    const again = await openTestCore(dir);
    cleanups.push(() => again.close());
    expect((await again.handlers.getLibraryInfo({})).newsroom?.person.id).toBe(people.ids.lee);
    expect((await again.handlers.listPeople({})).map((p) => p.name)).toContain('박데스크');
    expect(await again.handlers.disconnectNewsroom({})).toEqual({ disconnected: true });
    await expect(stat(join(dir, BINDING_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await again.handlers.getLibraryInfo({})).newsroom).toBeNull();
    // Signing out ended the session on the server too.
    expect((await server.call('GET', '/api/me', undefined, token)).status).toBe(401);
  }, 60_000);

  it('will not bind a library that has stories of its own', async () => {
    const { core, dir } = await emptyCore();
    const admin = await core.handlers.savePerson({ actor: null, person: { name: '관리자', role: 'admin', desk: '', email: '', bylineName: '관리자', bylineRole: '', active: true } });
    await core.handlers.createArticle({ actor: admin.id });
    const refused = await dispatch(core.handlers, 'connectNewsroom', { server: server.url, login: 'kim', password: 'kim password 1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'libraryNotEmpty' } } });
    await expect(stat(join(dir, BINDING_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(core.library.storyCount).toBe(1);
  }, 60_000);

  it('sends photos to the newsroom by their hash, and another machine shows them from its cache', async () => {
    const reporter = await emptyCore();
    const desk = await emptyCore();
    await reporter.core.handlers.connectNewsroom({ server: server.url, login: 'kim', password: 'kim password 1' });
    await desk.core.handlers.connectNewsroom({ server: server.url, login: 'park', password: 'park password 1' });
    const bytes = await plainJpeg(640, 480);
    const sent = await reporter.core.handlers.importPhoto({ actor: people.ids.kim, name: '현장.jpg', bytes });
    expect(sent.photo).toMatchObject({ id: sha256Hex(bytes), width: 640, height: 480 });
    expect(reporter.core.library.storyCount).toBe(0);
    // The desk's machine never had it: its media scheme fetches the file once and keeps it.
    const preview = await desk.core.mediaFile(sent.photo.id, 'preview');
    expect(preview?.type).toBe('image/jpeg');
    expect(preview?.path.startsWith(desk.dir)).toBe(true);
    const first = await readFile(preview!.path);
    expect(first.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect((await desk.core.mediaFile(sent.photo.id, 'original'))?.type).toBe('image/jpeg');
    expect(await desk.core.mediaFile('0'.repeat(64), 'preview')).toBeNull();
    expect(await desk.core.mediaFile('../../etc/passwd', 'preview')).toBeNull();
  }, 60_000);

  it('sets up a new newsroom from the app with its code, and its admin adds people who can sign in', async () => {
    const fresh = await pgliteStore();
    const newServer = await startTestServer(fresh);
    cleanups.push(async () => {
      await newServer.close();
      await fresh.dispose();
    });
    const { core } = await emptyCore();
    const me = { name: '최국장', desk: '편집국', email: 'chief@example.org', bylineName: '최국장', bylineRole: '' };
    const wrong = await dispatch(core.handlers, 'connectNewsroom', { server: newServer.url, login: 'chief', password: 'chief password', setup: { code: 'not the code', person: me } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const status = await core.handlers.connectNewsroom({ server: newServer.url, login: 'chief', password: 'chief password', setup: { code: newServer.setupCode!, person: me } });
    expect(status.person).toMatchObject({ name: '최국장', role: 'admin' });

    const reporter = { name: '한기자', role: 'reporter' as const, desk: '사회부', email: '', bylineName: '한기자', bylineRole: '기자', active: true };
    const missing = await dispatch(core.handlers, 'savePerson', { actor: status.person.id, person: reporter });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    const added = await core.handlers.savePerson({ actor: status.person.id, person: reporter, account: { login: 'han', password: 'han password 1' } });
    expect((await core.handlers.listPeople({})).map((p) => p.name).sort()).toEqual(['최국장', '한기자']);
    // The local folder keeps no people of its own: they are the newsroom's accounts.
    expect(core.library.accessContext().people.now).toBe(0);
    await core.handlers.savePerson({ actor: status.person.id, person: { ...reporter, id: added.id, desk: '경제부' } });
    const { core: hers } = await emptyCore();
    const signedIn = await hers.handlers.connectNewsroom({ server: newServer.url, login: 'han', password: 'han password 1' });
    expect(signedIn.person).toMatchObject({ id: added.id, desk: '경제부', role: 'reporter' });
    // The export folder is this machine's: it stays here, while the outlet is the newsroom's.
    const exportDir = join(hers.libraryDir, 'my exports');
    const changed = await core.handlers.updateSettings({ actor: status.person.id, exportDir, outlet: '한빛경제' });
    expect([changed.exportDir, changed.outlet]).toEqual([exportDir, '한빛경제']);
    expect(core.library.currentSettings.exportDir).toBe(exportDir);
    expect(core.exchange.exportDir).toBe(exportDir);
    expect(await hers.handlers.getSettings({})).toMatchObject({ outlet: '한빛경제', exportDir: '' });
    // Her screen in English is hers alone: the newsroom's settings do not change.
    expect((await hers.handlers.updateSettings({ actor: added.id, uiLanguage: 'en' })).uiLanguage).toBe('en');
    expect((await core.handlers.getSettings({})).uiLanguage).not.toBe('en');
    const mine = await dispatch(hers.handlers, 'updateSettings', { actor: added.id, exportDir: '/tmp/elsewhere' });
    expect(mine).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'role' } } });
    // A reporter is no admin on the server, whatever the app asks.
    const refused = await dispatch(hers.handlers, 'savePerson', { actor: added.id, person: { ...reporter, name: '몰래' }, account: { login: 'sneak', password: 'sneak password' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }, 90_000);

  it('exports on this machine what the server allows, audited there with the signed-in person; imports become the newsroom’s drafts', async () => {
    const desk = await emptyCore();
    await desk.core.handlers.connectNewsroom({ server: server.url, login: 'park', password: 'park password 1' });
    const story = (await server.call('POST', '/api/call/createArticle', {}, people.tokens.kim)).body.value as { id: string; revision: number };
    await server.call('POST', '/api/call/saveArticle', { id: story.id, baseRevision: story.revision, content: content('내보낼 기사', '본문 한 줄') }, people.tokens.kim);
    const held = (await server.call('POST', '/api/call/createArticle', {}, people.tokens.kim)).body.value as { id: string; revision: number };
    await server.call('POST', '/api/call/saveArticle', { id: held.id, baseRevision: held.revision, content: { ...content('엠바고 기사'), embargo: '2099-01-01T00:00:00.000Z' } }, people.tokens.kim);
    for (const id of [story.id, held.id]) await server.call('POST', '/api/call/transitionArticle', { id, action: 'send' }, people.tokens.kim);

    const out = await desk.core.handlers.exportArticles({ actor: people.ids.park, jobId: 'export-0001', ids: [story.id, held.id], formats: ['text'], override: false, note: '' });
    const [sent, refused] = out.results;
    expect(sent).toMatchObject({ id: story.id, headline: '내보낼 기사', error: null });
    const text = await readFile(join(out.dir, sent.folder, sent.files[0]), 'utf8');
    expect(text).toContain('본문 한 줄');
    expect(refused.error).toMatchObject({ code: 'embargoed' });
    const history = (await server.call('POST', '/api/call/getHistory', { id: story.id }, people.tokens.park)).body.value as { audit: { action: string; actorId: string }[] };
    expect(history.audit.filter((a) => a.action === 'export').map((a) => a.actorId)).toEqual([people.ids.park]);

    const imported = await desk.core.handlers.importFiles({ actor: people.ids.park, jobId: 'import-0001', files: [{ name: '메모.md', bytes: new TextEncoder().encode('# 가져온 제목\n\n가져온 본문입니다. 공장은 내년 3월 착공한다.\n') }] });
    const id = imported.results[0].articleId!;
    expect(imported.results[0].error).toBeNull();
    const onServer = (await server.call('POST', '/api/call/getArticle', { id }, people.tokens.park)).body.value as { headline: string; ownerId: string };
    expect(onServer).toMatchObject({ ownerId: people.ids.park });
    expect(onServer.headline).toContain('가져온');
    expect(desk.core.library.storyCount).toBe(0);
  }, 90_000);
});
