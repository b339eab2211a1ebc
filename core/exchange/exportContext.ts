// What an exporter may ask for besides the article itself: photo bytes, the clock, a PDF printer,
// and the other formats of the same export (the package holds them all), each rendered once.
import type { Article } from '../../shared/model/article';
import type { ExportArticle, ExportFile, ExportFormat, ExportPhoto } from '../../shared/exchange/types';

/** A4 margins of the PDF proof, in mm; the page CSS's @page rule says the same. */
export const PDF_MARGIN_MM = { top: 18, bottom: 18, left: 16, right: 16 } as const;

/** What Chromium prints in every page's margins: HTML templates with `pageNumber`/`totalPages` spans. */
export interface PdfBand {
  headerTemplate: string;
  footerTemplate: string;
}

export interface PdfPrinter {
  /** Prints the page on A4 with PDF_MARGIN_MM margins, with the band in them when given. */
  printToPdf(html: string, band?: PdfBand): Promise<Uint8Array>;
}

export interface ExportContext {
  /** The stored article (the package carries it whole for a lossless re-import). */
  article: Article;
  /** The article as it is published: figures still waiting for their photo left out. */
  doc: ExportArticle;
  /** The article for the desk's PDF proof: every figure, a waiting one shown as an empty framed place. */
  proofDoc: ExportArticle;
  /** The history's number for the version holding this copy ("12판"), null when none does. */
  version: number | null;
  now: Date;
  /** The photo's original file. */
  photoBytes(photo: ExportPhoto): Promise<Uint8Array>;
  /** A web-sized JPEG of the photo (long side 1280 px), as HTML and the wire formats link it. */
  webPhoto(photo: ExportPhoto): Promise<Uint8Array>;
  pdfPrinter(): PdfPrinter;
  /** Another format of this export, rendered at most once. */
  render(format: ExportFormat): Promise<ExportFile[]>;
  /** Something the person exporting should know (an i18n key), e.g. a credit cut to fit IIM. */
  warn(warning: ExportWarning): void;
}

export interface ExportWarning {
  key: string;
  values?: Record<string, string>;
}

export type Exporter = (ctx: ExportContext) => Promise<ExportFile[]>;

/** Where every format links a photo: the web-sized copy written beside it. */
export function photoHref(photo: ExportPhoto): string {
  return `photos/${photo.fileName.replace(/\.[a-z]+$/, '.jpg')}`;
}

/** The web-sized copies of an article's photos, as files beside the export. */
export async function webPhotoFiles(ctx: ExportContext): Promise<ExportFile[]> {
  return Promise.all(ctx.doc.photos.map(async (p) => ({ path: photoHref(p), bytes: await ctx.webPhoto(p) })));
}
