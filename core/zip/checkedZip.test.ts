// The zip entry checker itself, with the failure kinds each reader (package, backup archive) then
// words its own way; readZip.test.ts and backup/archive.test.ts check that wording.
import { describe, expect, it } from 'vitest';
import { checkedEntries, inflateEntry, openZip, type ZipFailure } from './checkedZip';
import { declareSize, renameEntry, zipOf } from '../exchange/package/testing/zips';

const MB = 1024 * 1024;
const limits = { maxEntries: 3, maxEntryBytes: MB, maxTotalBytes: 2 * MB, ratioFromBytes: 64 * 1024, maxRatio: 200, totalRatioFromBytes: 16 * MB, maxTotalRatio: 100 };

class Refused extends Error {
  constructor(readonly kind: string, message: string) {
    super(message);
  }
}
const failure: ZipFailure = (kind, message) => new Refused(kind, message);

/** The entries' names and contents, or the kind of the first failure. */
async function read(bytes: Uint8Array): Promise<string[] | string> {
  try {
    const zip = await openZip({ bytes }, failure);
    try {
      const out: string[] = [];
      for await (const { name, entry } of checkedEntries(zip, limits, failure)) out.push(`${name}=${(await inflateEntry(zip, name, entry, failure)).toString()}`);
      return out;
    } finally {
      zip.close();
    }
  } catch (err) {
    if (err instanceof Refused) return err.kind;
    throw err;
  }
}

describe('the zip entry checker', () => {
  it('hands on every file entry in order, folders left out', async () => {
    expect(await read(await zipOf([{ name: 'a.txt', bytes: Buffer.from('1') }, { name: 'd/b.txt', bytes: Buffer.from('2') }]))).toEqual(['a.txt=1', 'd/b.txt=2']);
  });

  it('names: zip-slip and duplicates are hostile', async () => {
    expect(await read(renameEntry(await zipOf([{ name: 'aa/x.txt', bytes: Buffer.from('x') }]), 'aa/x.txt', '../x.txt'))).toBe('hostile');
    expect(await read(renameEntry(await zipOf([{ name: 'a.txt', bytes: Buffer.from('1') }, { name: 'b.txt', bytes: Buffer.from('2') }]), 'b.txt', 'a.txt'))).toBe('hostile');
  });

  it('declared sizes: too many entries or bytes are too large, before anything is inflated', async () => {
    expect(await read(await zipOf(Array.from({ length: 4 }, (_, i) => ({ name: `f${i}`, bytes: Buffer.from('x') }))))).toBe('tooLarge');
    expect(await read(declareSize(await zipOf([{ name: 'big.bin', bytes: Buffer.from('x') }]), 'big.bin', 2 * MB))).toBe('tooLarge');
  });

  it('compression: a bomb is hostile from its declared ratio, or while inflating past its declared size', async () => {
    expect(await read(await zipOf([{ name: 'zeros.bin', bytes: Buffer.alloc(MB - 1) }]))).toBe('hostile');
    expect(await read(declareSize(await zipOf([{ name: 'zeros.bin', bytes: Buffer.alloc(1000) }]), 'zeros.bin', 10))).toBe('hostile');
  });

  it('what is not a zip is broken', async () => {
    expect(await read(new Uint8Array(Buffer.from('not a zip at all')))).toBe('broken');
  });
});
