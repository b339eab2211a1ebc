// One library, measured in a process of its own so its memory is its own: `node --import tsx
// bench/library/probeLibrary.ts DIR [--saves N] [--scan]` prints one JSON line. Cold start is
// from before opening to the first window of the list; searches go through the same call the
// renderer makes; the plain-scan baseline holds every article's text in memory and checks each.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { contract } from '../../shared/contract/api';
import { openCore } from '../../core/createCore';
import { addAdmin } from '../../core/testing/people';
import { articleText } from '../../shared/search/articleText';
import { benchQueries } from './benchQueries';
import { percentile } from '../stats';
import type { Article } from '../../shared/model/article';

const dir = process.argv[2];
const saves = Number(process.argv[process.argv.indexOf('--saves') + 1] || 0);
const scan = process.argv.includes('--scan');
const appInfo = { version: 'bench', platform: process.platform, host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' };
const mb = (n: number) => Math.round(n / 1e6);

const t0 = performance.now();
const core = await openCore({ libraryDir: dir, appInfo, backupSchedule: false } as never);
const opened = performance.now();
const people = await core.handlers.listPeople({});
const actor = people.find((p) => p.role === 'admin')?.id ?? (await addAdmin(core));
const query = (text: string, limit = 50) => core.handlers.queryArticles(contract.queryArticles.input.parse({ actor, scope: 'active', text, offset: 0, limit }));
const first = await query('', 100);
const coldStartMs = performance.now() - t0;
const openMs = opened - t0;
await core.library.whenIndexed();
const indexedMs = performance.now() - t0;
const queries = benchQueries();
for (const q of queries.slice(0, 20)) await query(q); // warm up
const searchMs: number[] = [];
const pageMs: number[] = [];
let hits = 0;
for (const q of queries) {
  let s = performance.now();
  const r = await query(q, 1);
  searchMs.push(performance.now() - s);
  hits += r.total;
  s = performance.now();
  await query(q, 50);
  pageMs.push(performance.now() - s);
}
const filterMs: number[] = [];
for (const state of ['all', 'published', 'draft', 'sent'] as const) {
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await core.handlers.queryArticles(contract.queryArticles.input.parse({ actor, scope: 'active', text: '', filters: { state }, order: i % 2 ? 'headline' : 'auto', offset: 5000, limit: 100 }));
    filterMs.push(performance.now() - s);
  }
}
global.gc?.();
const mem = process.memoryUsage();
const stats = core.library.searchStats;
// Measured in the core's thread, the figures would not be the app's: say so rather than print them.
if (stats.inThread) throw new Error('the search index ran in the core’s thread: its worker did not start (bench/searchWorkerBundle.ts)');

const saveMs: number[] = [];
// The core thread's collector during the saves: pauses that land on a save are what its p95 shows.
const gcDuringSaves = { ms: 0, max: 0, major: 0 };
const gcWatch = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcDuringSaves.ms += e.duration;
    gcDuringSaves.max = Math.max(gcDuringSaves.max, e.duration);
    if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gcDuringSaves.major++;
  }
});
if (saves > 0) {
  gcWatch.observe({ entryTypes: ['gc'] });
  const rows = (await core.handlers.queryArticles(contract.queryArticles.input.parse({ actor, scope: 'active', filters: { state: 'draft' }, offset: 0, limit: saves }))).rows;
  for (let i = 0; i < saves * 2; i++) {
    const row = rows[i % rows.length];
    const a = await core.handlers.getArticle({ actor, id: row.summary.id });
    const text = `저장 ${i}: ` + a.headline;
    const s = performance.now();
    await core.handlers.saveArticle({ id: a.id, actor, baseRevision: a.revision, content: { ...a, headline: text } });
    saveMs.push(performance.now() - s);
  }
  gcWatch.disconnect();
}

await core.library.whenIndexed(); // the saves are in the search index, its figures up to date
global.gc?.();
const afterSaves = process.memoryUsage();
const workerAfter = core.library.searchStats.heapBytes;

let scanMs: number[] = [];
if (scan) {
  // Baseline: the plain scan. Every article's searchable text in memory (not counted above), each query checked against each.
  const texts: string[] = [];
  const names = await readdir(join(dir, 'articles'));
  for (let i = 0; i < names.length; i += 256) {
    const batch = await Promise.all(names.slice(i, i + 256).filter((n) => n.endsWith('.json')).map((n) => readFile(join(dir, 'articles', n), 'utf8')));
    for (const t of batch) texts.push(articleText(JSON.parse(t) as Article).map((f) => f.text).join('\n').toLowerCase());
  }
  scanMs = queries.slice(0, 50).map((q) => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const s = performance.now();
    let n = 0;
    for (const t of texts) if (words.every((w) => t.includes(w))) n++;
    return n >= 0 ? performance.now() - s : 0;
  });
}
const p = (a: number[], q: number) => Math.round(percentile(a, q) * 100) / 100;
console.log(
  JSON.stringify({
    articles: first.total,
    openMs: Math.round(openMs),
    coldStartMs: Math.round(coldStartMs),
    indexedMs: Math.round(indexedMs),
    search: { p50: p(searchMs, 50), p95: p(searchMs, 95), meanHits: Math.round(hits / queries.length) },
    page: { p50: p(pageMs, 50), p95: p(pageMs, 95) },
    filter: { p50: p(filterMs, 50), p95: p(filterMs, 95) },
    save: { p50: p(saveMs, 50), p95: p(saveMs, 95), all: process.env.COPYDESK_BENCH_ALL ? saveMs.map((x) => Math.round(x)) : undefined, gcMs: Math.round(gcDuringSaves.ms), gcMaxMs: Math.round(gcDuringSaves.max * 10) / 10, majorGcs: gcDuringSaves.major },
    scan: { p50: p(scanMs, 50), p95: p(scanMs, 95) },
    memory: { rssMB: mb(mem.rss), heapMB: mb(mem.heapUsed), arrayBuffersMB: mb(mem.arrayBuffers) },
    afterSaves: { searches: queries.length, saves: saveMs.length, rssMB: mb(afterSaves.rss), heapMB: mb(afterSaves.heapUsed), workerHeapMB: mb(workerAfter) },
    index: { documents: stats.documents, terms: stats.terms, arenaMB: mb(stats.arenaBytes), workerHeapMB: mb(stats.heapBytes), lastLoad: stats.lastLoad },
  }),
);
await core.close();
process.exit(0);
