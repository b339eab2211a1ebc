import { describe, expect, it } from 'vitest';
import { chunkRows, CHUNK_MAX } from './chunkRows';
import type { Row } from './format';

/** Ids as UUIDs, fixed per row so where the cuts fall is the same on every run (random ids made one test fail now and then). */
const idOf = (i: number) => `6f1c2d3e-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

function row(i: number, id = idOf(i)): Row {
  const createdAt = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return { id, hash: 'a'.repeat(64), bytes: 100, mtimeMs: i, contentHash: '0'.repeat(16), revision: 1, headline: `기사 ${i}`, kicker: '', language: 'ko', status: 'draft', createdAt, updatedAt: createdAt, trashedAt: null, photos: [] };
}

const key = (chunk: Row[]) => JSON.stringify(chunk);

describe('cutting snapshot rows into chunks', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => row(i));
  const before = chunkRows(rows).map(key);

  it('keeps every row once, in creation order, within the size bound', () => {
    const chunks = chunkRows([...rows].reverse());
    expect(chunks.flat().map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(CHUNK_MAX);
    expect(chunks.length).toBeGreaterThan(5);
  });

  it('changes only the edited article’s chunk when one old article is edited', () => {
    const edited = rows.map((r, i) => (i === 1234 ? { ...r, hash: 'b'.repeat(64), revision: 2 } : r));
    const after = chunkRows(edited).map(key);
    expect(after.length).toBe(before.length);
    expect(after.filter((c) => !before.includes(c)).length).toBe(1);
  });

  it('changes at most two chunks when an old article is removed, not every chunk after it', () => {
    const after = chunkRows(rows.filter((_, i) => i !== 100)).map(key);
    expect(after.filter((c) => !before.includes(c)).length).toBeLessThanOrEqual(1);
    expect(before.filter((c) => !after.includes(c)).length).toBeLessThanOrEqual(2);
  });

  it('leaves the old chunks alone when new articles arrive', () => {
    const after = chunkRows([...rows, ...Array.from({ length: 50 }, (_, i) => row(5000 + i))]).map(key);
    expect(before.filter((c) => !after.includes(c)).length).toBeLessThanOrEqual(1); // only the last, still open chunk
  });
});
