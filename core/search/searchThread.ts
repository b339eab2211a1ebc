// The line from the core to the search index's owner: a worker thread running searchWorker.ts,
// or, where no worker can start, a SearchEngine in this thread (and a warning). Updates are
// posted and forgotten; requests are answered in the order they were posted. If the worker
// dies, a new one is started (after three deaths the engine runs in this thread), the owner is
// told to load and catch up again (`onRestart`), and the requests still unanswered (and those
// asked meanwhile) are posted once it has: nothing is lost, since the article files are the truth
// the index catches up from.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SearchEngine } from './SearchEngine';
import { SEARCH_WORKER_ROLE, type SearchMessage, type SearchReply, type SearchRequest, type SearchUpdate } from './searchProtocol';

/** Deaths after which the index stays in the core's thread. */
const MAX_RESTARTS = 3;
/** The worker's young generation, in MB (V8's default grows to 48). */
const YOUNG_MB = 8;
/** How long close waits for the index to be written before it stops the worker anyway. */
const CLOSE_MS = 60_000;

let bundledWorker: string | null = null;
let running = 0;
/** Search workers alive now: tests check that closing a library leaves none behind. */
export const runningSearchWorkers = () => running;

/** The Electron bundle names its compiled worker file (electron-vite's `?modulePath`, electron/main/main.ts). */
export function useSearchWorker(file: string | null): void {
  bundledWorker = file;
}

/**
 * Run from TypeScript source (vitest, tsx), the bootstrap beside this file starts the worker; a
 * bundle says where its copy is (`useSearchWorker`) or ships it beside itself as searchWorker.mjs
 * or .js (an esbuild or vite build with core/search/searchWorker.ts as a second entry point).
 */
function workerFile(): string | URL | null {
  if (bundledWorker) return bundledWorker;
  if (/\.ts$/.test(import.meta.url)) return new URL('./searchWorker.bootstrap.mjs', import.meta.url);
  for (const name of ['./searchWorker.mjs', './searchWorker.js']) {
    const beside = new URL(name, import.meta.url);
    if (beside.protocol === 'file:' && existsSync(fileURLToPath(beside))) return beside;
  }
  return null;
}

type Request = SearchRequest extends infer R ? (R extends { q: number } ? Omit<R, 'q'> : never) : never;
type Answer = Exclude<SearchReply, { t: 'ready' } | { t: 'failed' }>;

interface Pending {
  message: SearchRequest;
  resolve: (r: Answer) => void;
  reject: (e: Error) => void;
}

/** A test's way in: makes the running worker die as a crash would. */
export interface SearchThreadProbe {
  kill(): Promise<void>;
}

export class SearchThread {
  private worker: Worker | null = null;
  private engine: SearchEngine | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextQ = 1;
  private closing = false;
  /** Requests waiting for a restarted owner to catch up (null when none is). */
  private held: SearchRequest[] | null = null;
  /** Worker deaths so far; each one restarts it (or, past MAX_RESTARTS, moves the index here). */
  restarts = 0;
  /** Why the index runs in this thread, when it does. */
  inThreadReason: string | null = null;

  constructor(private readonly onRestart: () => Promise<void>) {
    this.open();
  }

  get inThread(): boolean {
    return this.engine !== null;
  }

  private open(): void {
    const file = this.restarts < MAX_RESTARTS ? workerFile() : null;
    if (file) {
      try {
        this.startWorker(file);
        return;
      } catch (err) {
        this.inThreadReason = `the search worker could not start: ${(err as Error).message}`;
      }
    } else this.inThreadReason ??= this.restarts >= MAX_RESTARTS ? `the search worker stopped ${this.restarts} times` : 'no search worker file in this build';
    console.warn(`copydesk: the search index runs in the core's thread (${this.inThreadReason})`);
    this.engine = new SearchEngine((r) => setImmediate(() => this.receive(r)));
  }

  private startWorker(file: string | URL): void {
    // execArgv: none of the parent's flags (--inspect, --import); the bootstrap registers what it needs.
    // A small young generation: the index is long-lived, and the worker's short-lived garbage (a
    // query's arrays, an article's terms) fits in a few megabytes, so its memory stays the index's.
    const worker = new Worker(file, { execArgv: [], workerData: { role: SEARCH_WORKER_ROLE }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
    this.worker = worker;
    running++;
    let ready = false;
    worker.on('message', (r: SearchReply) => {
      if (r.t === 'ready') ready = true;
      else this.receive(r);
    });
    worker.on('error', (err) => {
      // A worker that never got ready cannot load at all here: no point in starting it again.
      if (!ready) this.restarts = MAX_RESTARTS;
      this.inThreadReason = err.message;
    });
    worker.on('exit', () => {
      running--;
      if (this.worker !== worker || this.closing) return;
      this.worker = null;
      if (!ready) this.restarts = MAX_RESTARTS;
      else this.restarts++;
      console.warn(`copydesk: the search worker stopped${ready ? '' : ' before it was ready'}; the search index is loaded again`);
      this.restart();
    });
    this.updateRef();
  }

  /**
   * A new owner: it loads and catches up first (`onRestart` posts the load and the changed
   * articles), and only then gets the requests still unanswered and those asked meanwhile, so no
   * query is answered by an index that has not caught up with the saves made before it.
   */
  private restart(): void {
    const unanswered = [...this.pending.values()];
    this.pending.clear();
    this.open();
    const held: SearchRequest[] = [];
    this.held = held;
    for (const p of unanswered) {
      // The new owner loads the index from disk first: a load still waiting only needs the check.
      const message: SearchRequest = p.message.t === 'load' ? { t: 'reconcile', q: p.message.q, live: p.message.live } : p.message;
      this.pending.set(message.q, p);
      held.push(message);
    }
    this.updateRef();
    void this.onRestart()
      .catch(() => undefined)
      .then(() => {
        if (this.held !== held) return; // died again meanwhile: the next restart sends them
        this.held = null;
        for (const m of held) this.send(m);
      });
  }

  private send(m: SearchMessage): void {
    if (this.engine) this.engine.post(m);
    else this.worker?.postMessage(m);
  }

  private receive(r: SearchReply): void {
    if (r.t === 'ready') return;
    const p = this.pending.get(r.q);
    if (!p) return;
    this.pending.delete(r.q);
    this.updateRef();
    if (r.t === 'failed') p.reject(new Error(r.message));
    else p.resolve(r);
  }

  /** While an answer is awaited the worker keeps the process alive; otherwise it does not hold it open. */
  private updateRef(): void {
    if (!this.worker) return;
    if (this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }

  post(update: SearchUpdate): void {
    if (this.closing) return;
    this.send(update);
  }

  /** `now`: past the requests held during a restart (the restarted owner's own load). */
  request(r: Request, now = false): Promise<Answer> {
    if (this.closing && r.t !== 'close') return Promise.reject(new Error('search index closed'));
    const message = { ...r, q: this.nextQ++ } as SearchRequest;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(message.q, { message, resolve, reject });
      this.updateRef();
      if (this.held && !now) this.held.push(message);
      else this.send(message);
    });
  }

  /** Writes what is unsaved, then stops the worker; a worker that does not answer in time is stopped all the same. */
  async close(): Promise<void> {
    if (this.closing) return;
    const done = this.request({ t: 'close' }).catch(() => undefined);
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const worker = this.worker;
    const gone = worker ? new Promise<void>((r) => worker.once('exit', () => r())) : new Promise<void>(() => undefined);
    await Promise.race([done, gone, new Promise<void>((r) => (timer = setTimeout(r, CLOSE_MS)))]);
    clearTimeout(timer);
    for (const p of this.pending.values()) p.reject(new Error('search index closed'));
    this.pending.clear();
    if (worker) await worker.terminate();
    this.worker = null;
  }

  /** Tests: stops the running worker as a crash would (the core is not told beforehand). */
  readonly probe: SearchThreadProbe = {
    kill: async () => {
      await this.worker?.terminate();
    },
  };
}
