// Writes one snapshot as a backup archive (see archiveFormat.ts), streamed to disk so a library of
// any size never has to fit in memory. Every object is checked against its hash on the way out and
// every photo against its id, so an archive is never made from a damaged backup without saying so.
// The zip goes to a temporary name and is renamed when complete: a cancelled or failed export
// leaves no half archive behind.
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import yazl from 'yazl';
import { ApiError } from '../../shared/contract/errors';
import type { Progress } from './progress';
import { sha256Hex } from '../media/sha256Hex';
import { ARCHIVE_FORMAT, ARCHIVE_MANIFEST, ARCHIVE_VERSION, objectEntry, photoEntry, type ArchiveManifest } from './archiveFormat';
import type { Row, SnapshotFile } from './format';
import { damaged, gunzipObject, type ObjectStore } from './ObjectStore';
import { fsyncFile } from '../atomicWrite';

export interface ArchiveRequest {
  objects: ObjectStore;
  file: SnapshotFile;
  rows: Iterable<Row>;
  outPath: string;
  now: Date;
  progress: Progress;
}

/** The objects a snapshot needs, each once: settings, people, its chunks, then its articles. */
export function objectsOf(file: SnapshotFile, rows: Iterable<Row>): string[] {
  const all = new Set<string>();
  if (file.settings) all.add(file.settings);
  if (file.people) all.add(file.people);
  for (const c of file.chunks) all.add(c);
  for (const r of rows) all.add(r.hash);
  return [...all];
}

export async function writeArchive(req: ArchiveRequest): Promise<{ path: string; bytes: number; cancelled: boolean; photosLeftOut: number }> {
  const { objects, file, progress: job } = req;
  const rows = [...req.rows];
  const hashes = objectsOf(file, rows);
  const photoIds = [...new Set(rows.flatMap((r) => r.photos))];
  const total = hashes.length + photoIds.length;

  // Photos first, to list their files' hashes in the manifest; a photo the mirror lost or that no
  // longer matches its id is left out (the import reports it missing) rather than carried damaged.
  const photos: ArchiveManifest['photos'] = [];
  const photoFiles: { entry: string; path: string }[] = [];
  let photosLeftOut = 0;
  let done = 0;
  for (const id of photoIds) {
    if (job.signal.aborted) return { path: '', bytes: 0, cancelled: true, photosLeftOut };
    job.of(done++, total, id.slice(0, 12));
    const mirrored = await objects.photos.files(id);
    if (!mirrored) {
      photosLeftOut++;
      continue;
    }
    const listed: ArchiveManifest['photos'][number]['files'] = [];
    try {
      for (const f of mirrored.files) {
        const bytes = await readFile(f.path);
        listed.push({ name: f.name, sha256: sha256Hex(bytes), bytes: bytes.length });
      }
    } catch {
      photosLeftOut++;
      continue;
    }
    if (listed[0].sha256 !== id) {
      photosLeftOut++;
      continue;
    }
    photos.push({ id, files: listed });
    for (const f of mirrored.files) photoFiles.push({ entry: photoEntry(id, f.name), path: f.path });
  }

  if (job.signal.aborted) return { path: '', bytes: 0, cancelled: true, photosLeftOut };
  const manifest: ArchiveManifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: req.now.toISOString(), snapshot: file, photos };
  const zip = new yazl.ZipFile();
  const mtime = req.now;
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), ARCHIVE_MANIFEST, { mtime, compress: true });
  for (const hash of hashes) {
    zip.addReadStreamLazy(objectEntry(hash), { mtime, compress: false }, (cb) => {
      if (job.signal.aborted) return cb(new ApiError('cancelled', 'export cancelled'), undefined as never);
      job.of(done++, total, hash.slice(0, 12));
      // Read, checked, then handed over: one read per object, and a damaged one stops the export.
      readFile(objects.pathOf(hash))
        .then(async (gz) => {
          const raw = await gunzipObject(gz).catch(() => null);
          if (!raw || sha256Hex(raw) !== hash) throw damaged(hash);
          cb(null, Readable.from([gz]));
        })
        .catch((err: unknown) => cb(err instanceof ApiError ? err : damaged(hash), undefined as never));
    });
  }
  for (const f of photoFiles) zip.addFile(f.path, f.entry, { mtime, compress: false });
  zip.end();

  const partial = `${req.outPath}.${randomBytes(4).toString('hex')}.partial`;
  const out = createWriteStream(partial);
  let cancelled = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        cancelled = true;
        zip.outputStream.unpipe(out);
        out.destroy();
        resolve();
      };
      job.signal.addEventListener('abort', onAbort, { once: true });
      const settle = (fn: () => void) => {
        job.signal.removeEventListener('abort', onAbort);
        fn();
      };
      zip.on('error', (err: Error) => settle(() => reject(err)));
      zip.outputStream.on('error', (err: Error) => settle(() => reject(err)));
      out.on('error', (err: Error) => settle(() => reject(err)));
      out.on('finish', () => settle(resolve));
      zip.outputStream.pipe(out);
    });
    if (cancelled) {
      await rm(partial, { force: true });
      return { path: '', bytes: 0, cancelled: true, photosLeftOut };
    }
    await fsyncFile(partial);
    await rename(partial, req.outPath);
    job.of(total, total, '');
    return { path: req.outPath, bytes: (await stat(req.outPath)).size, cancelled: false, photosLeftOut };
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    if (job.signal.aborted) return { path: '', bytes: 0, cancelled: true, photosLeftOut };
    throw err;
  }
}
