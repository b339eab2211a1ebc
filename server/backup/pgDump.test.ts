// Backup of a newsroom on a real PostgreSQL with the commands the README gives: `pg_dump -Fc` of
// one throwaway database, `pg_restore --single-transaction --exit-on-error` into another, compared
// story by story, photo by photo and table by table, and a server started on the copy serves it.
// A truncated dump fails pg_restore and leaves the new database empty. Skipped, saying why, where
// no PostgreSQL or no pg_dump is found; in CI a missing one fails instead.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/Database';
import { postgresStore, type TestStore } from '../testing/bothDatabases';
import { throwawayDatabase, type ThrowawayDatabase } from '../testing/realPostgres';
import { startTestServer } from '../testing/testServer';
import { checkRestoredServer, fillNewsroom, newsroomContents, type Contents, type Filled } from './testing/sampleNewsroom';

const BULK = 30;
const run = promisify(execFile);

/** Debian's client tools for the cluster's version first (PATH's may be a wrapper), else PATH's. */
async function pgTool(name: 'pg_dump' | 'pg_restore'): Promise<string | null> {
  for (const version of ['17', '16', '15']) {
    const path = `/usr/lib/postgresql/${version}/bin/${name}`;
    if (existsSync(path)) return path;
  }
  return run(name, ['--version']).then(() => name, () => null);
}

const tools = { dump: await pgTool('pg_dump'), restore: await pgTool('pg_restore') };
const noTools = tools.dump && tools.restore ? null : 'pg_dump or pg_restore is not installed (Debian: postgresql-client)';
if (noTools && process.env.CI) throw new Error(`the backup tests need ${noTools}`);
if (noTools) console.warn(`skipping pg_dump/pg_restore tests: ${noTools}`);
const source = noTools ? { skip: noTools } : await postgresStore();

async function contentsOf(url: string): Promise<Contents> {
  const db = await openPostgres(url);
  try {
    return await newsroomContents(db);
  } finally {
    await db.close();
  }
}

describe.skipIf('skip' in source)('pg_dump and pg_restore of a newsroom on PostgreSQL', () => {
  const store = source as TestStore;
  let filled: Filled;
  let before: Contents;
  let work: string;
  const made: ThrowawayDatabase[] = [];

  async function freshDatabase(): Promise<ThrowawayDatabase> {
    const db = await throwawayDatabase();
    if ('skip' in db) throw new Error(db.skip);
    made.push(db);
    return db;
  }

  beforeAll(async () => {
    filled = await fillNewsroom(store, BULK);
    before = await contentsOf(store.url!);
    work = await mkdtemp(join(tmpdir(), 'copydesk-pgdump-'));
  }, 300_000);
  afterAll(async () => {
    for (const db of made) await db.drop();
    await store?.dispose();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it(`dumps ${BULK + 7} stories with pg_dump -Fc and restores them into a new database: story by story, photo by photo, every table`, async () => {
    expect(before.stories).toHaveLength(BULK + 7);
    expect(before.photos).toHaveLength(4);
    expect(before.tables.collab_authors.rows).toBeGreaterThan(0);
    const dump = join(work, 'newsroom.dump');
    let t0 = performance.now();
    await run(tools.dump!, ['-Fc', '--no-owner', '-d', store.url!, '-f', dump]);
    const dumpMs = performance.now() - t0;
    const target = await freshDatabase();
    t0 = performance.now();
    await run(tools.restore!, ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '-d', target.url, dump]);
    const restoreMs = performance.now() - t0;

    const after = await contentsOf(target.url);
    for (const [i, story] of before.stories.entries()) expect(after.stories[i], story.article.id).toEqual(story);
    for (const [i, photo] of before.photos.entries()) expect(after.photos[i].original.equals(photo.original), `photo ${i}`).toBe(true);
    expect(after).toEqual(before);

    const dataDir = await mkdtemp(join(work, 'data-'));
    const server = await startTestServer({ kind: 'postgres', dataDir, url: target.url } as TestStore);
    try {
      await checkRestoredServer(server, filled, before.photos.find((p) => (p.info as { id: string }).id === filled.photoIds[0])!.original);
    } finally {
      await server.close();
    }
    const size = (await stat(dump)).size;
    console.log(`pg_dump: ${before.stories.length} stories, ${before.photos.length} photos: dump ${(dumpMs / 1000).toFixed(1)} s, ${(size / 1024 / 1024).toFixed(2)} MB; pg_restore ${(restoreMs / 1000).toFixed(1)} s`);
  }, 300_000);

  it('a truncated dump fails pg_restore with an error and leaves the new database empty (one transaction)', async () => {
    const dump = join(work, 'whole.dump');
    await run(tools.dump!, ['-Fc', '--no-owner', '-d', store.url!, '-f', dump]);
    const whole = await readFile(dump);
    const cut = join(work, 'cut.dump');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const target = await freshDatabase();
    const failed = await run(tools.restore!, ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '-d', target.url, cut]).then(
      () => null,
      (err: Error & { code?: number; stderr?: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/pg_restore: error: .*(could not read|unexpected end of file|did not find magic string|could not find block)/);
    const db = await openPostgres(target.url);
    try {
      expect(await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
