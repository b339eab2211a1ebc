// Cuts a snapshot's rows into chunks that survive small changes. Rows are in creation order (old
// stories rarely change, new ones do) and a chunk ends after any row whose id hashes to a multiple
// of CHUNK_TARGET: where the cuts fall depends on the ids alone, so adding, editing or deleting one
// article changes only its own chunk, never the ones after it (a fixed count per chunk would shift
// every later chunk by one row).
import type { Row } from './format';

export const CHUNK_TARGET = 256;
/** Upper bound however the ids fall. */
export const CHUNK_MAX = CHUNK_TARGET * 4;

/** FNV-1a over the id's characters: cheap, and spread well enough for UUIDs and anything else. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function compareRows(a: Pick<Row, 'createdAt' | 'id'>, b: Pick<Row, 'createdAt' | 'id'>): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function chunkRows(rows: readonly Row[]): Row[][] {
  return chunkSorted([...rows].sort(compareRows), (r) => r.id);
}

/** The same cuts over items already in row order, each standing for the row whose id `idOf` gives. */
export function chunkSorted<T>(sorted: readonly T[], idOf: (item: T) => string): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const item of sorted) {
    current.push(item);
    if (idHash(idOf(item)) % CHUNK_TARGET === 0 || current.length >= CHUNK_MAX) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}
