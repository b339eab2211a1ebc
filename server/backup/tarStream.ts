// A snapshot file: the embedded database's folder as a gzipped tar (ustar), written and read as a
// stream so a newsroom with gigabytes of photos (rows in the database) needs no more memory than
// one small one. PGlite's own dumpDataDir builds the whole tar in memory (about 14 times the
// photos' size at its peak, measured), so it is not used; the layout is the same (entries relative
// to the database's folder), so either reads the other's.
//
// Reading checks as it goes: gzip's checksum and length at the end (a truncated or damaged file),
// each header's checksum, names that stay inside the target, the end marker, and PG_VERSION.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

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

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: number, directory: boolean): Buffer {
  const h = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 154);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`a path too long for a snapshot: ${name}`);
    [prefix, base] = [name.slice(0, cut), name.slice(cut + 1)];
  }
  h.write(base, 0, 100, 'utf8');
  h.write(octal(directory ? 0o700 : 0o600, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(Math.floor(mtime / 1000), 12), 136, 'latin1');
  h.fill(0x20, 148, 156);
  h.write(directory ? '5' : '0', 156, 'latin1');
  h.write('ustar\u000000', 257, 'latin1');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'latin1');
  return h;
}

/** Every folder and file under `root`, folders before what they hold, in name order. */
async function* entries(root: string, at = ''): AsyncGenerator<Buffer> {
  for (const name of (await readdir(join(root, at))).sort()) {
    const rel = at ? `${at}/${name}` : name;
    const info = await stat(join(root, rel));
    if (info.isDirectory()) {
      yield header(`${rel}/`, 0, info.mtimeMs, true);
      yield* entries(root, rel);
    } else if (info.isFile()) {
      yield header(rel, info.size, info.mtimeMs, false);
      let written = 0;
      for await (const chunk of createReadStream(join(root, rel))) {
        written += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      // The data folder is locked and its database closed: a file that changed size means something else writes it.
      if (written !== info.size) throw new Error(`${rel} changed while it was read`);
      if (written % BLOCK) yield Buffer.alloc(BLOCK - (written % BLOCK));
    }
  }
}

/** Writes `root` as a gzipped tar to `file` (which must not exist; made readable by its owner only). Returns its size. */
export async function writeSnapshotTar(root: string, file: string): Promise<number> {
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  async function* tar() {
    yield* entries(root);
    yield Buffer.alloc(BLOCK * 2);
  }
  // The fastest level: photos (most of a newsroom's bytes) do not compress, and the server is stopped meanwhile.
  await pipeline(tar(), createGzip({ level: 1 }), out);
  return (await stat(file)).size;
}

function field(h: Buffer, start: number, length: number): string {
  return h.toString('utf8', start, start + length).replace(/\0.*$/s, '');
}

function entrySize(h: Buffer): number {
  if (h[124] & 0x80) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + h[i];
    return n;
  }
  return parseInt(field(h, 124, 12).trim() || '0', 8);
}

function checksumOk(h: Buffer): boolean {
  const stored = parseInt(field(h, 148, 8).trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
  return stored === sum;
}

/**
 * Unpacks the gzipped tar `file` into the folder `root` (made), checking as it goes; throws
 * SnapshotUnreadable on anything wrong, leaving what it wrote for the caller to remove.
 */
export async function extractSnapshotTar(file: string, root: string): Promise<void> {
  const magic = Buffer.alloc(2);
  const fh = await open(file, 'r');
  try {
    await fh.read(magic, 0, 2, 0);
  } finally {
    await fh.close();
  }
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new SnapshotUnreadable('notGzip', 'not a gzip file');
  await mkdir(root, { recursive: true, mode: 0o700 });

  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;
  let current: { handle: FileHandle; left: number; padding: number; name: string } | null = null;
  let skip = 0;
  let ended = false;
  const names = new Set<string>();

  const target = (name: string): string => {
    const rel = normalize(name.replace(/^\/+/, '')).replace(/\/+$/, '');
    if (rel === '' || rel === '.' || rel.startsWith('..') || rel.split(sep).includes('..')) throw new SnapshotUnreadable('damaged', `an entry named ${JSON.stringify(name)} would land outside the database's folder`);
    return rel;
  };

  async function consume(chunk: Buffer): Promise<void> {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (ended) {
        pending = Buffer.alloc(0); // zero padding after the end marker
        return;
      }
      if (current) {
        const take = Math.min(current.left, pending.length);
        if (take > 0) {
          await current.handle.write(pending.subarray(0, take));
          current.left -= take;
          pending = pending.subarray(take);
          offset += take;
        }
        if (current.left > 0) return;
        await current.handle.close();
        skip = current.padding;
        current = null;
      }
      if (skip > 0) {
        const take = Math.min(skip, pending.length);
        skip -= take;
        pending = pending.subarray(take);
        offset += take;
        if (skip > 0) return;
      }
      if (pending.length < BLOCK) return;
      const h = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      offset += BLOCK;
      if (h.every((b) => b === 0)) {
        ended = true;
        continue;
      }
      if (!checksumOk(h)) throw new SnapshotUnreadable('damaged', `the entry header at byte ${offset - BLOCK} fails its checksum`);
      const prefix = field(h, 345, 155);
      const name = prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100);
      const size = entrySize(h);
      const type = String.fromCharCode(h[156] || 0x30);
      if (type === '5') {
        await mkdir(join(root, target(name)), { recursive: true, mode: 0o700 });
      } else if (type === '0') {
        const rel = target(name);
        names.add(rel);
        await mkdir(join(root, rel, '..'), { recursive: true, mode: 0o700 });
        current = { handle: await open(join(root, rel), 'wx', 0o600), left: size, padding: (BLOCK - (size % BLOCK)) % BLOCK, name: rel };
      } else {
        // Links and devices have no place in a database folder.
        throw new SnapshotUnreadable('damaged', `an entry of type ${JSON.stringify(type)} (${name})`);
      }
    }
  }

  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.pipe(gunzip);
  input.once('error', (err) => gunzip.destroy(err));
  try {
    for await (const chunk of gunzip) await consume(chunk as Buffer);
  } catch (err) {
    if (err instanceof SnapshotUnreadable) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || /unexpected end of file|incorrect header check|invalid/.test((err as Error).message)) throw new SnapshotUnreadable('damaged', (err as Error).message);
    throw err;
  } finally {
    input.destroy();
    await (current as { handle: FileHandle } | null)?.handle.close().catch(() => undefined);
  }
  if (current || !ended) throw new SnapshotUnreadable('damaged', `the archive ends at byte ${offset} without its end marker`);
  if (!names.has('PG_VERSION')) throw new SnapshotUnreadable('notSnapshot', 'no PG_VERSION in the archive: not an embedded database');
}
