// A desk's print proof and web page of a 3.6매 Korean story with a tall photo right after the lead,
// exported from the app: the PDF is two pages with the story running on under the photo on page 1
// (it once left page 1 with the header and lead alone) and a band on every page saying which copy
// it is; the web page's folder, moved elsewhere alone and opened from disk, shows its font and
// photo from inside itself.
import { readdirSync, renameSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { chromiumExecutable } from './support/chromiumExecutable';
import { openProofLibrary, PROOF_AFTER_PHOTO, PROOF_LAST } from '../core/exchange/testing/proofStory';
import { pdfPageCount, pdfPageText, squeeze } from '../core/exchange/testing/pdfTestTools';

const SHOTS = '/tmp/shots-export-proof';

/** The proof story as a Copydesk package, made by a library of its own, as another desk would send it. */
async function proofPackage(): Promise<string> {
  const lib = await openProofLibrary();
  const job = { signal: new AbortController().signal, step: () => undefined };
  const { results } = await lib.core.exchange.exportArticles({ actorId: lib.actor, ids: [lib.id], formats: ['package'], override: false, note: '' }, job, lib.outDir);
  const zip = join(mkdtempSync(join(tmpdir(), 'copydesk-proof-pkg-')), 'river-bus.zip');
  renameSync(join(lib.outDir, results[0].folder, 'article-package.zip'), zip);
  await lib.cleanup();
  return zip;
}

async function exportAs(page: Page, formats: string[]) {
  await page.getByTestId('export-article').click();
  for (const f of ['html', 'text', 'md', 'nitf', 'ninjs', 'newsml', 'docx', 'pdf', 'package']) {
    const box = page.getByTestId(`format-${f}`);
    if ((await box.isChecked()) !== formats.includes(f)) await box.click();
  }
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-summary')).toHaveText(/1건 내보냄, 0건 실패/, { timeout: 60_000 });
}

test('a story with a photo after the lead prints a two-page proof with its band, and its web folder stands alone', async ({ app, playwright }) => {
  const page = app.page;
  const out = join(app.libraryDir, 'exports-proof');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-export-dir').fill(out);
  await page.getByTestId('settings-export-dir').blur();
  await page.getByTestId('close-settings').click();

  const zip = await proofPackage();
  await page.getByTestId('import-picker').setInputFiles(zip);
  await expect(page.getByTestId('import-file-result')).toContainText('한강 수상버스');
  await page.getByTestId('import-open').click();
  await expect(page.getByTestId('figure')).toHaveCount(1);
  await expect(page.getByTestId('count-sheets-grid')).toHaveText('3.6매');
  await exportAs(page, ['html', 'pdf']);
  await page.screenshot({ path: `${SHOTS}/export-done.png` });
  await page.getByTestId('export-close').click();

  const [folder] = readdirSync(out);
  expect(readdirSync(out)).toHaveLength(1);
  // The number History shows on top for this copy: the proof must say the same, so a desk can match them.
  await page.getByTestId('open-history').click();
  const top = page.getByTestId('history-version').first();
  const seq = await top.getAttribute('data-seq');
  await expect(top).toContainText(`${seq}판`);

  // ——— The proof, read back with poppler. ———
  const pdf = join(out, folder, 'article.pdf');
  const pages = pdfPageCount(pdf);
  expect(pages).toBe(2);
  const first = squeeze(pdfPageText(pdf, 1));
  expect(first).toContain(squeeze('한강 수상버스, 내년부터 출퇴근 시간 15분 간격으로'));
  expect(first).toContain(squeeze(PROOF_AFTER_PHOTO)); // the story goes on under the photo on page 1
  expect(first.length).toBeGreaterThan(500);
  expect(squeeze(pdfPageText(pdf, 2))).toContain(squeeze(PROOF_LAST));
  for (let n = 1; n <= pages; n++) {
    const text = pdfPageText(pdf, n);
    // The state as the app names it, the version as History names it, 매수 as the length panel counts it, print time, page x/y.
    expect(text).toContain(`교정지 · 작성중 · ${seq}판 · 3.6매`);
    expect(text).toMatch(/출력 \d{4}\.\d{2}\.\d{2} \d{2}:\d{2}/);
    expect(text).toContain(`${n}/${pages}`);
  }

  // ——— The web page's folder, moved alone to another place and opened from disk. ———
  const elsewhere = mkdtempSync(join(tmpdir(), 'copydesk-mailed-'));
  const moved = join(elsewhere, 'river-bus');
  renameSync(join(out, folder), moved);
  const browser = await playwright.chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const reader = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    const failed: string[] = [];
    reader.on('request', (r) => requests.push(r.url()));
    reader.on('requestfailed', (r) => failed.push(r.url()));
    await reader.goto(pathToFileURL(join(moved, 'article.html')).href);
    await expect(reader.locator('h1')).toContainText('한강 수상버스');
    const seen = await reader.evaluate(async () => {
      await document.fonts.ready;
      const faces: FontFace[] = [];
      document.fonts.forEach((f) => (f.family.replace(/["']/g, '') === 'Noto Sans KR' ? faces.push(f) : undefined));
      return {
        statuses: faces.map((f) => f.status),
        bodySet: document.fonts.check('400 16px "Noto Sans KR"', document.querySelector('.article-body p')!.textContent!),
        imageWidths: Array.from(document.images).map((img) => img.naturalWidth),
      };
    });
    expect(seen.statuses).toContain('loaded');
    expect(seen.statuses).not.toContain('error');
    expect(seen.bodySet).toBe(true);
    expect(seen.imageWidths).toHaveLength(1);
    expect(seen.imageWidths[0]).toBeGreaterThan(0);
    const inside = `${pathToFileURL(moved).href}/`;
    expect(requests.filter((url) => !url.startsWith(inside))).toEqual([]);
    expect(requests.filter((url) => url.startsWith(`${inside}fonts/`)).length).toBeGreaterThan(0);
    expect(failed).toEqual([]);
    await reader.screenshot({ path: `${SHOTS}/web-folder-opened.png` });
  } finally {
    await browser.close();
    rmSync(elsewhere, { recursive: true, force: true });
    rmSync(join(zip, '..'), { recursive: true, force: true });
  }
});
