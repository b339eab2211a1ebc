import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/contract/errors';
import type { Core } from './createCore';
import { content, openTestCore, tempDir } from './testing/tempLibrary';
import { addAdmin } from './testing/people';

let dir: string;
let cleanup: () => Promise<void>;
let core: Core;
let clock: number;
let actor: string;
const now = () => new Date(Date.UTC(2026, 10, 25, 9, 0, clock++));

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  clock = 0;
  core = await openTestCore(dir, now);
  actor = await addAdmin(core);
});
afterEach(async () => {
  await core.close().catch(() => undefined);
  await cleanup();
});

describe('Library on a real folder', () => {
  it('creates, saves, reads back and lists newest first', async () => {
    const h = core.handlers;
    const a = await h.createArticle({ actor, language: 'ko' });
    const b = await h.createArticle({ actor, language: 'en' });
    expect(a.byline.templateId).toBe('ko-bracket-desk');
    expect(b.byline.templateId).toBe('en-by');
    const saved = await h.saveArticle({ id: a.id, actor, baseRevision: 0, content: { ...content('도시광산'), byline: { outlet: '한빛경제', desk: '산업부', templateId: 'ko-bracket-desk', reporters: [{ name: '김하늘', role: '기자', email: '' }] } } });
    expect(saved.revision).toBe(1);
    const back = await h.getArticle({ actor, id: a.id });
    expect(back.headline).toBe('도시광산');
    expect(back.revision).toBe(1);
    const list = await h.listArticles({ actor, scope: 'active' });
    expect(list.map((s) => s.id)).toEqual([a.id, b.id]); // a was saved last
    expect(list[0].byline.outlet).toBe('한빛경제');
    // One file per article, written as JSON the user could read.
    const files = await readdir(join(dir, 'articles'));
    expect(files.filter((f) => f.endsWith('.json')).sort()).toEqual([`${a.id}.json`, `${b.id}.json`].sort());
    expect(JSON.parse(await readFile(join(dir, 'articles', `${a.id}.json`), 'utf8')).headline).toBe('도시광산');
  });

  it('keeps everything across a close and reopen', async () => {
    const a = await core.handlers.createArticle({ actor });
    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: 0, content: content('남는다', '한 글자도') });
    await core.handlers.updateSettings({ actor, uiLanguage: 'en' });
    await core.close();
    core = await openTestCore(dir, now);
    expect((await core.handlers.getArticle({ actor, id: a.id })).body).toEqual(content('', '한 글자도').body);
    expect((await core.handlers.listArticles({ actor, scope: 'active' }))[0].headline).toBe('남는다');
    expect((await core.handlers.getSettings({})).uiLanguage).toBe('en');
    expect((await core.handlers.getLibraryInfo({})).notices).toEqual([]);
  });

  it('refuses a save based on an old revision and keeps the newer text', async () => {
    const a = await core.handlers.createArticle({ actor });
    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: 0, content: content('first window') });
    const stale = core.handlers.saveArticle({ id: a.id, actor, baseRevision: 0, content: content('second window') });
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    expect((await core.handlers.getArticle({ actor, id: a.id })).headline).toBe('first window');
  });

  it('serialises quick saves to one article', async () => {
    const a = await core.handlers.createArticle({ actor });
    const saves = [0, 1, 2, 3, 4].map((r) => core.handlers.saveArticle({ id: a.id, actor, baseRevision: r, content: content(`v${r}`) }));
    expect((await Promise.all(saves)).map((s) => s.revision)).toEqual([1, 2, 3, 4, 5]);
    expect((await core.handlers.getArticle({ actor, id: a.id })).headline).toBe('v4');
  });

  it('duplicates, trashes, restores and empties the trash', async () => {
    const h = core.handlers;
    const a = await h.createArticle({ actor });
    await h.saveArticle({ id: a.id, actor, baseRevision: 0, content: content('원본') });
    const copy = await h.duplicateArticle({ id: a.id, actor });
    expect(copy.id).not.toBe(a.id);
    expect(copy.headline).toBe('원본');
    expect(copy.revision).toBe(0);
    await h.trashArticle({ id: a.id, actor });
    expect((await h.listArticles({ actor, scope: 'active' })).map((s) => s.id)).toEqual([copy.id]);
    expect((await h.listArticles({ actor, scope: 'trash' })).map((s) => s.id)).toEqual([a.id]);
    await h.restoreArticle({ id: a.id, actor });
    expect(await h.listArticles({ actor, scope: 'trash' })).toEqual([]);
    await h.trashArticle({ id: copy.id, actor });
    expect(await h.emptyTrash({ actor: actor })).toEqual({ removed: 1 });
    await expect(h.getArticle({ actor, id: copy.id })).rejects.toBeInstanceOf(ApiError);
    expect((await readdir(join(dir, 'articles'))).some((f) => f.startsWith(copy.id))).toBe(false);
    await core.close();
    core = await openTestCore(dir, now);
    expect((await core.handlers.listArticles({ actor, scope: 'active' })).map((s) => s.id)).toEqual([a.id]);
  });

  it('lets only one process open a library at a time', async () => {
    await expect(openTestCore(dir)).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'libraryLocked' } });
    await core.close();
    const again = await openTestCore(dir);
    await again.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    await core.close();
    const { writeFile } = await import('node:fs/promises');
    const { hostname } = await import('node:os');
    await writeFile(join(dir, '.lock'), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname() }));
    core = await openTestCore(dir);
    expect(await core.handlers.listArticles({ actor, scope: 'active' })).toEqual([]);
  });
});
