// The one way the library keeps a versioned JSON file (articles, settings.json, people.json): lowdb
// over AtomicJsonAdapter reads and writes it, and around that every kind gets the same steps —
//   validate  the file's zod schema, after migration, on every read (a bad file is caught at the door);
//   migrate   numbered schema versions, in memory on read; a file from a newer Copydesk is refused, untouched;
//   keep the original  before the first write that replaces an upgraded (or fitted) file, its bytes
//             go to `migrated/<name>.v<N>.json` for good;
//   last good copy  each write keeps the version it replaces as `<name>.bak`;
//   quarantine  a damaged file is moved to `quarantine/` with its bytes as they were, never deleted;
//   recover   from the last good copy, put back byte for byte when it is whole, valid and this file's;
//   notify    what was done, as one of the library's notices (the kind words it).
// What differs between kinds (their schema, their notices, what a lost file means) is the store's.
import { readFile, stat, unlink } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { ZodType } from 'zod';
import type { ApiError, Notice } from '../../shared/contract/errors';
import { keepCopy, writeFileAtomic, type WriteOptions } from '../atomicWrite';
import { fingerprintOf, type FileFingerprint } from '../fileFingerprint';
import { AtomicJsonAdapter, CorruptFileError } from './AtomicJsonAdapter';
import { keepOriginal, NewerVersionError, removeOriginals, versionOf } from './migrate';
import { quarantine } from './quarantine';

/** What a kind of file is: its schema, its versions, and an optional repair of what the schema would refuse. */
export interface JsonFileKind<T> {
  schema: ZodType<T>;
  /** The schema version this Copydesk writes, and the field the file names its version in. */
  version: { current: number; field?: string };
  /** The kind's numbered migrations (see core/migrations/); throws NewerVersionError for a newer file. */
  migrate(raw: unknown): unknown;
  /**
   * Fits a migrated document the schema would otherwise refuse but that is still usable (an
   * article body nested too deep). `changed`: the file's original is kept before the next write.
   */
  fit?(doc: unknown): { doc: unknown; changed: boolean };
}

export interface Parsed<T> {
  value: T;
  /** The version the file declares (the current one when it declares none it could be read with). */
  version: number;
  /** The value is not what the bytes say (migrated or fitted): their original is kept before they are replaced. */
  upgraded: boolean;
}

/** Migrates, fits and validates parsed JSON of a kind (a file, a history version, a backup's copy). Throws when it is not valid. */
export function parseStored<T>(kind: JsonFileKind<T>, raw: unknown): Parsed<T> {
  const version = versionOf(raw, kind.version.field) ?? kind.version.current;
  const migrated = kind.migrate(raw);
  const fitted = kind.fit ? kind.fit(migrated) : { doc: migrated, changed: false };
  return { value: kind.schema.parse(fitted.doc), version, upgraded: version < kind.version.current || fitted.changed };
}

/** A damaged file and what became of it, for the kind's notice. */
export interface Damage<T> {
  path: string;
  /** Where the damaged bytes are now (in `quarantine/`). */
  file: string;
  reason: string;
  /** The last good copy that took its place, or null when there was none to use. */
  restored: T | null;
}

export interface VersionedJsonOptions<T> {
  libraryDir: string;
  now: () => Date;
  /**
   * Where notices go. Without it a damaged file is the caller's to handle: `read` throws the
   * CorruptFileError and touches nothing.
   */
  notify?: (notice: Notice) => void;
  /** The notice for a damaged file, restored from its last good copy or not. */
  noticeOf(damage: Damage<T>): Notice;
  /** The refusal for a file written by a newer Copydesk. */
  refuseNewer(path: string, err: NewerVersionError): ApiError;
  /** Whether a valid last good copy is this file's (an article's copy must name the same id). */
  belongs?(path: string, value: T): boolean;
}

export type ReadResult<T> =
  | { value: T; fingerprint: FileFingerprint }
  /** No file; or a damaged one with no usable copy, moved to `quarantined`. */
  | { value: null; quarantined: string | null };

/** The files of one kind in one library (one file for settings and people, one per article). */
export class VersionedJsonFiles<T> {
  /** Files read from an older version (or fitted), by path, with the version their bytes are: kept under `migrated/` before the first write. */
  private readonly older = new Map<string, number>();

  constructor(
    private readonly kind: JsonFileKind<T>,
    private readonly options: VersionedJsonOptions<T>,
  ) {}

  parse(raw: unknown): Parsed<T> {
    return parseStored(this.kind, raw);
  }

  /** Reads and validates the file, recovering a damaged one from its last good copy where there is one. */
  async read(path: string): Promise<ReadResult<T>> {
    const adapter = new AtomicJsonAdapter<T>(path, (raw) => {
      const parsed = this.parse(raw);
      this.remember(path, parsed);
      return parsed.value;
    });
    const db = new Low<T | null>(adapter, null);
    try {
      await db.read();
    } catch (err) {
      if (err instanceof NewerVersionError) throw this.options.refuseNewer(path, err);
      if (!(err instanceof CorruptFileError) || !this.options.notify) throw err;
      return this.recover(path, err, this.options.notify);
    }
    if (db.data === null || !adapter.readFingerprint) return { value: null, quarantined: null };
    return { value: db.data, fingerprint: adapter.readFingerprint };
  }

  private remember(path: string, parsed: Parsed<T>): void {
    if (parsed.upgraded) this.older.set(path, parsed.version);
    else this.older.delete(path);
  }

  private async recover(path: string, cause: CorruptFileError, notify: (notice: Notice) => void): Promise<ReadResult<T>> {
    this.older.delete(path);
    const file = await quarantine(this.options.libraryDir, path, this.options.now());
    const copy = await this.readCopy(path);
    if (copy && (this.options.belongs?.(path, copy.parsed.value) ?? true)) {
      // The last good copy goes back byte for byte: if an older Copydesk wrote it, it stays that
      // version until a write upgrades it (and keeps it under `migrated/`).
      await writeFileAtomic(path, copy.bytes);
      this.remember(path, copy.parsed);
      notify(this.options.noticeOf({ path, file, reason: cause.message, restored: copy.parsed.value }));
      return { value: copy.parsed.value, fingerprint: fingerprintOf(await stat(path)) };
    }
    notify(this.options.noticeOf({ path, file, reason: cause.message, restored: null }));
    return { value: null, quarantined: file };
  }

  /** The last good copy, if it is itself whole and valid. */
  private async readCopy(path: string): Promise<{ bytes: Buffer; parsed: Parsed<T> } | null> {
    try {
      const bytes = await readFile(path + '.bak');
      return { bytes, parsed: this.parse(JSON.parse(bytes.toString('utf8'))) };
    } catch {
      return null;
    }
  }

  /**
   * Writes the value; the version it replaces becomes the last good copy (and an upgraded file's
   * original is kept first). The new bytes are written and synced before anything on disk is
   * touched, so a full or read-only disk fails the write with the file, its copy and any original
   * as they were. Returns the new file's fingerprint. `fresh`: the caller has just found no file
   * there (and holds its queue), so there is no previous version to keep and none is looked for.
   */
  async write(path: string, value: T, opts: Pick<WriteOptions, 'syncDir'> & { fresh?: boolean } = {}): Promise<FileFingerprint> {
    const older = this.older.get(path);
    const { fresh, ...writeOptions } = opts;
    const adapter = new AtomicJsonAdapter<T>(path, (raw) => this.parse(raw).value, {
      ...writeOptions,
      beforeReplace: async () => {
        if (older !== undefined) await keepOriginal(this.options.libraryDir, path, older);
        if (!fresh) await keepCopy(path, path + '.bak'); // false for a new file: it has no previous version
      },
    });
    await new Low<T | null>(adapter, value).write();
    this.older.delete(path);
    return fingerprintOf(await stat(path));
  }

  /**
   * Makes the file as it is now its last good copy: a real copy, since a hard link would share
   * the blocks that damage in place would reach. Best effort: the file itself is fine.
   */
  async keepGoodCopy(path: string): Promise<void> {
    await keepCopy(path, path + '.bak', undefined, { link: false }).catch(() => undefined);
  }

  /** Deletes the file for good, with its last good copy and any original an older Copydesk wrote. */
  async remove(path: string): Promise<void> {
    await unlink(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await unlink(path + '.bak').catch(() => undefined);
    this.older.delete(path);
    await removeOriginals(this.options.libraryDir, path);
  }
}
