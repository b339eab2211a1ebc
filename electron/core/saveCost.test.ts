// A save costs the same whatever the library's size: the median save at 5,000 articles stays
// within 2× of the median at 10 (lowdb's single-file design would be ~500× slower here).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_SCHEMA_VERSION, type Article } from '../../shared/model/article';
import { content, openTestCore, tempDir } from './testing/tempLibrary';

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
      ...content(`기사 ${i}`, '가'.repeat(1500)),
      schemaVersion: ARTICLE_SCHEMA_VERSION, id: randomUUID(), revision: 0, createdAt: at, updatedAt: at, status: 'draft', trashedAt: null,
    };
    await writeFile(join(dir, 'articles', `${article.id}.json`), JSON.stringify(article));
  }
  const core = await openTestCore(dir);
  cleanups.unshift(() => core.close());
  return core;
}

async function medianSaveMs(count: number, saves = 40): Promise<number> {
  const core = await libraryWith(count);
  const article = await core.handlers.createArticle({});
  const times: number[] = [];
  for (let r = 0; r < saves; r++) {
    const t0 = performance.now();
    await core.handlers.saveArticle({ id: article.id, baseRevision: r, content: content(`판 ${r}`, '나'.repeat(1500) + r) });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

describe('save cost', () => {
  it('does not grow with the number of articles', async () => {
    const small = await medianSaveMs(10);
    const large = await medianSaveMs(5000);
    // Allow a 1 ms floor: sub-millisecond medians are dominated by timer noise.
    expect(large).toBeLessThan(Math.max(small, 1) * 2);
  }, 60_000);
});
