// "Upload this library to the newsroom" from the app: a real core on a library made with the core's
// own API (sampleLibrary.ts: people, stories in every state with versions and audit, photos) sends
// it to a real test server over HTTP as the newsroom's admin. A reporter is refused by the server
// itself; a cancel stops between stories and a second upload brings the rest, nothing twice; then
// every story is compared with the server's copy through the server's read paths.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/createCore';
import { content, openTestCore, tempDir } from '../../core/testing/tempLibrary';
import { plainJpeg } from '../../core/media/testing/photoFiles';
import { dispatch } from '../../shared/contract/dispatch';
import type { UploadSummary } from '../../shared/contract/libraryUpload';
import type { CoreEvent } from '../../shared/contract/newsroom';
import { until } from '../testing/until';
import { PhotoService } from '../photos/PhotoService';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { addPeople, setUpAdmin, startTestServer, type TestServer } from '../testing/testServer';
import { buildLibrary, compareImported, libraryStories, sha, type Built } from './testing/sampleLibrary';
import { readStoryBundle, storiesOldestFirst } from '../../core/newsroom/upload/readStoryBundle';

const BULK = 20;
const TOTAL = BULK + 6;
let jobs = 0;
const jobId = () => `upload-test-${++jobs}`;

describe('uploading a local library to the newsroom from the app', () => {
  let built: Built;
  let store: TestStore;
  let server: TestServer;
  let core: Core;
  /** An app connected to the newsroom as its admin, hearing the live channel. */
  let watcher: { core: Core; events: CoreEvent[]; cleanup(): Promise<void> };
  let adminToken: string;
  let reporter: { id: string; token: string };
  let adminId: string;
  const account = () => ({ server: server.url, login: 'admin', password: 'admin password' });
  const counts = async () =>
    (
      await server.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM versions) AS versions, (SELECT count(*)::int FROM audit WHERE article_id IS NOT NULL) AS audit,
                (SELECT count(*)::int FROM photos) AS photos, (SELECT count(*)::int FROM people) AS people`,
      )
    )[0];

  beforeAll(async () => {
    built = await buildLibrary(BULK);
    store = await pgliteStore();
    server = await startTestServer(store);
    adminToken = await setUpAdmin(server);
    adminId = ((await server.call('GET', '/api/me', undefined, adminToken)).body.value as { id: string }).id;
    // The library's reporter has an account already, under another id and the e-mail in another case.
    const added = await addPeople(server, adminToken, [['sky', { name: '김하늘(서버)', role: 'reporter', email: 'sky@paper.example' }]]);
    reporter = { id: added.ids.sky, token: added.tokens.sky };
    core = await openTestCore(built.dir);
    const folder = await tempDir();
    watcher = { core: await openTestCore(folder.dir), events: [], cleanup: folder.cleanup };
    watcher.core.onEvent((e) => watcher.events.push(e));
    await watcher.core.handlers.connectNewsroom({ server: server.url, login: 'admin', password: 'admin password' });
    await until(() => watcher.events.some((e) => e.type === 'connection' && e.state === 'online'));
  }, 300_000);
  afterAll(async () => {
    await core?.close();
    await watcher?.core.close();
    await watcher?.cleanup();
    await server?.close();
    await store?.dispose();
    await built?.cleanup();
  });

  it('refuses a reporter of the newsroom: on the server (its import routes) and in the core, nothing written', async () => {
    const before = await counts();
    const people = await server.call('POST', '/api/import/people', { people: [] }, reporter.token);
    expect(people).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden', params: { reason: 'role' } } } });
    const story = await server.call('POST', '/api/import/story', { story: {}, people: [] }, reporter.token);
    expect(story).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden', params: { reason: 'role' } } } });
    const viaCore = await dispatch(core.handlers, 'uploadLibraryToNewsroom', { actor: built.people.admin, jobId: jobId(), server: server.url, login: 'sky', password: 'sky password 1' });
    expect(viaCore).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'role' } } });
    // Not the library's admin either: the core's own gate says no before anything is sent.
    const notAdminHere = await dispatch(core.handlers, 'uploadLibraryToNewsroom', { actor: built.people.editor, jobId: jobId(), ...account() });
    expect(notAdminHere).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'role' } } });
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('cancelled between two stories, then uploaded again: every story once, whole, with progress per photo and story', async () => {
    const first = jobId();
    const seen: number[] = [];
    let cancelled = false;
    const upload = core.handlers.uploadLibraryToNewsroom({ actor: built.people.admin, jobId: first, ...account() });
    let finished = false;
    void upload.finally(() => (finished = true)).catch(() => undefined);
    // The 4 photos, then 3 stories: stop there.
    while (!finished) {
      const p = await core.handlers.jobProgress({ actor: built.people.admin, jobId: first });
      if (p) {
        seen.push(p.done);
        expect(p.total).toBe(4 + TOTAL);
        if (p.done >= 4 + 3 && !cancelled) cancelled = (await core.handlers.cancelJob({ actor: built.people.admin, jobId: first })).cancelled;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    const stopped: UploadSummary = await upload;
    expect(cancelled).toBe(true);
    expect(stopped.cancelled).toBe(true);
    expect(stopped.photos).toEqual({ uploaded: 4, existed: 0, failed: [] });
    expect(stopped.people).toEqual({ matched: 1, created: 3 });
    expect(stopped.imported).toBeGreaterThanOrEqual(3);
    expect(stopped.imported).toBeLessThan(TOTAL);
    expect(new Set(seen).size).toBeGreaterThan(2);
    expect((await counts()).articles).toBe(stopped.imported);

    const again = await core.handlers.uploadLibraryToNewsroom({ actor: built.people.admin, jobId: jobId(), ...account() });
    expect(again).toEqual({ imported: TOTAL - stopped.imported, skipped: stopped.imported, failed: [], photos: { uploaded: 0, existed: 4, failed: [] }, people: { matched: 4, created: 0 }, cancelled: false });
    const after = await counts();
    expect(after.articles).toBe(TOTAL);

    // A third upload adds nothing.
    const third = await core.handlers.uploadLibraryToNewsroom({ actor: built.people.admin, jobId: jobId(), ...account() });
    expect(third).toMatchObject({ imported: 0, skipped: TOTAL, failed: [] });
    expect(await counts()).toEqual(after);

    // Who uploaded what: one entry per story, naming the newsroom's admin; the people made are theirs too.
    const audited = await server.db.query<{ person_id: string; entry: { subjectId: string } }>("SELECT person_id, entry FROM audit WHERE action = 'uploadStory' ORDER BY id");
    expect(audited).toHaveLength(TOTAL);
    expect(new Set(audited.map((a) => a.person_id))).toEqual(new Set([adminId]));
    expect(new Set(audited.map((a) => a.entry.subjectId)).size).toBe(TOTAL);
    const madePeople = await server.db.query<{ person_id: string }>("SELECT person_id FROM audit WHERE action = 'importPerson'");
    expect(madePeople.map((r) => r.person_id)).toEqual([adminId, adminId, adminId]);
    // Connected apps hear of each story as it arrives (their lists show it).
    await until(() => new Set(watcher.events.flatMap((e) => (e.type === 'article' ? [e.summary.id] : []))).size === TOTAL);
    // The folder stays a local library: no binding, no token kept.
    expect((await core.handlers.getLibraryInfo({})).newsroom).toBeNull();
  }, 180_000);

  it('the server has every story as the library has it: article, versions, audit, photos (compared story by story)', async () => {
    // The comparison reads the library again: the app's core lets go of it first.
    await core.close();
    const mapId = (id: string) => (id === built.people.reporter ? reporter.id : id);
    const compared = await compareImported(server.db, built.dir, mapId);
    // A photo uploaded now is the newsroom's from now: its info says when it came (below: the rest is the library's).
    const local = await libraryStories(built.dir);
    expect(compared.problems).toEqual(local.photos.map(({ info }) => `photo ${info.id}: its info differs`));
    expect(compared).toMatchObject({ stories: TOTAL, photos: 4 });
    expect(compared.versions).toBeGreaterThan(TOTAL);
    const photos = new PhotoService(server.db);
    for (const { info } of local.photos) {
      const { importedAt: _local, ...rest } = info;
      const { importedAt: _server, ...there } = await photos.info(info.id);
      expect(there).toEqual(rest);
      expect(sha(await photos.original(info.id))).toBe(info.id);
    }
    // The library's reporter is the newsroom's account (matched by e-mail); the others were made.
    const people = await server.db.query<{ id: string; password_hash: string | null }>('SELECT id, password_hash FROM people');
    expect(people.map((p) => p.id).sort()).toEqual([adminId, reporter.id, built.people.admin, built.people.editor, built.people.noEmail].sort());
    for (const id of [built.people.admin, built.people.editor, built.people.noEmail]) expect(people.find((p) => p.id === id)?.password_hash).toBeNull();
    core = await openTestCore(built.dir);
  }, 120_000);

  it('takes no account ids from the request: history naming an account the story does not bring is kept as text, not as that person', async () => {
    const [first] = storiesOldestFirst(core.library);
    const bundle = await readStoryBundle(core.library, first.id);
    const id = 'forged-story-0001';
    // The admin's request says the newsroom's reporter did everything in this story's history.
    const forged = {
      article: { ...bundle.article, id },
      versions: bundle.versions.map((v) => ({ meta: { ...v.meta, actorId: reporter.id }, article: { ...v.article, id } })),
      audit: bundle.audit.map((e) => ({ ...e, actorId: reporter.id })),
    };
    const answer = await server.call('POST', '/api/import/story', { story: forged, people: [] }, adminToken);
    expect(answer.body).toMatchObject({ ok: true, value: { outcome: 'imported' } });
    const versions = await server.db.query<{ person_id: string | null }>('SELECT person_id FROM versions WHERE article_id = $1', [id]);
    const audit = await server.db.query<{ person_id: string | null; action: string }>('SELECT person_id, action FROM audit WHERE article_id = $1', [id]);
    expect(versions.length).toBe(bundle.versions.length);
    expect(versions.every((v) => v.person_id === null)).toBe(true);
    expect(audit.length).toBe(bundle.audit.length);
    expect(audit.every((e) => e.person_id === null)).toBe(true);
    // The one person named is the admin who sent it, in the upload's own entry.
    const uploaded = await server.db.query<{ person_id: string }>("SELECT person_id FROM audit WHERE action = 'uploadStory' AND entry->>'subjectId' = $1", [id]);
    expect(uploaded.map((r) => r.person_id)).toEqual([adminId]);
  }, 60_000);

  it('what does not get there says why as a code the app translates, the English kept as its detail', async () => {
    // A small library of its own: a story the server's store refuses (its disk full), a story whose
    // file is damaged (the library moves it aside on open), a photo whose file was damaged (the
    // server reads no image in it), a photo whose file is gone.
    const folder = await tempDir();
    let small = await openTestCore(folder.dir);
    try {
      let h = small.handlers;
      const admin = (await h.savePerson({ actor: null, person: { name: '관리자', role: 'admin', desk: '', email: 'small-admin@library.example', bylineName: '관리자', bylineRole: '', active: true } })).id;
      const story = await h.createArticle({ actor: admin });
      await h.saveArticle({ id: story.id, actor: admin, baseRevision: 0, content: content('서버가 못 받는 기사') });
      const broken = await h.createArticle({ actor: admin });
      const damaged = (await h.importPhoto({ actor: admin, name: '손상.jpg', bytes: await plainJpeg(64, 48, { r: 10, g: 20, b: 30 }) })).photo.id;
      const gone = (await h.importPhoto({ actor: admin, name: '없음.jpg', bytes: await plainJpeg(64, 48, { r: 30, g: 20, b: 10 }) })).photo.id;
      await writeFile((await small.library.photos.file(damaged, 'original'))!.path, 'not a picture any more');
      await rm((await small.library.photos.file(gone, 'original'))!.path);
      const brokenFile = join(folder.dir, 'articles', `${broken.id}.json`);
      await small.close();
      await writeFile(brokenFile, '{ not json');
      await rm(`${brokenFile}.bak`, { force: true });
      small = await openTestCore(folder.dir);
      h = small.handlers;
      // The server's PostgreSQL says its disk is full (SQLSTATE 53100) when this story is written.
      await server.db.query(`CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$`);
      await server.db.query(`CREATE TRIGGER full_disk BEFORE INSERT ON articles FOR EACH ROW WHEN (NEW.id = '${story.id}') EXECUTE FUNCTION full_disk()`);
      try {
        const summary = await h.uploadLibraryToNewsroom({ actor: admin, jobId: jobId(), ...account() });
        expect(summary).toMatchObject({
          imported: 0,
          skipped: 0,
          failed: [
            { id: broken.id, code: 'storyUnreadable', reason: expect.stringContaining('damaged file') },
            { id: story.id, code: 'serverFull', reason: expect.stringContaining('could not extend file') },
          ],
        });
        expect(summary.photos).toMatchObject({ uploaded: 0, existed: 0 });
        expect([...summary.photos.failed].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [
            // Named as the person imported them, for the summary's lines.
            { id: damaged, label: '손상.jpg', code: 'photoRefused', reason: expect.any(String) },
            { id: gone, label: '없음.jpg', code: 'photoUnreadable', reason: 'its files are incomplete' },
          ].sort((a, b) => a.id.localeCompare(b.id)),
        );
      } finally {
        await server.db.query('DROP TRIGGER full_disk ON articles');
        await server.db.query('DROP FUNCTION full_disk()');
      }
    } finally {
      await small.close();
      await folder.cleanup();
    }
  }, 60_000);

  it('a library connected to a newsroom has nothing of its own to upload: a clear refusal', async () => {
    const refused = await dispatch(watcher.core.handlers, 'uploadLibraryToNewsroom', { actor: adminId, jobId: jobId(), ...account() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'libraryBound' } } });
  }, 60_000);
});
