// Recovery cases beside the damage matrix (durability/corruption.test.ts, every file kind × every
// kind of damage): a newer Copydesk's file is refused, never quarantined; a torn journal tail is skipped.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { content, openTestCore } from './testing/tempLibrary';
import { migrateArticle, NewerVersionError, type Migration } from './migrations/migrateArticle';
import { encodeFrame, parseLog } from './storage/appendLogFormat';
import { useTestCore } from './testing/useTestCore';

const lib = useTestCore();


async function twoSavedArticles() {
  const a = await lib.core.handlers.createArticle({ actor: lib.actor });
  await lib.core.handlers.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: content('첫 판') });
  await lib.core.handlers.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 1, content: content('둘째 판') });
  const b = await lib.core.handlers.createArticle({ actor: lib.actor });
  await lib.core.handlers.saveArticle({ id: b.id, actor: lib.actor, baseRevision: 0, content: content('멀쩡한 기사') });
  await lib.core.close();
  return { a: a.id, b: b.id, file: join(lib.dir, 'articles', `${a.id}.json`) };
}

describe('article files from a newer Copydesk', () => {
  it('refuses, but never quarantines, a file from a newer Copydesk', async () => {
    const { a, file } = await twoSavedArticles();
    const newer = { ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: 99 };
    await writeFile(file, JSON.stringify(newer));
    lib.core = await openTestCore(lib.dir);
    await expect(lib.core.handlers.getArticle({ actor: lib.actor, id: a })).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'newerVersion' } });
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(99);
  });
});

describe('the index journal', () => {
  it('ignores a torn last journal record and still finds every article', async () => {
    const a = await lib.core.handlers.createArticle({ actor: lib.actor });
    await lib.core.handlers.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: content('저널') });
    // Simulate a crash: the journal is left as written (no compaction on close) with a torn tail.
    const journal = join(lib.dir, 'index', 'journal.log');
    const before = await readFile(journal);
    expect(parseLog(before).records.length).toBeGreaterThan(0);
    (lib.core as unknown as { close(): Promise<void> }).close = async () => undefined;
    // Half of a record, as a kill in the middle of an append leaves it.
    const torn = encodeFrame(Buffer.from('{"op":"del","id":"x"}'));
    await writeFile(journal, Buffer.concat([before, torn.subarray(0, torn.length - 3)]));
    const { unlink } = await import('node:fs/promises');
    await unlink(join(lib.dir, '.lock'));
    lib.core = await openTestCore(lib.dir);
    expect((await lib.core.handlers.listArticles({ actor: lib.actor, scope: 'active' }))[0].headline).toBe('저널');
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
