// Recovery cases beside the damage matrix (durability/corruption.test.ts, every file kind × every
// kind of damage): a newer Copydesk's file is refused, never quarantined; a torn journal tail is skipped.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from './createCore';
import { content, openTestCore, tempDir } from './testing/tempLibrary';
import { addAdmin } from './testing/people';
import { migrateArticle, NewerVersionError, type Migration } from './migrations/migrateArticle';
import { encodeFrame, parseLog } from './storage/appendLogFormat';

let dir: string;
let cleanup: () => Promise<void>;
let core: Core;
let actor: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  core = await openTestCore(dir);
  actor = await addAdmin(core);
});
afterEach(async () => {
  await core.close().catch(() => undefined);
  await cleanup();
});

async function twoSavedArticles() {
  const a = await core.handlers.createArticle({ actor });
  await core.handlers.saveArticle({ id: a.id, actor, baseRevision: 0, content: content('첫 판') });
  await core.handlers.saveArticle({ id: a.id, actor, baseRevision: 1, content: content('둘째 판') });
  const b = await core.handlers.createArticle({ actor });
  await core.handlers.saveArticle({ id: b.id, actor, baseRevision: 0, content: content('멀쩡한 기사') });
  await core.close();
  return { a: a.id, b: b.id, file: join(dir, 'articles', `${a.id}.json`) };
}

describe('article files from a newer Copydesk', () => {
  it('refuses, but never quarantines, a file from a newer Copydesk', async () => {
    const { a, file } = await twoSavedArticles();
    const newer = { ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: 99 };
    await writeFile(file, JSON.stringify(newer));
    core = await openTestCore(dir);
    await expect(core.handlers.getArticle({ actor, id: a })).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'newerVersion' } });
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(99);
  });
});

describe('the index journal', () => {
  it('ignores a torn last journal record and still finds every article', async () => {
    const a = await core.handlers.createArticle({ actor });
    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: 0, content: content('저널') });
    // Simulate a crash: the journal is left as written (no compaction on close) with a torn tail.
    const journal = join(dir, 'index', 'journal.log');
    const before = await readFile(journal);
    expect(parseLog(before).records.length).toBeGreaterThan(0);
    (core as unknown as { close(): Promise<void> }).close = async () => undefined;
    // Half of a record, as a kill in the middle of an append leaves it.
    const torn = encodeFrame(Buffer.from('{"op":"del","id":"x"}'));
    await writeFile(journal, Buffer.concat([before, torn.subarray(0, torn.length - 3)]));
    const { unlink } = await import('node:fs/promises');
    await unlink(join(dir, '.lock'));
    core = await openTestCore(dir);
    expect((await core.handlers.listArticles({ actor, scope: 'active' }))[0].headline).toBe('저널');
  });
});

describe('article migrations', () => {
  it('upgrades old files step by step and refuses newer ones', () => {
    const steps: Migration[] = [
      { from: 0, up: (raw) => ({ ...raw, deck: raw.subtitle ? [raw.subtitle] : [] }) },
      { from: 1, up: (raw) => ({ ...raw, tags: raw.tags ?? [] }) },
    ];
    expect(migrateArticle({ subtitle: '부제' }, steps, 2)).toEqual({ subtitle: '부제', deck: ['부제'], tags: [], schemaVersion: 2 });
    expect(migrateArticle({ schemaVersion: 1, deck: [] }, steps, 2)).toEqual({ schemaVersion: 2, deck: [], tags: [] });
    expect(() => migrateArticle({ schemaVersion: 3 }, steps, 2)).toThrow(NewerVersionError);
  });
});
