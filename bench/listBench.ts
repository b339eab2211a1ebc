// The library list at scale: cold start (spawning the browser host's process → the first rows in
// Chromium), the core process's resident memory, and the renderer's JS heap after scrolling a few
// thousand rows and searching, then after 200 searches typed into the search box and 60 saves
// from the page, for generated libraries of 10,000 and 100,000 articles (quick: 2,000, fewer of
// each), each beside the same host on an empty library in the same run.
//   COPYDESK_BENCH_SIZES=10000 npm run bench -- list
import { bundleSearchWorker } from './searchWorkerBundle';
import { spawn, type ChildProcess } from 'node:child_process';
import { CORE_V8_FLAGS } from '../core/coreV8Flags';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumExecutable } from '../e2e/support/chromiumExecutable';
import { personStorageKey, type Person } from '../shared/model/person';
import type { CopydeskBridge } from '../shared/contract/bridge';
import { writeLibrary } from './library/writeLibrary';
import { ROW_HEIGHT } from '../renderer/src/library/listLayout';
import { emptyContent } from '../shared/model/article';
import { benchQueries } from './library/benchQueries';
import { scaleSizes, sized, type Bench, type BenchOptions } from './bench';

const ROOT = resolve(import.meta.dirname, '..');

/** How much each run does: cold starts per library, rows scrolled, then searches and saves before the second memory reading. */
interface Work {
  coldRuns: number;
  scrollRows: number;
  searches: number;
  saves: number;
}
const SEARCH = '배터리';
/** Set in the page, by an init script, when the rows (or the empty state) first enter the DOM. */
const SHOWN_AT = '__copydeskBenchShownAt';
const ADMIN: Person = { id: 'bench000-0000-4000-8000-000000000001', name: '관리자', role: 'admin', desk: '산업부', email: '', bylineName: '관리자', bylineRole: '기자', active: true };

interface Cold {
  /** Spawn → first rows (or the empty state) in the page. */
  totalMs: number;
  /** Of which: spawn → the host listening (the core open, everything loaded). */
  hostMs: number;
  /** The page's own clock: its navigation's start → the rows in its DOM (no browser context to make, no Playwright round trips). */
  navigationMs: number;
}

interface Memory {
  rssShownMB: number;
  rssSearchMB: number;
  heapMB: number;
  /** Seconds from the rows showing to the background file check and search index being ready. */
  readyS: number;
  /** After `searches` typed into the search box and `saves` from the page. */
  rssWorkedMB: number;
  heapWorkedMB: number;
  /** Then once the first backup snapshot (30 s after opening, every article read) is on disk. */
  rssBackedUpMB: number;
  heapBackedUpMB: number;
}

/** The generated library, hard-linked (article files are only ever replaced by rename, never written in place) with its index copied, so the cache stays pristine. */
async function workingCopy(source: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-listbench-'));
  await mkdir(join(dir, 'articles'));
  await mkdir(join(dir, 'index'));
  const names = await readdir(join(source, 'articles'));
  for (let i = 0; i < names.length; i += 500) {
    await Promise.all(names.slice(i, i + 500).map((n) => link(join(source, 'articles', n), join(dir, 'articles', n))));
  }
  for (const n of await readdir(join(source, 'index'))) await copyFile(join(source, 'index', n), join(dir, 'index', n));
  await copyFile(join(source, 'copydesk-library.json'), join(dir, 'copydesk-library.json'));
  return dir;
}

async function emptyLibrary(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'copydesk-listbench-empty-'));
}

/**
 * The browser host bundled into one file (dependencies stay in node_modules), as the desktop
 * app's main process is: cold start then measures the app, not TypeScript being compiled.
 * It sits one folder under the repository, as host/cli.ts does, so the host finds the built renderer.
 */
const HOST_BUNDLE = join(ROOT, '.bench', 'host.mjs');
async function bundleHost(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    build: {
      ssr: 'host/cli.ts',
      outDir: join(ROOT, '.bench'),
      emptyOutDir: false, // the generated libraries are cached beside it
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'host.mjs', codeSplitting: false } },
    },
  });
  await bundleSearchWorker();
}

function startHost(libraryDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...CORE_V8_FLAGS, HOST_BUNDLE, '--library', libraryDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (m) ok({ child, url: m[0] });
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => fail(new Error(`host exited with ${code}: ${out}`)));
  });
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const gone = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await gone;
}

async function rssMB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Opens the app as the admin and waits for the list (rows, or the empty state of an empty library). */
async function openList(browser: Browser, libraryDir: string, url: string, empty: boolean): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
  const selector = empty ? '[data-testid=library-empty]' : '[data-testid=article-row]';
  await context.addInitScript(
    ([k, id, selector, shownAt]) => {
      localStorage.setItem(k, id);
      const seen = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        (window as unknown as Record<string, number>)[shownAt] = performance.now();
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    },
    [personStorageKey(libraryDir), ADMIN.id, selector, SHOWN_AT] as const,
  );
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(selector);
  return page;
}

/** The core's RSS once it has stopped falling for 10 s (its collector giving back what a snapshot's garbage took), at most 90 s. */
async function settledRssMB(pid: number): Promise<number> {
  let low = await rssMB(pid);
  let lowAt = performance.now();
  const started = lowAt;
  while (performance.now() - lowAt < 10_000 && performance.now() - started < 90_000) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await rssMB(pid);
    if (now < low - 1) {
      low = now;
      lowAt = performance.now();
    }
  }
  return low;
}

/** Until the library's first backup snapshot (scheduled 30 s after opening) is on disk. */
async function firstBackup(page: Page): Promise<void> {
  await page.waitForFunction(
    async (actor) => {
      const got = await (window as unknown as { copydesk: CopydeskBridge }).copydesk.listBackups({ actor });
      return got.ok && got.value.length > 0;
    },
    ADMIN.id,
    { polling: 1000, timeout: 600_000 },
  );
}

async function waitIndexed(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const info = await (window as unknown as { copydesk: CopydeskBridge }).copydesk.getLibraryInfo({});
      return info.ok && info.value.indexing === null;
    },
    undefined,
    { polling: 250, timeout: 600_000 },
  );
}

/** Scrolls the list down `rows` rows a screenful at a time, waiting at each step for the rows to arrive. */
async function scrollThrough(page: Page, rows: number): Promise<void> {
  const list = page.getByTestId('article-list');
  const step = 600;
  for (let top = step; top <= rows * ROW_HEIGHT; top += step) {
    await list.evaluate((el, y) => el.scrollTo({ top: y }), top);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=article-list] [role=row][aria-busy=true]').length === 0, undefined, { polling: 'raf' });
  }
}

async function search(page: Page, empty: boolean): Promise<void> {
  await page.getByTestId('library-search').click();
  await page.keyboard.insertText(SEARCH);
  await page.waitForSelector(empty ? '[data-testid=library-empty]' : '[data-testid=row-snippet] mark, [data-testid=row-headline] mark');
}

async function jsHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / (1024 * 1024);
}

async function coldStart(browser: Browser, libraryDir: string, empty: boolean): Promise<Cold> {
  const started = performance.now();
  const { child, url } = await startHost(libraryDir);
  const hostMs = performance.now() - started;
  try {
    const page = await openList(browser, libraryDir, url, empty);
    const totalMs = performance.now() - started;
    const navigationMs = await page.evaluate((shownAt) => (window as unknown as Record<string, number>)[shownAt], SHOWN_AT);
    await page.context().close();
    return { totalMs, hostMs, navigationMs };
  } finally {
    await stopHost(child);
  }
}

/**
 * Searches typed into the search box one after another, each waited for until its answer is on
 * screen (a query equal to the one before would send nothing, so repeats are skipped).
 */
async function searches(page: Page, count: number): Promise<void> {
  const box = page.getByTestId('library-search');
  let previous = '';
  for (const text of benchQueries(count)) {
    if (text === previous) continue;
    previous = text;
    const answered = page.waitForResponse((res) => res.url().endsWith('/api/queryArticles') && (res.request().postData() ?? '').includes(`"text":${JSON.stringify(text)}`));
    await box.fill(text);
    await answered;
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=article-list] [role=row][aria-busy=true]').length === 0, undefined, { polling: 'raf' });
  }
}

/** Saves from the page, through the same bridge calls the editor's autosave makes, over the library's drafts. */
async function saves(page: Page, count: number): Promise<void> {
  if (count === 0) return;
  const keys = Object.keys(emptyContent('ko'));
  // No named helpers inside: the function is sent to the page as text, without tsx's __name.
  await page.evaluate(
    async ({ actor, count, keys }) => {
      const api = (window as unknown as { copydesk: Record<string, (input: unknown) => Promise<{ ok: boolean; value: never; error?: unknown }>> }).copydesk;
      const drafts = await api.queryArticles({ actor, scope: 'active', filters: { state: 'draft' }, offset: 0, limit: Math.min(count, 500) });
      if (!drafts.ok) throw new Error(JSON.stringify(drafts.error));
      const rows = (drafts.value as { rows: { summary: { id: string } }[] }).rows;
      if (rows.length === 0) throw new Error('no drafts to save');
      for (let i = 0; i < count; i++) {
        const id = rows[i % rows.length].summary.id;
        const got = await api.getArticle({ actor, id });
        if (!got.ok) throw new Error(JSON.stringify(got.error));
        const a = got.value as Record<string, unknown> & { revision: number };
        const content = Object.fromEntries(keys.map((k) => [k, a[k]]));
        const saved = await api.saveArticle({ id, actor, baseRevision: a.revision, content: { ...content, headline: `저장 ${i}` } });
        if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      }
    },
    { actor: ADMIN.id, count, keys },
  );
}

/** Memory with the list shown, then after the background check, scrolling and a search, then after more searches and saves. */
async function memory(browser: Browser, libraryDir: string, empty: boolean, work: Work): Promise<Memory> {
  const { child, url } = await startHost(libraryDir);
  let page: Page | null = null;
  try {
    page = await openList(browser, libraryDir, url, empty);
    const rssShownMB = await rssMB(child.pid!);
    const shownAt = performance.now();
    await waitIndexed(page);
    const readyS = (performance.now() - shownAt) / 1000;
    if (!empty) await scrollThrough(page, work.scrollRows);
    await search(page, empty);
    const rssSearchMB = await rssMB(child.pid!);
    const heapMB = await jsHeapMB(page);
    await searches(page, work.searches);
    if (!empty) await saves(page, work.saves);
    const heapWorkedMB = await jsHeapMB(page);
    const rssWorkedMB = await rssMB(child.pid!);
    await firstBackup(page);
    const heapBackedUpMB = await jsHeapMB(page);
    const rssBackedUpMB = await settledRssMB(child.pid!);
    return { rssShownMB, rssSearchMB, heapMB, readyS, rssWorkedMB, heapWorkedMB, rssBackedUpMB, heapBackedUpMB };
  } finally {
    await page?.context().close();
    await stopHost(child);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const mb = (x: number) => `${x.toFixed(0)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function runListBench(opts: BenchOptions): Promise<string[]> {
  const sizes = scaleSizes(opts, [10_000, 100_000], [2_000]);
  const work: Work = sized(opts, { coldRuns: 3, scrollRows: 3000, searches: 200, saves: 60 }, { coldRuns: 1, scrollRows: 300, searches: 20, saves: 6 });
  await bundleHost();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const lines = [`Library list (bundled browser host in its own process; Chromium headless, already running; warm OS file cache; cold starts alternate with the empty library's, median of ${work.coldRuns}):`];
  const made: string[] = [];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const emptyPage: number[] = [];
  const emptyNavigation: number[] = [];
  try {
    const emptyDir = await emptyLibrary();
    made.push(emptyDir);
    await writeFile(join(emptyDir, 'people.json'), JSON.stringify({ format: 'copydesk-people', version: 1, people: [ADMIN] }));
    const baseMemory = await memory(browser, emptyDir, true, work);
    lines.push(`  empty library: core RSS ${mb(baseMemory.rssShownMB)} (after a search ${mb(baseMemory.rssSearchMB)}), renderer JS heap ${baseMemory.heapMB.toFixed(1)} MB`);
    for (const n of sizes) {
      const source = await writeLibrary(join(ROOT, '.bench'), n, (done) => done % 10_000 === 0 && process.stdout.write(`  generating ${n}: ${done}\r`));
      const dir = await workingCopy(source);
      made.push(dir);
      await writeFile(join(dir, 'people.json'), JSON.stringify({ format: 'copydesk-people', version: 1, people: [ADMIN] }));
      const base: Cold[] = [];
      const runs: Cold[] = [];
      for (let i = 0; i < work.coldRuns; i++) {
        base.push(await coldStart(browser, emptyDir, true));
        runs.push(await coldStart(browser, dir, false));
      }
      const cold = median(runs.map((r) => r.totalMs));
      const coldBase = median(base.map((r) => r.totalMs));
      const after = median(runs.map((r) => r.totalMs - r.hostMs));
      const afterBase = median(base.map((r) => r.totalMs - r.hostMs));
      const mem = await memory(browser, dir, false, work);
      lines.push(`  cold start ${k(n)}: ${seconds(cold)} (empty library ${seconds(coldBase)}, ${ratio(cold, coldBase)}); of which host process up ${seconds(median(runs.map((r) => r.hostMs)))} (empty ${seconds(median(base.map((r) => r.hostMs)))}), page to first rows ${seconds(after)} (empty ${seconds(afterBase)}, ${ratio(after, afterBase)})`);
      lines.push(`  core RSS ${k(n)}: list shown ${mb(mem.rssShownMB)}, after scrolling ${work.scrollRows.toLocaleString('en')} rows and a search ${mb(mem.rssSearchMB)} (empty library ${mb(baseMemory.rssSearchMB)}, ${ratio(mem.rssSearchMB, baseMemory.rssSearchMB)}); background check and search index ready ${mem.readyS.toFixed(1)} s after the rows showed`);
      lines.push(`  renderer JS heap ${k(n)} after scrolling ${work.scrollRows.toLocaleString('en')} rows and a search: ${mem.heapMB.toFixed(1)} MB (empty library ${baseMemory.heapMB.toFixed(1)} MB, ${ratio(mem.heapMB, baseMemory.heapMB)})`);
      lines.push(`  core RSS + renderer JS heap ${k(n)}: ${mb(mem.rssSearchMB + mem.heapMB)} after scrolling and a search; after ${work.searches} searches and ${work.saves} saves from the page ${mb(mem.rssWorkedMB + mem.heapWorkedMB)} (core ${mb(mem.rssWorkedMB)}, renderer ${mem.heapWorkedMB.toFixed(1)} MB; empty library ${mb(baseMemory.rssWorkedMB + baseMemory.heapWorkedMB)}) (target ≤ 350 MB at 100k)`);
      lines.push(`  core RSS + renderer JS heap ${k(n)} once the first backup snapshot is taken (30 s after opening, every article read) and the core's RSS has settled: ${mb(mem.rssBackedUpMB + mem.heapBackedUpMB)} (core ${mb(mem.rssBackedUpMB)}, renderer ${mem.heapBackedUpMB.toFixed(1)} MB; empty library ${mb(baseMemory.rssBackedUpMB + baseMemory.heapBackedUpMB)})`);
      emptyPage.push(...base.map((r) => r.totalMs - r.hostMs));
      emptyNavigation.push(...base.map((r) => r.navigationMs));
    }
    // What a person waits for is the page: from its navigation to the rows in its DOM, by its own
    // clock. Making a browser context and Playwright's round trips are the harness's, not the app's.
    lines.push(`  page to first rows, empty library: ${seconds(median(emptyNavigation))} (the page's own clock from navigation to the empty list in its DOM, median of ${emptyNavigation.length}; target ≤ 0.5 s); with a new browser context and Playwright's round trips ${seconds(median(emptyPage))}`);
  } finally {
    await browser.close();
    for (const d of made) await rm(d, { recursive: true, force: true });
  }
  return lines;
}

export const listBench: Bench = { name: 'Library list', run: runListBench };
