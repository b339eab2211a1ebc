// A photo as Word can embed it: Word takes JPEG, PNG, GIF and BMP only, so WebP, TIFF and AVIF are
// converted. The type is read from the bytes, not the file name, because a wrong type makes a
// document Word refuses to open.
import sharp from 'sharp';
import { ApiError } from '../../../shared/contract/errors';
import type { ExportPhoto } from '../../../shared/exchange/types';

export interface DocxImage {
  type: 'jpg' | 'png' | 'gif';
  data: Uint8Array;
  /** Display size in pixels at 96 dpi. */
  width: number;
  height: number;
}

function sniff(bytes: Uint8Array): DocxImage['type'] | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x38) return 'gif';
  return null;
}

/** The photo's bytes in a type Word embeds, sized to at most `maxWidth` pixels, keeping its aspect. */
export async function docxImage(photo: ExportPhoto, bytes: Uint8Array, maxWidth: number): Promise<DocxImage> {
  if (!(photo.width > 0 && photo.height > 0)) {
    throw new ApiError('exportFailed', `Photo ${photo.fileName} has no size`, { reason: 'renderFailed', file: photo.fileName });
  }
  const width = Math.min(maxWidth, photo.width);
  const height = Math.max(1, Math.round((photo.height * width) / photo.width));
  const type = sniff(bytes);
  if (type) return { type, data: bytes, width, height };
  try {
    const image = sharp(bytes, { failOn: 'error' });
    const { hasAlpha } = await image.metadata();
    const data = hasAlpha ? await image.png().toBuffer() : await image.jpeg({ quality: 90 }).toBuffer();
    return { type: hasAlpha ? 'png' : 'jpg', data: new Uint8Array(data), width, height };
  } catch (err) {
    throw new ApiError('exportFailed', `Photo ${photo.fileName} could not be converted for Word: ${err instanceof Error ? err.message : String(err)}`, {
      reason: 'renderFailed',
      file: photo.fileName,
    });
  }
}
