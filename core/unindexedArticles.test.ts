// Article files the index has not learned yet: one that arrived while the library was open (sync,
// a copy into the folder), and the files of a library over 5,000 articles that are checked in the
// background after opening. Their files decide, not the index; and closing never waits for the
// background pass to begin.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../shared/contract/api';
import { ARTICLE_SCHEMA_VERSION, type Article } from '../shared/model/article';
import type { Core } from './createCore';
import { addAdmin } from './testing/people';
import { content, openTestCore, tempDir } from './testing/tempLibrary';

/** An article file as another machine (or a copy) writes it, straight into the folder. */
function onDisk(id: string, headline: string, revision: number, body = '본문'): Article {
  const at = '2026-11-27T09:00:00.000Z';
  return {
    ...content(headline, body),
    schemaVersion: ARTICLE_SCHEMA_VERSION, id, revision, createdAt: at, updatedAt: at,
    status: 'draft', trashedAt: null, ownerId: null, corrections: [], lastTransition: null,
  };
}

async function put(dir: string, article: Article): Promise<void> {
  await writeFile(join(dir, 'articles', `${article.id}.json`), JSON.stringify(article));
}

describe('an article file that arrives while the library is open', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let core: Core;
  let admin: string;
  afterEach(async () => {
    await core.close();
    await cleanup();
  });

  it('can be saved at once, and the list and search know it afterwards', async () => {
    ({ dir, cleanup } = await tempDir());
    core = await openTestCore(dir);
    admin = await addAdmin(core);
    await core.library.whenIndexed();
    await put(dir, onDisk('synced-article-0001', '동기화된 기사', 3));

    const saved = await core.handlers.saveArticle({ id: 'synced-article-0001', actor: admin, baseRevision: 3, content: content('동기화된 기사', '폐배터리 재활용') });
    expect(saved.revision).toBe(4);
    const listed = await core.handlers.queryArticles(contract.queryArticles.input.parse({ actor: admin, scope: 'active', text: '폐배터리', offset: 0, limit: 10 }));
    expect(listed.rows.map((r) => r.summary.id)).toEqual(['synced-article-0001']);
  });

  it('restored from a backup, becomes the file’s next revision with the file’s copy in the history', async () => {
    ({ dir, cleanup } = await tempDir());
    core = await openTestCore(dir);
    admin = await addAdmin(core);
    await core.library.whenIndexed();
    await put(dir, onDisk('synced-article-0002', '지금 원고', 5));

    const restored = await core.library.restoreFromBackup(onDisk('synced-article-0002', '백업된 원고', 2), admin, 'backup');
    // Taken for a deleted article, the backup's copy would have replaced the file as revision 3.
    expect(restored.revision).toBe(6);
    const { versions } = await core.handlers.getHistory({ actor: admin, id: 'synced-article-0002' });
    expect(versions.map((v) => v.revision)).toEqual([6]);
    expect((await core.handlers.getArticle({ actor: admin, id: 'synced-article-0002' })).headline).toBe('백업된 원고');
  });
});

describe('a library over 5,000 article files, opened a moment ago', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const target = 'bulk-article-02500';
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await mkdir(join(dir, 'articles'), { recursive: true });
    const ids = Array.from({ length: 5001 }, (_, i) => `bulk-article-${String(i).padStart(5, '0')}`);
    for (let i = 0; i < ids.length; i += 500) await Promise.all(ids.slice(i, i + 500).map((id) => put(dir, onDisk(id, `기사 ${id}`, 1))));
  });
  afterAll(async () => {
    vi.useRealTimers();
    await cleanup();
  });

  it('saves an article the background check has not reached yet', async () => {
    const core = await openTestCore(dir);
    try {
      const admin = await addAdmin(core);
      const saved = await core.handlers.saveArticle({ id: target, actor: admin, baseRevision: 1, content: content('고친 기사') });
      expect(saved.revision).toBe(2);
      expect(core.library.summaryOf(target)?.headline).toBe('고친 기사');
    } finally {
      await core.close();
    }
  });

  it('closes without waiting for the background check to begin', async () => {
    // The pass waits for the first list query or a timer that does not keep the process alive (the
    // command line's `copydesk import` exited mid-close). Frozen timers here: close must not need it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const core = await openTestCore(dir);
    expect(core.library.indexing).not.toBeNull();
    await core.close();
    vi.useRealTimers();
    // The lock is released: the library opens again.
    const again = await openTestCore(dir);
    await again.close();
  });
});
