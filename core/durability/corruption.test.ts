// Torn and corrupt files, every kind of file the library keeps × every kind of damage: the library
// still opens, recovers each file from its last good copy where there is one (or rebuilds it from
// the articles, for the index), moves the bad file aside, says what it did, and the repair holds.
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../createCore';
import type { Notice } from '../../shared/contract/errors';
import { dispatch } from '../../shared/contract/dispatch';
import { unwrap } from '../../shared/contract/errors';
import { content, openTestCore, tempDir } from '../testing/tempLibrary';
import { addAdmin, addPerson } from '../testing/people';
import { quarantine } from '../storage/quarantine';

/** Damage done in place (same file, same inode), as a torn write or a failing disk leaves it. */
const DAMAGE: Record<string, (bytes: Buffer) => Buffer> = {
  truncated: (b) => b.subarray(0, Math.floor(b.length / 2)),
  'zero-filled': (b) => Buffer.alloc(b.length),
  garbage: (b) => Buffer.from(Array.from({ length: Math.max(b.length, 64) }, (_, i) => (i * 7919 + 13) % 256)),
  empty: () => Buffer.alloc(0),
  'valid JSON, wrong shape': () => Buffer.from(JSON.stringify({ schemaVersion: 1, format: 'copydesk-people', version: 1, headline: 42, people: 'none' })),
};

/**
 * One test's library, used over two sessions, the second ended by a crash: the index has a
 * snapshot and a journal with the last save in it, and settings, people and article `a` each have a
 * last good copy. Each test has its own, so the matrix runs concurrently.
 */
class Scenario {
  core: Core | null = null;
  a = '';
  b = '';
  admin = '';

  private constructor(readonly dir: string) {}

  static async seed(onFinished: (fn: () => Promise<void>) => void): Promise<Scenario> {
    const { dir, cleanup } = await tempDir();
    const s = new Scenario(dir);
    onFinished(async () => {
      await s.core?.close().catch(() => undefined);
      await cleanup();
    });
    let c = await openTestCore(dir);
    s.admin = await addAdmin(c);
    await addPerson(c, '김하늘', 'reporter', s.admin);
    await c.handlers.updateSettings({ actor: s.admin, outlet: '한빛경제', uiLanguage: 'en' });
    s.a = (await c.handlers.createArticle({ actor: s.admin })).id;
    await c.handlers.saveArticle({ id: s.a, actor: s.admin, baseRevision: 0, content: content('첫 판') });
    await c.handlers.saveArticle({ id: s.a, actor: s.admin, baseRevision: 1, content: content('둘째 판') });
    s.b = (await c.handlers.createArticle({ actor: s.admin })).id;
    await c.handlers.saveArticle({ id: s.b, actor: s.admin, baseRevision: 0, content: content('Second story', 'English body') });
    await c.close();
    // Second session: one more save, then the process dies (no close: the journal keeps the save).
    c = await openTestCore(dir);
    await c.handlers.saveArticle({ id: s.a, actor: s.admin, baseRevision: 2, content: content('셋째 판') });
    await unlink(join(dir, '.lock'));
    return s;
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  async harm(kind: string, ...parts: string[]): Promise<void> {
    const file = this.path(...parts);
    await writeFile(file, DAMAGE[kind](await readFile(file)));
  }

  async reopen(): Promise<{ notices: Notice[]; quarantined: string[] }> {
    this.core = await openTestCore(this.dir);
    const notices = (await this.core.handlers.getLibraryInfo({})).notices;
    const quarantined = await readdir(this.path('quarantine')).catch(() => [] as string[]);
    return { notices, quarantined };
  }

  get handlers(): Core['handlers'] {
    return this.core!.handlers;
  }

  async listed(): Promise<Record<string, [number, string]>> {
    const rows = await this.handlers.listArticles({ actor: this.admin, scope: 'active' });
    return Object.fromEntries(rows.map((s) => [s.id, [s.revision, s.headline]]));
  }

  /** Closes and opens again: a repair is on disk, so the second start has nothing to report and shows the same. */
  async reopenedAgain(): Promise<{ notices: Notice[]; same: boolean }> {
    const before = await this.listed();
    await this.core!.close();
    const { notices } = await this.reopen();
    return { notices, same: JSON.stringify(await this.listed()) === JSON.stringify(before) };
  }
}

const other = (kind: string) => (kind === 'empty' ? 'garbage' : kind);

for (const kind of Object.keys(DAMAGE)) {
  describe.concurrent(`${kind}`, () => {
    it('article: recovered from its last good copy, the damaged file kept in quarantine, reported', async ({ expect, onTestFinished }) => {
      const lib = await Scenario.seed(onTestFinished);
      const { a, b } = lib;
      await lib.harm(kind, 'articles', `${a}.json`);
      const { notices, quarantined } = await lib.reopen();
      expect(notices).toEqual([expect.objectContaining({ code: 'articleRecovered', params: expect.objectContaining({ id: a, headline: '둘째 판' }) })]);
      expect(quarantined).toEqual([expect.stringMatching(new RegExp(`^${a}\\.json\\.`))]);
      expect(await lib.listed()).toEqual({ [a]: [2, '둘째 판'], [b]: [1, 'Second story'] });
      expect((await lib.handlers.getArticle({ actor: lib.admin, id: a })).headline).toBe('둘째 판');
      expect(await lib.reopenedAgain()).toEqual({ notices: [], same: true });
    });

    it('article and its last good copy: moved aside and reported, every other article still opens', async ({ expect, onTestFinished }) => {
      const lib = await Scenario.seed(onTestFinished);
      const { a, b } = lib;
      await lib.harm(kind, 'articles', `${a}.json`);
      await lib.harm(other(kind), 'articles', `${a}.json.bak`);
      const { notices, quarantined } = await lib.reopen();
      expect(notices).toEqual([expect.objectContaining({ code: 'articleQuarantined', params: expect.objectContaining({ id: a }) })]);
      expect(quarantined).toHaveLength(1);
      expect(await lib.listed()).toEqual({ [b]: [1, 'Second story'] });
      await expect(lib.handlers.getArticle({ actor: lib.admin, id: a })).rejects.toMatchObject({ code: 'notFound' });
      expect(await lib.reopenedAgain()).toEqual({ notices: [], same: true });
    });

    it('index snapshot: rebuilt from the article files and reported', async ({ expect, onTestFinished }) => {
      const lib = await Scenario.seed(onTestFinished);
      const { a, b } = lib;
      // The list's snapshot (summaries.bin; summaries.json before the list went binary).
      const snapshot = (await readdir(lib.path('index'))).find((n) => /^summaries\.(bin|json)$/.test(n));
      expect(snapshot).toBeDefined();
      await lib.harm(kind, 'index', snapshot!);
      const { notices } = await lib.reopen();
      expect(notices.map((n) => n.code)).toEqual(['indexRebuilt']);
      expect(await lib.listed()).toEqual({ [a]: [3, '셋째 판'], [b]: [1, 'Second story'] });
      expect(await lib.reopenedAgain()).toEqual({ notices: [], same: true });
    });

    it('index journal: the list still shows every article at its saved revision', async ({ expect, onTestFinished }) => {
      const lib = await Scenario.seed(onTestFinished);
      const { a, b } = lib;
      await lib.harm(kind, 'index', 'journal.log');
      const { notices, quarantined } = await lib.reopen();
      // Nothing of a person's is lost or moved: the index is derived and is put right from the files.
      expect(notices.filter((n) => n.code !== 'indexRebuilt')).toEqual([]);
      expect(quarantined).toEqual([]);
      expect(await lib.listed()).toEqual({ [a]: [3, '셋째 판'], [b]: [1, 'Second story'] });
      expect(await lib.reopenedAgain()).toEqual({ notices: [], same: true });
    });

    it('search index: rebuilt from the article files, and search finds the latest text', async ({ expect, onTestFinished }) => {
      const lib = await Scenario.seed(onTestFinished);
      await lib.reopen(); // the second session crashed before writing it: a clean start writes it
      await lib.core!.close();
      await lib.harm(kind, 'index', 'search.bin');
      const { notices, quarantined } = await lib.reopen();
      expect(notices.filter((n) => n.code !== 'indexRebuilt')).toEqual([]);
      expect(quarantined).toEqual([]);
      const search = async (text: string) => {
        for (;;) {
          const r = unwrap(await dispatch(lib.handlers, 'queryArticles', { actor: lib.admin, scope: 'active', text, offset: 0, limit: 10 }));
          if (r.indexing === null) return r.rows.map((row) => row.summary.id);
          await new Promise((ok) => setTimeout(ok, 20));
        }
      };
      expect(await search('셋째')).toEqual([lib.a]);
      expect(await search('Second story')).toEqual([lib.b]);
      expect(await search('둘째')).toEqual([]);
    });

    it('settings: restored from the last good copy, the damaged file kept, reported', async ({ expect, onTestFinished }) => {
      const lib = await Scenario.seed(onTestFinished);
      await lib.harm(kind, 'settings.json');
      const { notices, quarantined } = await lib.reopen();
      expect(notices).toEqual([expect.objectContaining({ code: 'settingsReset', params: expect.objectContaining({ restored: 'backup' }) })]);
      expect(quarantined).toEqual([expect.stringMatching(/^settings\.json\./)]);
      expect(await lib.handlers.getSettings({})).toMatchObject({ outlet: '한빛경제', uiLanguage: 'en' });
      expect(await lib.reopenedAgain()).toEqual({ notices: [], same: true });
      expect(await lib.handlers.getSettings({})).toMatchObject({ outlet: '한빛경제', uiLanguage: 'en' });
    });

    it('settings and their last good copy: defaults, the damaged file kept, reported', async ({ expect, onTestFinished }) => {
      const lib = await Scenario.seed(onTestFinished);
      await lib.harm(kind, 'settings.json');
      await lib.harm(other(kind), 'settings.json.bak');
      const { notices, quarantined } = await lib.reopen();
      expect(notices).toEqual([expect.objectContaining({ code: 'settingsReset', params: expect.objectContaining({ restored: 'defaults' }) })]);
      expect(quarantined).toEqual([expect.stringMatching(/^settings\.json\./)]);
      expect(await lib.handlers.getSettings({})).toMatchObject({ outlet: '', uiLanguage: 'system' });
      expect(await lib.reopenedAgain()).toEqual({ notices: [], same: true });
    });

    it('people: restored from the last good copy (no one can make themselves admin), reported', async ({ expect, onTestFinished }) => {
      const lib = await Scenario.seed(onTestFinished);
      await lib.harm(kind, 'people.json');
      const { notices, quarantined } = await lib.reopen();
      expect(notices).toEqual([expect.objectContaining({ code: 'peopleReset', params: expect.objectContaining({ restored: 'backup' }) })]);
      expect(quarantined).toEqual([expect.stringMatching(/^people\.json\./)]);
      const people = await lib.handlers.listPeople({});
      expect(people.map((p) => [p.id, p.name, p.role])).toEqual([[lib.admin, '관리자', 'admin'], [expect.any(String), '김하늘', 'reporter']]);
      expect(await lib.reopenedAgain()).toEqual({ notices: [], same: true });
    });

    it('people and their last good copy: moved aside and reported, the library opens for an admin to be set up', async ({ expect, onTestFinished }) => {
      const lib = await Scenario.seed(onTestFinished);
      await lib.harm(kind, 'people.json');
      await lib.harm(other(kind), 'people.json.bak');
      const { notices, quarantined } = await lib.reopen();
      expect(notices).toEqual([expect.objectContaining({ code: 'peopleReset' })]);
      expect(notices[0].params.restored).not.toBe('backup');
      expect(quarantined).toEqual([expect.stringMatching(/^people\.json\./)]);
      expect(await lib.handlers.listPeople({})).toEqual([]);
    });
  });
}

describe('quarantine', () => {
  it('keeps every damaged copy of the same file, even within one millisecond', async ({ onTestFinished }) => {
    const { dir, cleanup } = await tempDir();
    onTestFinished(cleanup);
    const at = new Date('2025-01-02T03:04:05.678Z');
    for (const text of ['first bad', 'second bad']) {
      await writeFile(join(dir, 'settings.json'), text);
      await quarantine(dir, join(dir, 'settings.json'), at);
    }
    const names = (await readdir(join(dir, 'quarantine'))).sort();
    expect(names).toHaveLength(2);
    const texts = await Promise.all(names.map((n) => readFile(join(dir, 'quarantine', n), 'utf8')));
    expect(texts.sort()).toEqual(['first bad', 'second bad']);
  });
});
