// The PDF print proof: the article page (toArticleHtml, same HTML and CSS) printed by a Chromium.
// The printer is an interface so the app can print with Electron's webContents.printToPDF while the
// core, the browser host and tests print with a headless Chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserType } from 'playwright-core';

// Loaded on first use: playwright-core adds about 90 MB to the process, and only the PDF proof
// outside Electron needs it.
let chromiumType: BrowserType | null = null;
const chromiumOf = (): BrowserType => (chromiumType ??= (createRequire(import.meta.url)('playwright-core') as { chromium: BrowserType }).chromium);
import { ApiError } from '../../../shared/contract/errors';
import { PDF_MARGIN_MM, type PdfBand, type PdfPrinter } from '../exportContext';

export type { PdfBand, PdfPrinter };

const mm = (n: number) => `${n}mm`;
/** A4 margins of the proof as page.pdf takes them. */
export const PDF_MARGIN = { top: mm(PDF_MARGIN_MM.top), bottom: mm(PDF_MARGIN_MM.bottom), left: mm(PDF_MARGIN_MM.left), right: mm(PDF_MARGIN_MM.right) };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Prints the page and checks that what came back is a PDF, so a broken printer never yields a bad file. */
export async function renderPdf(html: string, printer: PdfPrinter, band?: PdfBand): Promise<Uint8Array> {
  let pdf: Uint8Array;
  try {
    pdf = await printer.printToPdf(html, band);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('exportFailed', `PDF printing failed: ${message(err)}`, { reason: 'renderFailed' });
  }
  const magic = pdf && pdf.length > 4 ? String.fromCharCode(...pdf.subarray(0, 5)) : '';
  if (magic !== '%PDF-') throw new ApiError('exportFailed', 'The printer did not return a PDF', { reason: 'renderFailed' });
  return pdf;
}

/** Places a Chromium or Chrome is usually installed, most likely first. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The browser to print with: `COPYDESK_CHROMIUM`, then the usual install paths, then the one
 * playwright would have downloaded. Null when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | null {
  const fromEnv = env.COPYDESK_CHROMIUM?.trim();
  if (fromEnv) return exists(fromEnv) ? fromEnv : null;
  for (const path of KNOWN_PATHS) if (exists(path)) return path;
  let bundled = '';
  try {
    bundled = chromiumOf().executablePath();
  } catch {
    // playwright-core throws when it has no browser of its own registered.
  }
  return bundled && exists(bundled) ? bundled : null;
}

const unavailable = (detail: string) => new ApiError('exportFailed', `No Chromium to print the PDF with: ${detail}`, { reason: 'pdfUnavailable' });

/**
 * A printer on a headless Chromium, launched on first use and reused; each document gets its own
 * page. Call close() when done with it.
 */
export function chromiumPrinter(opts: { executablePath?: string } = {}): PdfPrinter & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  const launch = () => {
    const executablePath = opts.executablePath ?? findChromium();
    if (!executablePath) return Promise.reject(unavailable('none found; set COPYDESK_CHROMIUM'));
    if (!existsSync(executablePath)) return Promise.reject(unavailable(`${executablePath} does not exist`));
    return chromiumOf().launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] }).catch((err: unknown) => {
      throw unavailable(`${executablePath}: ${message(err)}`);
    });
  };
  const getBrowser = () => {
    if (!browser) {
      browser = launch();
      // A failed launch is not cached: the next export may find the browser installed.
      browser.catch(() => (browser = null));
    }
    return browser;
  };
  return {
    async printToPdf(html: string, band?: PdfBand): Promise<Uint8Array> {
      const page = await (await getBrowser()).newPage();
      try {
        // No network: a proof prints only what the page carries (data: photos and fonts).
        await page.route(/^(https?|wss?|ftp):/i, (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: PDF_MARGIN, ...(band && { displayHeaderFooter: true, ...band }) });
        return new Uint8Array(pdf);
      } finally {
        await page.close().catch(() => undefined);
      }
    },
    async close() {
      const current = browser;
      browser = null;
      if (current) await (await current.catch(() => null))?.close();
    },
  };
}
