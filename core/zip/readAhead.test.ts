// A zip read from its file through windows (readAhead.ts) gives every entry's bytes as they were
// written — entries across a window's edge, one larger than a window, compressed and stored — in
// far fewer reads than entries.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { checkedEntries, inflateEntry, openZip, type ZipFailure } from './checkedZip';
import { readAheadOpen } from './readAhead';
import { zipOf } from '../exchange/package/testing/zips';

const failure: ZipFailure = (kind, message) => new Error(`${kind}: ${message}`);
const limits = { maxEntries: 10_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024, ratioFromBytes: 64 * 1024, maxRatio: 1000, totalRatioFromBytes: 16 * 1024 * 1024, maxTotalRatio: 1000 };
let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Small entries of random (incompressible) bytes, stored and compressed, and one big one. */
async function archive(): Promise<{ path: string; entries: Map<string, Buffer> }> {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-readahead-'));
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < 300; i++) entries.set(`o/${i}.gz`, randomBytes(1 + ((i * 977) % 3000)));
  entries.set('big.bin', randomBytes(200_000));
  entries.set('text.txt', Buffer.from('가나다라'.repeat(5000)));
  const path = join(dir, 'a.zip');
  await writeFile(path, await zipOf([...entries].map(([name, bytes], i) => ({ name, bytes, compress: i % 2 === 0 }))));
  return { path, entries };
}

async function readAll(zip: yauzl.ZipFile): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  try {
    for await (const { name, entry } of checkedEntries(zip, limits, failure)) out.set(name, await inflateEntry(zip, name, entry, failure));
  } finally {
    zip.close();
  }
  return out;
}

it('gives every entry of a zip file as written, through windows smaller than the file', async () => {
  const { path, entries } = await archive();
  // Windows of 64 KB: entries fall across their edges, and big.bin is larger than one.
  const { reader: small, size } = await readAheadOpen(path, 64 * 1024);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromRandomAccessReader(small, size, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false, autoClose: false, strictFileNames: true }, (err, z) => (err ? reject(err) : resolve(z!))),
  );
  expect(await readAll(zip)).toEqual(entries);
  expect(small.reads).toBeGreaterThan(5); // more than one window's worth
});

it('opens a zip by its path, reading it in a few windows rather than per entry', async () => {
  const { path, entries } = await archive();
  expect(await readAll(await openZip({ path }, failure))).toEqual(entries);
  const { reader, size } = await readAheadOpen(path);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false, autoClose: false, strictFileNames: true }, (err, z) => (err ? reject(err) : resolve(z!))),
  );
  expect(await readAll(zip)).toEqual(entries);
  // yauzl's own reader reads each entry's header and data apart: over 600 reads for these 302.
  expect(reader.reads).toBeLessThan(5);
});
