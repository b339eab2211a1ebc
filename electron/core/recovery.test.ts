// Damaged files: each is detected, moved aside (never deleted), recovered from its last good
// copy where there is one, reported as a notice, and never takes the rest of the library down.
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from './createCore';
import { content, openTestCore, tempDir } from './testing/tempLibrary';
import { addAdmin } from './testing/people';
import { migrateArticle, NewerVersionError, type Migration } from './migrations/migrateArticle';

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

const damage: Record<string, (file: string) => Promise<void>> = {
  garbage: (f) => writeFile(f, '\u0000\u0001garbage{{{'),
  'zero bytes': (f) => truncate(f, 0),
  'truncated JSON': async (f) => writeFile(f, (await readFile(f, 'utf8')).slice(0, 40)),
  'valid JSON, wrong shape': (f) => writeFile(f, JSON.stringify({ schemaVersion: 1, headline: 42 })),
  'zero-filled': async (f) => writeFile(f, Buffer.alloc((await readFile(f)).length)),
};

describe('damaged article files', () => {
  for (const [name, harm] of Object.entries(damage)) {
    it(`${name}: recovered from the last good copy, quarantined, reported`, async () => {
      const { a, b, file } = await twoSavedArticles();
      await harm(file);
      core = await openTestCore(dir);
      const info = await core.handlers.getLibraryInfo({});
      expect(info.notices).toEqual([expect.objectContaining({ code: 'articleRecovered', params: expect.objectContaining({ id: a }) })]);
      // The previous good version is back; the other article is untouched.
      expect((await core.handlers.getArticle({ id: a })).headline).toBe('첫 판');
      expect((await core.handlers.getArticle({ id: b })).headline).toBe('멀쩡한 기사');
      expect((await core.handlers.listArticles({ scope: 'active' })).length).toBe(2);
      const moved = await readdir(join(dir, 'quarantine'));
      expect(moved).toHaveLength(1);
      expect(moved[0].startsWith(`${a}.json.`)).toBe(true);
    });
  }

  it('without a good copy: quarantined and reported, the library still opens', async () => {
    const { a, b, file } = await twoSavedArticles();
    await writeFile(file, 'not json');
    await writeFile(file + '.bak', 'not json either');
    core = await openTestCore(dir);
    const info = await core.handlers.getLibraryInfo({});
    expect(info.notices.map((n) => n.code)).toEqual(['articleQuarantined']);
    expect((await core.handlers.listArticles({ scope: 'active' })).map((s) => s.id)).toEqual([b]);
    await expect(core.handlers.getArticle({ id: a })).rejects.toMatchObject({ code: 'notFound' });
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(1);
  });

  it('refuses, but never quarantines, a file from a newer Copydesk', async () => {
    const { a, file } = await twoSavedArticles();
    const newer = { ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: 99 };
    await writeFile(file, JSON.stringify(newer));
    core = await openTestCore(dir);
    await expect(core.handlers.getArticle({ id: a })).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'newerVersion' } });
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(99);
  });
});

describe('damaged settings and index', () => {
  it('resets unreadable settings from the last good copy and says so', async () => {
    await core.handlers.updateSettings({ uiLanguage: 'en' });
    await core.handlers.updateSettings({ uiLanguage: 'ko' });
    await core.close();
    await writeFile(join(dir, 'settings.json'), '{"schemaVersion":1,');
    core = await openTestCore(dir);
    expect((await core.handlers.getSettings({})).uiLanguage).toBe('en');
    expect((await core.handlers.getLibraryInfo({})).notices.map((n) => n.code)).toEqual(['settingsReset']);
  });

  it('rebuilds a missing or damaged index from the article files', async () => {
    const { a, b } = await twoSavedArticles();
    await writeFile(join(dir, 'index', 'summaries.json'), 'garbage');
    await writeFile(join(dir, 'index', 'journal.jsonl'), '{"op":"put","entry":{tor');
    core = await openTestCore(dir);
    expect((await core.handlers.listArticles({ scope: 'active' })).map((s) => s.id).sort()).toEqual([a, b].sort());
    expect((await core.handlers.getLibraryInfo({})).notices.map((n) => n.code)).toEqual(['indexRebuilt']);
  });

  it('ignores a torn last journal line and still finds every article', async () => {
    const a = await core.handlers.createArticle({ actor });
    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: 0, content: content('저널') });
    // Simulate a crash: the journal is left as written (no compaction on close) with a torn tail.
    const journal = join(dir, 'index', 'journal.jsonl');
    const before = await readFile(journal, 'utf8');
    expect(before.trim().split('\n').length).toBeGreaterThan(0);
    (core as unknown as { close(): Promise<void> }).close = async () => undefined;
    await writeFile(journal, before + '{"op":"put","entry":{"summ');
    const { unlink } = await import('node:fs/promises');
    await unlink(join(dir, '.lock'));
    core = await openTestCore(dir);
    expect((await core.handlers.listArticles({ scope: 'active' }))[0].headline).toBe('저널');
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
