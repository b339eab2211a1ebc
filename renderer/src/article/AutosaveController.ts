// Autosave for one open article: a save ~500 ms after the last change (on disk within a second),
// at once on flush (blur, hide, close, ⌘S), one save in flight at a time, retries with backoff when
// the disk refuses, and a full stop on a revision conflict so nothing is overwritten.
import { ApiError } from '../../../shared/contract/errors';
import type { ArticleContent } from '../../../shared/model/article';

export type SaveStatus = 'saved' | 'saving' | 'dirty' | 'failed' | 'conflict';
export interface SaveState {
  status: SaveStatus;
  savedAt: string | null;
  error: unknown;
}

export interface AutosaveOptions {
  save(baseRevision: number, content: ArticleContent): Promise<{ revision: number; updatedAt: string }>;
  getContent(): ArticleContent;
  onState(state: SaveState): void;
  revision: number;
  savedAt: string;
  delayMs?: number;
  retryMs?: readonly number[];
}

export class AutosaveController {
  private revision: number;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private state: SaveState;
  private stopped = false;

  constructor(private readonly opts: AutosaveOptions) {
    this.revision = opts.revision;
    this.state = { status: 'saved', savedAt: opts.savedAt, error: null };
  }

  get status(): SaveStatus {
    return this.state.status;
  }

  markDirty(): void {
    if (this.stopped) return;
    this.dirty = true;
    if (this.state.status === 'saved') this.set({ status: 'dirty' });
    if (this.state.status !== 'failed') this.schedule(this.opts.delayMs ?? 500);
  }

  /** Saves now if anything is unsaved, and resolves when the article is on disk (or saving failed). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (!this.stopped) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (!this.dirty) return;
      await this.run();
      if (this.state.status === 'failed') return;
    }
  }

  dispose(): void {
    this.clearTimer();
    this.stopped = true;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<SaveState>): void {
    this.state = { ...this.state, ...patch };
    this.opts.onState(this.state);
  }

  private run(): Promise<void> {
    if (this.inFlight || !this.dirty || this.stopped) return this.inFlight ?? Promise.resolve();
    this.dirty = false;
    const content = this.opts.getContent();
    this.set({ status: 'saving' });
    this.inFlight = this.opts
      .save(this.revision, content)
      .then(
        (result) => {
          this.revision = result.revision;
          this.failures = 0;
          this.set({ status: this.dirty ? 'dirty' : 'saved', savedAt: result.updatedAt, error: null });
        },
        (error: unknown) => {
          this.dirty = true; // what failed is still unsaved
          // A conflict or a refusal (the copy became read-only) will not go away by retrying.
          if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'forbidden')) {
            this.stopped = true;
            this.set({ status: 'conflict', error });
            return;
          }
          const retry = this.opts.retryMs ?? [2000, 4000, 8000, 15000, 30000];
          this.set({ status: 'failed', error });
          this.schedule(retry[Math.min(this.failures++, retry.length - 1)]);
        },
      )
      .finally(() => {
        this.inFlight = null;
        if (this.dirty && this.state.status === 'dirty') this.schedule(this.opts.delayMs ?? 500);
      });
    return this.inFlight;
  }
}
