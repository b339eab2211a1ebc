// A photo as the library keeps it: stored once by content hash, with what its file said about
// itself (IPTC/XMP) kept apart from what the desk writes in the article's figure.
import { z } from 'zod';

/** SHA-256 of the original file, hex: the photo's only name, so nothing depends on where it came from. */
export const PhotoIdSchema = z.string().regex(/^[a-f0-9]{64}$/, 'photo id');
export type PhotoId = z.infer<typeof PhotoIdSchema>;

export function isPhotoId(value: unknown): value is PhotoId {
  return PhotoIdSchema.safeParse(value).success;
}

export const PHOTO_FIELDS = ['caption', 'creator', 'credit', 'copyright', 'headline', 'dateCreated', 'city', 'keywords', 'altText'] as const;
export type PhotoField = (typeof PHOTO_FIELDS)[number];

/** IPTC photo metadata read from the file. Empty strings and arrays mean the file had nothing. */
export const PhotoMetadataSchema = z.object({
  caption: z.string(),
  creator: z.array(z.string()),
  credit: z.string(),
  copyright: z.string(),
  headline: z.string(),
  /** As the file wrote it: ISO 8601 from XMP, or built from IIM date (and time). */
  dateCreated: z.string(),
  city: z.string(),
  keywords: z.array(z.string()),
  altText: z.string(),
  /** Where each non-empty field came from. */
  sources: z.record(z.string(), z.enum(['xmp', 'iim'])),
  /** IIM fields that hit their byte limit and were probably cut off (XMP, where present, holds the full text). */
  iimTruncated: z.array(z.string()),
});
export type PhotoMetadata = z.infer<typeof PhotoMetadataSchema>;

export const PhotoInfoSchema = z.object({
  id: PhotoIdSchema,
  /** File name when first imported; for the user's reference only. */
  originalName: z.string().max(255),
  format: z.string().max(20),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
  importedAt: z.iso.datetime(),
  metadata: PhotoMetadataSchema,
});
export type PhotoInfo = z.infer<typeof PhotoInfoSchema>;

/**
 * Why a file was refused; each has its own translated message naming the file. `notImage`: the bytes
 * are no image; `imageNameOnly`: the same, for a file named like a photo (shared/photos/photoFileName).
 */
export const PhotoRejectReasonSchema = z.enum(['empty', 'tooLarge', 'notImage', 'imageNameOnly', 'unsupported', 'svg', 'truncated', 'tooManyPixels', 'unreadable']);
export type PhotoRejectReason = z.infer<typeof PhotoRejectReasonSchema>;

export function emptyPhotoMetadata(): PhotoMetadata {
  return { caption: '', creator: [], credit: '', copyright: '', headline: '', dateCreated: '', city: '', keywords: [], altText: '', sources: {}, iimTruncated: [] };
}

/** Formats the library keeps, with the extension and MIME type their files get. */
export const PHOTO_FORMATS: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  gif: { ext: 'gif', mime: 'image/gif' },
  tiff: { ext: 'tif', mime: 'image/tiff' },
  avif: { ext: 'avif', mime: 'image/avif' },
};
