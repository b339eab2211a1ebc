// Zips for the package tests, including the hostile ones no honest zipper writes: names patched
// after the fact (yazl refuses `../x`), sizes that lie, a bomb streamed from zeros so the test
// never holds it whole.
import { Readable } from 'node:stream';
import yazl from 'yazl';

export type ZipEntryInput = { name: string; bytes?: Uint8Array; zeros?: number; compress?: boolean };

export function zipOf(entries: ZipEntryInput[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date('2024-01-01T00:00:00Z');
  for (const e of entries) {
    if (e.zeros !== undefined) {
      const chunk = Buffer.alloc(1024 * 1024);
      const count = Math.ceil(e.zeros / chunk.length);
      zip.addReadStream(Readable.from((function* () { for (let i = 0; i < count; i++) yield chunk; })()), e.name, { mtime, compress: true });
    } else zip.addBuffer(Buffer.from(e.bytes ?? new Uint8Array()), e.name, { mtime, compress: e.compress ?? true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Replaces a name in the local headers and the central directory (same length, so offsets hold). */
export function renameEntry(zip: Uint8Array, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('same length only');
  const out = Buffer.from(zip);
  const a = Buffer.from(from);
  for (let i = out.indexOf(a); i >= 0; i = out.indexOf(a, i + 1)) Buffer.from(to).copy(out, i);
  return out;
}

/** Sets what the central directory says an entry inflates to. */
export function declareSize(zip: Uint8Array, name: string, uncompressedSize: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = out.indexOf('PK\x01\x02'); i >= 0; i = out.indexOf('PK\x01\x02', i + 4)) {
    const nameLength = out.readUInt16LE(i + 28);
    if (out.toString('utf8', i + 46, i + 46 + nameLength) === name) out.writeUInt32LE(uncompressedSize, i + 24);
  }
  return out;
}
