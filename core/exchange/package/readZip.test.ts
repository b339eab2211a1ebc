import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { readZip, ZIP_LIMITS, type ZipLimits } from './readZip';
import { declareSize, renameEntry, zipOf } from './testing/zips';

const MB = 1024 * 1024;
let bombZip: Promise<Buffer> | undefined;
/** Built once: deflating 200 MB takes a few seconds. */
const bomb = () => (bombZip ??= zipOf([{ name: 'zeros.bin', zeros: 200 * MB }]));

async function refusal(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<{ code: string; reason: unknown; file: unknown }> {
  try {
    await readZip(bytes, 'evil.zip', limits);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    return { code: e.code, reason: e.params.reason, file: e.params.file };
  }
  throw new Error('expected a refusal');
}

describe('readZip', () => {
  it('reads an honest zip', async () => {
    const files = await readZip(await zipOf([{ name: 'a.txt', bytes: Buffer.from('안녕') }, { name: 'dir/b.bin', bytes: Uint8Array.from([1, 2]) }]), 'ok.zip');
    expect([...files.keys()]).toEqual(['a.txt', 'dir/b.bin']);
    expect(Buffer.from(files.get('a.txt')!).toString()).toBe('안녕');
  });

  it('refuses zip-slip names: ../, absolute, backslash, drive letter', async () => {
    const cases: [string, string][] = [['aa/x.txt', '../x.txt'], ['aetc/passwd', '/etc/passwd'], ['a_b.txt', 'a\\b.txt'], ['Cc/x.txt', 'C:/x.txt'], ['a/bb/c', 'a/../c']];
    for (const [safe, evil] of cases) {
      const zip = renameEntry(await zipOf([{ name: safe, bytes: Buffer.from('x') }]), safe, evil);
      expect(await refusal(zip), evil).toEqual({ code: 'importFailed', reason: 'hostile', file: 'evil.zip' });
    }
  });

  it('refuses an entry name longer than 255 characters', async () => {
    const zip = await zipOf([{ name: `${'a'.repeat(300)}.txt`, bytes: Buffer.from('x') }]);
    expect(await refusal(zip)).toEqual({ code: 'importFailed', reason: 'hostile', file: 'evil.zip' });
  });

  it('refuses more than 500 entries', async () => {
    const zip = await zipOf(Array.from({ length: 501 }, (_, i) => ({ name: `f${i}.txt`, bytes: Buffer.from('x') })));
    expect((await refusal(zip)).reason).toBe('tooLarge');
  });

  it('refuses a 200 MB entry of zeros (about 200 KB zipped) from its declared size', async () => {
    const zip = await bomb();
    expect(zip.length).toBeLessThan(1 * MB);
    expect(await refusal(zip)).toEqual({ code: 'importFailed', reason: 'tooLarge', file: 'evil.zip' });
  }, 120_000); // deflating 200 MB of zeros for the fixture is slow on a 2-core machine

  it('stops a bomb that lies about its size while inflating it', async () => {
    const zip = declareSize(await bomb(), 'zeros.bin', 1000);
    const before = process.memoryUsage().arrayBuffers;
    expect(await refusal(zip)).toEqual({ code: 'importFailed', reason: 'hostile', file: 'evil.zip' });
    // Nothing near 200 MB was held: the refusal came after the first chunks.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * MB);
  }, 120_000); // deflating 200 MB of zeros for the fixture is slow on a 2-core machine

  it('refuses more than 500 MB in all, even when each entry is under 100 MB', async () => {
    let zip = await zipOf(Array.from({ length: 6 }, (_, i) => ({ name: `part${i}.bin`, bytes: Buffer.from('x') })));
    for (let i = 0; i < 6; i++) zip = declareSize(zip, `part${i}.bin`, 99 * MB);
    // Declared that big, each entry also compresses like a bomb (hostile, checked entry by entry):
    // the ratio limits are lifted so the total is what refuses it.
    expect((await refusal(zip, { ...ZIP_LIMITS, maxRatio: Infinity, maxTotalRatio: Infinity })).reason).toBe('tooLarge');
    expect((await refusal(zip)).reason).toBe('hostile');
  });

  it('refuses entries that each compress under the per-entry ratio but together inflate more than 100:1 over the zip', async () => {
    // 1 MB of zeros with a pseudo-random byte every 100: about 146:1, under the per-entry 200:1.
    const sparse = Buffer.alloc(MB);
    let seed = 1;
    for (let i = 0; i < sparse.length; i += 100) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      sparse[i] = seed & 255;
    }
    const zip = await zipOf(Array.from({ length: 20 }, (_, i) => ({ name: `part${i}.bin`, bytes: sparse })));
    const refused = await refusal(zip);
    expect(refused.reason).toBe('hostile');
    // The same entries, few enough to stay under the 16 MB from which the whole is checked, are read.
    expect((await readZip(await zipOf(Array.from({ length: 10 }, (_, i) => ({ name: `part${i}.bin`, bytes: sparse }))), 'ok.zip')).size).toBe(10);
  });

  it('refuses a big entry that compresses more than 200:1', async () => {
    const zip = await zipOf([{ name: 'zeros.bin', zeros: 20 * MB }]);
    expect((await refusal(zip)).reason).toBe('hostile');
  });

  it('refuses what is not a zip, and duplicate names', async () => {
    expect((await refusal(new Uint8Array(Buffer.from('this is not a zip file at all')))).reason).toBe('malformed');
    expect((await refusal(new Uint8Array())).reason).toBe('malformed');
    const dup = renameEntry(await zipOf([{ name: 'a.txt', bytes: Buffer.from('1') }, { name: 'b.txt', bytes: Buffer.from('2') }]), 'b.txt', 'a.txt');
    expect((await refusal(dup)).reason).toBe('hostile');
  });
});
