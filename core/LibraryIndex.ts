// The library list, kept in memory and on disk as a snapshot plus a journal (an append log,
// storage/appendLog.ts: one checksummed record per change, fsyncs shared by saves made together),
// so a save costs one short appended record however many articles there are. Everything here can
// be rebuilt from the article files; the index only saves reading them all at start-up.
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IndexEntrySchema, type IndexEntry } from './indexEntry';
import { IndexEntries } from './indexEntries';
import { checkIndexEntry } from './indexEntryCheck';
import { decodeSnapshotInto, encodeSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SNAPSHOT_VERSION_WITHOUT_SHEETS, SNAPSHOT_VERSION_WITHOUT_WAITING } from './indexSnapshot';
import { readSectionFile, writeSectionFile } from './sectionFile';
import { AppendLog } from './storage/appendLog';
import type { ListTable } from './search/ListTable';

const JournalRecordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), entry: IndexEntrySchema }),
  z.object({ op: z.literal('del'), id: z.string() }),
]);
type JournalRecord = z.infer<typeof JournalRecordSchema>;

/** Journal records after which opening the library folds them into a new snapshot. */
const COMPACT_AFTER = 2000;

export class LibraryIndex {
  /** Every article's entry, held in the list table's columns (`table`). */
  readonly entries: IndexEntries;
  /** The journal, opened by `load`; opened again at the next change if that failed (an unreadable folder). */
  private log: Promise<AppendLog> | null = null;
  private journalRecords = 0;
  /** A journal in the JSON-lines form of before the append log was read: the next compaction removes it. */
  private oldJournal = false;
  private readonly snapshotPath: string;
  /** Where versions before 2 kept the snapshot, as JSON: read once and replaced. */
  private readonly oldSnapshotPath: string;
  private readonly journalPath: string;
  /** Where the journal was kept as JSON lines, one per change, before the append log: read once and removed. */
  private readonly oldJournalPath: string;

  /** `table`: the list table that holds the entries (the library's own, so the list and the index are one copy). */
  constructor(dir: string, table?: ListTable) {
    this.entries = new IndexEntries(table);
    this.snapshotPath = join(dir, 'summaries.bin');
    this.oldSnapshotPath = join(dir, 'summaries.json');
    this.journalPath = join(dir, 'journal.log');
    this.oldJournalPath = join(dir, 'journal.jsonl');
  }

  /** Loads snapshot + journal. Returns false when the snapshot is missing or unreadable (rebuild needed). */
  async load(): Promise<boolean> {
    let healthy = true;
    try {
      const file =
        (await readSectionFile(this.snapshotPath, SNAPSHOT_FORMAT, SNAPSHOT_VERSION)) ??
        (await readSectionFile(this.snapshotPath, SNAPSHOT_FORMAT, SNAPSHOT_VERSION_WITHOUT_WAITING)) ??
        (await readSectionFile(this.snapshotPath, SNAPSHOT_FORMAT, SNAPSHOT_VERSION_WITHOUT_SHEETS));
      const put = (e: IndexEntry) => void this.entries.set(e.summary.id, e);
      if (file) {
        if (!decodeSnapshotInto(file, put)) throw new Error('damaged index snapshot');
      } else readVersion1(await readFile(this.oldSnapshotPath, 'utf8')).forEach(put);
    } catch {
      healthy = false;
      this.entries.clear();
    }
    // The old journal first: anything in the new one was written after it.
    const old = await readFile(this.oldJournalPath, 'utf8').catch(() => null);
    if (old !== null) {
      const before = this.journalRecords;
      // A torn or damaged line (crash mid-append) is skipped; reconciliation with the files fixes the rest.
      for (const line of old.split('\n')) if (line) this.apply(safeJson(line));
      // One with changes in it is folded into the snapshot by the next compaction (the library's
      // open asks for one); an empty one holds nothing and goes now, costing no snapshot write.
      if (this.journalRecords > before) this.oldJournal = true;
      else await unlink(this.oldJournalPath).catch(() => undefined);
    }
    // A damaged or torn tail is cut off by the log; the records before it count, and
    // reconciliation with the files puts right whatever the lost ones held.
    const opening = AppendLog.open(this.journalPath);
    this.log = opening.then(({ log }) => log);
    this.log.catch(() => (this.log = null));
    const opened = await opening.catch(() => null);
    for (const record of opened?.records ?? []) this.apply(safeJson(Buffer.from(record).toString('utf8')));
    return healthy;
  }

  /** Whether the journal holds anything the snapshot lacks. */
  get hasJournal(): boolean {
    return this.journalRecords > 0 || this.oldJournal;
  }

  get needsCompaction(): boolean {
    return this.oldJournal || this.journalRecords > COMPACT_AFTER;
  }

  async put(entry: IndexEntry): Promise<void> {
    this.entries.set(entry.summary.id, entry);
    await this.append({ op: 'put', entry });
  }

  /** put() for many entries: appended together, so the log writes them in one batch and one fsync. */
  async putMany(entries: readonly IndexEntry[]): Promise<void> {
    for (const entry of entries) this.entries.set(entry.summary.id, entry);
    await Promise.all(entries.map((entry) => this.append({ op: 'put', entry })));
  }

  async delete(id: string): Promise<void> {
    if (!this.entries.delete(id)) return;
    await this.append({ op: 'del', id });
  }

  /**
   * Writes the whole index as a new snapshot and starts an empty journal. Never on the save path.
   * The snapshot is taken inside the log's compaction: changes journaled before it are in it, and
   * changes made while it is written land in the new journal. A crash between the two files
   * leaves the new snapshot and the old journal, whose records, replayed, change nothing.
   */
  async compact(): Promise<void> {
    const log = await this.openLog();
    await log.compact(async () => {
      await writeSectionFile(this.snapshotPath, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, encodeSnapshot(this.entries.newestFirst(), true));
      this.journalRecords = 0;
      return [];
    });
    await unlink(this.oldSnapshotPath).catch(() => undefined);
    if (this.oldJournal) {
      await unlink(this.oldJournalPath).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      this.oldJournal = false;
    }
  }

  async close(): Promise<void> {
    const log = this.log;
    this.log = null;
    await (await log?.catch(() => null))?.close();
  }

  private apply(raw: unknown): void {
    const parsed = JournalRecordSchema.safeParse(raw);
    if (!parsed.success) return;
    this.journalRecords++;
    if (parsed.data.op === 'put') this.entries.set(parsed.data.entry.summary.id, parsed.data.entry);
    else this.entries.delete(parsed.data.id);
  }

  /** The promise is kept, not the log: two saves at once share one opening. */
  private openLog(): Promise<AppendLog> {
    if (!this.log) {
      // Its records were read (or could not be) at load, and reconciliation has dealt with them since.
      this.log = AppendLog.open(this.journalPath).then(({ log }) => log);
      this.log.catch(() => (this.log = null)); // a folder that could not be read may become readable
    }
    return this.log;
  }

  private async append(record: JournalRecord): Promise<void> {
    const log = await this.openLog();
    // Resolves once the record is on disk (fsync'd, shared with saves made at the same time).
    await log.append(Buffer.from(JSON.stringify(record)));
    this.journalRecords++;
  }
}

/** A snapshot from before the columns (one object per article); throws if it is not one either. */
function readVersion1(text: string): IndexEntry[] {
  const snapshot = JSON.parse(text) as { format?: unknown; version?: unknown; entries?: unknown };
  if (snapshot.format !== 'copydesk-index' || snapshot.version !== 1 || !Array.isArray(snapshot.entries)) throw new Error('not an index snapshot');
  return snapshot.entries.map((raw) => {
    const e = checkIndexEntry(raw);
    if (!e) throw new Error('damaged index entry');
    return e;
  });
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
