// A binary file of named sections behind a one-line JSON header that lists them and holds a
// SHA-1 of them all (integrity, not secrecy: three times faster than SHA-256 over 100+ MB).
// Written like every file here (temp file, fsync, rename, fsync the folder); read back only
// if every check passes, else null, and the caller rebuilds what it held.
import { createHash } from 'node:crypto';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { writeFileAtomic } from './atomicWrite';

export type Sections = [string, Uint8Array][];

/** Writes the file; answers where in it each section starts. */
export async function writeSectionFile(path: string, format: string, version: number, sections: Sections, extra: Record<string, unknown> = {}): Promise<Map<string, number>> {
  const hash = createHash('sha1');
  for (const [, b] of sections) hash.update(b);
  const header = Buffer.from(JSON.stringify({ ...extra, format, version, sha1: hash.digest('hex'), sections: sections.map(([name, b]) => [name, b.byteLength]) }) + '\n');
  await writeFileAtomic(path, [header, ...sections.map(([, b]) => b)]);
  const at = new Map<string, number>();
  let pos = header.length;
  for (const [name, b] of sections) {
    at.set(name, pos);
    pos += b.byteLength;
  }
  return at;
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

/** A section file whose big sections stay on disk: `file` (open, the caller closes it) reads them at `at`. */
export interface OpenSectionFile extends SectionFile {
  /** Where each section starts in the file, and its length. */
  at: Map<string, { pos: number; length: number }>;
  file: FileHandle;
}

/** Bytes read at a time while checking a file whose sections stay on disk. */
const PIECE = 1 << 20;

/**
 * readSectionFile for a file too big to hold: every byte is checked as readSectionFile does, a
 * piece at a time, but only the sections `keep` names are held; the others are read from `file`
 * when needed. Null on any failed check (the file is closed then).
 */
export async function openSectionFile(path: string, format: string, version: number, keep: (name: string) => boolean): Promise<OpenSectionFile | null> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = (await file.stat()).size;
    const piece = new Uint8Array(Math.min(PIECE, Math.max(1, size)));
    // The header line (a few kilobytes), read until its newline.
    let headerBytes = Buffer.alloc(0);
    let nl = -1;
    while (nl < 0 && headerBytes.length < size && headerBytes.length < 64 * PIECE) {
      const { bytesRead } = await file.read(piece, 0, piece.length, headerBytes.length);
      if (bytesRead === 0) break;
      const start = headerBytes.length;
      headerBytes = Buffer.concat([headerBytes, piece.subarray(0, bytesRead)]);
      const found = headerBytes.indexOf(10, start);
      if (found >= 0) nl = found;
    }
    if (nl < 0) throw new Error('no header');
    const header = JSON.parse(headerBytes.subarray(0, nl).toString('utf8')) as { format: unknown; version: unknown; sha1: unknown; sections: unknown };
    if (header.format !== format || header.version !== version || !Array.isArray(header.sections)) throw new Error('another format');
    const hash = createHash('sha1');
    const sections = new Map<string, Uint8Array>();
    const at = new Map<string, { pos: number; length: number }>();
    let pos = nl + 1;
    const readFully = async (into: Uint8Array, from: number) => {
      for (let got = 0; got < into.length; ) {
        const { bytesRead } = await file.read(into, got, into.length - got, from + got);
        if (bytesRead === 0) throw new Error('cut short');
        got += bytesRead;
      }
    };
    for (const [name, length] of header.sections as [string, number][]) {
      if (typeof name !== 'string' || !Number.isInteger(length) || length < 0 || pos + length > size) throw new Error('bad section');
      at.set(name, { pos, length });
      if (keep(name)) {
        const bytes = new Uint8Array(length);
        await readFully(bytes, pos);
        hash.update(bytes);
        sections.set(name, bytes);
      } else {
        for (let done = 0; done < length; ) {
          const n = Math.min(piece.length, length - done);
          await readFully(piece.subarray(0, n), pos + done);
          hash.update(piece.subarray(0, n));
          done += n;
        }
      }
      pos += length;
    }
    if (pos !== size || hash.digest('hex') !== header.sha1) throw new Error('damaged');
    return { header, sections, at, file };
  } catch {
    await file.close().catch(() => undefined);
    return null;
  }
}

/** An Int32Array/Float64Array as bytes, and back (copied so it is aligned). */
export const asBytes = (a: Int32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
export const int32s = (b: Uint8Array | undefined) => (b ? new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) : null);
export const float64s = (b: Uint8Array | undefined) => (b && b.byteLength % 8 === 0 ? new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) : null);
