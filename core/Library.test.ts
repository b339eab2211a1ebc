import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/contract/errors';
import { content, openTestCore } from './testing/tempLibrary';
import { useTestCore } from './testing/useTestCore';

let clock: number;
const now = () => new Date(Date.UTC(2026, 10, 25, 9, 0, clock++));
beforeEach(() => {
  clock = 0;
});
const lib = useTestCore(now);


describe('Library on a real folder', () => {
  it('creates, saves, reads back and lists newest first', async () => {
    const h = lib.core.handlers;
    const a = await h.createArticle({ actor: lib.actor, language: 'ko' });
    const b = await h.createArticle({ actor: lib.actor, language: 'en' });
    expect(a.byline.templateId).toBe('ko-bracket-desk');
    expect(b.byline.templateId).toBe('en-by');
    const saved = await h.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: { ...content('도시광산'), byline: { outlet: '한빛경제', desk: '산업부', templateId: 'ko-bracket-desk', reporters: [{ name: '김하늘', role: '기자', email: '' }] } } });
    expect(saved.revision).toBe(1);
    const back = await h.getArticle({ actor: lib.actor, id: a.id });
    expect(back.headline).toBe('도시광산');
    expect(back.revision).toBe(1);
    const list = await h.listArticles({ actor: lib.actor, scope: 'active' });
    expect(list.map((s) => s.id)).toEqual([a.id, b.id]); // a was saved last
    expect(list[0].byline.outlet).toBe('한빛경제');
    // One file per article, written as JSON the user could read.
    const files = await readdir(join(lib.dir, 'articles'));
    expect(files.filter((f) => f.endsWith('.json')).sort()).toEqual([`${a.id}.json`, `${b.id}.json`].sort());
    expect(JSON.parse(await readFile(join(lib.dir, 'articles', `${a.id}.json`), 'utf8')).headline).toBe('도시광산');
  });

  it('keeps everything across a close and reopen', async () => {
    const a = await lib.core.handlers.createArticle({ actor: lib.actor });
    await lib.core.handlers.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: content('남는다', '한 글자도') });
    await lib.core.handlers.updateSettings({ actor: lib.actor, uiLanguage: 'en' });
    await lib.core.close();
    lib.core = await openTestCore(lib.dir, now);
    expect((await lib.core.handlers.getArticle({ actor: lib.actor, id: a.id })).body).toEqual(content('', '한 글자도').body);
    expect((await lib.core.handlers.listArticles({ actor: lib.actor, scope: 'active' }))[0].headline).toBe('남는다');
    expect((await lib.core.handlers.getSettings({})).uiLanguage).toBe('en');
    expect((await lib.core.handlers.getLibraryInfo({})).notices).toEqual([]);
  });

  it('refuses a save based on an old revision and keeps the newer text', async () => {
    const a = await lib.core.handlers.createArticle({ actor: lib.actor });
    await lib.core.handlers.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: content('first window') });
    const stale = lib.core.handlers.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: content('second window') });
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    expect((await lib.core.handlers.getArticle({ actor: lib.actor, id: a.id })).headline).toBe('first window');
  });

  it('serialises quick saves to one article', async () => {
    const a = await lib.core.handlers.createArticle({ actor: lib.actor });
    const saves = [0, 1, 2, 3, 4].map((r) => lib.core.handlers.saveArticle({ id: a.id, actor: lib.actor, baseRevision: r, content: content(`v${r}`) }));
    expect((await Promise.all(saves)).map((s) => s.revision)).toEqual([1, 2, 3, 4, 5]);
    expect((await lib.core.handlers.getArticle({ actor: lib.actor, id: a.id })).headline).toBe('v4');
  });

  it('duplicates, trashes, restores and empties the trash', async () => {
    const h = lib.core.handlers;
    const a = await h.createArticle({ actor: lib.actor });
    await h.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: content('원본') });
    const copy = await h.duplicateArticle({ id: a.id, actor: lib.actor });
    expect(copy.id).not.toBe(a.id);
    expect(copy.headline).toBe('원본');
    expect(copy.revision).toBe(0);
    await h.trashArticle({ id: a.id, actor: lib.actor });
    expect((await h.listArticles({ actor: lib.actor, scope: 'active' })).map((s) => s.id)).toEqual([copy.id]);
    expect((await h.listArticles({ actor: lib.actor, scope: 'trash' })).map((s) => s.id)).toEqual([a.id]);
    await h.restoreArticle({ id: a.id, actor: lib.actor });
    expect(await h.listArticles({ actor: lib.actor, scope: 'trash' })).toEqual([]);
    await h.trashArticle({ id: copy.id, actor: lib.actor });
    expect(await h.emptyTrash({ actor: lib.actor })).toEqual({ removed: 1 });
    await expect(h.getArticle({ actor: lib.actor, id: copy.id })).rejects.toBeInstanceOf(ApiError);
    expect((await readdir(join(lib.dir, 'articles'))).some((f) => f.startsWith(copy.id))).toBe(false);
    await lib.core.close();
    lib.core = await openTestCore(lib.dir, now);
    expect((await lib.core.handlers.listArticles({ actor: lib.actor, scope: 'active' })).map((s) => s.id)).toEqual([a.id]);
  });

  it('lets only one process open a library at a time', async () => {
    await expect(openTestCore(lib.dir)).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'libraryLocked' } });
    await lib.core.close();
    const again = await openTestCore(lib.dir);
    await again.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    await lib.core.close();
    const { writeFile } = await import('node:fs/promises');
    const { hostname } = await import('node:os');
    await writeFile(join(lib.dir, '.lock'), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname() }));
    lib.core = await openTestCore(lib.dir);
    expect(await lib.core.handlers.listArticles({ actor: lib.actor, scope: 'active' })).toEqual([]);
  });
});
