// `copydesk server import-library`: a library made with the core's own API (people with e-mails,
// one of them already an account on the server; stories in every state with their versions and
// audit; photos with caption, credit and alt) goes into an embedded PGlite through the command,
// and is compared story by story through the server's own read paths. A second import adds
// nothing; bad folders, a locked library, a damaged story file and Ctrl+C are each tested.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { Library } from '../../core/Library';
import { openTestCore, tempDir } from '../../core/testing/tempLibrary';
import type { Article } from '../../shared/model/article';
import { ArticleService } from '../articles/ArticleService';
import { AccountService } from '../accounts/AccountService';
import { insertPerson, personById } from '../accounts/peopleTable';
import { hashPassword } from '../accounts/passwords';
import { PhotoService } from '../photos/PhotoService';
import type { Database } from '../db/Database';
import { migrate } from '../db/migrate';
import { pgliteStore, postgresStore, type TestStore } from '../testing/bothDatabases';
import { runServerCommand, type ServerIo } from '../cli/runServerCommand';
import { importLibrary } from './importLibrary';
import { buildLibrary, compareImported, libraryStories, sha, type Built } from './testing/sampleLibrary';

/** The small-scale version of the "1,000 stories with photos and history". */
const BULK = 200;
const EXISTING_ID = 'aaaaaaaa-0000-4000-8000-000000000001';

function cliIo(language: 'en' | 'ko' = 'en', signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ServerIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: '/', home: '/nonexistent', language, signal };
  return { io, out, err };
}


async function counts(db: Database) {
  const [row] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM versions) AS versions,
            (SELECT count(*)::int FROM audit) AS audit, (SELECT count(*)::int FROM photos) AS photos, (SELECT count(*)::int FROM people) AS people`,
  );
  return row;
}

describe('copydesk server import-library', () => {
  let built: Built;
  let store: TestStore;
  let buildMs = 0;

  beforeAll(async () => {
    const t0 = performance.now();
    built = await buildLibrary(BULK);
    buildMs = performance.now() - t0;
    store = await pgliteStore();
    // The newsroom has the reporter already, under another id and another case of the same e-mail.
    const db = await store.open();
    await migrate(db);
    await insertPerson(db, { id: EXISTING_ID, login: 'sky', name: '김하늘(서버)', role: 'reporter', desk: '산업부', email: 'sky@paper.example', bylineName: '김하늘', bylineRole: '기자', active: true }, await hashPassword('server-password'), new Date());
    await db.close();
  }, 300_000);
  afterAll(async () => {
    await store?.dispose();
    await built?.cleanup();
  });

  it(`brings ${BULK + 6} stories, their versions, audit, photos and people over, nothing lost (compared story by story)`, async () => {
    const { io, out, err } = cliIo();
    const t0 = performance.now();
    const code = await runServerCommand(['import-library', built.dir, '--data', store.dataDir], io);
    const importMs = performance.now() - t0;
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const total = BULK + 6;
    expect(out.join('\n')).toContain(`stories: ${total} of ${total}`);
    expect(out.join('\n')).toContain(`imported: ${total} stories`);
    expect(out.join('\n')).toContain('people: 1 matched to accounts, 3 accounts made (no password)');

    const local = await libraryStories(built.dir);
    expect(local.stories).toHaveLength(total);
    const db = await store.reopen();
    try {
      const articles = new ArticleService(db);
      const photos = new PhotoService(db);
      // The reporter is the server's account; everyone else keeps their library id.
      const mapId = (id: string) => (id === built.people.reporter ? EXISTING_ID : id);
      const mapArticle = (a: Article): Article => ({ ...a, ownerId: a.ownerId && mapId(a.ownerId), lastTransition: a.lastTransition && { ...a.lastTransition, actorId: mapId(a.lastTransition.actorId) } });
      let versions = 0;
      let figures = 0;
      for (const { article, history, versions: copies } of local.stories) {
        expect(await articles.get(article.id)).toEqual(mapArticle(article));
        const server = await articles.history(article.id);
        expect(server.versions).toEqual(history.versions.map((v) => ({ ...v, actorId: mapId(v.actorId) })));
        expect(server.audit).toEqual(history.audit.map((e) => ({ ...e, actorId: mapId(e.actorId) })));
        for (const [i, v] of history.versions.entries()) expect(await articles.version(article.id, v.seq)).toEqual(mapArticle(copies[i]));
        versions += history.versions.length;
        for (const node of article.body.content ?? []) if (node.type === 'figure') figures++;
      }
      expect(figures).toBe(1 + BULK / 10);
      // The bench's comparison (bench/importLibraryBench.ts) finds nothing either.
      const compared = await compareImported(db, built.dir, mapId);
      expect(compared).toMatchObject({ problems: [], stories: total, versions, photos: 4 });
      expect(out.join('\n')).toContain(`${versions} versions`);
      // Every state came along, the trash's too.
      const states = new Set((await db.query<{ status: string }>('SELECT DISTINCT status FROM articles')).map((r) => r.status));
      expect([...states].sort()).toEqual(['draft', 'returned', 'review', 'sent', 'spiked'].sort());
      expect((await articles.list('trash')).map((s) => s.id)).toEqual([built.named.trashed]);
      expect((await articles.get(built.named.published)).corrections).toHaveLength(1);

      // Photos: bytes as they were, what the library knew of each, and the figure's caption, credit and alt in the story.
      expect(local.photos).toHaveLength(4);
      for (const { info, file } of local.photos) {
        expect(await photos.info(info.id)).toEqual(info);
        const bytes = await photos.original(info.id);
        expect(sha(bytes)).toBe(info.id);
        expect(bytes.equals(await readFile(file.path))).toBe(true);
        expect((await photos.variant(info.id, 'thumb')).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      }
      expect((await photos.info(built.photoIds[0])).metadata).toMatchObject({ caption: '광화문 광장 0', credit: '한빛경제 사진부 0' });
      const figure = (await articles.get(built.named.withPhoto)).body.content?.find((n) => n.type === 'figure');
      expect(figure).toMatchObject({ attrs: { photoId: built.photoIds[0], credit: '홍길동 기자', alt: '광장에 모인 시민들' }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: '시민들이 모인 광장' }] }] });

      // People: matched by e-mail (any case) to the existing account, the rest made with no password.
      const accounts = new AccountService(db);
      const people = await accounts.listPeople();
      expect(people.map((p) => p.id).sort()).toEqual([EXISTING_ID, built.people.admin, built.people.editor, built.people.noEmail].sort());
      expect(people.find((p) => p.id === EXISTING_ID)).toMatchObject({ login: 'sky', name: '김하늘(서버)' });
      expect(people.find((p) => p.id === built.people.editor)).toMatchObject({ login: 'desk@paper.example', role: 'editor', name: '이데스크' });
      expect(people.find((p) => p.id === built.people.noEmail)).toMatchObject({ login: '박수습', email: '' });
      for (const id of [built.people.admin, built.people.editor, built.people.noEmail]) expect((await personById(db, id))?.password_hash).toBeNull();
      await expect(accounts.login('desk@paper.example', '', '127.0.0.1', 'test')).rejects.toMatchObject({ code: 'signInFailed' });
      // The matched account still signs in with its own password.
      await expect(accounts.login('sky', 'server-password', '127.0.0.1', 'test')).resolves.toMatchObject({ person: { id: EXISTING_ID } });
      // The list and search know the stories (the server's own search table).
      const [indexed] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_articles');
      expect(indexed.n).toBe(total);
      console.log(`import-library: ${total} stories, ${versions} versions, 4 photos; library built in ${(buildMs / 1000).toFixed(1)} s, imported in ${(importMs / 1000).toFixed(1)} s`);
    } finally {
      await db.close();
    }
  }, 300_000);

  it('imports the same library a second time without adding anything, and says it skipped them', async () => {
    let db = await store.reopen();
    const before = await counts(db);
    await db.close();
    const { io, out, err } = cliIo('ko');
    expect(await runServerCommand(['import-library', built.dir, '--data', store.dataDir], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toContain(`건너뜀: 서버에 이미 있는 기사 ${BULK + 6}개`);
    expect(out.join('\n')).toContain('가져옴: 기사 0개');
    expect(out.join('\n')).toContain('계정과 맞춤 4명, 새 계정(암호 없음) 0명');
    db = await store.reopen();
    try {
      expect(await counts(db)).toEqual(before);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses a running server on the same --data folder, writing nothing', async () => {
    const { LibraryLock } = await import('../../core/LibraryLock');
    const lock = await LibraryLock.acquire(store.dataDir);
    try {
      const { io, err } = cliIo();
      expect(await runServerCommand(['import-library', built.dir, '--data', store.dataDir], io)).toBe(3);
      expect(err.join('\n')).toContain('is in use by a running server');
    } finally {
      await lock.release();
    }
  });
});

describe('import-library refuses what it cannot take', () => {
  it('a folder that is not a library (and one that does not exist): exit 2 in English and Korean', async () => {
    const { dir, cleanup } = await tempDir();
    const data = await pgliteStore();
    try {
      await writeFile(join(dir, 'notes.txt'), '메모');
      const en = cliIo('en');
      expect(await runServerCommand(['import-library', dir, '--data', data.dataDir], en.io)).toBe(2);
      expect(en.err.join('\n')).toContain('is not a Copydesk library');
      const ko = cliIo('ko');
      expect(await runServerCommand(['import-library', join(dir, 'missing'), '--data', data.dataDir], ko.io)).toBe(2);
      expect(ko.err.join('\n')).toContain('Copydesk 보관함이 아닙니다');
      const usage = cliIo('en');
      expect(await runServerCommand(['import-library', '--data', data.dataDir], usage.io)).toBe(2);
      expect(usage.err.join('\n')).toContain('name the library folder');
    } finally {
      await data.dispose();
      await cleanup();
    }
  });

  it('a library open in the app: exit 3, nothing imported', async () => {
    const { dir, cleanup } = await tempDir();
    const data = await pgliteStore();
    const core = await openTestCore(dir);
    try {
      const { io, err } = cliIo('ko');
      expect(await runServerCommand(['import-library', dir, '--data', data.dataDir], io)).toBe(3);
      expect(err.join('\n')).toContain('Copydesk에서 열려 있습니다');
    } finally {
      await core.close();
      const db = await data.open();
      expect((await counts(db)).articles).toBe(0);
      await db.close();
      await data.dispose();
      await cleanup();
    }
  });

  it('a damaged story file: that story is named and left out whole (exit 1), one with a last good copy comes as that copy, the others come', async () => {
    const built = await buildLibrary(3);
    const data = await pgliteStore();
    try {
      const file = (id: string) => join(built.dir, 'articles', `${id}.json`);
      // Torn with its last good copy too: nothing of it can be read.
      await writeFile(file(built.named.returned), '{"schemaVersion": 1, "id": "torn');
      await writeFile(file(built.named.returned) + '.bak', '{"schemaVersion": 1, "id": "torn');
      // Torn, its last good copy whole: the core puts that copy back (the story one save earlier).
      await writeFile(file(built.named.draft), '{"schemaVersion": 1, "id": "torn');
      const { io, out, err } = cliIo();
      expect(await runServerCommand(['import-library', built.dir, '--data', data.dataDir], io)).toBe(1);
      expect(err.join('\n')).toContain(`not imported: story ${built.named.returned}`);
      expect(err.join('\n')).toContain(`story ${built.named.draft}: its file was damaged`);
      expect(out.join('\n')).toContain('imported: 8 stories');
      const db = await data.open();
      try {
        const [row] = await db.query<{ a: number; v: number; au: number }>(
          'SELECT (SELECT count(*)::int FROM articles WHERE id = $1) AS a, (SELECT count(*)::int FROM versions WHERE article_id = $1) AS v, (SELECT count(*)::int FROM audit WHERE article_id = $1) AS au',
          [built.named.returned],
        );
        expect(row).toEqual({ a: 0, v: 0, au: 0 });
        expect((await counts(db)).articles).toBe(8);
      } finally {
        await db.close();
      }
    } finally {
      await data.dispose();
      await built.cleanup();
    }
  }, 120_000);

  it('Ctrl+C stops between two stories: each imported story is whole, and running again brings the rest', async () => {
    const built = await buildLibrary(24);
    const data = await pgliteStore();
    const db = await data.open();
    try {
      await migrate(db);
      const stop = new AbortController();
      const first = await importLibrary(built.dir, db, { signal: stop.signal, progress: (p) => p.phase === 'articles' && p.done === 10 && stop.abort() });
      expect(first.interrupted).toBe(true);
      expect(first.imported).toHaveLength(10);
      expect((await counts(db)).articles).toBe(10);
      // Each story that is there has every version and audit entry the library has.
      const articles = new ArticleService(db);
      const library = await Library.open(built.dir);
      try {
        for (const id of first.imported) {
          const local = await library.historyOf(id);
          const server = await articles.history(id);
          expect([server.versions.length, server.audit.length]).toEqual([local.versions.length, local.audit.length]);
        }
      } finally {
        await library.close();
      }
      const second = await importLibrary(built.dir, db);
      expect(second.interrupted).toBe(false);
      expect(second.skipped.sort()).toEqual([...first.imported].sort());
      expect(second.imported).toHaveLength(30 - 10);
      expect((await counts(db)).articles).toBe(30);
    } finally {
      await db.close();
      await data.dispose();
      await built.cleanup();
    }
  }, 120_000);

  it('the command stopped by Ctrl+C says so and exits 130, and the next run finishes', async () => {
    const built = await buildLibrary(2);
    const data = await pgliteStore();
    try {
      const stop = new AbortController();
      stop.abort();
      const stopped = cliIo('en', stop.signal);
      expect(await runServerCommand(['import-library', built.dir, '--data', data.dataDir], stopped.io)).toBe(130);
      expect(stopped.err.join('\n')).toContain('stopped: every story listed as imported is stored whole');
      expect(stopped.out.join('\n')).toContain('imported: 0 stories');
      const again = cliIo('en');
      expect(await runServerCommand(['import-library', built.dir, '--data', data.dataDir], again.io)).toBe(0);
      expect(again.out.join('\n')).toContain('imported: 8 stories');
    } finally {
      await data.dispose();
      await built.cleanup();
    }
  }, 120_000);
});

const postgres = await postgresStore();
describe.skipIf('skip' in postgres)('import-library into a real PostgreSQL (--database)', () => {
  it('brings a library over whole, compared story by story, and a second run adds nothing', async () => {
    const store = postgres as TestStore;
    const built = await buildLibrary(10);
    try {
      const run = async () => {
        const { io, out, err } = cliIo();
        const code = await runServerCommand(['import-library', built.dir, '--data', store.dataDir, '--database', store.url!], io);
        return { code, out: out.join('\n'), err };
      };
      const first = await run();
      expect(first).toMatchObject({ code: 0, err: [] });
      expect(first.out).toContain('imported: 16 stories');
      expect(first.out).not.toContain(store.url!.replace(/^.*\/\/[^:]*:([^@]*)@.*$/, '$1') + '@');
      const db = await store.reopen();
      try {
        expect(await compareImported(db, built.dir, (id) => id)).toMatchObject({ problems: [], stories: 16, photos: 4 });
        const before = await counts(db);
        const second = await run();
        expect(second.code).toBe(0);
        expect(second.out).toContain('skipped: 16 already on the server');
        expect(await counts(db)).toEqual(before);
      } finally {
        await db.close();
      }
    } finally {
      await built.cleanup();
      await store.dispose();
    }
  }, 120_000);
});
