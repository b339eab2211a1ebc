// The one zip entry checker, for packages (exchange/package/readZip.ts) and backup archives
// (backup/readArchive.ts): a zip read without trusting it. Entry names are UTF-8, unencrypted,
// unique and pass the relative-path rule (zip-slip); the entry count, each entry's size, the total,
// each entry's compression ratio and the whole archive's are bounded from the central directory
// before anything is inflated; and bytes are counted again while inflating (yauzl's
// validateEntrySizes and our own count), so a zip bomb stops at its declared size. Each reader
// words the failures its own way through a `ZipFailure`.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ZipLimits } from '../../shared/exchange/limits/inputLimits';
import { relativePathProblem } from '../../shared/paths/relativePath';
import { readAheadOpen } from './readAhead';

/**
 * How a reader turns a problem into its error: `unreadable` (a name not UTF-8, an encrypted entry),
 * `hostile` (zip-slip, a duplicate, a bomb, an entry lying about its size), `tooLarge` (over a
 * limit), `broken` (not a zip, or damaged data).
 */
export type ZipFailure = (kind: 'unreadable' | 'hostile' | 'tooLarge' | 'broken', message: string) => Error;

export type ZipSource = { bytes: Uint8Array } | { path: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Opens the zip for reading one entry at a time; names are left as bytes for `checkedName`. */
export function openZip(source: ZipSource, failure: ZipFailure): Promise<ZipFile> {
  const options = { lazyEntries: true, validateEntrySizes: true, decodeStrings: false, autoClose: false, strictFileNames: true };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: ZipFile) => (err || !zip ? reject(failure('broken', `not a zip: ${err?.message}`)) : resolve(zip));
    if ('bytes' in source) yauzl.fromBuffer(Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength), options, done);
    else {
      // Read through windows (./readAhead.ts): one read for many small entries.
      void readAheadOpen(source.path).then(
        ({ reader, size }) =>
          yauzl.fromRandomAccessReader(reader, size, options, (err, zip) => {
            if (err) reader.close(() => undefined);
            done(err, zip);
          }),
        (err: Error) => done(err),
      );
    }
  });
}

function nextEntry(zip: ZipFile, failure: ZipFailure): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (e: Entry) => (cleanup(), resolve(e));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (err: Error) => (cleanup(), reject(failure('broken', err.message)));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** The entry's name (folders end in '/') if it is readable, safe and new to `names` (then added); else the failure. */
function checkedName(entry: Entry, names: Set<string>, failure: ZipFailure): string {
  let name: string;
  try {
    name = utf8.decode(entry.fileName as unknown as Uint8Array);
  } catch {
    throw failure('unreadable', 'entry name is not UTF-8');
  }
  const problem = relativePathProblem(name.endsWith('/') ? name.slice(0, -1) : name);
  if (problem) throw failure('hostile', `unsafe entry name (${problem}): ${name}`);
  if (names.has(name)) throw failure('hostile', `duplicate entry: ${name}`);
  if (entry.isEncrypted()) throw failure('unreadable', `encrypted entry: ${name}`);
  names.add(name);
  return name;
}

/**
 * Checks of entries' declared sizes, one entry at a time as the central directory lists them:
 * `size` bounds each entry and the running total; `ratio` bounds each entry's compression and the
 * running total against the zip's own size (480 entries of 1 MB of zeros, each 930:1, passed the
 * old per-entry 1000:1; entries each just under the per-entry ratio are caught by the whole's).
 */
function declaredSizes(limits: ZipLimits, zipBytes: number, failure: ZipFailure) {
  let total = 0;
  let ratioTotal = 0;
  return {
    size(name: string, entry: Entry): void {
      if (entry.uncompressedSize > limits.maxEntryBytes) throw failure('tooLarge', `${name} is ${entry.uncompressedSize} bytes`);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) throw failure('tooLarge', `over ${limits.maxTotalBytes} bytes in all`);
    },
    ratio(name: string, entry: Entry): void {
      const size = entry.uncompressedSize;
      const ratio = size / Math.max(entry.compressedSize, 1);
      if (size >= limits.ratioFromBytes && ratio > limits.maxRatio) throw failure('hostile', `${name} compresses ${Math.round(ratio)}:1`);
      ratioTotal += size;
      const whole = ratioTotal / Math.max(zipBytes, 1);
      if (ratioTotal >= limits.totalRatioFromBytes && whole > limits.maxTotalRatio) throw failure('hostile', `the archive inflates ${Math.round(whole)}:1`);
    },
  };
}

/**
 * Every file entry (folders left out) with its checked name, in central-directory order, each
 * checked for its name and declared size before it is handed on; throws the first failure.
 */
export async function* checkedEntries(zip: ZipFile, limits: ZipLimits, failure: ZipFailure): AsyncGenerator<{ name: string; entry: Entry }> {
  if (zip.entryCount > limits.maxEntries) throw failure('tooLarge', `${zip.entryCount} entries`);
  const names = new Set<string>();
  const sizes = declaredSizes(limits, zip.fileSize, failure);
  for (let entry = await nextEntry(zip, failure); entry; entry = await nextEntry(zip, failure)) {
    const name = checkedName(entry, names, failure);
    if (names.size > limits.maxEntries) throw failure('tooLarge', 'too many entries');
    if (name.endsWith('/')) continue;
    sizes.size(name, entry);
    sizes.ratio(name, entry);
    yield { name, entry };
  }
}

/** One entry's bytes, never more than it declared (counted here and by yauzl's size check). */
export function inflateEntry(zip: ZipFile, name: string, entry: Entry, failure: ZipFailure): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(failure('broken', `${name}: ${err?.message}`));
      const chunks: Buffer[] = [];
      let count = 0;
      stream.on('data', (chunk: Buffer) => {
        count += chunk.length;
        if (count > entry.uncompressedSize) {
          stream.destroy();
          reject(failure('hostile', `${name} inflates past its declared ${entry.uncompressedSize} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      // yauzl's size check says "too many/not enough bytes in the stream": the entry lied about its size.
      stream.on('error', (e: Error) => reject(failure(/bytes in the stream/.test(e.message) ? 'hostile' : 'broken', `${name}: ${e.message}`)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
