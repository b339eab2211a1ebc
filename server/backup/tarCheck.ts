// Reads a snapshot before anything is written from it: the whole gzip stream (its CRC and length
// catch a truncated or damaged file), then the tar's headers, each with its checksum, down to the
// end marker. A snapshot is PGlite's own data-folder tarball, so it must hold PG_VERSION.
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';

export type SnapshotProblem = 'notGzip' | 'damaged' | 'notSnapshot';

export class SnapshotUnreadable extends Error {
  constructor(
    readonly problem: SnapshotProblem,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const BLOCK = 512;

/** The size field: octal ASCII (ustar), or base-256 for large files (GNU). */
function entrySize(header: Uint8Array): number {
  if (header[124] & 0x80) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + header[i];
    return n;
  }
  return parseInt(Buffer.from(header.subarray(124, 136)).toString('latin1').replace(/\0.*$/, '').trim() || '0', 8);
}

function checksumOk(header: Uint8Array): boolean {
  const stored = parseInt(Buffer.from(header.subarray(148, 156)).toString('latin1').replace(/\0.*$/, '').trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  return stored === sum;
}

/** The names in a tar, checking each header; throws SnapshotUnreadable('damaged') on the first bad one. */
export function tarEntries(tar: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  for (;;) {
    if (at + BLOCK > tar.length) throw new SnapshotUnreadable('damaged', `the archive ends at byte ${tar.length} without its end marker`);
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return names;
    if (!checksumOk(header)) throw new SnapshotUnreadable('damaged', `entry header at byte ${at} fails its checksum`);
    const name = Buffer.from(header.subarray(0, 100)).toString('utf8').replace(/\0.*$/s, '');
    const prefix = Buffer.from(header.subarray(345, 500)).toString('utf8').replace(/\0.*$/s, '');
    const size = entrySize(header);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (at > tar.length) throw new SnapshotUnreadable('damaged', `entry ${prefix ? `${prefix}/` : ''}${name} runs past the end of the archive`);
    names.push(prefix ? `${prefix}/${name}` : name);
  }
}

/** The snapshot's tar, whole and checked. */
export async function readSnapshotTar(gz: Uint8Array): Promise<Uint8Array> {
  if (gz.length < 2 || gz[0] !== 0x1f || gz[1] !== 0x8b) throw new SnapshotUnreadable('notGzip', 'not a gzip file');
  let tar: Uint8Array;
  try {
    tar = await promisify(gunzip)(gz);
  } catch (err) {
    throw new SnapshotUnreadable('damaged', (err as Error).message);
  }
  const names = tarEntries(tar).map((n) => n.replace(/^\/+/, ''));
  if (!names.includes('PG_VERSION')) throw new SnapshotUnreadable('notSnapshot', 'no PG_VERSION in the archive: not an embedded database');
  return tar;
}
