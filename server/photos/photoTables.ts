// Photos in the database: one `photos` row per SHA-256 (its PhotoInfo), the original's bytes in
// numbered chunks (a bytea of hundreds of MB would be one value to read and write whole), and the
// preview and thumbnail beside it.
import type { Queryable } from '../db/Database';
import type { PhotoInfo } from '../../shared/model/photo';

/** 1 MiB: a 500 MB original is 500 rows, each one small enough to send and read in a piece. */
export const PHOTO_CHUNK_BYTES = 1024 * 1024;

export type StoredVariant = 'preview' | 'thumb';

export interface NewPhoto {
  info: PhotoInfo;
  bytes: Uint8Array;
  preview: Uint8Array;
  thumb: Uint8Array;
  /** Who uploaded it; null for a photo brought in from a local library (no upload, no uploader). */
  createdBy: string | null;
}

/** A bytea as both drivers give it (pg: Buffer, PGlite: Uint8Array), as a Buffer without a copy. */
function asBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/**
 * Stores a photo with its chunks and sizes; run in one transaction. Returns false, writing
 * nothing, when the photo is already there (two uploads of one photo at once: one stores it).
 */
export async function insertPhoto(tx: Queryable, p: NewPhoto): Promise<boolean> {
  const chunkCount = Math.ceil(p.bytes.byteLength / PHOTO_CHUNK_BYTES);
  const inserted = await tx.query(
    `INSERT INTO photos (sha256, size, chunk_count, info, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
    [p.info.id, p.bytes.byteLength, chunkCount, JSON.stringify(p.info), p.createdBy],
  );
  if (inserted.length === 0) return false;
  for (let n = 0; n < chunkCount; n++) {
    const piece = p.bytes.subarray(n * PHOTO_CHUNK_BYTES, (n + 1) * PHOTO_CHUNK_BYTES);
    await tx.query('INSERT INTO photo_chunks (sha256, n, data) VALUES ($1, $2, $3)', [p.info.id, n, asBuffer(piece)]);
  }
  for (const [variant, data] of [['preview', p.preview], ['thumb', p.thumb]] as const) {
    await tx.query('INSERT INTO photo_variants (sha256, variant, data) VALUES ($1, $2, $3)', [p.info.id, variant, asBuffer(data)]);
  }
  return true;
}

export async function photoInfo(q: Queryable, sha256: string): Promise<PhotoInfo | null> {
  const [row] = await q.query<{ info: PhotoInfo | string }>('SELECT info FROM photos WHERE sha256 = $1', [sha256]);
  if (!row) return null;
  return typeof row.info === 'string' ? (JSON.parse(row.info) as PhotoInfo) : row.info;
}

/** The PhotoInfo of each of these photos the server has, in the order asked, once each (getPhotos, as the desktop answers it). */
export async function photoInfos(q: Queryable, ids: readonly string[]): Promise<PhotoInfo[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ sha256: string; info: PhotoInfo | string }>('SELECT sha256, info FROM photos WHERE sha256 = ANY($1::text[])', [ids]);
  const byId = new Map(rows.map((r) => [r.sha256, typeof r.info === 'string' ? (JSON.parse(r.info) as PhotoInfo) : r.info]));
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}

/** Of these ids, the ones the server has no photo for, in the order asked. */
export async function missingPhotos(q: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ sha256: string }>('SELECT sha256 FROM photos WHERE sha256 = ANY($1::text[])', [ids]);
  const have = new Set(rows.map((r) => r.sha256));
  return ids.filter((id) => !have.has(id));
}

/** The original's bytes, joined from its chunks in order; null when there is no such photo. */
export async function photoBytes(q: Queryable, sha256: string): Promise<Buffer | null> {
  const [photo] = await q.query<{ chunk_count: number }>('SELECT chunk_count FROM photos WHERE sha256 = $1', [sha256]);
  if (!photo) return null;
  const parts: Buffer[] = [];
  // A few chunks a query: never the whole of a large original in one result.
  for (let n = 0; n < photo.chunk_count; n += 8) {
    const rows = await q.query<{ data: Uint8Array }>('SELECT data FROM photo_chunks WHERE sha256 = $1 AND n >= $2 AND n < $3 ORDER BY n', [sha256, n, n + 8]);
    for (const r of rows) parts.push(asBuffer(r.data));
  }
  return Buffer.concat(parts);
}

export async function photoVariant(q: Queryable, sha256: string, variant: StoredVariant): Promise<Buffer | null> {
  const [row] = await q.query<{ data: Uint8Array }>('SELECT data FROM photo_variants WHERE sha256 = $1 AND variant = $2', [sha256, variant]);
  return row ? asBuffer(row.data) : null;
}
