import { describe, expect, it } from 'vitest';
import { Postings } from './Postings';

const chunkLengths = (p: Postings) => p.dump().chunks.map((c) => c.length);

describe('Postings', () => {
  it('tells lists laid out by packing (readable from a file by place alone) from lists still growing', () => {
    const p = new Postings(3);
    for (let doc = 0; doc < 50; doc++) {
      p.add('배터리', doc, 1);
      if (doc % 3 === 0) p.add('전기차', doc, 2);
    }
    // Blocks chained with room left: lengths are not their capacities.
    expect(Postings.packedLayout(p.dump(), chunkLengths(p))).toBe(false);
    p.pack();
    expect(Postings.packedLayout(p.dump(), chunkLengths(p))).toBe(true);
    // A chunk cut short (a damaged file) is not.
    expect(Postings.packedLayout(p.dump(), chunkLengths(p).map((n) => n - 1))).toBe(false);
  });
});
