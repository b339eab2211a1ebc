// Takes a snapshot of the library folder. Only article files whose size or modification time
// differ from the previous snapshot's are read, hashed and stored; the rest keep their row. The
// previous snapshot is known by its compact cache (snapshotCache.ts), not its rows: a chunk whose
// rows all stand as they were is named again without being read, and only a chunk that changes
// has the unchanged rows in it read back from the previous snapshot's chunk on disk. Changed
// files are placed in the order by the creation time the library's index has for them and read
// when their chunk is written: even a first snapshot of 100,000 articles holds one chunk of rows.
// Files are read straight from disk (each through one handle, so its stat and its bytes agree),
// never through the library's per-article save queue: a snapshot never makes a save wait.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import type { BackupReason } from '../../shared/model/backup';
import type { Article } from '../../shared/model/article';
import { writeFileAtomic } from '../atomicWrite';
import { sha256Hex } from '../media/sha256Hex';
import { chunkSorted, compareRows } from './chunkRows';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Row, type SnapshotFile } from './format';
import type { ObjectStore } from './ObjectStore';
import { articleForRow, rowOf } from './rows';
import { mapLimited } from '../mapLimited';
import { SnapshotCache } from './snapshotCache';
import { sameFile, type FileFingerprint } from '../fileFingerprint';

const READ_CONCURRENCY = 16;
const SUFFIX = '.json';

export type FileStat = FileFingerprint;

export interface SnapshotRequest {
  libraryDir: string;
  snapshotsDir: string;
  objects: ObjectStore;
  /** The previous snapshot's change-detection cache; null for the first. */
  previous: SnapshotCache | null;
  /** The rows of one of the previous snapshot's chunks (throws if it is damaged or gone). */
  readChunk: (hash: string) => Promise<Row[]>;
  /** Photos already in the mirror, so each is looked at once per session; updated here. */
  mirroredPhotos: Set<string>;
  id: string;
  reason: BackupReason;
  now: Date;
  signal?: AbortSignal;
  /** Size and time of an article file as the library last wrote it, where it knows (saves a stat per unchanged file). */
  knownStat?: (id: string) => FileStat | null;
  /**
   * The library index's entry for an article (null if it has none): its creation time places the
   * row before the file is read, and its id string is the one the cache keeps (not a second copy).
   */
  indexed?: (id: string) => { id: string; createdAt: string } | null;
  /** Called after each article, for progress. */
  onArticle?: (done: number, total: number) => void;
}

export interface SnapshotOutcome {
  file: SnapshotFile;
  /** The snapshot's change-detection cache, for the next one. */
  cache: SnapshotCache;
  /** Article files read (changed since the previous snapshot, or new). */
  read: number;
  /** New objects written (articles, chunks, settings, people). */
  stored: number;
}

/** An article to read, placed by the creation time the library's index gives; `slot` its row in the previous snapshot, or -1. */
interface Pending {
  pending: true;
  id: string;
  createdAt: string;
  slot: number;
}

/** A row of the new snapshot: a slot of the previous one it keeps, a row read already, or one to read when its chunk is written. */
type Item = number | Row | Pending;

export async function takeSnapshot(req: SnapshotRequest): Promise<SnapshotOutcome> {
  const articlesDir = join(req.libraryDir, 'articles');
  const pathOf = (id: string) => join(articlesDir, id + SUFFIX);
  const names = await readdir(articlesDir).catch(() => [] as string[]);
  const ids = names.filter((n) => n.endsWith(SUFFIX) && !n.startsWith('.')).map((n) => n.slice(0, -SUFFIX.length));
  const prev = req.previous;
  /** Slots of the previous snapshot this one keeps as they were. */
  const kept = new Uint8Array(prev?.size ?? 0);
  const fresh: (Row | Pending)[] = [];
  let read = 0;
  let stored = 0;
  let damaged = 0;
  let done = 0;
  const cancelled = () => {
    if (req.signal?.aborted) throw new ApiError('cancelled', 'backup cancelled');
  };
  const put = async (bytes: Uint8Array, hash = sha256Hex(bytes)) => {
    if (!(await req.objects.has(hash))) stored++;
    return req.objects.put(bytes, hash);
  };
  /** Reads an article: its row (its file stored), `slot` where the file is damaged and the previous row stands, or null if it is gone. */
  const readOne = async (id: string, slot: number): Promise<Row | number | null> => {
    const outcome = await readFresh(pathOf(id)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null; // removed since the folder was listed
      throw err;
    });
    req.onArticle?.(++done, ids.length);
    if (outcome === null) return null;
    if (outcome.kind === 'read') read++;
    if (outcome.kind === 'damaged' || outcome.row.id !== id) {
      // The library will move it aside and recover it; the backup keeps the last good copy it had.
      damaged++;
      return slot >= 0 ? slot : null;
    }
    await put(outcome.bytes, outcome.row.hash);
    return outcome.row;
  };

  // Which files changed: a stat each (none where the library knows the file's size and time).
  // Those are read when their chunk is written, a chunk at a time, so a first snapshot never holds
  // every row at once; only a file the library's index does not know yet is read now, its place
  // in the order being in the file alone.
  await mapLimited(ids, READ_CONCURRENCY, async (id) => {
    cancelled();
    const slot = prev ? prev.slotOf(id) : -1;
    if (slot >= 0) {
      const now =
        req.knownStat?.(id) ??
        (await stat(pathOf(id)).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return null; // removed since the folder was listed
          throw err;
        }));
      if (now === null) return void req.onArticle?.(++done, ids.length);
      if (sameFile(prev!.fingerprintAt(slot), now)) {
        kept[slot] = 1;
        return void req.onArticle?.(++done, ids.length);
      }
    }
    const entry = req.indexed?.(id) ?? null;
    if (entry?.id === id) return void fresh.push({ pending: true, id: entry.id, createdAt: entry.createdAt, slot });
    const got = await readOne(id, slot);
    if (typeof got === 'number') kept[got] = 1;
    else if (got) fresh.push(got);
  });

  // The rows in chunk order: the kept slots are in it already (the previous snapshot's order), the
  // rest are sorted and merged in.
  fresh.sort(compareRows);
  const items: Item[] = [];
  const keyOf = (slot: number) => ({ createdAt: prev!.createdAtAt(slot), id: prev!.idAt(slot) });
  let f = 0;
  for (let slot = 0; slot < kept.length; slot++) {
    if (!kept[slot]) continue;
    const key = keyOf(slot);
    while (f < fresh.length && compareRows(fresh[f], key) < 0) items.push(fresh[f++]);
    items.push(slot);
  }
  while (f < fresh.length) items.push(fresh[f++]);
  fresh.length = 0;

  const idOf = (item: Item) => (typeof item === 'number' ? prev!.idAt(item) : item.id);
  const cache = SnapshotCache.builder(items.length);
  const photos = new Set<string>();
  /** The previous snapshot's chunk last read back, for the kept rows of a chunk that changed. */
  let loaded: { chunk: number; rows: Row[] | null } | null = null;
  const keptRow = async (slot: number): Promise<Row | null> => {
    const chunk = prev!.chunkOf(slot);
    if (loaded?.chunk !== chunk) loaded = { chunk, rows: await req.readChunk(prev!.chunks[chunk]).catch(() => null) };
    const row = loaded.rows?.[slot - prev!.chunkRange(chunk).start];
    if (row?.id === prev!.idAt(slot)) return row;
    // The previous snapshot's chunk is damaged or was pruned: the file is as it was then, read it again.
    const again = await readFresh(pathOf(prev!.idAt(slot))).catch(() => null);
    if (again?.kind !== 'read' || again.row.id !== prev!.idAt(slot)) {
      damaged++;
      return null;
    }
    read++;
    await put(again.bytes, again.row.hash);
    return again.row;
  };
  const chunks: string[] = [];
  for (const chunkItems of chunkSorted(items, idOf)) {
    cancelled();
    const whole = prev ? wholeChunk(prev, chunkItems) : -1;
    if (whole >= 0 && (await req.objects.has(prev!.chunks[whole]))) {
      // Every row of one previous chunk and nothing else: the same bytes, named again unread.
      const { start, end } = prev!.chunkRange(whole);
      cache.addSlots(prev!, start, end, prev!.chunkPhotos(whole));
      for (const p of prev!.chunkPhotos(whole)) photos.add(p);
      chunks.push(prev!.chunks[whole]);
      cache.endChunk(prev!.chunks[whole]);
      continue;
    }
    const resolved = await mapLimited(chunkItems, READ_CONCURRENCY, async (item) => {
      cancelled();
      return typeof item === 'object' && 'pending' in item ? readOne(item.id, item.slot) : item;
    });
    const rows: Row[] = [];
    for (let i = 0; i < resolved.length; i++) {
      const got = resolved[i];
      const row = typeof got === 'number' ? await keptRow(got) : got;
      if (!row) continue;
      rows.push(row);
      // The id string the library's index or the previous cache holds already, where there is one.
      cache.addRow(row, typeof got === 'number' ? prev!.idAt(got) : idOf(chunkItems[i]));
      for (const p of row.photos) photos.add(p);
    }
    if (rows.length === 0) continue;
    const hash = await put(new TextEncoder().encode(JSON.stringify(rows)));
    chunks.push(hash);
    cache.endChunk(hash);
  }
  items.length = 0;

  const mediaDir = join(req.libraryDir, 'media');
  let photoCount = 0;
  for (const p of photos) {
    cancelled();
    if (req.mirroredPhotos.has(p) || (await req.objects.photos.keep(mediaDir, p))) {
      req.mirroredPhotos.add(p);
      photoCount++;
    }
  }

  const settings = await readOptional(join(req.libraryDir, 'settings.json'));
  const people = await readOptional(join(req.libraryDir, 'people.json'));
  const built = cache.finish(req.id);
  const file: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    id: req.id,
    createdAt: req.now.toISOString(),
    addedAt: req.now.toISOString(),
    reason: req.reason,
    source: '',
    counts: { ...built.counts(), photos: photoCount, damaged },
    settings: settings ? await put(settings) : null,
    people: people ? await put(people) : null,
    chunks,
  };
  await writeManifest(req.snapshotsDir, req.objects, file);
  return { file, cache: built, read, stored };
}

/** The previous chunk these items are, all of it in its order and nothing else; -1 if they are not one. */
function wholeChunk(prev: SnapshotCache, items: readonly Item[]): number {
  const first = items[0];
  if (typeof first !== 'number') return -1;
  const chunk = prev.chunkOf(first);
  const { start, end } = prev.chunkRange(chunk);
  if (first !== start || items.length !== end - start) return -1;
  for (let i = 1; i < items.length; i++) if (items[i] !== start + i) return -1;
  return chunk;
}

/** Syncs every object the manifest names, then writes the manifest durably: a manifest never points at a file lost to a power cut. */
export async function writeManifest(snapshotsDir: string, objects: ObjectStore, file: SnapshotFile): Promise<void> {
  await objects.flush();
  await writeFileAtomic(join(snapshotsDir, `${file.id}.json`), JSON.stringify(file));
}

type ReadOutcome = { kind: 'damaged' } | { kind: 'read'; row: Row; bytes: Buffer };

/**
 * A changed file is read through one handle, so the size and time recorded are those of the bytes
 * read. Its row is made at once, after the handle is closed: the parsed article (a few hundred
 * objects) never waits on a file operation, so it dies young instead of filling the core's old
 * heap during a first snapshot of 100,000 articles.
 */
async function readFresh(path: string): Promise<ReadOutcome> {
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
