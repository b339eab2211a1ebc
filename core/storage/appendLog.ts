// An append-only log of binary records (format in ./appendLogFormat.ts), appended through one
// open file. Appends that arrive while a write or fsync is under way are written together and share
// the next fsync (group commit), so ten saves at once cost one fsync, not ten; one fsync runs at a
// time, beside the next write, and each durable append resolves only once an fsync that started
// after its bytes were written has returned. Opening reads every good record and
// cuts off a torn or damaged tail, never a good record before it. Compaction writes a new log from
// the caller's snapshot with atomicWrite (temp file, fsync, rename) and swaps to it: a crash at any
// moment leaves the old log or the new one.
import * as nodeFs from 'node:fs/promises';
import { writeFileAtomic, type WriteFs } from '../atomicWrite';
import { encodeFrame, LOG_HEADER, parseLog, type LogTail } from './appendLogFormat';

export type { LogTail } from './appendLogFormat';

export interface AppendLogOptions {
  /** The file-system calls used, injectable so tests can count fsyncs and fail any step. */
  fs?: WriteFs;
  /**
   * How long a batch waits for more appends before it is written and synced. 0 (the default)
   * takes whatever was appended by the time the writer turns to it, which already batches every
   * append made while the previous fsync ran.
   */
  batchWindowMs?: number;
}

export interface AppendOptions {
  /**
   * `false`: resolves once the record is written to the file (a killed process keeps it), without
   * waiting for an fsync; a later durable append or `flush()` makes it durable too.
   */
  durable?: boolean;
}

export interface OpenedLog {
  log: AppendLog;
  /** Every good record, oldest first. */
  records: Uint8Array[];
  /** What was cut off the end, if anything (see LogTail); `torn` is an ordinary crash, the others are damage. */
  tail: LogTail | null;
}

type Job =
  | { kind: 'record'; frame: Buffer; durable: boolean; done: Settle }
  | { kind: 'flush'; done: Settle }
  | { kind: 'compact'; snapshot: Snapshot; done: Settle };
type Settle = { resolve: () => void; reject: (err: unknown) => void };
type Snapshot = () => Iterable<Uint8Array> | Promise<Iterable<Uint8Array>>;

export class AppendLog {
  private handle: nodeFs.FileHandle | null = null;
  /** Length of the file's good part: every write goes after it; anything beyond is cut first. */
  private end: number;
  /** Bytes beyond `end` to cut before the next write: a damaged tail, or a write that failed part-way. */
  private cutFirst: boolean;
  /** How much of the file an fsync that has returned covers. */
  private syncedTo: number;
  /** Durable appends and flushes written and waiting for an fsync that covers them, oldest first. */
  private syncWaiters: { upTo: number; done: Settle }[] = [];
  private syncing: Promise<void> | null = null;
  private readonly queue: Job[] = [];
  private running: Promise<void> | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  private count: number;

  private constructor(
    readonly path: string,
    private readonly fs: WriteFs,
    private readonly windowMs: number,
    validBytes: number,
    fileBytes: number,
    records: number,
  ) {
    this.end = validBytes;
    this.syncedTo = validBytes;
    this.cutFirst = fileBytes > validBytes;
    this.count = records;
  }

  /**
   * Reads the log at `path` (a missing file is an empty log) and cuts any bad tail off it. A
   * folder that cannot be written still opens for reading: the cut, like the file's creation,
   * is then tried again before the first append.
   */
  static async open(path: string, opts: AppendLogOptions = {}): Promise<OpenedLog> {
    const fs = opts.fs ?? nodeFs;
    const bytes = await readAll(fs, path);
    const parsed = parseLog(bytes);
    const log = new AppendLog(path, fs, opts.batchWindowMs ?? 0, parsed.validBytes, bytes.length, parsed.records.length);
    if (log.cutFirst && log.end > 0) await log.cut().catch(() => undefined);
    return { log, records: parsed.records, tail: parsed.tail };
  }

  /** Records in the log: those read at open plus those appended since (reset by compaction). */
  get records(): number {
    return this.count;
  }

  append(payload: Uint8Array, opts: AppendOptions = {}): Promise<void> {
    let frame: Buffer;
    try {
      frame = encodeFrame(payload); // copied now: the caller may reuse its buffer
    } catch (err) {
      return Promise.reject(err as Error);
    }
    return this.enqueue((done) => ({ kind: 'record', frame, durable: opts.durable ?? true, done }));
  }

  /** Resolves once every record appended before it is durable. */
  flush(): Promise<void> {
    return this.enqueue((done) => ({ kind: 'flush', done }));
  }

  /**
   * Replaces the log with one holding `snapshot()`'s records. Records appended before this call
   * are written first (to the old log), so the snapshot, taken afterwards, can include them;
   * records appended after it go to the new log. If it fails, the old log stays as it was.
   */
  compact(snapshot: Snapshot): Promise<void> {
    return this.enqueue((done) => ({ kind: 'compact', snapshot, done }));
  }

  /** Finishes what was appended (durably), then closes the file; later appends are refused. A second call gets the same promise. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      await new Promise<void>((resolve) => {
        this.queue.push({ kind: 'flush', done: { resolve, reject: () => resolve() } });
        this.kick();
      });
      await this.syncsDone();
      await this.closeHandle();
    })();
    return this.closing;
  }

  private enqueue(make: (done: Settle) => Job): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`append log ${this.path} is closed`));
    return new Promise<void>((resolve, reject) => {
      this.queue.push(make({ resolve, reject }));
      this.kick();
    });
  }

  private kick(): void {
    if (this.running) return;
    // A job queued between the writer's last look at the queue and this `finally` starts it again.
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.queue.length > 0) this.kick();
    });
  }

  /** The one writer: takes every job queued so far and handles it, until none is left. */
  private async drain(): Promise<void> {
    // Let the appends of the current turn of the event loop (or of the window) join this batch.
    await new Promise<void>((r) => (this.windowMs > 0 ? setTimeout(r, this.windowMs) : setImmediate(r)));
    while (this.queue.length > 0) {
      const first = this.queue[0];
      if (first.kind === 'compact') {
        this.queue.shift();
        await this.syncsDone(); // the old file's handle is closed for the swap
        await this.rewrite(first.snapshot).then(first.done.resolve, first.done.reject);
        continue;
      }
      // Every record and flush up to the next compaction: one write; the fsync runs beside the
      // next batch's write, and covers whatever was written when it started.
      const stop = this.queue.findIndex((j) => j.kind === 'compact');
      const batch = this.queue.splice(0, stop < 0 ? this.queue.length : stop) as Exclude<Job, { kind: 'compact' }>[];
      try {
        await this.writeBatch(batch);
      } catch (err) {
        for (const job of batch) job.done.reject(err);
        continue;
      }
      for (const job of batch) {
        if (job.kind === 'record' && !job.durable) job.done.resolve();
        else if (this.syncedTo >= this.end) job.done.resolve(); // a flush with nothing new to sync
        else this.syncWaiters.push({ upTo: this.end, done: job.done });
      }
      this.kickSync();
    }
  }

  private async writeBatch(batch: Exclude<Job, { kind: 'compact' }>[]): Promise<void> {
    const frames = batch.flatMap((j) => (j.kind === 'record' ? [j.frame] : []));
    if (frames.length === 0) return;
    const handle = await this.writer();
    const bytes = frames.length === 1 ? frames[0] : Buffer.concat(frames);
    try {
      await writeAll(handle, bytes);
    } catch (err) {
      // Part of it may have landed: cut it before the next write, so no record follows a torn one.
      this.cutFirst = true;
      throw err;
    }
    this.end += bytes.length;
    this.count += frames.length;
  }

  private kickSync(): void {
    if (this.syncing || this.syncWaiters.length === 0) return;
    this.syncing = this.syncLoop().finally(() => {
      this.syncing = null;
      this.kickSync();
    });
  }

  /** One fsync at a time; each covers every byte written when it started, and answers everyone waiting on those. */
  private async syncLoop(): Promise<void> {
    while (this.syncWaiters.length > 0) {
      const target = this.end;
      const waiters = this.syncWaiters.filter((w) => w.upTo <= target);
      this.syncWaiters = this.syncWaiters.filter((w) => w.upTo > target);
      try {
        // Open: waiters come only from writes through it, and it is closed only once no fsync is waited for.
        if (!this.handle) throw new Error(`append log ${this.path} lost its file before an fsync`);
        await this.handle.datasync();
        this.syncedTo = Math.max(this.syncedTo, target);
        for (const w of waiters) w.done.resolve();
      } catch (err) {
        for (const w of waiters) w.done.reject(err);
      }
    }
  }

  /** Waits until no fsync is running or waited for (before the file's handle is closed). */
  private async syncsDone(): Promise<void> {
    while (this.syncing) await this.syncing;
  }

  /** The open file to append to, created (with its header) or cut back to its good part first. */
  private async writer(): Promise<nodeFs.FileHandle> {
    if (this.end < LOG_HEADER.length) {
      // No log yet, or one whose header is damaged: start it whole, in one atomic write.
      await this.closeHandle();
      await writeFileAtomic(this.path, LOG_HEADER, this.fs);
      this.end = this.syncedTo = LOG_HEADER.length;
      this.cutFirst = false;
    } else if (this.cutFirst) {
      await this.cut();
    }
    // 'a': every write lands at the end of the file, wherever a failed one left it.
    this.handle ??= await this.fs.open(this.path, 'a');
    return this.handle;
  }

  /** Cuts the file back to its good part, through a handle of its own (an append handle cannot truncate everywhere). */
  private async cut(): Promise<void> {
    const h = await this.fs.open(this.path, 'r+');
    try {
      await h.truncate(this.end);
      await h.datasync();
    } finally {
      await h.close();
    }
    this.cutFirst = false;
  }

  private async rewrite(snapshot: Snapshot): Promise<void> {
    const frames: Uint8Array[] = [LOG_HEADER];
    for (const record of await snapshot()) frames.push(encodeFrame(record));
    // Closed first: Windows does not rename over a file that is open.
    await this.closeHandle();
    await writeFileAtomic(this.path, frames, this.fs);
    this.end = frames.reduce((n, f) => n + f.byteLength, 0);
    this.syncedTo = this.end;
    this.count = frames.length - 1;
    this.cutFirst = false;
  }

  private async closeHandle(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.close().catch(() => undefined);
  }
}

async function readAll(fs: WriteFs, path: string): Promise<Buffer> {
  let h: nodeFs.FileHandle;
  try {
    h = await fs.open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw err;
  }
  try {
    return await h.readFile();
  } finally {
    await h.close();
  }
}

/** A write may store fewer bytes than asked (a signal, a pipe-like file system): the rest follows. */
async function writeAll(handle: nodeFs.FileHandle, bytes: Buffer): Promise<void> {
  for (let at = 0; at < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
    if (bytesWritten <= 0) throw new Error('log write stored nothing');
    at += bytesWritten;
  }
}
