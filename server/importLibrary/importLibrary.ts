// Brings a local Copydesk library into the newsroom server's database: its people (matched by
// e-mail or made accounts with no password, importPeople.ts), its photos (bytes, sizes and what
// the library knows of each), and every story with its versions and audit log, each story in one
// transaction of its own, so a story is on the server whole or not at all, and a stop (Ctrl+C)
// between two leaves the database consistent. The library is opened through the core (its lock,
// its checks of damaged files), so a library open in the app is refused, not read half-written.
// A story the server already has (same id) is skipped and reported: importing twice adds nothing,
// and running again after a stop carries on where it stopped.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError, toApiError } from '../../shared/contract/errors';
import { Library } from '../../core/Library';
import { MARKER_FILE } from '../../core/libraryMarker';
import type { Database } from '../db/Database';
import { readStoryBundle, storiesOldestFirst } from '../../core/newsroom/upload/readStoryBundle';
import { insertPhoto, missingPhotos } from '../photos/photoTables';
import { importPeople, PersonIds, type PeopleOutcome } from './importPeople';
import { existingArticles } from './importRows';
import { writeStoryBundle } from './writeStoryBundle';

export type RefusalReason = 'notLibrary' | 'libraryLocked';

/** The folder cannot be imported at all; nothing was written. */
export class ImportRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export interface ImportProgress {
  phase: 'photos' | 'articles';
  done: number;
  total: number;
}

export interface ImportSummary {
  /** Stories in the library (the trash's too), including damaged ones. */
  total: number;
  imported: string[];
  /** Already on the server (an earlier import): left as they are there. */
  skipped: string[];
  /** Not imported, with why (a damaged file, a version that cannot be read): nothing of them was written. */
  failed: { id: string; reason: string }[];
  /** Stories whose file was damaged and that the core put back from their last good copy: that copy was imported. */
  recovered: { id: string; reason: string }[];
  versions: number;
  audit: number;
  photos: { imported: number; existed: number; failed: { id: string; reason: string }[] };
  /** Photos stories show that the library itself did not have (the stories are imported all the same). */
  missingPhotos: string[];
  /** Stories whose owner the library's people list did not have: imported with no owner. */
  ownerless: string[];
  people: PeopleOutcome;
  /** Stopped (Ctrl+C) before the end: what is listed above is all that was written. */
  interrupted: boolean;
}

export interface ImportOptions {
  signal?: AbortSignal;
  now?: () => Date;
  progress?: (p: ImportProgress) => void;
}

/** Whether `dir` is a Copydesk library: its marker file, or an articles folder (libraries from before the marker). */
export async function isLibrary(dir: string): Promise<boolean> {
  const isDir = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);
  if (!(await isDir(dir))) return false;
  return (await stat(join(dir, MARKER_FILE)).then((s) => s.isFile(), () => false)) || (await isDir(join(dir, 'articles')));
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function importLibrary(libraryDir: string, db: Database, opts: ImportOptions = {}): Promise<ImportSummary> {
  const now = opts.now ?? (() => new Date());
  if (!(await isLibrary(libraryDir))) throw new ImportRefused('notLibrary', `${libraryDir} is not a Copydesk library`);
  let library: Library;
  try {
    library = await Library.open(libraryDir, now);
  } catch (err) {
    if (err instanceof ApiError && err.params.reason === 'libraryLocked') throw new ImportRefused('libraryLocked', err.message);
    throw err;
  }
  try {
    // Every file checked first: a damaged one is quarantined by the core and named in its notices.
    await library.whenIndexed();
    const summaries = storiesOldestFirst(library);
    const failed = library.notices.filter((n) => n.code === 'articleQuarantined').map((n) => ({ id: String(n.params.id), reason: `damaged file, moved to ${String(n.params.file)}` }));
    const summary: ImportSummary = {
      total: summaries.length + failed.length,
      imported: [],
      skipped: [],
      failed,
      recovered: library.notices.filter((n) => n.code === 'articleRecovered').map((n) => ({ id: String(n.params.id), reason: String(n.params.reason) })),
      versions: 0,
      audit: 0,
      photos: { imported: 0, existed: 0, failed: [] },
      missingPhotos: [],
      ownerless: [],
      people: { ids: new Map(), matched: [], created: [] },
      interrupted: false,
    };
    const stopped = () => {
      if (opts.signal?.aborted) summary.interrupted = true;
      return summary.interrupted;
    };

    const people = library.listPeople();
    summary.people = await importPeople(db, people, now());
    const accounts = new Set((await db.query<{ id: string }>('SELECT id FROM people')).map((r) => r.id));
    const ids = new PersonIds(summary.people.ids, accounts);

    // Photos before the stories that show them; each in its own transaction, stored once.
    const photoIds = await library.photos.ids();
    for (const [i, id] of photoIds.entries()) {
      if (stopped()) return summary;
      try {
        const info = await library.photos.info(id);
        const [original, preview, thumb] = await Promise.all((['original', 'preview', 'thumb'] as const).map((v) => library.photos.file(id, v)));
        if (!info || !original || !preview || !thumb) throw new Error('its files are incomplete');
        const bytes = await readFile(original.path);
        // The library names a photo by its bytes' hash: other bytes under that name are damage.
        if (sha256(bytes) !== id) throw new Error('its file does not match its hash (damaged)');
        const stored = await db.transaction(async (tx) => insertPhoto(tx, { info, bytes, preview: await readFile(preview.path), thumb: await readFile(thumb.path), createdBy: null }));
        if (stored) summary.photos.imported++;
        else summary.photos.existed++;
      } catch (err) {
        summary.photos.failed.push({ id, reason: (err as Error).message });
      }
      opts.progress?.({ phase: 'photos', done: i + 1, total: photoIds.length });
    }

    const already = await existingArticles(db, summaries.map((s) => s.id));
    const missing = new Set<string>();
    for (const [i, { id }] of summaries.entries()) {
      if (stopped()) break;
      if (already.has(id)) summary.skipped.push(id);
      else {
        try {
          const outcome = await writeStoryBundle(db, await readStoryBundle(library, id), ids);
          if (outcome === 'exists') summary.skipped.push(id);
          else {
            summary.imported.push(id);
            summary.versions += outcome.versions;
            summary.audit += outcome.audit;
            if (outcome.ownerless) summary.ownerless.push(id);
            for (const photo of outcome.photos) missing.add(photo);
          }
        } catch (err) {
          summary.failed.push({ id, reason: toApiError(err).message });
        }
      }
      opts.progress?.({ phase: 'articles', done: i + 1, total: summaries.length });
    }
    summary.missingPhotos = await missingPhotos(db, [...missing]);
    return summary;
  } finally {
    await library.close();
  }
}
