// 새 기사 then leaving it without a word typed: the core deletes the untouched draft for good
// (file, list, search, history), and keeps every article that was saved, imported, duplicated,
// binned or is someone else's.
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { content, openTestCore } from './testing/tempLibrary';
import { addPerson } from './testing/people';
import { useTestCore } from './testing/useTestCore';

const lib = useTestCore();
let reporter: string;
beforeEach(async () => {
  reporter = await addPerson(lib.core, '김하늘', 'reporter', lib.actor);
});


const exists = (path: string) => access(path).then(() => true, () => false);
const fileOf = (id: string) => join(lib.dir, 'articles', `${id}.json`);
const activeIds = async (actor: string) => (await lib.core.handlers.listArticles({ actor, scope: 'active' })).map((s) => s.id);

it('deletes an untouched new article everywhere: file, history, list, search, and it stays gone after a restart', async () => {
  const h = lib.core.handlers;
  const kept = await h.createArticle({ actor: reporter });
  await h.saveArticle({ id: kept.id, actor: reporter, baseRevision: 0, content: content('남는 기사') });
  // A reporter's new story carries their byline: the creation default, still untouched.
  const a = await h.createArticle({ actor: reporter });
  expect(a.byline.reporters[0]?.name).toBe('김하늘');
  await lib.core.library.whenIndexed();
  const docs = lib.core.library.searchStats.documents;
  expect(await exists(fileOf(a.id))).toBe(true);
  expect(await exists(join(lib.dir, 'history', a.id))).toBe(true);

  expect(await h.discardUntouched({ actor: reporter, id: a.id })).toEqual({ discarded: true });
  expect(await exists(fileOf(a.id))).toBe(false);
  expect(await exists(join(lib.dir, 'history', a.id))).toBe(false);
  expect(await activeIds(reporter)).toEqual([kept.id]);
  // The search index lives in its own thread: its figures are as of its last answer.
  await lib.core.library.whenIndexed();
  expect(lib.core.library.searchStats.documents).toBe(docs - 1);
  expect((await h.getLibraryInfo({})).articleCount).toBe(1);
  // Again (another window leaving the same draft): nothing to do, and no error.
  expect(await h.discardUntouched({ actor: reporter, id: a.id })).toEqual({ discarded: false });

  await lib.core.close();
  lib.core = await openTestCore(lib.dir);
  expect(await activeIds(reporter)).toEqual([kept.id]);
  expect(await readdir(join(lib.dir, 'articles'))).not.toContain(`${a.id}.json`);
});

it('treats a save that changes nothing as untouched, and keeps a story whose headline was typed and saved', async () => {
  const h = lib.core.handlers;
  const same = await h.createArticle({ actor: lib.actor });
  const { revision } = await h.saveArticle({ id: same.id, actor: lib.actor, baseRevision: 0, content: { ...same } });
  expect(revision).toBe(0);
  expect(await h.discardUntouched({ actor: lib.actor, id: same.id })).toEqual({ discarded: true });

  const typed = await h.createArticle({ actor: lib.actor });
  await h.saveArticle({ id: typed.id, actor: lib.actor, baseRevision: 0, content: { ...typed, headline: '제목만 쳤다' } });
  expect(await h.discardUntouched({ actor: lib.actor, id: typed.id })).toEqual({ discarded: false });
  expect(await exists(fileOf(typed.id))).toBe(true);
  expect((await h.getArticle({ actor: lib.actor, id: typed.id })).headline).toBe('제목만 쳤다');
});

it('lets only the owner discard: another person is refused at the gate and the draft stays', async () => {
  const h = lib.core.handlers;
  const a = await h.createArticle({ actor: reporter });
  await expect(h.discardUntouched({ actor: lib.actor, id: a.id })).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'role', action: 'discard' } });
  expect(await exists(fileOf(a.id))).toBe(true);
  expect(await activeIds(lib.actor)).toContain(a.id);
});

it('keeps imported and duplicated articles and a draft that has been to the trash and back', async () => {
  const h = lib.core.handlers;
  const imported = await h.importFiles({ actor: reporter, jobId: 'job-discard-import', files: [{ name: 'story.md', bytes: new TextEncoder().encode('# 가져온 제목\n\n가져온 본문입니다.\n') }] });
  expect(imported.results[0].error).toBeNull();
  const importedId = imported.results[0].articleId!;
  expect((await h.getArticle({ actor: reporter, id: importedId })).revision).toBe(0);
  expect(await h.discardUntouched({ actor: reporter, id: importedId })).toEqual({ discarded: false });

  const source = await h.createArticle({ actor: reporter });
  await h.saveArticle({ id: source.id, actor: reporter, baseRevision: 0, content: content('원본') });
  const copy = await h.duplicateArticle({ actor: reporter, id: source.id });
  expect(copy.revision).toBe(0);
  expect(await h.discardUntouched({ actor: reporter, id: copy.id })).toEqual({ discarded: false });

  const binned = await h.createArticle({ actor: reporter });
  await h.trashArticle({ actor: reporter, id: binned.id });
  await h.restoreArticle({ actor: reporter, id: binned.id });
  expect(await h.discardUntouched({ actor: reporter, id: binned.id })).toEqual({ discarded: false });

  for (const id of [importedId, copy.id, binned.id]) expect(await exists(fileOf(id))).toBe(true);
  expect(await activeIds(reporter)).toEqual(expect.arrayContaining([importedId, copy.id, binned.id, source.id]));
});

it('keeps the draft when a save from another window reaches the core first (same queue)', async () => {
  const h = lib.core.handlers;
  const a = await h.createArticle({ actor: reporter });
  const [saved, discard] = await Promise.all([
    h.saveArticle({ id: a.id, actor: reporter, baseRevision: 0, content: { ...a, headline: '다른 창에서' } }),
    h.discardUntouched({ actor: reporter, id: a.id }),
  ]);
  expect(saved.revision).toBe(1);
  expect(discard).toEqual({ discarded: false });
  expect((await h.getArticle({ actor: reporter, id: a.id })).headline).toBe('다른 창에서');
});
