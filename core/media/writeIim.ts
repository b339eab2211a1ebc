// The IPTC IIM block (Photoshop image resource 0x0404) that old newsroom systems still read
// instead of XMP. Values are written in UTF-8 with the record-1 marker (ESC % G) saying so, and a
// value over its dataset's byte limit is cut at a character boundary with a warning (the XMP keeps
// the full text). Datasets we do not write are kept, re-encoded as UTF-8 if they were Latin-1, so
// the marker stays true for the whole block.
import { createHash } from 'node:crypto';
import { decodeIim } from './decodeIim';
import type { MetadataWarning, PhotoMetadataInput } from './photoMetadata';

/** The Photoshop resource ids we touch: the IIM block and its MD5 digest. */
export const IRB_IIM = 0x0404;
export const IRB_IIM_DIGEST = 0x0425;

const UTF8_MARKER = Uint8Array.from([0x1b, 0x25, 0x47]);

interface Dataset {
  record: number;
  number: number;
  value: Uint8Array;
}

/** Record-2 datasets we write: number, byte limit (IIM 4.2), repeatable. */
const FIELDS: { field: keyof PhotoMetadataInput; number: number; limit: number }[] = [
  { field: 'keywords', number: 25, limit: 64 },
  { field: 'creator', number: 80, limit: 32 },
  { field: 'headline', number: 105, limit: 256 },
  { field: 'credit', number: 110, limit: 32 },
  { field: 'copyright', number: 116, limit: 128 },
  { field: 'caption', number: 120, limit: 2000 },
];

/** Byte limits of record-2 datasets we keep, so a re-encoded value still fits. */
const KEPT_LIMITS: Record<number, number> = { 5: 64, 10: 1, 15: 3, 20: 32, 22: 32, 26: 3, 40: 256, 55: 8, 60: 11, 85: 32, 90: 32, 92: 32, 95: 32, 100: 3, 101: 64, 103: 32, 115: 32, 122: 32 };

const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** `text` as UTF-8, cut to at most `limit` bytes without splitting a character. */
export function cutUtf8(text: string, limit: number): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length <= limit) return bytes;
  let end = limit;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // back off continuation bytes
  return bytes.subarray(0, end);
}

/** The datasets of an IIM block; parsing stops at the first byte that is not a tag marker (padding). */
export function parseIim(block: Uint8Array): Dataset[] {
  const out: Dataset[] = [];
  let i = 0;
  while (i + 5 <= block.length && block[i] === 0x1c) {
    const record = block[i + 1];
    const number = block[i + 2];
    let length = (block[i + 3] << 8) | block[i + 4];
    let start = i + 5;
    if (length & 0x8000) {
      // Extended dataset: the low bits say how many bytes hold the length.
      const n = length & 0x7fff;
      if (n > 4 || start + n > block.length) break;
      length = 0;
      for (let k = 0; k < n; k++) length = length * 256 + block[start + k];
      start += n;
    }
    if (start + length > block.length) break;
    out.push({ record, number, value: new Uint8Array(block.subarray(start, start + length)) });
    i = start + length;
  }
  return out;
}

function serialise(datasets: Dataset[]): Uint8Array {
  const parts = datasets.map((d) => {
    const head = Uint8Array.from([0x1c, d.record, d.number, d.value.length >> 8, d.value.length & 0xff]);
    return Buffer.concat([head, d.value]);
  });
  return new Uint8Array(Buffer.concat(parts));
}

/** A kept value as UTF-8: already-valid UTF-8 stays byte-identical, Latin-1/CP1252 is converted. */
function asUtf8(d: Dataset): Dataset {
  try {
    strictUtf8.decode(d.value);
    return d;
  } catch {
    const text = decodeIim(String.fromCharCode(...d.value));
    return { ...d, value: cutUtf8(text, KEPT_LIMITS[d.number] ?? 0xffff) };
  }
}

/**
 * A complete IIM block with `meta` written into it, keeping the other datasets of `existing`.
 * Fields left undefined in `meta` keep their existing datasets.
 */
export function iimBlock(meta: PhotoMetadataInput, existing: Uint8Array | null = null): { bytes: Uint8Array; warnings: MetadataWarning[] } {
  const warnings: MetadataWarning[] = [];
  const written = new Set(FIELDS.filter((f) => meta[f.field] !== undefined).map((f) => f.number));
  const kept = (existing ? parseIim(existing) : []).filter((d) => {
    if (d.record === 1) return d.number !== 90;
    if (d.record === 2) return d.number !== 0 && !written.has(d.number);
    return true;
  });
  const ours: Dataset[] = [];
  for (const f of FIELDS) {
    const raw = meta[f.field];
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean);
    for (const value of values) {
      const full = encoder.encode(value).length;
      const bytes = cutUtf8(value, f.limit);
      if (bytes.length < full) warnings.push({ field: f.field, reason: 'iimTruncated', bytes: full, limit: f.limit });
      ours.push({ record: 2, number: f.number, value: bytes });
    }
  }
  const all = [
    { record: 1, number: 90, value: UTF8_MARKER },
    ...kept.filter((d) => d.record === 1).map(asUtf8),
    { record: 2, number: 0, value: Uint8Array.from([0, 4]) },
    ...[...kept.filter((d) => d.record === 2).map(asUtf8), ...ours].sort((a, b) => a.number - b.number),
    ...kept.filter((d) => d.record > 2),
  ].sort((a, b) => a.record - b.record || (a.record === 1 ? a.number - b.number : 0));
  return { bytes: serialise(all), warnings };
}

interface Resource {
  signature: string;
  id: number;
  name: Uint8Array;
  data: Uint8Array;
}

/** The resources of a Photoshop image resource block (after `Photoshop 3.0\0`). */
export function parseIrb(block: Uint8Array): Resource[] {
  const out: Resource[] = [];
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  let i = 0;
  while (i + 12 <= block.length) {
    const signature = String.fromCharCode(...block.subarray(i, i + 4));
    if (!/^(8BIM|MeSa|PHUT|AgHg|DCSR)$/.test(signature)) break;
    const id = view.getUint16(i + 4);
    const nameLength = block[i + 6];
    const nameEnd = i + 7 + nameLength;
    const sizeAt = nameEnd + ((nameLength + 1) % 2); // the Pascal name is padded to an even length
    if (sizeAt + 4 > block.length) break;
    const size = view.getUint32(sizeAt);
    const dataAt = sizeAt + 4;
    if (dataAt + size > block.length) break;
    out.push({ signature, id, name: new Uint8Array(block.subarray(i + 7, nameEnd)), data: new Uint8Array(block.subarray(dataAt, dataAt + size)) });
    i = dataAt + size + (size % 2);
  }
  return out;
}

function serialiseIrb(resources: Resource[]): Uint8Array {
  return Buffer.concat(
    resources.map((r) => {
      const namePad = (r.name.length + 1) % 2;
      const head = Buffer.alloc(4 + 2 + 1 + r.name.length + namePad + 4);
      head.write(r.signature, 0, 'latin1');
      head.writeUInt16BE(r.id, 4);
      head[6] = r.name.length;
      head.set(r.name, 7);
      head.writeUInt32BE(r.data.length, 7 + r.name.length + namePad);
      return Buffer.concat([head, r.data, Buffer.alloc(r.data.length % 2)]);
    }),
  );
}

/**
 * `existing` Photoshop resources with the IIM block replaced by `iim` and its MD5 digest (0x0425)
 * updated, so Photoshop does not take the IIM for one edited behind its back. Other resources
 * (thumbnails, paths, resolution) are kept in order.
 */
export function irbWithIim(existing: Uint8Array | null, iim: Uint8Array): Uint8Array {
  const resources = existing ? parseIrb(existing) : [];
  const digest = new Uint8Array(createHash('md5').update(iim).digest());
  const upsert = (id: number, data: Uint8Array) => {
    const found = resources.find((r) => r.signature === '8BIM' && r.id === id);
    if (found) found.data = data;
    else resources.push({ signature: '8BIM', id, name: new Uint8Array(0), data });
  };
  // Only the first of each id counts; drop repeats so no stale copy remains.
  for (let k = resources.length - 1; k >= 0; k--) {
    const r = resources[k];
    const isOurs = r.signature === '8BIM' && (r.id === IRB_IIM || r.id === IRB_IIM_DIGEST);
    if (isOurs && resources.findIndex((o) => o.signature === '8BIM' && o.id === r.id) !== k) resources.splice(k, 1);
  }
  upsert(IRB_IIM, iim);
  upsert(IRB_IIM_DIGEST, digest);
  return serialiseIrb(resources);
}
