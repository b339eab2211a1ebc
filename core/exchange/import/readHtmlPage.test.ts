// Web pages are read in a worker thread: the same article as in-thread, a page past the time limit
// refused as tooSlow with its worker gone, cancel terminates the worker, the core answers other
// calls while a slow page is read, and without a worker file the page is still read (in-thread).
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { openTestCore, tempDir } from '../../testing/tempLibrary';
import { addAdmin } from '../../testing/people';
import { fromHtmlPage } from './fromHtmlPage';
import { NEWS_PAGE_HEADLINE, newsPage } from '../testing/newsPage';
import { readHtmlPage, runningPageWorkers, useHtmlPageWorker } from './readHtmlPage';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Within every pre-parse limit, yet Readability takes seconds over it (1,200 paragraphs: 1–5 s; 7,000: well over 10 s). */
function slowPage(paragraphs = 7_000, padding = 0): Uint8Array {
  const filler = ' More words about the budget.'.repeat(Math.ceil(padding / 29)).slice(0, padding);
  const p = Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} of the council's budget story, with enough words to count.${filler}</p>`).join('');
  return utf8(`<!DOCTYPE html><html><head><title>Budget</title></head><body><article><h1>Budget</h1>${p}</article></body></html>`);
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

async function noWorkersLeft(): Promise<number> {
  for (let i = 0; i < 100 && runningPageWorkers() > 0; i++) await new Promise((r) => setTimeout(r, 50));
  return runningPageWorkers();
}

afterEach(() => useHtmlPageWorker(null));
afterAll(async () => {
  useHtmlPageWorker(null); // lets the idle worker go
  await noWorkersLeft();
});

describe('readHtmlPage', () => {
  it('reads a page in a worker into the same article as the in-thread reader', { timeout: 60_000 }, async () => {
    const bytes = newsPage();
    const article = await readHtmlPage(bytes, 'port.html');
    // The worker stays for the next page: it is the one that read this one.
    expect(runningPageWorkers()).toBe(1);
    expect(article).toEqual(await fromHtmlPage(bytes, 'port.html'));
    expect(article.content.headline).toBe(NEWS_PAGE_HEADLINE);
  });

  it('refuses a page not read within the time limit as tooSlow, and terminates its worker', { timeout: 60_000 }, async () => {
    useHtmlPageWorker(null);
    await noWorkersLeft();
    // tooSlow comes only from the limit's timer (a page read to the end would be an article), so no clock is needed here.
    const err = await failure(readHtmlPage(slowPage(), 'slow.html', { limits: { timeMs: 300 } }));
    expect(err.code).toBe('importFailed');
    expect(err.params).toMatchObject({ reason: 'tooSlow', file: 'slow.html', limitSeconds: 1 });
    expect(await noWorkersLeft()).toBe(0);
  });

  it('refuses a page that needs more memory than the limit as tooLarge, and the process stays up', { timeout: 60_000 }, async () => {
    // 128 MB leaves the worker and a short page room to spare (48 MB did not, under load); 7,000
    // long paragraphs (14 MB of text, within the pre-parse limits) need far more in jsdom. The
    // time limit is lifted so the page runs into the memory limit, not the clock.
    const limits = { heapMb: 128, timeMs: 120_000 };
    const short = await readHtmlPage(slowPage(20), 'short.html', { limits });
    expect(short.content.headline).toBe('Budget');
    const err = await failure(readHtmlPage(slowPage(7_000, 2_000), 'big.html', { limits }));
    expect(err.params).toMatchObject({ reason: 'tooLarge', file: 'big.html' });
    expect(await noWorkersLeft()).toBe(0);
  });

  it('stops reading when the import is cancelled: the worker is terminated at once', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const reading = readHtmlPage(slowPage(), 'slow.html', { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 200));
    expect(runningPageWorkers()).toBe(1);
    const t = performance.now();
    controller.abort();
    const err = await failure(reading);
    expect(performance.now() - t).toBeLessThan(100);
    expect(err.code).toBe('cancelled');
    expect(await noWorkersLeft()).toBe(0);
  });

  it('reads the page in-thread when no worker can start', { timeout: 60_000 }, async () => {
    useHtmlPageWorker(join(__dirname, 'no-such-worker.js'));
    const article = await readHtmlPage(newsPage(), 'port.html');
    expect(article.content.headline).toBe(NEWS_PAGE_HEADLINE);
    expect(await noWorkersLeft()).toBe(0);
  });
});

describe('the core while a slow page is imported', () => {
  it('answers other calls quickly, and cancelling the import job ends the read', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    const core = await openTestCore(dir.dir);
    try {
      const actor = await addAdmin(core);
      const started = performance.now();
      let importMs = 0;
      const importing = core.handlers
        .importFiles({ actor, jobId: 'job-slowpage1', files: [{ name: 'slow.html', bytes: slowPage(1_200) }] })
        .then((r) => ((importMs = performance.now() - started), r));
      // Another call every 50 ms while the page is read: each must answer promptly.
      const waits: number[] = [];
      while (!importMs) {
        const t = performance.now();
        await core.handlers.listArticles({ actor, scope: 'active' });
        waits.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 50));
      }
      const { results } = await importing;
      console.info(`slow page imported in ${importMs.toFixed(0)} ms; ${waits.length} listArticles calls meanwhile, slowest ${Math.max(...waits).toFixed(0)} ms`);
      expect(results[0].error).toBeNull();
      expect(importMs).toBeGreaterThan(500); // the page was slow for real…
      expect(waits.length).toBeGreaterThan(5);
      expect(Math.max(...waits)).toBeLessThan(250); // …and the core did not wait for it

      // Cancelling the job terminates the worker mid-page: nothing imported, reported as cancelled.
      useHtmlPageWorker(null);
      await noWorkersLeft();
      const again = core.handlers.importFiles({ actor, jobId: 'job-slowpage2', files: [{ name: 'slow.html', bytes: slowPage() }] });
      await new Promise((r) => setTimeout(r, 300));
      expect(runningPageWorkers()).toBe(1);
      expect(await core.handlers.cancelJob({ actor, jobId: 'job-slowpage2' })).toEqual({ cancelled: true });
      expect(await again).toEqual({ results: [], cancelled: true });
      expect(await noWorkersLeft()).toBe(0);
      expect(await core.handlers.listArticles({ actor, scope: 'active' })).toHaveLength(1);
    } finally {
      await core.close();
      await dir.cleanup();
    }
  });
});
