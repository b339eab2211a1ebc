// Group commit of live updates: what arrives while a write is in flight is written together in the
// next transaction (one INSERT), so a burst of keystrokes from many clients costs a few commits,
// not one each. Each append's promise settles when its row is committed (or refused), in order.
// Each transaction checks the epochs it writes to under a share lock: an epoch a step closed
// takes no more updates (the step holds the row FOR UPDATE while it reads the body). After that
// lock, the story's state is read again: a step that made it read-only for the writer (출고 taken
// on another instance, which this one has not heard of yet) refuses the update, so nothing is
// stored after a step that its version does not hold.
import { performance } from 'node:perf_hooks';
import type { ArticleStatus } from '../../shared/model/article';
import type { Role } from '../../shared/model/person';
import { canEdit } from '../../shared/workflow/transitions';
import type { Database, Queryable } from '../db/Database';
import { readSettings } from '../settings/settingsTable';
import { insertUpdates, type PendingUpdate } from './updateRows';

export class EpochClosedError extends Error {
  constructor(articleId: string, epoch: number) {
    super(`epoch ${epoch} of ${articleId} is closed`);
  }
}

/** The writer may no longer edit the story (a step made it read-only meanwhile). */
export class ReadOnlyNowError extends Error {
  constructor(articleId: string, status: string) {
    super(`${articleId} is ${status} now: read-only for the writer`);
  }
}

interface Entry {
  update: PendingUpdate;
  /** The writer's role, checked against the story's state in the transaction; none: the server's own. */
  role?: Role;
  settle(error?: Error): void;
}

/** Updates per transaction at most: one INSERT's parameters stay far below PostgreSQL's 65,535. */
const MAX_BATCH = 1000;

/** Written by a test to slow or fail appends (the ack must wait for it). */
export type AppendHook = (tx: Queryable, batch: readonly PendingUpdate[]) => Promise<void>;

export class UpdateLog {
  private readonly queue: Entry[] = [];
  private writing: Promise<void> | null = null;
  private last: Promise<void> = Promise.resolve();
  /** Number of transactions written and their sizes, for the log and the tests. */
  readonly stats = { batches: 0, updates: 0 };
  /** Told how long each append took from arrival to commit (or refusal): /metrics' propagation time. */
  onSettled?: (seconds: number, stored: boolean) => void;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly beforeCommit?: AppendHook,
  ) {}

  /** Updates waiting for the next transaction. */
  get queued(): number {
    return this.queue.length;
  }

  append(update: PendingUpdate, role?: Role): Promise<void> {
    const started = performance.now();
    const appended = new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        this.onSettled?.((performance.now() - started) / 1000, !error);
        return error ? reject(error) : resolve();
      };
      this.queue.push({ update, role, settle });
      if (!this.writing) this.writing = this.drain();
    });
    this.last = appended.catch(() => undefined);
    return appended;
  }

  /**
   * Resolves once everything appended so far is written (or refused). Entries settle in order, so
   * that is when the latest one settles; later appends are not waited for (busy stories never starve it).
   */
  flush(): Promise<void> {
    return this.last;
  }

  private async drain(): Promise<void> {
    // Wait one more turn of the event loop (one more poll for I/O): the messages read from the
    // sockets meanwhile join the first batch, and the broadcasts already sent go out before the
    // database work (PGlite runs in this thread and holds it while it writes).
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) await this.write(this.queue.splice(0, MAX_BATCH));
    this.writing = null;
  }

  private async write(batch: Entry[]): Promise<void> {
    let closed = new Set<string>();
    let refused = new Map<Entry, Error>();
    try {
      [closed, refused] = await this.db.transaction(async (tx) => {
        const shut = await this.shutEpochs(tx, batch);
        const writers = batch.filter((e) => e.role && !shut.has(epochKey(e.update)));
        const readOnly = await this.readOnlyNow(tx, writers);
        const open = batch.filter((e) => !shut.has(epochKey(e.update)) && !readOnly.has(e)).map((e) => e.update);
        await insertUpdates(tx, open, this.now());
        await this.beforeCommit?.(tx, open);
        return [shut, readOnly] as const;
      });
    } catch (err) {
      for (const e of batch) e.settle(err as Error);
      return;
    }
    this.stats.batches += 1;
    this.stats.updates += batch.length;
    for (const e of batch) {
      const shut = closed.has(epochKey(e.update));
      e.settle(shut ? new EpochClosedError(e.update.articleId, e.update.epoch) : refused.get(e));
    }
  }

  /**
   * The batch's epochs that take no more updates (closed, or never started), their rows share-locked
   * to the commit. One query for the whole batch: a batch spans many stories under load, and a
   * round trip per story made the serial group commit the bottleneck (issue 18's load run).
   * Rows are locked in one order (sorted before FOR SHARE applies), as steps lock one row each.
   */
  private async shutEpochs(tx: Queryable, batch: readonly Entry[]): Promise<Set<string>> {
    const keys = [...new Set(batch.map((e) => epochKey(e.update)))];
    const ids = keys.map((k) => k.split('\u0000')[0]);
    const epochs = keys.map((k) => Number(k.split('\u0000')[1]));
    const rows = await tx.query<{ article_id: string; epoch: number; closed: boolean }>(
      'SELECT article_id, epoch, closed FROM collab_epochs WHERE (article_id, epoch) IN (SELECT * FROM unnest($1::text[], $2::int[])) ORDER BY article_id, epoch FOR SHARE',
      [ids, epochs],
    );
    const open = new Set(rows.filter((r) => !r.closed).map((r) => epochKey({ articleId: r.article_id, epoch: r.epoch })));
    return new Set(keys.filter((k) => !open.has(k)));
  }

  /** The entries whose writer may not edit their story as it is now (read after the epochs' locks). */
  private async readOnlyNow(tx: Queryable, writers: readonly Entry[]): Promise<Map<Entry, Error>> {
    const refused = new Map<Entry, Error>();
    if (writers.length === 0) return refused;
    const settings = await readSettings(tx);
    const ids = [...new Set(writers.map((e) => e.update.articleId))];
    const rows = await tx.query<{ id: string; status: ArticleStatus | null; trashed: string | null }>("SELECT id, content->>'status' AS status, content->>'trashedAt' AS trashed FROM articles WHERE id = ANY($1::text[])", [ids]);
    const states = new Map(rows.map((r) => [r.id, r]));
    for (const e of writers) {
      const state = states.get(e.update.articleId);
      if (state?.status && state.trashed === null && canEdit(settings.workflow.permissions, e.role!, state.status)) continue;
      refused.set(e, new ReadOnlyNowError(e.update.articleId, state?.trashed ? 'in the trash' : (state?.status ?? 'gone')));
    }
    return refused;
  }
}

function epochKey(u: Pick<PendingUpdate, 'articleId' | 'epoch'>): string {
  return `${u.articleId}\u0000${u.epoch}`;
}
