// The library list, kept in memory and on disk as a snapshot plus an append-only journal, so a
// save costs one short appended line however many articles there are. Everything here can be
// rebuilt from the article files; the index only saves reading them all at start-up.
import { open, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';
import { IndexEntrySchema, type IndexEntry } from './indexEntry';
import { checkIndexEntry } from './indexEntryCheck';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SNAPSHOT_VERSION_WITHOUT_SHEETS, SNAPSHOT_VERSION_WITHOUT_WAITING } from './indexSnapshot';
import { readSectionFile, writeSectionFile } from './sectionFile';

const JournalLineSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), entry: IndexEntrySchema }),
  z.object({ op: z.literal('del'), id: z.string() }),
]);

/** Journal lines after which opening the library folds them into a new snapshot. */
const COMPACT_AFTER = 2000;

export class LibraryIndex {
  readonly entries = new Map<string, IndexEntry>();
  private journalOpen: Promise<FileHandle> | null = null;
  private torn = false;
  private journalLines = 0;
  private readonly snapshotPath: string;
  /** Where versions before 2 kept the snapshot, as JSON: read once and replaced. */
  private readonly oldSnapshotPath: string;
  private readonly journalPath: string;

  constructor(dir: string) {
    this.snapshotPath = join(dir, 'summaries.bin');
    this.oldSnapshotPath = join(dir, 'summaries.json');
    this.journalPath = join(dir, 'journal.jsonl');
  }

  /** Loads snapshot + journal. Returns false when the snapshot is missing or unreadable (rebuild needed). */
  async load(): Promise<boolean> {
    let healthy = true;
    try {
      const file =
        (await readSectionFile(this.snapshotPath, SNAPSHOT_FORMAT, SNAPSHOT_VERSION)) ??
        (await readSectionFile(this.snapshotPath, SNAPSHOT_FORMAT, SNAPSHOT_VERSION_WITHOUT_WAITING)) ??
        (await readSectionFile(this.snapshotPath, SNAPSHOT_FORMAT, SNAPSHOT_VERSION_WITHOUT_SHEETS));
      const entries = file ? decodeSnapshot(file) : readVersion1(await readFile(this.oldSnapshotPath, 'utf8'));
      if (!entries) throw new Error('damaged index snapshot');
      for (const e of entries) this.entries.set(e.summary.id, e);
    } catch {
      healthy = false;
      this.entries.clear();
    }
    let text = '';
    try {
      text = await readFile(this.journalPath, 'utf8');
    } catch {
      /* no journal yet */
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      // A torn or damaged line (crash mid-append) is skipped; reconciliation with the files fixes the rest.
      const parsed = JournalLineSchema.safeParse(safeJson(line));
      if (!parsed.success) continue;
      this.journalLines++;
      if (parsed.data.op === 'put') this.entries.set(parsed.data.entry.summary.id, parsed.data.entry);
      else this.entries.delete(parsed.data.id);
    }
    return healthy;
  }

  /** Whether the journal holds anything the snapshot lacks. */
  get hasJournal(): boolean {
    return this.journalLines > 0;
  }

  get needsCompaction(): boolean {
    return this.journalLines > COMPACT_AFTER;
  }

  async put(entry: IndexEntry): Promise<void> {
    this.entries.set(entry.summary.id, entry);
    await this.append({ op: 'put', entry });
  }

  /** put() for many entries: their lines in one write and one flush. */
  async putMany(entries: readonly IndexEntry[]): Promise<void> {
    for (const entry of entries) this.entries.set(entry.summary.id, entry);
    if (entries.length) await this.append(...entries.map((entry) => ({ op: 'put' as const, entry })));
  }

  async delete(id: string): Promise<void> {
    if (!this.entries.delete(id)) return;
    await this.append({ op: 'del', id });
  }

  /** Writes the whole index as a new snapshot and starts an empty journal. Never on the save path. */
  async compact(): Promise<void> {
    await this.closeJournal();
    await writeSectionFile(this.snapshotPath, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, encodeSnapshot(this.entries.values()));
    await unlink(this.oldSnapshotPath).catch(() => undefined);
    await writeFileAtomic(this.journalPath, '');
    this.journalLines = 0;
  }

  async close(): Promise<void> {
    await this.closeJournal();
  }

  private async append(...lines: z.infer<typeof JournalLineSchema>[]): Promise<void> {
    // The promise is kept, not the handle: two saves appending at once share one open.
    this.journalOpen ??= open(this.journalPath, 'a').catch((err: unknown) => {
      this.journalOpen = null; // a read-only folder may become writable again
      throw err;
    });
    const journal = await this.journalOpen;
    // After a failed append the file may end in a torn fragment: a newline first keeps it from
    // swallowing this line (the fragment is skipped on load).
    const text = (this.torn ? '\n' : '') + lines.map((line) => JSON.stringify(line) + '\n').join('');
    try {
      // One write call per line (or batch of lines), then fdatasync: the line is on disk before the save is reported done.
      await journal.write(text);
      await journal.datasync();
      this.torn = false;
    } catch (err) {
      this.torn = true;
      throw err;
    }
    this.journalLines += lines.length;
  }

  private async closeJournal(): Promise<void> {
    const opening = this.journalOpen;
    this.journalOpen = null;
    await (await opening?.catch(() => null))?.close();
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
