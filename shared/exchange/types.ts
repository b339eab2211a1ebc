// What every exporter receives and every importer returns. Exporters never see the stored article:
// they get an ExportArticle, already stripped of editor's notes, TKs and the note to the desk, so
// no format can leak them by forgetting to.
import { z } from 'zod';
import type { ArticleContent, ArticleStatus, Byline, Correction, Language } from '../model/article';
import type { PhotoMetadata } from '../model/photo';
import type { Block } from './blocks';
import { EXPORT_FORMATS, type ExportFormat } from './exportFormats';

export { EXPORT_FORMATS, type ExportFormat };
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);

/** A photo an exported figure shows, with the safe file name it gets beside the export. */
export interface ExportPhoto {
  id: string;
  /** `photo-01.jpg`: stable, ASCII, unique within one export. */
  fileName: string;
  /** MIME type of the original file, e.g. image/jpeg. */
  mimeType: string;
  width: number;
  height: number;
  metadata: PhotoMetadata;
}

export interface ExportFigure {
  photoId: string;
  caption: string;
  credit: string;
  alt: string;
  /** Null for a figure still waiting for its photo (e.g. a caption line from imported copy). */
  photo: ExportPhoto | null;
}

export interface ExportArticle {
  id: string;
  language: Language;
  status: ArticleStatus;
  revision: number;
  createdAt: string;
  updatedAt: string;
  kicker: string;
  headline: string;
  deck: string[];
  byline: Byline;
  /** The byline as the house template prints it: `[한빛경제=산업부 김하늘ㆍ박도윤 기자]`, `By Dana Whitfield and Marco Ilves`. */
  bylineText: string;
  /** The lead reporter's e-mail, the article's last line; empty if none. */
  signOff: string;
  dateline: string;
  /** The byline already prints the dateline (a `{dateline}` template): the body does not open with it too. */
  datelineInByline?: boolean;
  tags: string[];
  embargo: string | null;
  corrections: Correction[];
  /** Body with notes and TKs removed, as blocks every format maps. */
  blocks: Block[];
  /** Every figure in the body, in order (the same objects the figure blocks hold). */
  figures: ExportFigure[];
  /** Distinct photos, in order of first use. */
  photos: ExportPhoto[];
  /** A caption's credit in house shape (`[사진={credit}]`). */
  creditPattern: string;
}

/** One file an export writes, named relative to the export's folder (`photos/photo-01.jpg`). */
export interface ExportFile {
  path: string;
  bytes: Uint8Array;
}

/** A photo that arrived inside an imported file (DOCX, package, pasted HTML). */
export interface ImportedPhoto {
  name: string;
  bytes: Uint8Array;
}

/**
 * An import's result before it touches the library. Figures refer to their photos by
 * `photoId` = SHA-256 of the photo's bytes, which is the id the library will give it.
 */
export interface ImportedArticle {
  content: ArticleContent;
  photos: ImportedPhoto[];
  /** Which reader understood the file (`web-copy`, `html`, `nitf`…). */
  format: string;
  /** Things a person should check (e.g. "2 images could not be read"), as i18n keys with values. */
  warnings: { key: string; values?: Record<string, string> }[];
  /** Only from our own package: the state, dates and corrections to keep. */
  original?: { status: ArticleStatus; createdAt: string; corrections: Correction[] };
}
