// Save latency as an article's history grows: an article with 1 version against one with 1,000, in
// the same library, saves alternating (every save a new version: a fake clock moves a minute per
// save, so nothing coalesces). The
// baseline, in the same run, is the naive design the issue warns against: one lowdb file holding
// an article's whole history, rewritten on every save.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { openCore } from '../core/createCore';
import { addAdmin } from '../core/testing/people';
import type { ArticleContent } from '../shared/model/article';
import { storyContent } from './saveBench';
import { percentile } from './stats';
import { sized, type Bench, type BenchOptions } from './bench';

const appInfo = { version: 'bench', platform: process.platform, host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' };

/**
 * One library, two articles: one with a single version, one with `history` versions. Measured saves
 * alternate between them, so both see the same machine noise.
 */
async function ourSaves(dir: string, history: number, measured: number): Promise<{ one: number[]; many: number[] }> {
  let clock = Date.UTC(2026, 10, 27, 9);
  const core = await openCore({ libraryDir: dir, appInfo, now: () => new Date(clock) });
  const actor = await addAdmin(core);
  try {
    const revisions = new Map<string, number>();
    const save = async (id: string, content: ArticleContent) => {
      clock += 61_000;
      revisions.set(id, (await core.handlers.saveArticle({ id, actor, baseRevision: revisions.get(id) ?? 0, content })).revision);
    };
    const one = (await core.handlers.createArticle({ actor, language: 'ko' })).id;
    const many = (await core.handlers.createArticle({ actor, language: 'ko' })).id;
    for (let i = 1; i < history; i++) await save(many, storyContent(i, `판 ${i}`));
    const times = { one: [] as number[], many: [] as number[] };
    for (let r = 0; r < measured; r++) {
      for (const [id, into] of [[one, times.one], [many, times.many]] as const) {
        const content = storyContent(r + 5, `측정 ${r}`);
        const t0 = performance.now();
        await save(id, content);
        into.push(performance.now() - t0);
      }
    }
    const { versions } = await core.handlers.getHistory({ actor, id: many });
    if (versions.length !== history + measured) throw new Error(`expected ${history + measured} versions, found ${versions.length}`);
    return times;
  } finally {
    await core.close();
  }
}

async function naiveSaves(dir: string, versionsBefore: number, measured: number): Promise<number[]> {
  const db = new Low<{ versions: ArticleContent[] }>(new JSONFile(join(dir, 'history.json')), { versions: [] });
  for (let i = 0; i < versionsBefore; i++) db.data.versions.push(storyContent(i, `판 ${i}`));
  await db.write();
  const times: number[] = [];
  for (let r = 0; r < Math.min(measured, 20); r++) {
    const content = storyContent(r + 5, `측정 ${r}`);
    const t0 = performance.now();
    db.data.versions.push(content);
    await db.write();
    times.push(performance.now() - t0);
  }
  return times;
}

async function runHistoryBench(opts: BenchOptions): Promise<string[]> {
  const history = sized(opts, 1_000, 50);
  const measured = sized(opts, 120, 10);
  const work = await mkdtemp(join(tmpdir(), 'copydesk-historybench-'));
  try {
    const f = (n: number) => `${n.toFixed(2)} ms`.padStart(10);
    const row = (name: string, s: number[]) => `  ${name.padEnd(34)} p50 ${f(percentile(s, 50))}  p95 ${f(percentile(s, 95))}  (n=${s.length})`;
    const { one, many } = await ourSaves(join(work, 'ours'), history, measured);
    const naive = await naiveSaves(work, history, measured);
    return [
      `Save latency by history length (~600-word story, every save a new version: article + .bak + index journal + version file):`,
      row('ours, 1 version at start', one),
      row(`ours, ${history.toLocaleString('en')} versions at start`, many),
      row(`naive one-file history, ${history.toLocaleString('en')}`, naive),
      `  ratio ${history.toLocaleString('en')}/1: p50 ${(percentile(many, 50) / percentile(one, 50)).toFixed(2)}×, p95 ${(percentile(many, 95) / percentile(one, 95)).toFixed(2)}× (target ≈ 1×);` +
        ` naive/ours at ${history.toLocaleString('en')}: p95 ${(percentile(naive, 95) / percentile(many, 95)).toFixed(1)}×`,
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const historyBench: Bench = { name: 'History', run: runHistoryBench };
