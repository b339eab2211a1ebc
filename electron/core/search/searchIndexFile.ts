// The search index on disk (index/search.bin), so a restart does not rebuild it: a JSON header
// naming each binary section and a SHA-256 of them all, then the sections. A file that fails
// any check is ignored and the index is rebuilt from the articles in the background.
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDir } from '../atomicWrite';
import type { PostingsDump } from './Postings';
import type { SearchIndex } from './SearchIndex';

const MAGIC = 'copydesk-search';
const VERSION = 1;

type Dump = ReturnType<SearchIndex['dump']>;

const enc = new TextEncoder();
const bytes = (a: Int32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function sections(d: Dump): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [
    ['docIds', enc.encode(d.docIds.join('\n'))],
    ['sizes', bytes(Float64Array.from(d.sizes))],
    ['mtimes', bytes(Float64Array.from(d.mtimes))],
  ];
  for (const [name, p] of [['title', d.title], ['text', d.text]] as const) {
    out.push([`${name}.terms`, enc.encode(p.terms.join('\n'))]);
    for (const col of ['head', 'tail', 'tailCap', 'last', 'count'] as const) out.push([`${name}.${col}`, bytes(p[col])]);
    p.chunks.forEach((c, i) => out.push([`${name}.chunk.${i}`, c]));
  }
  return out;
}

/** Writes the index durably: temp file, fsync, rename, fsync the folder (as every file we write). */
export async function saveSearchIndex(path: string, index: SearchIndex): Promise<void> {
  const parts = sections(index.dump());
  const hash = createHash('sha256');
  for (const [, b] of parts) hash.update(b);
  const header = enc.encode(JSON.stringify({ format: MAGIC, version: VERSION, sha256: hash.digest('hex'), sections: parts.map(([name, b]) => [name, b.byteLength]) }) + '\n');
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    await handle.write(header);
    for (const [, b] of parts) await handle.write(b);
    await handle.sync();
    await handle.close();
    await rename(tmp, path);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dirname(path));
}

/** The saved index, or null when it is missing, from another version, or damaged in any way. */
export async function loadSearchIndex(path: string, restore: (d: Dump) => SearchIndex): Promise<SearchIndex | null> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch {
    return null;
  }
  try {
    const nl = file.indexOf(10);
    const header = JSON.parse(file.subarray(0, nl).toString('utf8')) as { format: string; version: number; sha256: string; sections: [string, number][] };
    if (header.format !== MAGIC || header.version !== VERSION) return null;
    const body = file.subarray(nl + 1);
    if (createHash('sha256').update(body).digest('hex') !== header.sha256) return null;
    const map = new Map<string, Uint8Array>();
    let at = 0;
    for (const [name, length] of header.sections) {
      if (at + length > body.length) return null;
      map.set(name, body.subarray(at, at + length));
      at += length;
    }
    if (at !== body.length) return null;
    const text = (name: string) => Buffer.from(map.get(name)!).toString('utf8');
    const ints = (name: string) => {
      const b = map.get(name)!;
      return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    };
    const floats = (name: string) => {
      const b = map.get(name)!;
      return Array.from(new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
    };
    const postings = (name: string): PostingsDump => {
      const chunks: Uint8Array[] = [];
      for (let i = 0; map.has(`${name}.chunk.${i}`); i++) chunks.push(map.get(`${name}.chunk.${i}`)!);
      const termText = text(`${name}.terms`);
      return {
        terms: termText ? termText.split('\n') : [],
        head: ints(`${name}.head`),
        tail: ints(`${name}.tail`),
        tailCap: ints(`${name}.tailCap`),
        last: ints(`${name}.last`),
        count: ints(`${name}.count`),
        chunks,
      };
    };
    const ids = text('docIds');
    const docIds = ids ? ids.split('\n') : [];
    const sizes = floats('sizes');
    const mtimes = floats('mtimes');
    if (sizes.length !== docIds.length || mtimes.length !== docIds.length) return null;
    return restore({ docIds, sizes, mtimes, title: postings('title'), text: postings('text') });
  } catch {
    return null;
  }
}
