// A save whose content is what the library already holds (typing undone, Ctrl+S twice) writes
// nothing: the revision stays, and the history gets no version identical to the one before it.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { COALESCE_MS } from '../shared/workflow/versions';
import { content } from './testing/tempLibrary';
import { useTestCore } from './testing/useTestCore';

let clock: number;
// Far apart, so saves never coalesce: every real save is a version of its own.
const now = () => new Date(Date.UTC(2026, 10, 25, 9, 0, 0) + clock++ * (COALESCE_MS + 1000));
beforeEach(() => {
  clock = 0;
});
const lib = useTestCore(now);


it('keeps the revision, the file and the history as they were when a save changes nothing', async () => {
  const h = lib.core.handlers;
  const a = await h.createArticle({ actor: lib.actor, language: 'ko' });
  const first = await h.saveArticle({ id: a.id, actor: lib.actor, baseRevision: 0, content: content('도시광산', '폐가전에서 금을 캔다') });
  const file = join(lib.dir, 'articles', `${a.id}.json`);
  const before = { text: await readFile(file, 'utf8'), mtimeMs: (await stat(file)).mtimeMs };
  const versions = (await h.getHistory({ actor: lib.actor, id: a.id })).versions.length;

  const again = await h.saveArticle({ id: a.id, actor: lib.actor, baseRevision: first.revision, content: content('도시광산', '폐가전에서 금을 캔다') });
  expect(again).toEqual(first);
  expect(await readFile(file, 'utf8')).toBe(before.text);
  expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  expect((await h.getHistory({ actor: lib.actor, id: a.id })).versions).toHaveLength(versions);
  expect((await h.listArticles({ actor: lib.actor, scope: 'active' }))[0].revision).toBe(first.revision);

  // A real change after it is based on the same revision and makes a version as ever.
  const changed = await h.saveArticle({ id: a.id, actor: lib.actor, baseRevision: first.revision, content: content('도시광산', '폐가전에서 금과 은을 캔다') });
  expect(changed.revision).toBe(first.revision + 1);
  expect((await h.getHistory({ actor: lib.actor, id: a.id })).versions).toHaveLength(versions + 1);
});
