// Takes a snapshot of the library folder. Only article files whose size or modification time
// differ from the previous snapshot's row are read, hashed and stored; the rest reuse their row.
// Files are read straight from disk (each through one handle, so its stat and its bytes agree),
// never through the library's per-article save queue: a snapshot never makes a save wait.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import type { BackupReason } from '../../shared/model/backup';
import type { Article } from '../../shared/model/article';
import { writeFileAtomic } from '../atomicWrite';
import { sha256Hex } from '../media/sha256Hex';
import { chunkRows } from './chunkRows';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Row, type SnapshotFile } from './format';
import type { ObjectStore } from './ObjectStore';
import { articleForRow, rowOf } from './rows';
import { sameFile, type FileFingerprint } from '../fileFingerprint';

const READ_CONCURRENCY = 16;
const SUFFIX = '.json';

export type FileStat = FileFingerprint;

export interface SnapshotRequest {
  libraryDir: string;
  snapshotsDir: string;
  objects: ObjectStore;
  /** Rows of the previous snapshot by article id (the change-detection cache); empty for the first. */
  previous: ReadonlyMap<string, Row>;
  /** Photos already in the mirror, so each is looked at once per session; updated here. */
  mirroredPhotos: Set<string>;
  id: string;
  reason: BackupReason;
  now: Date;
  signal?: AbortSignal;
  /** Size and time of an article file as the library last wrote it, where it knows (saves a stat per unchanged file). */
  knownStat?: (id: string) => FileStat | null;
  /** Called after each article, for progress. */
  onArticle?: (done: number, total: number) => void;
}

export interface SnapshotOutcome {
  file: SnapshotFile;
  rows: Map<string, Row>;
  /** Article files read (changed since the previous snapshot, or new). */
  read: number;
  /** New objects written (articles, chunks, settings, people). */
  stored: number;
}

export async function takeSnapshot(req: SnapshotRequest): Promise<SnapshotOutcome> {
  const articlesDir = join(req.libraryDir, 'articles');
  const names = await readdir(articlesDir).catch(() => [] as string[]);
  const ids = names.filter((n) => n.endsWith(SUFFIX) && !n.startsWith('.')).map((n) => n.slice(0, -SUFFIX.length));
  const rows = new Map<string, Row>();
  let read = 0;
  let stored = 0;
  let damaged = 0;
  const put = async (bytes: Uint8Array, hash = sha256Hex(bytes)) => {
    if (!(await req.objects.has(hash))) stored++;
    return req.objects.put(bytes, hash);
  };

  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < ids.length) {
      if (req.signal?.aborted) throw new ApiError('cancelled', 'backup cancelled');
      const id = ids[next++];
      const prev = req.previous.get(id);
      const outcome = await readArticle(join(articlesDir, id + SUFFIX), prev, req.knownStat?.(id) ?? null).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null; // removed since the folder was listed
        throw err;
      });
      if (outcome === null) {
        // gone
      } else if (outcome.kind === 'same') {
        rows.set(id, outcome.row);
      } else if (outcome.kind === 'damaged') {
        // The library will move it aside and recover it; the backup keeps the last good copy it had.
        damaged++;
        if (prev) rows.set(id, prev);
      } else {
        read++;
        const { row, bytes } = outcome;
        if (row.id !== id) {
          damaged++;
          if (prev) rows.set(id, prev);
        } else {
          if (prev?.hash !== row.hash || !(await req.objects.has(row.hash))) await put(bytes, row.hash);
          rows.set(id, row);
        }
      }
      req.onArticle?.(++done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, Math.max(ids.length, 1)) }, worker));

  const mediaDir = join(req.libraryDir, 'media');
  const photos = new Set<string>();
  for (const row of rows.values()) for (const p of row.photos) photos.add(p);
  let photoCount = 0;
  for (const p of photos) {
    if (req.signal?.aborted) throw new ApiError('cancelled', 'backup cancelled');
    if (req.mirroredPhotos.has(p) || (await req.objects.photos.keep(mediaDir, p))) {
      req.mirroredPhotos.add(p);
      photoCount++;
    }
  }

  const settings = await readOptional(join(req.libraryDir, 'settings.json'));
  const people = await readOptional(join(req.libraryDir, 'people.json'));
  const chunks: string[] = [];
  for (const chunk of chunkRows([...rows.values()])) chunks.push(await put(new TextEncoder().encode(JSON.stringify(chunk))));
  const file: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    id: req.id,
    createdAt: req.now.toISOString(),
    addedAt: req.now.toISOString(),
    reason: req.reason,
    source: '',
    counts: {
      articles: [...rows.values()].filter((r) => r.trashedAt === null).length,
      trashed: [...rows.values()].filter((r) => r.trashedAt !== null).length,
      photos: photoCount,
      damaged,
    },
    settings: settings ? await put(settings) : null,
    people: people ? await put(people) : null,
    chunks,
  };
  await writeManifest(req.snapshotsDir, req.objects, file);
  return { file, rows, read, stored };
}

/** Syncs every object the manifest names, then writes the manifest durably: a manifest never points at a file lost to a power cut. */
export async function writeManifest(snapshotsDir: string, objects: ObjectStore, file: SnapshotFile): Promise<void> {
  await objects.flush();
  await writeFileAtomic(join(snapshotsDir, `${file.id}.json`), JSON.stringify(file));
}

type ReadOutcome = { kind: 'same'; row: Row } | { kind: 'damaged' } | { kind: 'read'; row: Row; bytes: Buffer };

/**
 * An unchanged file costs one stat (none where the library already knows its size and time); a
 * changed one is read through one handle, so the size and time recorded are those of the bytes read.
 * Its row is made at once, after the handle is closed: the parsed article (a few hundred objects)
 * never waits on a file operation, so it dies young instead of filling the core's old heap
 * during a first snapshot of 100,000 articles.
 */
async function readArticle(path: string, prev: Row | undefined, known: FileStat | null): Promise<ReadOutcome> {
  if (prev) {
    const s = known ?? (await stat(path));
    if (sameFile({ size: prev.bytes, mtimeMs: prev.mtimeMs }, s)) return { kind: 'same', row: prev };
  }
  const handle = await open(path, 'r');
  let s: FileStat;
  let bytes: Buffer;
  try {
    s = await handle.stat();
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  return rowFromBytes(bytes, { size: s.size, mtimeMs: s.mtimeMs });
}

function rowFromBytes(bytes: Buffer, s: FileStat): ReadOutcome {
  let article: Article;
  try {
    article = articleForRow(bytes);
  } catch {
    return { kind: 'damaged' };
  }
  return { kind: 'read', row: rowOf(article, { hash: sha256Hex(bytes), bytes: s.size, mtimeMs: s.mtimeMs }), bytes };
}

async function readOptional(path: string): Promise<Buffer | null> {
  return readFile(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
}
