// The article package: one zip a desk without a shared server can receive and import losslessly.
//   manifest.json         what is inside, with SHA-256 of every other file (see manifest.ts)
//   article.json          the stored Article, as is (status, dates and corrections included)
//   formats/…             the other exports, as the other exporters rendered them
//   photos/photo-01.jpg   each photo with caption, creator, credit and copyright written in
//   photos/original/…     the untouched original, whose hash is the photo's id, so an import
//                         keeps the ids its figures point at (writing metadata changes the bytes)
import yazl from 'yazl';
import { ApiError } from '../../../shared/contract/errors';
import type { Article } from '../../../shared/model/article';
import type { ExportArticle, ExportFile, ExportPhoto } from '../../../shared/exchange/types';
import { writePhotoMetadata, type MetadataWarning, type PhotoMetadataInput } from '../../media/writePhotoMetadata';
import { ARTICLE_PATH, MANIFEST_PATH, PACKAGE_FORMAT, PACKAGE_VERSION, type Manifest } from './manifest';
import { relativePathProblem } from '../../../shared/paths/relativePath';
import { sha256Hex } from '../../media/sha256Hex';

export interface PackageInput {
  /** The full stored article, for a lossless re-import. */
  article: Article;
  exportArticle: ExportArticle;
  /** The other formats, already rendered (article.html, article.docx, …), named relative to formats/. */
  files: ExportFile[];
  photoBytes(photo: ExportPhoto): Promise<Uint8Array>;
  now: Date;
}

/** A photo whose metadata was cut in IIM or could not be written, named by its file in the package. */
export type PackageWarning = MetadataWarning & { file: string };

const exportFailed = (reason: string, message: string, values: Record<string, string> = {}) => new ApiError('exportFailed', message, { reason, ...values });

/** What the package writes into a photo: the figure's words first, the file's own where the figure has none. */
function photoMeta(photo: ExportPhoto, article: ExportArticle): PhotoMetadataInput {
  const figure = article.figures.find((f) => f.photo?.id === photo.id);
  const m = photo.metadata;
  return {
    caption: figure?.caption || m.caption,
    creator: m.creator,
    credit: figure?.credit || m.credit,
    copyright: m.copyright,
    altText: figure?.alt || m.altText || undefined,
  };
}

function toZip(entries: { path: string; bytes: Uint8Array; compress: boolean }[], mtime: Date): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength), e.path, { mtime, compress: e.compress });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

export async function buildPackage(input: PackageInput): Promise<{ zip: Uint8Array; warnings: PackageWarning[] }> {
  const { article, exportArticle, now } = input;
  const warnings: PackageWarning[] = [];
  const entries: { path: string; bytes: Uint8Array; compress: boolean }[] = [];
  const add = (path: string, bytes: Uint8Array, compress: boolean) => {
    if (relativePathProblem(path)) throw exportFailed('renderFailed', `unsafe path in package: ${path}`);
    if (entries.some((e) => e.path === path)) throw exportFailed('renderFailed', `two files named ${path}`);
    entries.push({ path, bytes, compress });
  };

  add(ARTICLE_PATH, new TextEncoder().encode(`${JSON.stringify(article, null, 2)}\n`), true);
  for (const f of input.files) add(`formats/${f.path}`, f.bytes, true);

  const photos: Manifest['photos'] = [];
  for (const photo of exportArticle.photos) {
    let original: Uint8Array;
    try {
      original = await input.photoBytes(photo);
    } catch (err) {
      throw exportFailed('photoMissing', `photo ${photo.id}: ${err instanceof Error ? err.message : String(err)}`, { file: photo.fileName });
    }
    if (sha256Hex(original) !== photo.id) throw exportFailed('photoMissing', `photo ${photo.id} bytes do not match its id`, { file: photo.fileName });
    const written = await writePhotoMetadata(original, photoMeta(photo, exportArticle));
    for (const w of written.warnings) warnings.push({ ...w, file: photo.fileName });
    const path = `photos/${photo.fileName}`;
    const originalPath = `photos/original/${photo.fileName}`;
    add(path, written.bytes, false); // JPEG and friends do not deflate: store them
    add(originalPath, original, false);
    photos.push({ id: photo.id, path, original: originalPath });
  }

  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    createdAt: now.toISOString(),
    article: { id: article.id, headline: article.headline, language: article.language },
    files: entries.map((e) => ({ path: e.path, bytes: e.bytes.length, sha256: sha256Hex(e.bytes) })),
    photos,
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  return { zip: await toZip([{ path: MANIFEST_PATH, bytes: manifestBytes, compress: true }, ...entries], now), warnings };
}
