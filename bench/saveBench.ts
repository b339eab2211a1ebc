// Autosave latency at 100, 1,000 and 10,000 articles (quick: 100 and 6,000, still over the 5,000
// that a library checks in the background): our library (one fsync'd file per article plus a
// journaled index) against the naive design, one lowdb JSONFile holding every article, at the same
// sizes and with the same article text, in the same run. The articles are written straight into
// the folder before opening, as a copied-in or synced library would be, and saved at once.
import { addAdmin } from '../core/testing/people';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { openCore } from '../core/createCore';
import { ARTICLE_SCHEMA_VERSION, emptyContent, type Article, type ArticleContent } from '../shared/model/article';
import { koreanParagraphs, paragraphsToDoc } from './koreanText';
import { percentile } from './stats';
import { sized, type Bench, type BenchOptions } from './bench';

const appInfo = { version: 'bench', platform: process.platform, host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' };

// A typical news story: ~600 Korean words (about 12 원고지 sheets).
export function storyContent(seed: number, headline: string): ArticleContent {
  return { ...emptyContent('ko'), headline, body: paragraphsToDoc(koreanParagraphs(600, seed)) };
}

function articles(count: number): Article[] {
  const at = new Date().toISOString();
  const base = storyContent(1, '');
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    headline: `기사 ${i}`,
    schemaVersion: ARTICLE_SCHEMA_VERSION, id: randomUUID(), revision: 0,
    createdAt: at, updatedAt: at, status: 'draft' as const, trashedAt: null,
    ownerId: null, corrections: [], lastTransition: null,
  }));
}

async function ourSaves(dir: string, seed: Article[], saves: number): Promise<number[]> {
  await mkdir(join(dir, 'articles'), { recursive: true });
  for (const a of seed) await writeFile(join(dir, 'articles', `${a.id}.json`), JSON.stringify(a));
  const core = await openCore({ libraryDir: dir, appInfo });
  const actor = await addAdmin(core);
  try {
    const target = seed[Math.floor(seed.length / 2)];
    const times: number[] = [];
    for (let r = 0; r < saves; r++) {
      const content = storyContent(r + 2, `판 ${r}`);
      const t0 = performance.now();
      await core.handlers.saveArticle({ id: target.id, actor, baseRevision: r, content });
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    await core.close();
  }
}

async function naiveSaves(dir: string, seed: Article[], saves: number): Promise<number[]> {
  await mkdir(dir, { recursive: true });
  const db = new Low<{ articles: Article[] }>(new JSONFile(join(dir, 'db.json')), { articles: [] });
  db.data.articles = seed;
  await db.write();
  const target = db.data.articles[Math.floor(seed.length / 2)];
  const times: number[] = [];
  for (let r = 0; r < saves; r++) {
    const content = storyContent(r + 2, `판 ${r}`);
    const t0 = performance.now();
    Object.assign(target, content, { revision: target.revision + 1, updatedAt: new Date().toISOString() });
    await db.write();
    times.push(performance.now() - t0);
  }
  return times;
}

async function runSaveBench(opts: BenchOptions): Promise<string[]> {
  const sizes = sized(opts, [100, 1_000, 10_000], [100, 6_000]);
  const [ourCount, naiveCount] = sized(opts, [60, 20], [10, 5]);
  const lines = [
    'Autosave latency (one save of a ~600-word story; ours: temp → fsync → rename → fsync dir, plus index journal):',
    `  ${'articles'.padStart(8)}   ${'ours p50'.padStart(10)} ${'ours p95'.padStart(10)}   ${'lowdb p50'.padStart(10)} ${'lowdb p95'.padStart(10)}   p95 speed-up`,
  ];
  for (const size of sizes) {
    const seed = articles(size);
    const work = await mkdtemp(join(tmpdir(), 'copydesk-savebench-'));
    try {
      const ours = await ourSaves(join(work, 'ours'), structuredClone(seed), ourCount);
      const naive = await naiveSaves(join(work, 'naive'), structuredClone(seed), naiveCount);
      const f = (n: number) => `${n.toFixed(2)} ms`.padStart(10);
      const speedup = percentile(naive, 95) / percentile(ours, 95);
      lines.push(`  ${size.toLocaleString('en').padStart(8)}   ${f(percentile(ours, 50))} ${f(percentile(ours, 95))}   ${f(percentile(naive, 50))} ${f(percentile(naive, 95))}   ${speedup.toFixed(1)}×`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  lines.push('  targets: ours p95 ≤ 20 ms at 10,000 articles, ≥ 20× faster than single-file lowdb');
  return lines;
}

export const saveBench: Bench = { name: 'Autosave', run: runSaveBench };
