// A binary file of named sections behind a one-line JSON header that lists them and holds a
// SHA-1 of them all (integrity, not secrecy: three times faster than SHA-256 over 100+ MB).
// Written like every file here (temp file, fsync, rename, fsync the folder); read back only
// if every check passes, else null, and the caller rebuilds what it held.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomicWrite';

export type Sections = [string, Uint8Array][];

export async function writeSectionFile(path: string, format: string, version: number, sections: Sections, extra: Record<string, unknown> = {}): Promise<void> {
  const hash = createHash('sha1');
  for (const [, b] of sections) hash.update(b);
  const header = Buffer.from(JSON.stringify({ ...extra, format, version, sha1: hash.digest('hex'), sections: sections.map(([name, b]) => [name, b.byteLength]) }) + '\n');
  await writeFileAtomic(path, [header, ...sections.map(([, b]) => b)]);
}

export interface SectionFile {
  header: Record<string, unknown>;
  sections: Map<string, Uint8Array>;
}

export async function readSectionFile(path: string, format: string, version: number): Promise<SectionFile | null> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch {
    return null;
  }
  try {
    const nl = file.indexOf(10);
    if (nl < 0) return null;
    const header = JSON.parse(file.subarray(0, nl).toString('utf8')) as { format: unknown; version: unknown; sha1: unknown; sections: unknown };
    if (header.format !== format || header.version !== version || !Array.isArray(header.sections)) return null;
    const body = file.subarray(nl + 1);
    if (createHash('sha1').update(body).digest('hex') !== header.sha1) return null;
    const sections = new Map<string, Uint8Array>();
    let at = 0;
    for (const [name, length] of header.sections as [string, number][]) {
      if (typeof name !== 'string' || !Number.isInteger(length) || length < 0 || at + length > body.length) return null;
      sections.set(name, body.subarray(at, at + length));
      at += length;
    }
    if (at !== body.length) return null;
    return { header, sections };
  } catch {
    return null;
  }
}

/** An Int32Array/Float64Array as bytes, and back (copied so it is aligned). */
export const asBytes = (a: Int32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
export const int32s = (b: Uint8Array | undefined) => (b ? new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) : null);
export const float64s = (b: Uint8Array | undefined) => (b && b.byteLength % 8 === 0 ? new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) : null);
