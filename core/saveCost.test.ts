// A save costs the same whatever the library's size or the article's history: it touches the
// article's own file, its backup, one appended journal line and its newest history version,
// never the index snapshot, another article or older versions. Checked by what lands on disk
// rather than by timing (timings live in `npm run bench`).
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { parseLog } from './storage/appendLogFormat';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_SCHEMA_VERSION, type Article } from '../shared/model/article';
import { content, openTestCore, tempDir } from './testing/tempLibrary';
import { addAdmin } from './testing/people';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function libraryWith(count: number) {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  await mkdir(join(dir, 'articles'), { recursive: true });
  const at = new Date().toISOString();
  // Written straight to disk as another session would have left them; opening indexes them.
  for (let i = 0; i < count; i++) {
    const article: Article = {
      ...content(`기사 ${i}`, '가'.repeat(200)),
      schemaVersion: ARTICLE_SCHEMA_VERSION, id: randomUUID(), revision: 0, createdAt: at, updatedAt: at, status: 'draft', trashedAt: null,
      ownerId: null, corrections: [], lastTransition: null,
    };
    await writeFile(join(dir, 'articles', `${article.id}.json`), JSON.stringify(article));
  }
  const core = await openTestCore(dir);
  cleanups.unshift(() => core.close());
  const actor = await addAdmin(core);
  // The search index is built and saved in the background after opening; that is not a save's cost.
  await core.library.whenIndexed();
  return { core, dir, actor };
}

/** Every file under `dir` with its size and mtime. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await readdir(dir, { recursive: true })) {
    const s = await stat(join(dir, name));
    if (s.isFile()) out.set(name, `${s.size}:${s.mtimeMs}`);
  }
  return out;
}

async function effectOfSaves(count: number, saves = 5) {
  const { core, dir, actor } = await libraryWith(count);
  const article = await core.handlers.createArticle({ actor });
  const before = await filesOf(dir);
  const journalPath = join(dir, 'index', 'journal.log');
  const journalBefore = (await stat(journalPath)).size;
  const recordsBefore = parseLog(await readFile(journalPath)).records.length;
  for (let r = 0; r < saves; r++) {
    await core.handlers.saveArticle({ id: article.id, actor, baseRevision: r, content: content(`판 ${r}`, '나'.repeat(1500)) });
  }
  const after = await filesOf(dir);
  const touched = [...after].filter(([name, sig]) => before.get(name) !== sig).map(([name]) => name).sort();
  const journal = parseLog(await readFile(journalPath));
  expect(journal.tail).toBeNull();
  return { touched, appendedRecords: journal.records.length - recordsBefore, appendedBytes: journal.validBytes - journalBefore, id: article.id };
}

describe('save cost', () => {
  it('touches only the article, its backup, the journal and one history version, whatever the library size', async () => {
    const small = await effectOfSaves(10);
    const large = await effectOfSaves(2000);
    for (const run of [small, large]) {
      // Five quick saves by one person coalesce into version 2 (version 1 is the article's creation).
      const history = [`history/${run.id}/v000002.json.gz`, `history/${run.id}/versions.jsonl`];
      expect(run.touched).toEqual([`articles/${run.id}.json`, `articles/${run.id}.json.bak`, 'index/journal.log', ...history].sort());
    }
    // One short record per save, the same size at 10 and at 2,000 articles (digits of mtimes may differ).
    expect(large.appendedRecords).toBe(5);
    expect(small.appendedRecords).toBe(5);
    expect(Math.abs(large.appendedBytes - small.appendedBytes)).toBeLessThan(5 * 20);
  }, 60_000);
});
