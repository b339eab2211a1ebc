// A live story's replica on this machine's disk (issue 17, "the replica"): every change to its
// Yjs document, in order, in an append-only log per story in the library folder, so what was typed
// survives a restart, a crash or a kill -9 while offline and goes out on the next connection.
// The log also says what the server has stored: an `acked` record is written whenever everything
// sent so far is acknowledged (acknowledged means stored in the server's database), so a local
// change after the last one is known to be unsent when the log is read again. Changes typed here
// are fsync'd in batches (group commit); others' changes only need to reach the file, the server
// has them.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppendLog } from '../../storage/appendLog';
import { parseLog } from '../../storage/appendLogFormat';

export const REPLICAS_DIR = 'newsroom-replicas';

/** Record kinds, the first byte of each record. */
const KIND = { remote: 0x55 /* U */, local: 0x4c /* L */, acked: 0x41 /* A */, epoch: 0x45 /* E */ } as const;

/** Compaction waits for this many records and for nothing unsent (an unsent change keeps its own record). */
export const COMPACT_AFTER = 2000;

/** Story ids the server gives are file-name safe; anything else gets no replica. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export interface ReplicaContents {
  /** Every stored change, oldest first. */
  updates: Uint8Array[];
  /** A change made on this machine after the server last acknowledged everything. */
  unsent: boolean;
  /** The epoch (the server's document for the story) these changes belong to, once the server named it. */
  epoch: number | null;
  /** When the server last acknowledged everything typed here (ISO), if the log says. */
  syncedAt: string | null;
}

const record = (kind: number, payload: Uint8Array = new Uint8Array()) => {
  const out = new Uint8Array(payload.length + 1);
  out[0] = kind;
  out.set(payload, 1);
  return out;
};

/** The story a file in REPLICAS_DIR is the replica of, or null for anything else there. */
export function storyIdOfReplica(name: string): string | null {
  const m = /^(.+)\.ylog$/.exec(name);
  return m && SAFE_ID.test(m[1]) ? m[1] : null;
}

/** What a log's records say: every change in order, whether one typed here is unsent, the epoch, the last full acknowledgement. */
function contentsOf(records: Uint8Array[]): ReplicaContents {
  const contents: ReplicaContents = { updates: [], unsent: false, epoch: null, syncedAt: null };
  for (const r of records) {
    const payload = r.subarray(1);
    if (r[0] === KIND.remote || r[0] === KIND.local) contents.updates.push(payload);
    if (r[0] === KIND.local) contents.unsent = true;
    if (r[0] === KIND.acked) {
      contents.unsent = false;
      contents.syncedAt = payload.length ? Buffer.from(payload).toString('utf8') : contents.syncedAt;
    }
    if (r[0] === KIND.epoch) contents.epoch = Number(Buffer.from(payload).toString('utf8')) || null;
  }
  return contents;
}

export function replicaPath(libraryDir: string, id: string): string | null {
  return SAFE_ID.test(id) ? join(libraryDir, REPLICAS_DIR, `${id}.ylog`) : null;
}

export class ReplicaLog {
  /** The first write that failed (a full disk, a folder gone): the story goes on in memory and says so. */
  failed: Error | null = null;
  /** Told once, at the first failed write (the story's status says its words are no longer kept here). */
  onFailed: ((err: Error) => void) | null = null;
  private sinceCompact = 0;
  private unsent = false;
  private epochNow: number | null;
  private syncedAt: string | null;

  private constructor(
    private readonly log: AppendLog,
    private readonly path: string,
    contents: ReplicaContents,
    records: number,
  ) {
    this.unsent = contents.unsent;
    this.epochNow = contents.epoch;
    this.syncedAt = contents.syncedAt;
    this.sinceCompact = records;
  }

  /**
   * What the story's log holds, read without opening it for writing (a live story may be appending
   * to it: opening would cut what looks like a torn tail under that writer). Null when there is none.
   */
  static async peek(libraryDir: string, id: string): Promise<ReplicaContents | null> {
    const path = replicaPath(libraryDir, id);
    if (!path) return null;
    const bytes = await readFile(path).catch(() => null);
    return bytes ? contentsOf(parseLog(bytes).records) : null;
  }

  /** Opens (or starts) the story's log and reads what it holds; null for an id that cannot name a file. */
  static async open(libraryDir: string, id: string): Promise<{ replica: ReplicaLog; contents: ReplicaContents } | null> {
    const path = replicaPath(libraryDir, id);
    if (!path) return null;
    await mkdir(join(libraryDir, REPLICAS_DIR), { recursive: true });
    const { log, records } = await AppendLog.open(path);
    const contents = contentsOf(records);
    return { replica: new ReplicaLog(log, path, contents, records.length), contents };
  }

  /** A change to the document: `local` when typed on this machine (not yet stored on the server). */
  update(update: Uint8Array, local: boolean): void {
    if (local) this.unsent = true;
    this.write(record(local ? KIND.local : KIND.remote, update), local);
  }

  /** The server has stored everything this machine sent, at `at` (ISO). */
  acked(at: string): void {
    if (!this.unsent) return;
    this.unsent = false;
    this.syncedAt = at;
    this.write(record(KIND.acked, Buffer.from(at, 'utf8')), false);
  }

  /** The server named the story's epoch (the document these changes belong to). */
  epoch(epoch: number): void {
    if (epoch === this.epochNow) return;
    this.epochNow = epoch;
    this.write(record(KIND.epoch, Buffer.from(String(epoch), 'utf8')), false);
  }

  get hasUnsent(): boolean {
    return this.unsent;
  }

  /** Rewrites the log as one change holding `state` once it has grown long and nothing in it is unsent. */
  maybeCompact(state: () => Uint8Array): void {
    if (this.sinceCompact < COMPACT_AFTER || this.unsent || this.failed) return;
    this.sinceCompact = 0;
    const epoch = this.epochNow;
    const syncedAt = this.syncedAt;
    this.log
      .compact(() => [
        ...(epoch === null ? [] : [record(KIND.epoch, Buffer.from(String(epoch), 'utf8'))]),
        record(KIND.remote, state()),
        ...(syncedAt === null ? [] : [record(KIND.acked, Buffer.from(syncedAt, 'utf8'))]),
      ])
      .catch((err: unknown) => this.fail(err));
  }

  /** Everything appended so far is durable. */
  flush(): Promise<void> {
    return this.log.flush();
  }

  close(): Promise<void> {
    return this.log.close().catch(() => undefined);
  }

  /** The replica is of no further use (its epoch ended, the story is gone): closed and removed. */
  async remove(): Promise<void> {
    await this.close();
    await rm(this.path, { force: true });
  }

  private write(bytes: Uint8Array, durable: boolean): void {
    this.sinceCompact++;
    this.log.append(bytes, { durable }).catch((err: unknown) => this.fail(err));
  }

  private fail(err: unknown): void {
    if (this.failed) return;
    this.failed = err instanceof Error ? err : new Error(String(err));
    this.onFailed?.(this.failed);
  }
}
