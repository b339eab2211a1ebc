// Reads a zip from memory without trusting it: names are checked for zip-slip, the entry count,
// each entry's size, the total, each entry's compression ratio and the whole archive's are bounded
// from the central directory before anything is inflated, and bytes are counted again while
// inflating (yauzl's validateEntrySizes and our own count), so a zip bomb stops at its declared size.
// The backup archive reader (backup/readArchive.ts) shares the name and size checks and inflateEntry.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ApiError, type ImportReason } from '../../../shared/contract/errors';
import { PACKAGE_ZIP_LIMITS, type ZipLimits } from '../../../shared/exchange/limits/inputLimits';
import { relativePathProblem } from '../../../shared/paths/relativePath';

export const ZIP_LIMITS: ZipLimits = PACKAGE_ZIP_LIMITS;
export type { ZipLimits };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function fail(file: string, reason: ImportReason, message: string): ApiError {
  return new ApiError('importFailed', message, { reason, file });
}

function open(bytes: Uint8Array, file: string): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const options = { lazyEntries: true, validateEntrySizes: true, decodeStrings: false, autoClose: false, strictFileNames: true };
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, options, (err, zip) => (err || !zip ? reject(fail(file, 'malformed', `not a zip: ${err?.message}`)) : resolve(zip))),
  );
}

/** Why an entry's name is refused: not UTF-8 or encrypted (`unreadable`), or a zip-slip path or a duplicate (`hostile`). */
export type NameProblem = { kind: 'unreadable' | 'hostile'; message: string };

/** The entry's checked name (folders end in '/'), added to `names`; or why it is refused. Shared with the backup reader. */
export function checkedName(entry: Entry, names: Set<string>): { name: string } | NameProblem {
  let name: string;
  try {
    name = utf8.decode(entry.fileName as unknown as Uint8Array);
  } catch {
    return { kind: 'unreadable', message: 'entry name is not UTF-8' };
  }
  const problem = relativePathProblem(name.endsWith('/') ? name.slice(0, -1) : name);
  if (problem) return { kind: 'hostile', message: `unsafe entry name (${problem}): ${name}` };
  if (names.has(name)) return { kind: 'hostile', message: `duplicate entry: ${name}` };
  if (entry.isEncrypted()) return { kind: 'unreadable', message: `encrypted entry: ${name}` };
  names.add(name);
  return { name };
}

/** Every entry with its checked name, read from the central directory only. */
function listEntries(zip: ZipFile, file: string, limits: ZipLimits): Promise<{ name: string; entry: Entry }[]> {
  if (zip.entryCount > limits.maxEntries) return Promise.reject(fail(file, 'tooLarge', `${zip.entryCount} entries`));
  return new Promise((resolve, reject) => {
    const out: { name: string; entry: Entry }[] = [];
    const names = new Set<string>();
    const stop = (err: ApiError) => {
      zip.removeAllListeners('entry');
      reject(err);
    };
    zip.on('entry', (entry: Entry) => {
      const checked = checkedName(entry, names);
      if (!('name' in checked)) return stop(fail(file, checked.kind === 'hostile' ? 'hostile' : 'badPackage', checked.message));
      const { name } = checked;
      if (!name.endsWith('/')) out.push({ name, entry });
      if (names.size > limits.maxEntries) return stop(fail(file, 'tooLarge', 'too many entries'));
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', (err: Error) => reject(fail(file, 'malformed', err.message)));
    zip.readEntry();
  });
}

/** Why an entry's declared size is refused: over a limit, or compressed like a bomb. */
export type DeclaredProblem = { kind: 'tooLarge' | 'hostile'; message: string };

/**
 * Checks of entries' declared sizes, one entry at a time as the central directory lists them:
 * `size` bounds each entry and the running total; `ratio` bounds each entry's compression and the
 * running total against the zip's own size (480 entries of 1 MB of zeros, each 930:1, passed the
 * old per-entry 1000:1; entries each just under the per-entry ratio are caught by the whole's). Each returns the first problem, or null.
 */
export function declaredSizes(limits: ZipLimits, zipBytes: number) {
  let total = 0;
  let ratioTotal = 0;
  return {
    size(name: string, entry: Entry): DeclaredProblem | null {
      if (entry.uncompressedSize > limits.maxEntryBytes) return { kind: 'tooLarge', message: `${name} is ${entry.uncompressedSize} bytes` };
      total += entry.uncompressedSize;
      return total > limits.maxTotalBytes ? { kind: 'tooLarge', message: `over ${limits.maxTotalBytes} bytes in all` } : null;
    },
    ratio(name: string, entry: Entry): DeclaredProblem | null {
      const size = entry.uncompressedSize;
      const ratio = size / Math.max(entry.compressedSize, 1);
      if (size >= limits.ratioFromBytes && ratio > limits.maxRatio) return { kind: 'hostile', message: `${name} compresses ${Math.round(ratio)}:1` };
      ratioTotal += size;
      const whole = ratioTotal / Math.max(zipBytes, 1);
      if (ratioTotal >= limits.totalRatioFromBytes && whole > limits.maxTotalRatio) return { kind: 'hostile', message: `the archive inflates ${Math.round(whole)}:1` };
      return null;
    },
  };
}

/** Size and ratio checks on what the central directory declares, before inflating anything. */
function checkDeclared(entries: { name: string; entry: Entry }[], file: string, limits: ZipLimits, zipBytes: number) {
  const check = declaredSizes(limits, zipBytes);
  for (const step of ['size', 'ratio'] as const) {
    for (const { name, entry } of entries) {
      const problem = check[step](name, entry);
      if (problem) throw fail(file, problem.kind, problem.message);
    }
  }
}

/** Why inflating an entry failed: it lied about its size (`hostile`), or its data is broken. */
export type InflateFailure = (kind: 'hostile' | 'broken', message: string) => Error;

/**
 * One entry's bytes, never more than it declared (counted here and by yauzl's size check).
 * Shared by the package reader and the backup archive reader, which word failures their own way.
 */
export function inflateEntry(zip: ZipFile, name: string, entry: Entry, failure: InflateFailure): Promise<Buffer> {
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

/** The zip's files by path (folders left out). Throws ApiError('importFailed', …, { reason, file }). */
export async function readZip(bytes: Uint8Array, file: string, limits: ZipLimits = ZIP_LIMITS): Promise<Map<string, Uint8Array>> {
  const zip = await open(bytes, file);
  try {
    const entries = await listEntries(zip, file, limits);
    checkDeclared(entries, file, limits, bytes.byteLength);
    const out = new Map<string, Uint8Array>();
    const failure: InflateFailure = (kind, message) => fail(file, kind === 'hostile' ? 'hostile' : 'malformed', message);
    for (const { name, entry } of entries) out.set(name, new Uint8Array(await inflateEntry(zip, name, entry, failure)));
    return out;
  } finally {
    zip.close();
  }
}
