// The web export's folder stands alone: moved to another place (or mailed) and opened from disk
// in Chromium, its page shows the Korean font and the photo from inside the folder, and asks for
// nothing outside it.
import { readFile, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProofLibrary, type ProofLibrary } from './testing/proofStory';
import { tempDir } from '../testing/tempLibrary';
import { findChromium } from './export/renderPdf';

let lib: ProofLibrary;
let elsewhere: Awaited<ReturnType<typeof tempDir>>;
let folder: string;
let browser: Browser;

beforeAll(async () => {
  lib = await openProofLibrary();
  const job = { signal: new AbortController().signal, step: () => undefined };
  const { results } = await lib.core.exchange.exportArticles({ actorId: lib.actor, ids: [lib.id], formats: ['html'], override: false, note: '' }, job, lib.outDir);
  expect(results[0].error).toBeNull();
  // The folder alone, somewhere else: nothing of the export folder or the app comes with it.
  elsewhere = await tempDir();
  folder = join(elsewhere.dir, 'mailed');
  await rename(join(lib.outDir, results[0].folder), folder);
  browser = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await lib?.cleanup();
  await elsewhere?.cleanup();
});

describe('the exported web page folder', () => {
  it('holds the fonts its page links, relatively, with their licence', async () => {
    const html = await readFile(join(folder, 'article.html'), 'utf8');
    const urls = [...html.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^fonts\/noto-sans-kr-[a-z0-9]+-(400|700)-normal\.woff2$/);
      expect((await stat(join(folder, url))).size).toBeGreaterThan(0);
    }
    expect(await readFile(join(folder, 'fonts/OFL.txt'), 'utf8')).toContain('SIL Open Font License');
    // Photos were inside already; still checked, as the page shows them.
    const srcs = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs).toEqual(['photos/photo-01.jpg']);
    expect((await readdir(join(folder, 'photos'))).sort()).toEqual(['photo-01.jpg']);
  });

  it('opens from disk with the Korean font loaded and the photo shown, asking for nothing outside the folder', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(pathToFileURL(join(folder, 'article.html')).href, { waitUntil: 'load' });
    const seen = await page.evaluate(async () => {
      await document.fonts.ready;
      const faces: FontFace[] = [];
      document.fonts.forEach((f) => (f.family.replace(/["']/g, '') === 'Noto Sans KR' ? faces.push(f) : undefined));
      const headline = document.querySelector('h1')!.textContent!;
      return {
        statuses: faces.map((f) => f.status),
        // Every face the headline needs (bold) and the body needs (regular) is in.
        headlineSet: document.fonts.check(`700 20px "Noto Sans KR"`, headline),
        bodySet: document.fonts.check(`400 16px "Noto Sans KR"`, document.querySelector('.article-body p')!.textContent!),
        // The photo is lazy: a reader scrolls to it, and only then may it load (under a busy
        // machine the load event can come first).
        images: await Promise.all(
          Array.from(document.images).map(async (img) => {
            img.scrollIntoView();
            await img.decode().catch(() => undefined);
            return { complete: img.complete, width: img.naturalWidth };
          }),
        ),
      };
    });
    expect(seen.statuses).toContain('loaded');
    expect(seen.statuses).not.toContain('error');
    expect(seen.headlineSet).toBe(true);
    expect(seen.bodySet).toBe(true);
    expect(seen.images).toEqual([{ complete: true, width: expect.any(Number) }]);
    expect(seen.images[0].width).toBeGreaterThan(0);
    const inside = pathToFileURL(folder).href + '/';
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.filter((url) => !url.startsWith(inside))).toEqual([]);
    expect(requests.some((url) => url.startsWith(`${inside}fonts/`))).toBe(true);
    expect(failed).toEqual([]);
    await page.close();
  });
});
