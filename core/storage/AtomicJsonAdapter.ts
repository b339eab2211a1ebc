// A lowdb adapter for one JSON file: reads parse and validate (so a bad file is caught at the
// door), writes are atomic and durable. lowdb's own JSONFile neither validates nor fsyncs.
import { open } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic, type WriteOptions } from '../atomicWrite';
import { fingerprintOf, type FileFingerprint } from '../fileFingerprint';

/** A file exists but cannot be used: not JSON, wrong shape, empty or truncated. */
export class CorruptFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'CorruptFileError';
  }
}

export class AtomicJsonAdapter<T> implements Adapter<T | null> {
  constructor(
    private readonly path: string,
    /** Turns parsed JSON into a valid T or throws (zod parse, migrations). */
    private readonly parse: (raw: unknown) => T,
    /** For writes: e.g. keep the previous version as the last good copy just before it is replaced. */
    private readonly writeOptions: WriteOptions = {},
  ) {}

  /** Size and time of the file the last `read` found, taken from the handle it read: exactly those bytes. */
  readFingerprint: FileFingerprint | null = null;

  async read(): Promise<T | null> {
    let text: string;
    this.readFingerprint = null;
    try {
      const handle = await open(this.path, 'r');
      try {
        const fingerprint = fingerprintOf(await handle.stat());
        text = await handle.readFile('utf8');
        this.readFingerprint = fingerprint;
      } finally {
        await handle.close();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new CorruptFileError(this.path, text.length === 0 ? 'empty file' : 'not valid JSON');
    }
    try {
      return this.parse(raw);
    } catch (err) {
      if (err instanceof CorruptFileError || (err as Error).name === 'NewerVersionError') throw err;
      throw new CorruptFileError(this.path, err instanceof Error ? err.message.slice(0, 500) : 'invalid');
    }
  }

  /** `null` is lowdb's "nothing read yet"; writing it would destroy the file, so it is refused. */
  async write(data: T | null): Promise<void> {
    if (data === null) throw new Error(`${this.path}: refusing to write an empty document`);
    await writeFileAtomic(this.path, JSON.stringify(data), undefined, this.writeOptions);
  }
}
