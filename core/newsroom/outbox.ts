// The outbox: workflow steps taken while the newsroom server could not be reached, kept in the
// library folder in the order they were taken (each change written atomically and fsync'd, so a
// step survives a restart or a crash), and sent one by one once the server is back. The server
// decides each as it would have then: a step no longer allowed (the desk approved the story
// meanwhile) is refused and the refusal kept as the step's result, for the window to show. A step
// is only ever sent by the person whose folder this is: the session is the folder's binding.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/contract/errors';
import { OutboxStepSchema, type OutboxResult, type OutboxState, type OutboxStep } from '../../shared/contract/outbox';
import { YUpdateSchema } from '../../shared/contract/liveStory';
import { writeFileAtomic } from '../atomicWrite';

export const OUTBOX_FILE = 'newsroom-outbox.json';

/** The results kept for the window: the latest ones (older ones it has long shown). */
const RESULTS_KEPT = 20;

const QueuedStepSchema = OutboxStepSchema.extend({
  note: z.string(),
  override: z.boolean(),
  liveState: YUpdateSchema.optional(),
});
export type QueuedStep = z.infer<typeof QueuedStepSchema>;
const OutboxFileSchema = z.object({ version: z.literal(1), steps: z.array(QueuedStepSchema) });

export type NewStep = Omit<QueuedStep, 'key' | 'at'>;

export class Outbox {
  private results: OutboxResult[] = [];
  private draining: Promise<void> | null = null;
  private again = false;
  private writes: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(state: OutboxState) => void>();

  private constructor(
    private readonly path: string,
    private steps: QueuedStep[],
    private readonly now: () => Date,
  ) {}

  /** The folder's outbox; a file that does not read is set aside (`.unreadable`) and the outbox starts empty. */
  static async open(libraryDir: string, now: () => Date = () => new Date()): Promise<Outbox> {
    const path = join(libraryDir, OUTBOX_FILE);
    let steps: QueuedStep[] = [];
    let text: string | null = null;
    try {
      text = await readFile(path, 'utf8');
      steps = OutboxFileSchema.parse(JSON.parse(text)).steps;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && text !== null) await writeFileAtomic(`${path}.unreadable`, text).catch(() => undefined);
    }
    return new Outbox(path, steps, now);
  }

  state(): OutboxState {
    return { pending: this.steps.map(({ key, id, headline, action, at }) => ({ key, id, headline, action, at })), results: [...this.results] };
  }

  onChange(listener: (state: OutboxState) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Keeps a step to send later; resolves once it is on disk. */
  async add(step: NewStep): Promise<OutboxStep> {
    const queued: QueuedStep = { ...step, key: randomUUID(), at: this.now().toISOString() };
    await this.change((steps) => [...steps, queued]);
    this.changed();
    return queued;
  }

  /**
   * Sends every waiting step in order. `send` throws the server's ApiError: `offline` or
   * `notSignedIn` leaves the step (and the ones after it) waiting for the next time; any other
   * answer is the step's result.
   * One drain runs at a time; a call during one waits for it.
   */
  drain(send: (step: QueuedStep) => Promise<void>): Promise<void> {
    // Asked again while running (back online just as a run met `offline`): one more run follows.
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        await this.run(send);
      } while (this.again);
    })().finally(() => (this.draining = null));
    return this.draining;
  }

  /** The folder is unbound: its steps can go nowhere (the words they covered are kept by the replicas). */
  async clear(): Promise<void> {
    await this.change(() => [], { evenUnwritten: true });
    this.results = [];
    this.changed();
  }

  private async run(send: (step: QueuedStep) => Promise<void>): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps[0];
      let error: OutboxResult['error'];
      try {
        await send(step);
      } catch (err) {
        // Unreachable, or the session ended (the person signs in again): the step waits, as do those after it.
        if (err instanceof ApiError && (err.code === 'offline' || err.code === 'notSignedIn' || err.code === 'cancelled')) return;
        error = err instanceof ApiError ? { code: err.code, ...(typeof err.params.reason === 'string' ? { reason: err.params.reason } : {}) } : { code: 'internal' };
      }
      // Not written (a full disk): gone from memory all the same, or it would be sent again at once;
      // the file still has it, sent again after a restart, where the server refuses it as moved on.
      await this.change((steps) => steps.filter((s) => s.key !== step.key), { evenUnwritten: true });
      const { key, id, headline, action, at } = step;
      this.results = [...this.results, { key, id, headline, action, at, ok: error === undefined, ...(error ? { error } : {}), sentAt: this.now().toISOString() }].slice(-RESULTS_KEPT);
      this.changed();
    }
  }

  /**
   * Changes the steps and writes them, one change at a time (a step added while a sent one is
   * taken out is never lost, nor the sent one brought back). A write that fails fails the change,
   * unless `evenUnwritten`: then memory takes it all the same.
   */
  private change(make: (steps: QueuedStep[]) => QueuedStep[], opts: { evenUnwritten?: boolean } = {}): Promise<void> {
    const done = this.writes.then(async () => {
      const steps = make(this.steps);
      try {
        await writeFileAtomic(this.path, JSON.stringify({ version: 1, steps }, null, 2));
      } catch (err) {
        if (!opts.evenUnwritten) throw err;
      }
      this.steps = steps;
    });
    this.writes = done.catch(() => undefined);
    return done;
  }

  private changed(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}
