import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportArticle, ExportPhoto } from '../../../shared/exchange/types';
import { openSampleLibrary, SECRET_DESK_NOTE, SECRET_NOTE, type SampleLibrary } from '../testing/sampleArticles';
import { koreanFontCss } from './htmlFont';
import { pdfFonts, pdfText, squeeze } from '../testing/pdfTestTools';
import { chromiumPrinter, findChromium, renderPdf } from './renderPdf';
import { articlePageText, toArticleHtml } from './toArticleHtml';

let lib: SampleLibrary;
let tmp: string;
const printer = chromiumPrinter({ executablePath: '/usr/bin/chromium' });

beforeAll(async () => {
  lib = await openSampleLibrary();
  tmp = await mkdtemp(join(tmpdir(), 'copydesk-pdf-'));
});
afterAll(async () => {
  await printer.close();
  await lib?.cleanup();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The proof page as the exporter builds it: photos inline as data: URLs, the Korean font embedded. */
async function proofHtml(a: ExportArticle): Promise<string> {
  const photoSrc = (p: ExportPhoto) => `data:${p.mimeType};base64,${Buffer.from(lib.photoBytes.get(p.id)!).toString('base64')}`;
  return toArticleHtml(a, { photoSrc, fontCss: await koreanFontCss(articlePageText(a)) });
}

async function printed(a: ExportArticle): Promise<{ file: string; bytes: Uint8Array }> {
  const bytes = await renderPdf(await proofHtml(a), printer);
  const file = join(tmp, `${a.language}.pdf`);
  await writeFile(file, bytes);
  return { file, bytes };
}

describe('renderPdf with chromiumPrinter', () => {
  it('prints the Korean proof with its text and an embedded Korean font', async () => {
    const a = await lib.exportOf(lib.ko);
    const { file, bytes } = await printed(a);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = squeeze(pdfText(file));
    expect(text).toContain(squeeze(a.headline));
    expect(text).toContain(squeeze('업계에 따르면 회수되는 배터리는 2030년 10만개 이상으로 늘어날 전망이다.'));
    expect(text).toContain(squeeze('[사진=김하늘 기자]'));
    expect(text).not.toContain(SECRET_NOTE);
    expect(text).not.toContain(squeeze(SECRET_DESK_NOTE));
    expect(text).not.toContain('TK');
    const fonts = pdfFonts(file);
    // All text is set in the Noto Sans KR the page carries (no character fell back to a system
    // font, so the slices cover the page), and the PDF embeds it.
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !/NotoSansKR/i.test(f.name))).toEqual([]);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  }, 60_000);

  it('prints the English proof, reusing the same browser', async () => {
    const a = await lib.exportOf(lib.en);
    const { file } = await printed(a);
    const text = pdfText(file);
    expect(text).toContain(a.headline);
    expect(text).toContain('PORT AVERY — The last passenger ferry on the Avery-Lund crossing');
    expect(text).toContain('If the pilots succeed, two more vessels will be converted by 2028.');
    expect(text).not.toContain('check with port');
    expect(text).not.toContain('lawyer');
    expect(text).not.toMatch(/\bTK\b/);
    expect(pdfFonts(file).some((f) => f.embedded)).toBe(true);
  }, 60_000);
});

describe('renderPdf', () => {
  it('refuses what a printer returns when it is not a PDF', async () => {
    await expect(renderPdf('<p>x</p>', { printToPdf: async () => new TextEncoder().encode('<html>') })).rejects.toMatchObject({
      code: 'exportFailed',
      params: { reason: 'renderFailed' },
    });
    await expect(renderPdf('<p>x</p>', { printToPdf: async () => Promise.reject(new Error('crashed')) })).rejects.toMatchObject({
      code: 'exportFailed',
      params: { reason: 'renderFailed' },
    });
  });

  it('passes the HTML and the band to the printer and returns its PDF', async () => {
    const seen: unknown[] = [];
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF');
    const band = { headerTemplate: '<b>교정지</b>', footerTemplate: '<span class="pageNumber"></span>' };
    expect(await renderPdf('<p>page</p>', { printToPdf: async (html, b) => (seen.push([html, b]), pdf) }, band)).toBe(pdf);
    expect(seen).toEqual([['<p>page</p>', band]]);
  });

  it('says pdfUnavailable when there is no browser to print with', async () => {
    const none = chromiumPrinter({ executablePath: join(tmpdir(), 'no-such-chromium') });
    await expect(none.printToPdf('<p>x</p>')).rejects.toMatchObject({ code: 'exportFailed', params: { reason: 'pdfUnavailable' } });
    await none.close();
  });
});

describe('findChromium', () => {
  it('prefers COPYDESK_CHROMIUM, then the usual install paths', () => {
    const exists = (path: string) => ['/custom/chrome', '/usr/lib/chromium/chromium', '/usr/bin/google-chrome'].includes(path);
    expect(findChromium({ COPYDESK_CHROMIUM: '/custom/chrome' }, exists)).toBe('/custom/chrome');
    expect(findChromium({}, exists)).toBe('/usr/lib/chromium/chromium');
    // A configured path that is missing is not silently replaced by another browser.
    expect(findChromium({ COPYDESK_CHROMIUM: '/missing' }, exists)).toBeNull();
    expect(findChromium({}, () => false)).toBeNull();
  });
});
