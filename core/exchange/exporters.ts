// Each export format as files: which renderer makes it and which files go beside it. Formats that
// link photos get the web-sized copies in `photos/`; the package holds every other format.
import type { ExportFile, ExportFormat } from '../../shared/exchange/types';
import { ApiError } from '../../shared/contract/errors';
import { stripNotes } from '../../shared/workflow/notes';
import { toPlainText } from '../../shared/exchange/export/toPlainText';
import { toMarkdown } from '../../shared/exchange/export/toMarkdown';
import { toNinjs } from '../../shared/exchange/export/toNinjs';
import { photoHref, webPhotoFiles, type Exporter, type ExportContext } from './exportContext';
import { articlePageText, toArticleHtml } from './export/toArticleHtml';
import { koreanFontCss, koreanFontFiles } from './export/htmlFont';
import { renderPdf } from './export/renderPdf';
import { proofBand, proofBandChars, type ProofFacts } from './export/proofBand';
import { PDF_MARGIN_MM } from './exportContext';
import { blockTexts, countBlocks } from '../../shared/counting/countBody';
import { toSheets } from '../../shared/counting/sheets';
import { toDocx } from './export/toDocx';
import { toNitf } from './export/toNitf';
import { toNewsMl } from './export/toNewsMl';
import { buildPackage } from './package/buildPackage';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Formats a package carries (all but itself). */
const PACKAGED: ExportFormat[] = ['html', 'text', 'md', 'nitf', 'ninjs', 'newsml', 'docx', 'pdf'];

/** What the proof's band says of the copy; 매수 by the same count as the length panel and target. */
export function proofFacts(ctx: Pick<ExportContext, 'article' | 'now' | 'version'>): ProofFacts {
  const { article } = ctx;
  const sheets = toSheets(countBlocks(blockTexts(article.body).body)).grid;
  return { language: article.language, status: article.status, version: ctx.version, sheets, printedAt: ctx.now };
}

async function pdf(ctx: ExportContext): Promise<ExportFile[]> {
  // The proof must print without a base URL: photos go inline.
  const inline = new Map<string, string>();
  for (const p of ctx.proofDoc.photos) inline.set(p.id, `data:image/jpeg;base64,${Buffer.from(await ctx.webPhoto(p)).toString('base64')}`);
  const html = toArticleHtml(ctx.proofDoc, { photoSrc: (p) => inline.get(p.id) ?? '', fontCss: await koreanFontCss(articlePageText(ctx.proofDoc, { proof: true })), now: ctx.now, proof: true });
  const facts = proofFacts(ctx);
  const band = proofBand(facts, await koreanFontCss(proofBandChars(facts)), `${PDF_MARGIN_MM.left}mm`);
  return [{ path: 'article.pdf', bytes: await renderPdf(html, ctx.pdfPrinter(), band) }];
}

/** A format for the package; a machine with no Chromium still gets a package, without the PDF. */
async function packaged(ctx: ExportContext, format: ExportFormat): Promise<ExportFile[]> {
  if (format === 'html') {
    // In the package the page must stand alone: the font goes inside it.
    const html = toArticleHtml(ctx.doc, { photoSrc: photoHref, fontCss: await koreanFontCss(articlePageText(ctx.doc)), now: ctx.now });
    return [{ path: 'article.html', bytes: utf8(html) }, ...(await webPhotoFiles(ctx))];
  }
  try {
    return await ctx.render(format);
  } catch (err) {
    if (format !== 'pdf' || !(err instanceof ApiError) || err.params.reason !== 'pdfUnavailable') throw err;
    ctx.warn({ key: 'exchange.packageWithoutPdf' });
    return [];
  }
}

export const EXPORTERS: Record<ExportFormat, Exporter> = {
  html: async (ctx) => {
    // The app's Korean font goes inside the page's folder (the slices its text uses, a few hundred
    // KB), so the folder can be moved or mailed alone and still show the page as it was made.
    const font = await koreanFontFiles(articlePageText(ctx.doc));
    return [{ path: 'article.html', bytes: utf8(toArticleHtml(ctx.doc, { photoSrc: photoHref, fontCss: font.css, now: ctx.now })) }, ...(await webPhotoFiles(ctx)), ...font.files];
  },
  text: async (ctx) => [{ path: 'article.txt', bytes: utf8(toPlainText(ctx.doc)) }],
  md: async (ctx) => [{ path: 'article.md', bytes: utf8(toMarkdown(ctx.doc, { photoHref })) }, ...(await webPhotoFiles(ctx))],
  nitf: async (ctx) => [{ path: 'article.nitf.xml', bytes: utf8(toNitf(ctx.doc, { now: ctx.now, photoHref })) }, ...(await webPhotoFiles(ctx))],
  ninjs: async (ctx) => [{ path: 'article.ninjs.json', bytes: utf8(JSON.stringify(toNinjs(ctx.doc, { now: ctx.now, photoHref }), null, 2)) }, ...(await webPhotoFiles(ctx))],
  newsml: async (ctx) => [{ path: 'article.newsml.xml', bytes: utf8(toNewsMl(ctx.doc, { now: ctx.now, photoHref })) }, ...(await webPhotoFiles(ctx))],
  docx: async (ctx) => [{ path: 'article.docx', bytes: await toDocx(ctx.doc, (p) => ctx.webPhoto(p)) }],
  pdf,
  package: async (ctx) => {
    // Each format keeps its web-sized photos beside it (formats/photos/…), so the packaged HTML shows them.
    const byPath = new Map((await Promise.all(PACKAGED.map((f) => packaged(ctx, f)))).flat().map((f) => [f.path, f]));
    const files = [...byPath.values()];
    // The article's own JSON travels for a lossless re-import, but as copy that may leave the desk:
    // no editor's notes or TKs, no note to the desk, no return note.
    const article = { ...ctx.article, body: stripNotes(ctx.article.body), deskNote: '', lastTransition: null };
    const { zip, warnings } = await buildPackage({ article, exportArticle: ctx.doc, files, photoBytes: ctx.photoBytes, now: ctx.now });
    for (const w of warnings) {
      const values = { file: w.file, field: w.field, bytes: String(w.bytes), limit: String(w.limit) };
      ctx.warn({ key: w.reason === 'iimTruncated' ? 'exchange.iimTruncated' : 'exchange.photoMetaNotWritten', values });
    }
    return [{ path: 'article-package.zip', bytes: zip }];
  },
};
