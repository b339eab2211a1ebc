// Reads a backup archive without trusting it, one entry at a time so a library of any size never has
// to fit in memory, by the one zip entry checker (core/zip/checkedZip.ts, shared with packages):
// names checked for zip-slip, entry count, sizes and compression ratio bounded from the central
// directory before anything is inflated, and bytes counted again while inflating. Then every file is checked against its SHA-256,
// every article and chunk against its schema, and nothing is missing or extra. Checked files go into
// the backup store (content-addressed, so they change nothing in the library); if anything fails,
// the files this archive added are taken out again and the caller gets a translated error.
import { statfs } from 'node:fs/promises';
import type { Entry, ZipFile } from 'yauzl';
import { ApiError, type BackupFailureReason } from '../../shared/contract/errors';
import { PhotoInfoSchema } from '../../shared/model/photo';
import { checkedEntries, inflateEntry as inflateChecked, openZip as openChecked, type ZipFailure } from '../zip/checkedZip';
import { ARCHIVE_ZIP_LIMITS, type ZipLimits } from '../../shared/exchange/limits/inputLimits';
import type { Progress } from './progress';
import { parseArticle } from '../ArticleStore';
import { sha256Hex } from '../media/sha256Hex';
import { ARCHIVE_VERSION, ArchiveManifestSchema, parseEntryName, type ArchiveManifest } from './archiveFormat';
import { ChunkSchema, SNAPSHOT_VERSION, type Row } from './format';
import { damaged, gunzipObject, type ObjectStore } from './ObjectStore';

/**
 * Objects stored side by side while the archive is read: each waits on its fsync, so enough of
 * them that checking the next entries (this thread's work) never waits for the disk.
 */
const OBJECT_CONCURRENCY = 32;
/**
 * The archive's objects are kept in memory (gzipped, as checked) up to this many bytes, so the
 * restore that follows need not read them back from the store: all of a library of tens of
 * thousands of articles; a bigger one has the rest read back.
 */
const AT_HAND_BYTES = 64 * 1024 * 1024;

export const ARCHIVE_LIMITS: ZipLimits & { maxManifestBytes: number } = { ...ARCHIVE_ZIP_LIMITS, maxManifestBytes: 256 * 1024 * 1024 };
export type ArchiveLimits = typeof ARCHIVE_LIMITS;

export type ArchiveSource = { name: string; bytes: Uint8Array } | { name: string; path: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

const fail = (file: string, reason: BackupFailureReason, message: string) => new ApiError('backupFailed', `${file}: ${message}`, { reason, file });

/** The archive's failures in backup words: an unreadable name or a broken central directory is not an archive. */
const failure = (file: string): ZipFailure => (kind, message) => fail(file, kind === 'unreadable' || kind === 'broken' ? 'notArchive' : kind, message);

function openZip(source: ArchiveSource): Promise<ZipFile> {
  return openChecked(source, failure(source.name));
}

/** Every file entry in order, its name and declared size checked first. */
async function walk(zip: ZipFile, file: string, limits: ArchiveLimits, each: (name: string, entry: Entry) => Promise<void>): Promise<void> {
  for await (const { name, entry } of checkedEntries(zip, limits, failure(file))) await each(name, entry);
}

/** One entry's bytes, never more than it declared; broken data means the archive was tampered with. */
function inflate(zip: ZipFile, name: string, entry: Entry, file: string): Promise<Buffer> {
  return inflateChecked(zip, name, entry, (kind, message) => fail(file, kind === 'hostile' ? 'hostile' : 'tampered', message));
}

/** Reads and checks the manifest and the declared sizes; nothing is written. */
async function scan(source: ArchiveSource, limits: ArchiveLimits, freeBytes: number | null): Promise<{ manifest: ArchiveManifest; entries: number }> {
  const zip = await openZip(source);
  try {
    let manifestEntry: Entry | null = null;
    let entries = 0;
    let total = 0;
    await walk(zip, source.name, limits, async (name, entry) => {
      const kind = parseEntryName(name);
      if (!kind) throw fail(source.name, 'notArchive', `unexpected entry ${name}`);
      if (kind.kind === 'manifest') manifestEntry = entry;
      entries++;
      total += entry.uncompressedSize;
    });
    const found = manifestEntry as Entry | null;
    if (!found) throw fail(source.name, 'notArchive', 'no backup.json');
    if (found.uncompressedSize > limits.maxManifestBytes) throw fail(source.name, 'tooLarge', 'backup.json is too large');
    if (freeBytes !== null && total > freeBytes) throw fail(source.name, 'tooLarge', `needs ${total} bytes, ${freeBytes} free`);
    let raw: unknown;
    try {
      raw = JSON.parse(utf8.decode(await inflate(zip, 'backup.json', found, source.name)));
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw fail(source.name, 'notArchive', 'backup.json is not JSON');
    }
    const version = (raw as { version?: unknown } | null)?.version;
    const snapshotVersion = (raw as { snapshot?: { version?: unknown } } | null)?.snapshot?.version;
    if ((typeof version === 'number' && version > ARCHIVE_VERSION) || (typeof snapshotVersion === 'number' && snapshotVersion > SNAPSHOT_VERSION)) {
      throw fail(source.name, 'newerVersion', `archive version ${String(version)}`);
    }
    const parsed = ArchiveManifestSchema.safeParse(raw);
    if (!parsed.success) throw fail(source.name, 'notArchive', `backup.json: ${parsed.error.message.slice(0, 500)}`);
    return { manifest: parsed.data, entries };
  } finally {
    zip.close();
  }
}

export interface ReadArchiveResult {
  manifest: ArchiveManifest;
  rows: Row[];
  /** Objects and photos this archive added to the store (taken out again by `discard`). */
  added: { objects: string[]; photos: string[] };
  /** Objects checked against their hashes, gzipped, by hash: as many as AT_HAND_BYTES holds. */
  atHand: Map<string, Buffer>;
}

/**
 * Checks the archive and copies its files into the backup store. Throws ApiError('backupFailed')
 * (or 'cancelled') with everything it added removed again.
 */
export async function readArchive(source: ArchiveSource, objects: ObjectStore, job: Progress, opts: { libraryDir: string; limits?: ArchiveLimits }): Promise<ReadArchiveResult> {
  const limits = opts.limits ?? ARCHIVE_LIMITS;
  const free = await statfs(opts.libraryDir).then((s) => s.bavail * s.bsize, () => null);
  const { manifest, entries } = await scan(source, limits, free);
  const file = source.name;
  const added = { objects: [] as string[], photos: [] as string[] };
  const mirroredBefore = new Set(await objects.photos.ids());
  try {
    for (const p of manifest.photos) {
      const originals = p.files.filter((f) => !/\.(preview\.jpg|thumb\.jpg|json)$/.test(f.name));
      if (originals.length !== 1 || originals[0].sha256 !== p.id) throw fail(file, 'tampered', `photo ${p.id} has no original`);
    }
    const received = new Set<string>();
    const photoFiles = new Map<string, { sha256: string; id: string }>();
    for (const p of manifest.photos) for (const f of p.files) photoFiles.set(`${p.id}/${f.name}`, { sha256: f.sha256, id: p.id });
    const photoReceived = new Set<string>();
    /** Each object's article id, or null when it is not a readable article (chunks, settings, people). */
    const articleIds = new Map<string, string | null>();
    const atHand = new Map<string, Buffer>();
    let atHandBytes = 0;
    let done = 0;
    // Objects are checked and stored a few at a time while the next entries are inflated.
    const checking = new Set<Promise<void>>();
    const refused: unknown[] = [];
    const zip = await openZip(source);
    try {
      await walk(zip, file, limits, async (name, entry) => {
        if (refused.length) throw refused[0];
        if (job.signal.aborted) throw new ApiError('cancelled', 'import cancelled');
        job.of(done++, entries, name);
        const kind = parseEntryName(name);
        if (!kind || kind.kind === 'manifest') return;
        const bytes = await inflate(zip, name, entry, file);
        if (kind.kind === 'object') {
          while (checking.size >= OBJECT_CONCURRENCY) await Promise.race(checking);
          const task = (async () => {
            const raw = await gunzipObject(bytes).catch(() => null);
            if (!raw || sha256Hex(raw) !== kind.hash) throw fail(file, 'tampered', `${name} does not match its checksum`);
            received.add(kind.hash);
            // Read as an article now, while its bytes are here, rather than read back from the store later.
            articleIds.set(kind.hash, articleIdOf(raw));
            if (atHandBytes + bytes.byteLength <= AT_HAND_BYTES) {
              atHand.set(kind.hash, bytes);
              atHandBytes += bytes.byteLength;
            }
            // fsync'd as written, side by side, rather than each reopened to be flushed afterwards.
            if (await objects.putGzipped(kind.hash, bytes, { syncNow: true })) added.objects.push(kind.hash);
          })().catch((error: unknown) => void refused.push(error));
          checking.add(task);
          void task.finally(() => checking.delete(task));
          return;
        }
        const expected = photoFiles.get(`${kind.id}/${kind.name}`);
        if (!expected || sha256Hex(bytes) !== expected.sha256) throw fail(file, 'tampered', `${name} does not match its checksum`);
        if (kind.name.endsWith('.json')) {
          const info = PhotoInfoSchema.safeParse(parseJson(bytes));
          if (!info.success || info.data.id !== kind.id) throw fail(file, 'tampered', `${name} is not this photo's description`);
        } else if (!kind.name.includes('.preview.') && !kind.name.includes('.thumb.') && sha256Hex(bytes) !== kind.id) {
          throw fail(file, 'tampered', `${name} is not the photo ${kind.id}`);
        }
        if (!mirroredBefore.has(kind.id) && !added.photos.includes(kind.id)) added.photos.push(kind.id);
        if (!mirroredBefore.has(kind.id)) await objects.photos.putFile(kind.id, kind.name, bytes);
        photoReceived.add(`${kind.id}/${kind.name}`);
      });
    } finally {
      // Every object under way is stored (and listed in `added`) or refused before anything is decided.
      await Promise.all(checking);
      zip.close();
    }
    if (refused.length) throw refused[0];
    job.of(entries, entries, '');

    // Nothing missing, nothing extra, every article readable and where its row says.
    const snap = manifest.snapshot;
    const need = (hash: string | null) => {
      if (hash && !received.has(hash)) throw fail(file, 'tampered', `object ${hash} is missing`);
    };
    need(snap.settings);
    need(snap.people);
    const rows: Row[] = [];
    for (const c of snap.chunks) {
      need(c);
      const parsed = ChunkSchema.safeParse(await objectJson(c, atHand, objects).catch(() => null));
      if (!parsed.success) throw fail(file, 'tampered', `chunk ${c} is not a list of articles`);
      rows.push(...parsed.data);
    }
    const expected = new Set([snap.settings, snap.people, ...snap.chunks].filter((h): h is string => h !== null));
    for (const row of rows) {
      if (job.signal.aborted) throw new ApiError('cancelled', 'import cancelled');
      need(row.hash);
      expected.add(row.hash);
      if (articleIds.get(row.hash) !== row.id) throw fail(file, 'tampered', `article ${row.id} is not readable`);
    }
    for (const hash of received) if (!expected.has(hash)) throw fail(file, 'tampered', `object ${hash} belongs to no article`);
    for (const key of photoFiles.keys()) if (!photoReceived.has(key)) throw fail(file, 'tampered', `photo file ${key} is missing`);
    await objects.flush();
    return { manifest, rows, added, atHand };
  } catch (err) {
    await discard(objects, added);
    throw err;
  }
}

/** An object's JSON: from the bytes kept in memory when they were checked, else read back from the store (and checked again). */
export async function objectJson(hash: string, atHand: ReadonlyMap<string, Buffer> | undefined, objects: ObjectStore): Promise<unknown> {
  const gz = atHand?.get(hash);
  if (!gz) return objects.getJson(hash);
  try {
    return JSON.parse((await gunzipObject(gz)).toString('utf8'));
  } catch {
    throw damaged(hash); // as the store says of an object that is not JSON
  }
}

function articleIdOf(raw: Buffer): string | null {
  try {
    return parseArticle(JSON.parse(raw.toString('utf8'))).id;
  } catch {
    return null;
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

export async function discard(objects: ObjectStore, added: ReadArchiveResult['added']): Promise<void> {
  for (const hash of added.objects) await objects.remove(hash).catch(() => undefined);
  for (const id of added.photos) await objects.photos.remove(id).catch(() => undefined);
  await objects.removeEmptyDirs();
}
