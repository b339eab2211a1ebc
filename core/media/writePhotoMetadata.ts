// Writes caption, creator, credit, copyright (and headline, alt text, keywords) into a photo for
// export. JPEG: the XMP APP1 and Photoshop APP13 (IIM) segments are replaced in place and every
// other byte (EXIF, ICC, tables, the entropy-coded image) is copied untouched, so the picture is
// the same picture. PNG: an XMP iTXt chunk, other chunks untouched. WebP: sharp writes the XMP,
// re-encoding losslessly, kept only if it decodes to the very same pixels (the file grows).
// Anything else (GIF, TIFF, AVIF) is copied unchanged with a warning.
import sharp from 'sharp';
import { ApiError } from '../../shared/contract/errors';
import { XMP_JPEG_HEADER, pngWithXmp, xmpFromApp1, xmpPacket } from './writeXmp';
import { IRB_IIM, iimBlock, irbWithIim, parseIrb } from './writeIim';
import type { MetadataWarning, PhotoMetadataInput } from './photoMetadata';

// The writer's input and warnings, for its callers (the writers of the blocks import them from photoMetadata.ts).
export type { MetadataWarning, PhotoMetadataInput };

const PHOTOSHOP_HEADER = 'Photoshop 3.0\0';
const EXTENDED_XMP_HEADER = 'http://ns.adobe.com/xmp/extension/\0';
const MAX_SEGMENT_PAYLOAD = 0xffff - 2;

interface Segment {
  marker: number;
  /** Null for the markers that have no length (RSTn, TEM). */
  payload: Uint8Array | null;
}

const startsWith = (bytes: Uint8Array, text: string) => bytes.length >= text.length && [...text].every((c, i) => bytes[i] === c.charCodeAt(0));

/** The segments before the first SOS, and everything from SOS on (the image data), or null if the structure is broken. */
export function splitJpeg(bytes: Uint8Array): { head: Segment[]; tail: Uint8Array } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const head: Segment[] = [];
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    while (bytes[i + 1] === 0xff) i++; // fill bytes
    const marker = bytes[i + 1];
    if (marker === 0xda) return { head, tail: bytes.subarray(i) };
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      head.push({ marker, payload: null });
      i += 2;
      continue;
    }
    if (marker === 0xd9 || i + 4 > bytes.length) return null;
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    if (length < 2 || i + 2 + length > bytes.length) return null;
    head.push({ marker, payload: bytes.subarray(i + 4, i + 2 + length) });
    i += 2 + length;
  }
  return null;
}

function joinJpeg(head: Segment[], tail: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.from([0xff, 0xd8])];
  for (const s of head) {
    if (!s.payload) {
      parts.push(Uint8Array.from([0xff, s.marker]));
      continue;
    }
    const length = s.payload.length + 2;
    parts.push(Uint8Array.from([0xff, s.marker, length >> 8, length & 0xff]), s.payload);
  }
  parts.push(tail);
  return new Uint8Array(Buffer.concat(parts));
}

const isXmp = (s: Segment) => s.marker === 0xe1 && !!s.payload && (startsWith(s.payload, XMP_JPEG_HEADER) || startsWith(s.payload, EXTENDED_XMP_HEADER));
const isPhotoshop = (s: Segment) => s.marker === 0xed && !!s.payload && startsWith(s.payload, PHOTOSHOP_HEADER);

function xmpSegment(meta: PhotoMetadataInput, existing: string | null): Segment {
  const header = Buffer.from(XMP_JPEG_HEADER, 'latin1');
  for (const base of [existing, null]) {
    const payload = Buffer.concat([header, Buffer.from(xmpPacket(meta, base), 'utf8')]);
    if (payload.length <= MAX_SEGMENT_PAYLOAD) return { marker: 0xe1, payload };
  }
  throw new ApiError('exportFailed', 'photo metadata does not fit in one XMP segment', { reason: 'renderFailed' });
}

/** The resource block in as many APP13 segments as it needs (Photoshop continues a block across segments). */
function photoshopSegments(irb: Uint8Array): Segment[] {
  const header = Buffer.from(PHOTOSHOP_HEADER, 'latin1');
  const room = MAX_SEGMENT_PAYLOAD - header.length;
  const out: Segment[] = [];
  for (let at = 0; at < irb.length || at === 0; at += room) out.push({ marker: 0xed, payload: Buffer.concat([header, irb.subarray(at, at + room)]) });
  return out;
}

function writeJpeg(bytes: Uint8Array, meta: PhotoMetadataInput): { bytes: Uint8Array; warnings: MetadataWarning[] } {
  const parts = splitJpeg(bytes);
  if (!parts) return { bytes, warnings: [{ field: 'all', reason: 'notWritten', bytes: 0, limit: 0 }] };
  const { head, tail } = parts;

  const oldXmp = head.find((s) => isXmp(s) && s.payload && xmpFromApp1(s.payload) !== null);
  const existingXmp = oldXmp?.payload ? xmpFromApp1(oldXmp.payload) : null;
  const oldIrb = Buffer.concat(head.filter(isPhotoshop).map((s) => s.payload!.subarray(PHOTOSHOP_HEADER.length)));
  const existingIim = parseIrb(oldIrb).find((r) => r.signature === '8BIM' && r.id === IRB_IIM)?.data ?? null;

  const iim = iimBlock(meta, existingIim);
  const newXmp = xmpSegment(meta, existingXmp);
  const newPhotoshop = photoshopSegments(irbWithIim(oldIrb.length ? oldIrb : null, iim.bytes));

  const out: Segment[] = [];
  let xmpAt = -1;
  let psPlaced = false;
  for (const s of head) {
    if (isXmp(s)) {
      if (xmpAt < 0) {
        xmpAt = out.length;
        out.push(newXmp);
      }
    } else if (isPhotoshop(s)) {
      if (!psPlaced) out.push(...newPhotoshop);
      psPlaced = true;
    } else out.push(s);
  }
  if (xmpAt < 0) {
    // After JFIF (APP0) and EXIF (APP1), which readers expect first.
    let at = 0;
    while (at < out.length && (out[at].marker === 0xe0 || out[at].marker === 0xe1)) at++;
    out.splice(at, 0, newXmp);
    xmpAt = at;
  }
  if (!psPlaced) out.splice(xmpAt + 1, 0, ...newPhotoshop);
  return { bytes: joinJpeg(out, tail), warnings: iim.warnings };
}

async function samePixels(a: Uint8Array, b: Uint8Array): Promise<boolean> {
  const [x, y] = await Promise.all([sharp(a).raw().toBuffer({ resolveWithObject: true }), sharp(b).raw().toBuffer({ resolveWithObject: true })]);
  return x.info.width === y.info.width && x.info.height === y.info.height && x.info.channels === y.info.channels && x.data.equals(y.data);
}

/** The XMP a PNG or WebP already has, as sharp reads it (from any of the chunks they use). */
async function existingXmp(bytes: Uint8Array): Promise<{ xmp: string | null; single8bit: boolean } | null> {
  try {
    const info = await sharp(bytes).metadata();
    return { xmp: info.xmp ? info.xmp.toString('utf8') : null, single8bit: (info.pages ?? 1) === 1 && info.depth === 'uchar' };
  } catch {
    return null;
  }
}

/** WebP through sharp: lossless re-encode of single 8-bit images, kept only if every pixel is the same. */
async function writeWebp(bytes: Uint8Array, meta: PhotoMetadataInput): Promise<Uint8Array | null> {
  const found = await existingXmp(bytes);
  if (!found?.single8bit) return null;
  try {
    const out = await sharp(bytes).keepMetadata().withXmp(xmpPacket(meta, found.xmp)).webp({ lossless: true, exact: true }).toBuffer();
    return (await samePixels(bytes, out)) ? new Uint8Array(out) : null;
  } catch {
    return null;
  }
}

/** PNG: an iTXt chunk written beside the untouched image chunks. */
async function writePng(bytes: Uint8Array, meta: PhotoMetadataInput): Promise<Uint8Array | null> {
  const found = await existingXmp(bytes);
  return found ? pngWithXmp(bytes, xmpPacket(meta, found.xmp)) : null;
}

const isPng = (b: Uint8Array) => startsWith(b, '\x89PNG\r\n\x1a\n');
const isWebp = (b: Uint8Array) => startsWith(b, 'RIFF') && startsWith(b.subarray(8), 'WEBP');

export async function writePhotoMetadata(bytes: Uint8Array, meta: PhotoMetadataInput): Promise<{ bytes: Uint8Array; warnings: MetadataWarning[] }> {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return writeJpeg(bytes, meta);
  const written = isPng(bytes) ? await writePng(bytes, meta) : isWebp(bytes) ? await writeWebp(bytes, meta) : null;
  if (written) return { bytes: written, warnings: [] };
  return { bytes, warnings: [{ field: 'all', reason: 'notWritten', bytes: 0, limit: 0 }] };
}
