// A save whose content is what the library already holds (typing undone, Ctrl+S twice) writes
// nothing: the revision stays, and the history gets no version identical to the one before it.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from './createCore';
import { COALESCE_MS } from './HistoryStore';
import { content, openTestCore, tempDir } from './testing/tempLibrary';
import { addAdmin } from './testing/people';

let dir: string;
let cleanup: () => Promise<void>;
let core: Core;
let clock: number;
let actor: string;
// Far apart, so saves never coalesce: every real save is a version of its own.
const now = () => new Date(Date.UTC(2026, 10, 25, 9, 0, 0) + clock++ * (COALESCE_MS + 1000));

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

it('keeps the revision, the file and the history as they were when a save changes nothing', async () => {
  const h = core.handlers;
  const a = await h.createArticle({ actor, language: 'ko' });
  const first = await h.saveArticle({ id: a.id, actor, baseRevision: 0, content: content('도시광산', '폐가전에서 금을 캔다') });
  const file = join(dir, 'articles', `${a.id}.json`);
  const before = { text: await readFile(file, 'utf8'), mtimeMs: (await stat(file)).mtimeMs };
  const versions = (await h.getHistory({ actor, id: a.id })).versions.length;

  const again = await h.saveArticle({ id: a.id, actor, baseRevision: first.revision, content: content('도시광산', '폐가전에서 금을 캔다') });
  expect(again).toEqual(first);
  expect(await readFile(file, 'utf8')).toBe(before.text);
  expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  expect((await h.getHistory({ actor, id: a.id })).versions).toHaveLength(versions);
  expect((await h.listArticles({ actor, scope: 'active' }))[0].revision).toBe(first.revision);

  // A real change after it is based on the same revision and makes a version as ever.
  const changed = await h.saveArticle({ id: a.id, actor, baseRevision: first.revision, content: content('도시광산', '폐가전에서 금과 은을 캔다') });
  expect(changed.revision).toBe(first.revision + 1);
  expect((await h.getHistory({ actor, id: a.id })).versions).toHaveLength(versions + 1);
});
