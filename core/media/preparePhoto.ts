// Checks and decodes one incoming photo in memory — format, size, pixel count, a full decode that
// fails on truncation, the preview, the metadata. The header checks and the content hash come
// first; the decode runs on libvips' threads meanwhile and settles later, so the store can write
// the original beside it, giving it its name only once the whole file is known to be good.
import sharp, { type Metadata } from 'sharp';
import { ApiError } from '../../shared/contract/errors';
import { PHOTO_FORMATS, type PhotoMetadata, type PhotoRejectReason } from '../../shared/model/photo';
import { readPhotoMetadata } from './readPhotoMetadata';
import { sha256Hex } from './sha256Hex';
import { notImageReason } from '../../shared/photos/photoFileName';

export interface PhotoLimits {
  maxBytes: number;
  /** Above this many pixels a file is refused before decoding (decompression bombs). */
  maxPixels: number;
}

export const DEFAULT_MAX_PIXELS = 120_000_000;
/** Long side of the preview the editor shows, and of the thumbnail the photo panel shows. */
export const PREVIEW_SIZE = 1280;
export const THUMB_SIZE = 256;

/** Formats accepted, with the extension the original is stored under and its MIME type. */

export interface DecodedPhoto {
  preview: Buffer;
  thumb: Buffer;
  metadata: PhotoMetadata;
}

export interface PreparedPhoto {
  id: string;
  bytes: Uint8Array;
  format: string;
  extension: string;
  width: number;
  height: number;
  /** The full decode: rejects with `photoRejected` for a file that does not decode whole. */
  decoded: Promise<DecodedPhoto>;
}

export function reject(file: string, reason: PhotoRejectReason, extra: Record<string, string | number> = {}): ApiError {
  return new ApiError('photoRejected', `${file}: ${reason}`, { file, reason, ...extra });
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') && /<svg[\s>]/i.test(head);
}

export async function preparePhoto(name: string, bytes: Uint8Array, limits: PhotoLimits): Promise<PreparedPhoto> {
  if (bytes.length === 0) throw reject(name, 'empty');
  if (bytes.length > limits.maxBytes) throw reject(name, 'tooLarge', { limitMB: Math.round(limits.maxBytes / 1048576) });

  // Any SVG is refused, even one the decoder could not parse: it is a document that can carry scripts.
  if (looksLikeSvg(bytes)) throw reject(name, 'svg');
  let info: Metadata;
  try {
    info = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw reject(name, notImageReason(name));
  }
  if (info.format === 'svg') throw reject(name, 'svg');
  const extension = PHOTO_FORMATS[info.format ?? '']?.ext;
  if (!extension) throw reject(name, 'unsupported', { format: String(info.format ?? '?') });
  const width = info.autoOrient?.width ?? info.width;
  const height = info.autoOrient?.height ?? info.height;
  if (!width || !height) throw reject(name, notImageReason(name));
  if (width * height > limits.maxPixels) throw reject(name, 'tooManyPixels', { width, height });

  // libvips decodes on its own threads; hashing on this one meanwhile costs (almost) nothing extra.
  const previewing = sharp(bytes, { failOn: 'truncated', limitInputPixels: limits.maxPixels })
    .rotate()
    .resize({ width: PREVIEW_SIZE, height: PREVIEW_SIZE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82 })
    .toBuffer()
    .catch((err: Error) => {
      throw reject(name, /truncat|premature|end of|corrupt|incomplete/i.test(err.message) ? 'truncated' : notImageReason(name));
    });
  const decoded = (async (): Promise<DecodedPhoto> => {
    const [preview, metadata] = await Promise.all([previewing, readPhotoMetadata(bytes)]);
    // From the small preview, not the original: a few milliseconds instead of a second decode.
    const thumb = await sharp(preview).resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 78 }).toBuffer();
    return { preview, thumb, metadata };
  })();
  decoded.catch(() => undefined); // the caller awaits it later; until then a refusal is not unhandled
  const id = sha256Hex(bytes);
  return { id, bytes, format: info.format!, extension, width, height, decoded };
}
