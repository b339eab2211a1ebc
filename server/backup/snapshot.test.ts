// `copydesk server snapshot` / `restore` on the embedded database: a newsroom with stories in every
// state, versions, audit, photos and a story typed live is snapshotted, restored into a new folder
// and compared story by story, photo by photo and table by table; a server started on the restored
// folder serves it. Bad input (a running server, an existing file, a real PostgreSQL, a non-empty
// target, truncated, damaged or foreign files) is refused with its exit code and leaves nothing.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryLock } from '../../core/LibraryLock';
import { runServerCommand, type ServerIo } from '../cli/runServerCommand';
import { pgliteDir } from '../dataFolder';
import { openPglite } from '../db/Database';
import { pgliteStore, type TestStore } from '../testing/bothDatabases';
import { startTestServer } from '../testing/testServer';
import { checkRestoredServer, fillNewsroom, newsroomContents, type Contents, type Filled } from './testing/sampleNewsroom';

const BULK = 30;

function cliIo(language: 'en' | 'ko' = 'en', env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ServerIo = { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: '/', home: '/nonexistent', language };
  return { io, out, err };
}

const exists = (p: string) => stat(p).then(() => true, () => false);

describe('copydesk server snapshot and restore (embedded database)', () => {
  let store: TestStore;
  let filled: Filled;
  let before: Contents;
  let work: string;
  let snapshot: string;
  let snapped: ReturnType<typeof cliIo> & { code?: number };
  let snapshotMs = 0;

  beforeAll(async () => {
    store = await pgliteStore();
    filled = await fillNewsroom(store, BULK);
    const db = await store.reopen();
    try {
      before = await newsroomContents(db);
    } finally {
      await db.close();
    }
    work = await mkdtemp(join(tmpdir(), 'copydesk-backup-'));
    snapshot = join(work, 'newsroom.tar.gz');
    // Taken here, so each refusal below has a good snapshot to start from; checked in the first test.
    const t0 = performance.now();
    snapped = cliIo();
    snapped.code = await runServerCommand(['snapshot', snapshot, '--data', store.dataDir], snapped.io);
    snapshotMs = performance.now() - t0;
  }, 300_000);
  afterAll(async () => {
    await store?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it(`snapshots ${BULK + 7} stories and restores them into a fresh server: story by story, photo by photo, every table`, async () => {
    expect(before.stories).toHaveLength(filled.stories);
    expect(before.stories.length).toBe(BULK + 7);
    expect(before.photos).toHaveLength(4);
    // The live story's updates (compacted into one row when its server closed) and who typed them.
    expect(before.tables.collab_updates.rows).toBeGreaterThan(0);
    expect(before.tables.collab_authors.rows).toBeGreaterThan(0);
    expect(before.tables.audit.rows).toBeGreaterThan(BULK / 2);
    expect(before.tables.versions.rows).toBeGreaterThan(BULK);

    expect(snapped.err).toEqual([]);
    expect(snapped.code).toBe(0);
    expect(snapped.out.join('\n')).toContain(`snapshot written: ${snapshot} (${BULK + 7} stories, 4 photos`);
    // The lock was released: the server can start on its folder again.
    expect(await exists(join(store.dataDir, '.lock'))).toBe(false);
    expect(await readdir(work)).toEqual(['newsroom.tar.gz']);
    // Password hashes and sessions are in it: its owner's only.
    expect((await stat(snapshot)).mode & 0o777).toBe(0o600);

    const restoredDir = join(work, 'restored');
    const restore = cliIo('ko');
    const t0 = performance.now();
    expect(await runServerCommand(['restore', snapshot, '--data', restoredDir], restore.io)).toBe(0);
    const restoreMs = performance.now() - t0;
    expect(restore.err).toEqual([]);
    expect(restore.out.join('\n')).toContain(`복원했습니다: 기사 ${BULK + 7}개, 사진 4개를 ${restoredDir}에`);
    expect(await readdir(work)).toEqual(['newsroom.tar.gz', 'restored']);

    const db = await openPglite(pgliteDir(restoredDir));
    let after: Contents;
    try {
      after = await newsroomContents(db);
    } finally {
      await db.close();
    }
    for (const [i, story] of before.stories.entries()) expect(after.stories[i], story.article.id).toEqual(story);
    for (const [i, photo] of before.photos.entries()) expect(after.photos[i].original.equals(photo.original), `photo ${i}`).toBe(true);
    expect(after).toEqual(before);

    const server = await startTestServer({ kind: 'pglite', dataDir: restoredDir, url: null } as TestStore);
    try {
      await checkRestoredServer(server, filled, before.photos.find((p) => (p.info as { id: string }).id === filled.photoIds[0])!.original);
    } finally {
      await server.close();
    }
    const size = (await stat(snapshot)).size;
    console.log(`snapshot: ${before.stories.length} stories, ${before.photos.length} photos: snapshot ${(snapshotMs / 1000).toFixed(1)} s, ${(size / 1024 / 1024).toFixed(1)} MB; restore ${(restoreMs / 1000).toFixed(1)} s`);
  }, 300_000);

  it('refuses a running server (3), an existing file (2), a real PostgreSQL (2) and a folder with no database (2), writing nothing', async () => {
    const lock = await LibraryLock.acquire(store.dataDir);
    const fresh = join(work, 'second.tar.gz');
    try {
      const running = cliIo();
      expect(await runServerCommand(['snapshot', fresh, '--data', store.dataDir], running.io)).toBe(3);
      expect(running.err.join('\n')).toContain('is in use by a running server');
    } finally {
      await lock.release();
    }
    const kept = await readFile(snapshot);
    const again = cliIo('ko');
    expect(await runServerCommand(['snapshot', snapshot, '--data', store.dataDir], again.io)).toBe(2);
    expect(again.err.join('\n')).toContain('이미 있습니다');
    expect((await readFile(snapshot)).equals(kept)).toBe(true);

    const postgres = cliIo('en', { DATABASE_URL: 'postgres://someone@127.0.0.1/newsroom' });
    expect(await runServerCommand(['snapshot', fresh, '--data', store.dataDir], postgres.io)).toBe(2);
    expect(postgres.err.join('\n')).toContain('pg_dump -Fc');

    const empty = join(work, 'empty');
    await mkdir(empty);
    const none = cliIo();
    expect(await runServerCommand(['snapshot', fresh, '--data', empty], none.io)).toBe(2);
    expect(none.err.join('\n')).toContain('there is no embedded database in');

    const usage = cliIo();
    expect(await runServerCommand(['snapshot', '--data', store.dataDir], usage.io)).toBe(2);
    expect(usage.err.join('\n')).toContain('name the file to write');
    expect(await exists(fresh)).toBe(false);
  });

  it('restore refuses a folder with anything in it and a missing snapshot (2), leaving them as they were', async () => {
    const busy = join(work, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'notes.txt'), '메모');
    const refused = cliIo();
    expect(await runServerCommand(['restore', snapshot, '--data', busy], refused.io)).toBe(2);
    expect(refused.err.join('\n')).toContain('is not empty');
    expect(await readdir(busy)).toEqual(['notes.txt']);

    const missing = cliIo('ko');
    expect(await runServerCommand(['restore', join(work, 'nothing.tar.gz'), '--data', join(work, 'nowhere')], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toContain('파일이 없습니다');
    expect(await exists(join(work, 'nowhere'))).toBe(false);

    const usage = cliIo();
    expect(await runServerCommand(['restore', '--data', join(work, 'nowhere')], usage.io)).toBe(2);
    expect(usage.err.join('\n')).toContain('name the snapshot to restore');
  });

  it('restore refuses a truncated, a damaged, a non-gzip, an escaping, a linking and a foreign snapshot (1) with a clear error, leaving no folder', async () => {
    const whole = await readFile(snapshot);
    const damaged = Buffer.from(whole);
    for (let i = 0; i < 64; i++) damaged[Math.floor(damaged.length / 2) + i] ^= 0x5a;
    // A PGlite database that is not a newsroom's: a snapshot's shape, no Copydesk tables.
    const foreignStore = await pgliteStore();
    const foreign = await PGlite.create({ dataDir: pgliteDir(foreignStore.dataDir) });
    const foreignTar = Buffer.from(await (await foreign.dumpDataDir('gzip')).arrayBuffer());
    await foreign.close();
    await foreignStore.dispose();
    // Archives that would write outside the database's folder, or a link: made with GNU tar.
    const evilDir = join(work, 'evil-src');
    await mkdir(evilDir);
    await writeFile(join(evilDir, 'PG_VERSION'), '17\n');
    await symlink('/etc/passwd', join(evilDir, 'link'));
    execFileSync('tar', ['-czf', join(work, 'escape.tgz'), '-C', evilDir, '--transform', 's,^PG_VERSION$,../../escaped,', 'PG_VERSION']);
    execFileSync('tar', ['-czf', join(work, 'link.tgz'), '-C', evilDir, 'PG_VERSION', 'link']);
    const cases: [string, Buffer, string][] = [
      ['escape', await readFile(join(work, 'escape.tgz')), 'would land outside'],
      ['link', await readFile(join(work, 'link.tgz')), 'an entry of type "2"'],
      ['truncated', whole.subarray(0, Math.floor(whole.length / 2)), 'is damaged or incomplete'],
      ['damaged', damaged, 'is damaged or incomplete'],
      ['text', Buffer.from('not a snapshot at all\n'), 'not a gzip file'],
      ['gzip of text', gzipSync(Buffer.from('a'.repeat(2048))), 'is damaged or incomplete'],
      ['foreign', foreignTar, 'is not a Copydesk server snapshot'],
    ];
    const emptyTarget = join(work, 'empty-target');
    for (const [name, bytes, message] of cases) {
      const file = join(work, `${name}.tar.gz`);
      await writeFile(file, bytes);
      const target = join(work, `restored-${name.replace(/ /g, '-')}`);
      const { io, err } = cliIo();
      expect(await runServerCommand(['restore', file, '--data', target], io), name).toBe(1);
      expect(err.join('\n'), name).toContain(message);
      expect(err.join('\n'), name).toContain('Nothing was restored');
      expect(await exists(target), name).toBe(false);
      // An empty folder given as the target stays, empty.
      await mkdir(emptyTarget, { recursive: true });
      expect(await runServerCommand(['restore', file, '--data', emptyTarget], cliIo().io), name).toBe(1);
      expect(await readdir(emptyTarget), name).toEqual([]);
      await rm(file);
    }
    // No half-made folder beside the targets either, and nothing written outside them.
    expect((await readdir(work)).filter((n) => n.includes('restoring'))).toEqual([]);
    expect(await exists(join(work, 'escaped'))).toBe(false);
    expect(await exists(join(tmpdir(), 'escaped'))).toBe(false);
  }, 120_000);
});
