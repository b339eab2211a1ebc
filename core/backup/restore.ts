// Putting a snapshot back: chosen articles, or the whole library (people, settings, every article,
// and copy written since moved to the trash). The backup service checks who asks and pins the
// snapshot; this reads it and writes through the library, one article's save queue at a time.
import { join } from 'node:path';
import { ApiError, toApiError } from '../../shared/contract/errors';
import type { RestoreResult } from '../../shared/model/backup';
import { PeopleFileSchema, PersonSchema, type Person } from '../../shared/model/person';
import { SettingsSchema } from '../../shared/model/settings';
import { migrateSettings } from '../migrations/migrateSettings';
import { parseArticle } from '../ArticleStore';
import { mapLimited } from '../mapLimited';
import type { Article } from '../../shared/model/article';
import type { Job } from '../exchange/JobRegistry';
import type { BackupLibrary } from './backupLibrary';
import type { Row, SnapshotFile } from './format';
import type { ObjectStore } from './ObjectStore';
import { objectJson } from './readArchive';
import { phase, PROGRESS_SCALE } from './progress';
import type { SnapshotOutcome } from './takeSnapshot';
import type { SnapshotCache } from './snapshotCache';

/** Articles written together (their files flushed side by side). */
const RESTORE_BATCH = 64;
const READ_CONCURRENCY = 8;

const emptyResult = (): RestoreResult => ({ restored: 0, unchanged: 0, trashed: 0, failed: [], photos: 0, people: 0, settings: false, cancelled: false, undoBackup: null });

export interface RestoreParts {
  library: BackupLibrary;
  objects: ObjectStore;
  /** Aborted when the backup service closes: a restore stops between articles. */
  closing: AbortSignal;
  /** A snapshot of the library as it is now, taken with the backup store to itself (the undo of a whole-library restore). */
  snapshotBefore(): Promise<SnapshotOutcome>;
  /** The fingerprint of the article as it is on disk now; null if it is gone. */
  currentContentHash(id: string): Promise<string | null>;
}

export class SnapshotRestore {
  private readonly library: BackupLibrary;
  private readonly objects: ObjectStore;
  private readonly closing: AbortSignal;
  private readonly snapshotBefore: RestoreParts['snapshotBefore'];
  private readonly currentContentHash: RestoreParts['currentContentHash'];

  constructor(parts: RestoreParts) {
    ({ library: this.library, objects: this.objects, closing: this.closing, snapshotBefore: this.snapshotBefore, currentContentHash: this.currentContentHash } = parts);
  }

  /**
   * Restores `ids` from the snapshot, or with no ids the whole library: first a snapshot of the
   * library as it is (so the restore can be undone), then people and settings, every article of
   * the snapshot, and articles the snapshot lacks moved to the trash. `from` is where on the
   * job's progress this starts (an archive import has checked the archive first); `atHand`, the
   * snapshot's objects an archive import has just checked and kept in memory (readArchive).
   */
  async restoreFrom(
    person: Person,
    file: SnapshotFile,
    rows: Row[],
    ids: readonly string[] | undefined,
    job: Job,
    opts: { from?: number; atHand?: ReadonlyMap<string, Buffer> } = {},
  ): Promise<RestoreResult> {
    const { from = 0, atHand } = opts;
    const result = emptyResult();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const progress = phase(job, from, PROGRESS_SCALE, AbortSignal.any([job.signal, this.closing]));
    const signal = progress.signal;
    let current: SnapshotCache | null = null;
    let targets: Row[];
    if (ids) {
      targets = ids.map((id) => {
        const row = byId.get(id);
        if (!row) throw new ApiError('notFound', `article ${id} is not in backup ${file.id}`, { id });
        return row;
      });
    } else {
      const before = await this.snapshotBefore();
      result.undoBackup = before.file.id;
      current = before.cache;
      targets = rows;
      await this.restorePeople(person, file, result);
      await this.restoreSettings(person, file, result);
    }
    const note = file.createdAt;
    // Outside the trash now and not in the snapshot: named by the library's index (the cache keeps no headlines).
    const newer: { id: string; headline: string }[] = [];
    for (let slot = 0; current && slot < current.size; slot++) {
      const id = current.idAt(slot);
      if (!current.trashedAt(slot) && !byId.has(id)) newer.push({ id, headline: this.library.summaryOf(id)?.headline ?? '' });
    }
    const total = targets.length + newer.length;
    let done = 0;
    // Read and checked a few at a time; the library then writes the batch's files together.
    const readBatch = (batch: readonly Row[]) =>
      mapLimited(batch, READ_CONCURRENCY, async (row): Promise<{ row: Row; article?: Article; error?: unknown; skipped?: true }> => {
        // Cancelled: the articles already under way are finished, no further one is started.
        if (signal.aborted) return { row, skipped: true };
        progress.of(done++, total, row.headline);
        try {
          const now = current ? current.contentHashOf(row.id) : await this.currentContentHash(row.id);
          const summary = this.library.summaryOf(row.id);
          if (summary && now === row.contentHash && (summary.trashedAt !== null) === (row.trashedAt !== null)) return { row };
          const article = parseArticle(await objectJson(row.hash, atHand, this.objects));
          if (article.id !== row.id) throw new ApiError('backupFailed', `object ${row.hash} is not article ${row.id}`, { reason: 'damaged' });
          return { row, article };
        } catch (error) {
          return { row, error };
        }
      });
    type Read = Awaited<ReturnType<typeof readBatch>>;
    /** Writes a batch read (its photos restored first) and counts what became of each article. */
    const writeBatch = async (read: Read): Promise<void> => {
      const toWrite = read.flatMap((r) => (r.article ? [r.article] : []));
      const written = await this.library.restoreManyFromBackup(toWrite, person.id, note).catch((err: Error) => toWrite.map(() => err));
      let w = 0;
      for (const r of read) {
        if (r.skipped) continue;
        if (!r.article && !r.error) {
          result.unchanged++;
          continue;
        }
        let error = r.error;
        if (r.article) {
          const outcome = written[w++];
          if (outcome instanceof Error) error = outcome;
          else if (r.row.trashedAt !== null) error = await this.library.setTrashed(r.row.id, true, person.id).then(() => undefined, (err: unknown) => err);
        }
        if (error === undefined) result.restored++;
        else result.failed.push({ id: r.row.id, headline: r.row.headline, error: toApiError(error).toJSON() });
      }
    };
    // With every article named once (a whole library, a list without repeats) the next batch is
    // read (parsing on this thread) while this one is written, and two batches are written at once
    // (one waiting on its fsyncs while the other writes). An id listed twice: one batch after
    // another, each read once the one before is written.
    const ahead = new Set(targets.map((r) => r.id)).size === targets.length;
    let reading = readBatch(targets.slice(0, RESTORE_BATCH));
    let writing: Promise<void> = Promise.resolve();
    // A cancelled restore returns once nothing of it is under way.
    const cancelled = async () => (await Promise.all([reading, writing]), { ...result, cancelled: true });
    for (let start = 0; start < targets.length; start += RESTORE_BATCH) {
      const read = await reading;
      // Cancelled while the batch before was written: this one was only read ahead, none of it is started.
      if (signal.aborted && start > 0 && ahead) return cancelled();
      const following = targets.slice(start + RESTORE_BATCH, start + 2 * RESTORE_BATCH);
      if (ahead) reading = readBatch(following);
      // Photos one after another, in batch order: two articles may share one.
      for (const r of read) {
        if (!r.article) continue;
        try {
          for (const p of r.row.photos) if ((await this.objects.photos.restore(join(this.library.dir, 'media'), p)) === 'restored') result.photos++;
        } catch (error) {
          r.article = undefined;
          r.error = error;
        }
      }
      const previous = writing;
      writing = writeBatch(read);
      await (ahead ? previous : writing);
      if (read.some((r) => r.skipped)) return cancelled();
      if (!ahead) reading = readBatch(following);
    }
    await writing;
    // Copy written after the snapshot goes to the trash, never away: emptying the trash is a separate, deliberate step.
    for (const row of newer) {
      if (signal.aborted) return { ...result, cancelled: true };
      progress.of(done++, total, row.headline);
      try {
        if (this.library.summaryOf(row.id)?.trashedAt === null) {
          await this.library.setTrashed(row.id, true, person.id);
          result.trashed++;
        }
      } catch (err) {
        result.failed.push({ id: row.id, headline: row.headline, error: toApiError(err).toJSON() });
      }
    }
    progress.of(total, total, '');
    return result;
  }

  /** People come back as the snapshot had them; people added since stay, and the person restoring is never changed. */
  private async restorePeople(person: Person, file: SnapshotFile, result: RestoreResult): Promise<void> {
    if (!file.people) return;
    const parsed = PeopleFileSchema.safeParse(await this.objects.getJson(file.people));
    if (!parsed.success) return;
    const now = new Map(this.library.listPeople().map((p) => [p.id, JSON.stringify(PersonSchema.parse(p))]));
    for (const p of parsed.data.people) {
      if (p.id === person.id || now.get(p.id) === JSON.stringify(PersonSchema.parse(p))) continue;
      try {
        await this.library.savePerson(person.id, p);
        result.people++;
      } catch {
        // (e.g. it would leave the library without an active admin): the current entry stays
      }
    }
  }

  /** Settings come back, except this machine's export folder and the backup schedule itself. */
  private async restoreSettings(person: Person, file: SnapshotFile, result: RestoreResult): Promise<void> {
    if (!file.settings) return;
    // A snapshot's settings in an older version are upgraded first; a newer version's are left out.
    const stored: unknown = await this.objects.getJson(file.settings);
    let raw: unknown;
    try {
      raw = migrateSettings(stored);
    } catch {
      return;
    }
    const parsed = SettingsSchema.safeParse(raw);
    if (!parsed.success) return;
    const { schemaVersion: _v, backups: _b, exportDir: _e, houseStyle, ...rest } = parsed.data;
    const { schemaVersion: _v2, backups: _b2, exportDir: _e2, ...current } = this.library.currentSettings;
    if (JSON.stringify({ ...rest, houseStyle }) === JSON.stringify(current)) return;
    // An imported rule set is proven when it is imported, never through a patch: the rules turned
    // off and the word list come back, and the default set where the snapshot had it; a custom set
    // the snapshot had is imported again from its exported file.
    const language = (l: 'ko' | 'en') => ({ disabled: houseStyle[l].disabled, ...(houseStyle[l].custom === null ? { useDefault: true as const } : {}) });
    const patch = { ...rest, houseStyle: { ko: language('ko'), en: language('en'), wordList: houseStyle.wordList } };
    await this.library.updateSettings(patch, person.id);
    result.settings = true;
  }
}
