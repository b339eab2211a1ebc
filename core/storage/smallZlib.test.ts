// Small and large inputs go different ways (this thread, the pool) and must come out the same,
// with the output bound holding on both.
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gunzip, gzip, SMALL_BYTES } from './smallZlib';

describe('small zlib', () => {
  it('round-trips small and large inputs, readable by plain zlib', async () => {
    for (const bytes of [Buffer.from('기사 본문'.repeat(10)), randomBytes(SMALL_BYTES * 2)]) {
      const gz = await gzip(bytes);
      expect(gunzipSync(gz)).toEqual(bytes);
      expect(await gunzip(gz)).toEqual(bytes);
      expect(await gunzip(gzipSync(bytes))).toEqual(bytes);
    }
    expect((await gunzip(await gzip('가나다'))).toString()).toBe('가나다');
  });

  it('refuses to inflate past maxOutputLength on both paths', async () => {
    const small = gzipSync(Buffer.alloc(1024 * 1024)); // ~1 KB in, 1 MB out
    const large = gzipSync(randomBytes(SMALL_BYTES)); // over the small limit in
    expect(small.byteLength).toBeLessThan(SMALL_BYTES / 4);
    expect(large.byteLength).toBeGreaterThan(SMALL_BYTES / 4);
    await expect(gunzip(small, { maxOutputLength: 1000 })).rejects.toThrow(RangeError);
    await expect(gunzip(large, { maxOutputLength: 1000 })).rejects.toThrow(RangeError);
  });
});
