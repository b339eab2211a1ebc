// The library at 10,000 and 100,000 generated articles (quick: 2,000; bench/library/generateArticles.ts):
// cold start to the first window of the list, search p50/p95 against a plain scan of every
// article's text, list filtering, save p95 against a 100-article library, and the core's
// memory against an empty library, each library measured in a process of its own.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { bundleSearchWorker } from './searchWorkerBundle';
import { writeLibrary } from './library/writeLibrary';
import { scaleSizes, sized, type Bench, type BenchOptions } from './bench';

const run = promisify(execFile);

interface Probe {
  articles: number;
  coldStartMs: number;
  indexedMs: number;
  search: { p50: number; p95: number; meanHits: number };
  page: { p50: number; p95: number };
  filter: { p50: number; p95: number };
  save: { p50: number; p95: number; gcMs: number; gcMaxMs: number; majorGcs: number };
  scan: { p50: number; p95: number };
  memory: { rssMB: number; heapMB: number; arrayBuffersMB: number };
  afterSaves: { searches: number; saves: number; rssMB: number; heapMB: number; workerHeapMB: number };
  index: { documents: number; terms: number; arenaMB: number; workerHeapMB: number; lastLoad: { fromDisk: boolean; read: number } | null };
}

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = join(ROOT, '.bench');
const PROBE = join(CACHE, 'probe.mjs');

/** The probe bundled as the app's core is (no TypeScript loader in the process), so its memory is the app's. */
async function bundleProbe(): Promise<void> {
  await build({ entryPoints: [join(ROOT, 'bench/library/probeLibrary.ts')], bundle: true, platform: 'node', format: 'esm', outfile: PROBE, packages: 'external', logLevel: 'warning' });
  await bundleSearchWorker();
}

async function probe(dir: string, args: string[] = []): Promise<Probe> {
  const { stdout } = await run(process.execPath, ['--expose-gc', PROBE, dir, ...args], { maxBuffer: 1 << 24, timeout: 30 * 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Probe;
}

const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

async function runSearchBench(opts: BenchOptions): Promise<string[]> {
  const sizes = scaleSizes(opts, [10_000, 100_000], [2_000]);
  // Each save is done twice over `saves` drafts: 60 saves in the full run.
  const saves = String(sized(opts, 30, 5));
  const lines: string[] = [];
  const empty = await mkdtemp(join(tmpdir(), 'copydesk-bench-empty-'));
  await bundleProbe();
  try {
    const base = await probe(empty);
    const small = await probe(await writeLibrary(CACHE, 100), ['--saves', saves]);
    lines.push(`empty library: cold start ${base.coldStartMs} ms, core RSS ${base.memory.rssMB} MB (heap ${base.memory.heapMB} MB)`);
    lines.push(`100 articles: save p50 ${small.save.p50} ms, p95 ${small.save.p95} ms`);
    for (const n of sizes) {
      const dir = await writeLibrary(CACHE, n, (done) => done % 20000 === 0 && process.stderr.write(`  generating ${done}/${n}\n`));
      const r = await probe(dir, ['--saves', saves, '--scan']);
      const label = `${(n / 1000).toFixed(0)}k`;
      lines.push(`${label}: cold start to the list ${r.coldStartMs} ms (empty ${base.coldStartMs} ms); search index ready after ${r.indexedMs} ms (${r.index.lastLoad?.fromDisk ? 'from disk' : 'rebuilt'}, ${r.index.lastLoad?.read ?? 0} articles read)`);
      lines.push(`${label}: search p50 ${r.search.p50} ms, p95 ${r.search.p95} ms (mean ${r.search.meanHits} hits) vs plain scan p50 ${r.scan.p50} ms, p95 ${r.scan.p95} ms: ${ratio(r.search.p95, r.scan.p95)} of the scan at p95`);
      lines.push(`${label}: first 50 results with snippets p50 ${r.page.p50} ms, p95 ${r.page.p95} ms; filter/sort a window p50 ${r.filter.p50} ms, p95 ${r.filter.p95} ms`);
      lines.push(`${label}: save p50 ${r.save.p50} ms, p95 ${r.save.p95} ms: ${ratio(r.save.p95, small.save.p95)} the 100-article p95 (target ≤ 1.5× at 100k); the core thread's collector ran ${r.save.gcMs} ms during the ${r.afterSaves.saves} saves (longest pause ${r.save.gcMaxMs} ms, ${r.save.majorGcs} full collections; 100 articles: ${small.save.gcMs} ms)`);
      lines.push(`${label}: core RSS ${r.memory.rssMB} MB (empty ${base.memory.rssMB} MB, +${r.memory.rssMB - base.memory.rssMB} MB), heap ${r.memory.heapMB} MB; after ${r.afterSaves.searches} searches and ${r.afterSaves.saves} saves ${r.afterSaves.rssMB} MB (heap ${r.afterSaves.heapMB} MB, search worker heap ${r.afterSaves.workerHeapMB} MB); search index ${r.index.documents} documents, ${r.index.terms} terms, ${r.index.arenaMB} MB of postings`);
    }
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
  return lines;
}

export const searchBench: Bench = { name: 'Search and scale', run: runSearchBench };
