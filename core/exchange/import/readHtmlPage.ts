// A saved web page → an article, off the core's thread. jsdom + Readability take from a third of a
// second to several seconds on a real page, and the core's thread is Electron's main process: run
// there, the whole app froze meanwhile. So the linear checks run here and the parse runs in a
// worker thread with a time and a memory limit; a page past either is refused (`tooSlow` or `tooLarge`) and
// its worker terminated, and cancelling the import job terminates it too. Where no worker can be
// started (a runtime that does not ship the worker's file) the page is read in this thread as before.
import { Worker } from 'node:worker_threads';
import { ApiError, toApiError } from '../../../shared/contract/errors';
import type { ImportedArticle } from '../../../shared/exchange/types';
import { INPUT_LIMITS } from '../../../shared/exchange/limits/inputLimits';
import { parseHtmlPage, precheckHtmlPage } from './fromHtmlPage';
import { askWorker } from '../../workers/askWorker';
import type { PageJob, PageReply } from './htmlPageWorker';

export interface PageParseLimits {
  timeMs: number;
  heapMb: number;
}

export interface ReadPageOptions {
  /** The import job's signal: aborting it terminates the worker. */
  signal?: AbortSignal;
  limits?: Partial<PageParseLimits>;
}

/** A worker starts (tsx, our modules, jsdom) in 0.5–4 s, on a busy machine; one not ready by this is broken. */
const START_MS = 30_000;
/** A worker that finished a page waits this long for the next one (a batch of pages), then goes. */
const IDLE_MS = 20_000;

interface PageWorker {
  worker: Worker;
  ready: boolean;
  heapMb: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

let running = 0;
let idle: PageWorker | null = null;
/** Workers alive now: tests check that a refused or cancelled page leaves none behind. */
export const runningPageWorkers = () => running;

let bundledWorker: string | null = null;

/** The Electron bundle names its compiled worker file (electron-vite's `?modulePath`, electron/main/main.ts). */
export function useHtmlPageWorker(file: string | null): void {
  bundledWorker = file;
  // A worker started from the previous file is not reused.
  if (idle) void idle.worker.terminate();
  idle = null;
}

/** Run from TypeScript source (vitest, tsx) the bootstrap beside this file starts the worker; a bundle must say where its copy is. */
function workerFile(): string | URL | null {
  if (bundledWorker) return bundledWorker;
  if (/\.ts$/.test(import.meta.url)) return new URL('./htmlPageWorker.bootstrap.mjs', import.meta.url);
  return null;
}

let warned = false;

export async function readHtmlPage(bytes: Uint8Array, name: string, options: ReadPageOptions = {}): Promise<ImportedArticle> {
  const html = precheckHtmlPage(bytes, name);
  const file = workerFile();
  const limits: PageParseLimits = { timeMs: INPUT_LIMITS.maxPageParseMs, heapMb: INPUT_LIMITS.maxPageParseHeapMb, ...options.limits };
  const article = file ? await parseInWorker(file, { html, name }, limits, options.signal) : null;
  if (article) return article;
  if (!warned) {
    warned = true;
    console.warn('copydesk: web pages are read on the main thread (no page worker could start)');
  }
  return parseHtmlPage(html, name);
}

const cancelled = (name: string) => new ApiError('cancelled', `${name}: import cancelled`, { file: name });
const tooLarge = (name: string, message: string) => new ApiError('importFailed', `${name}: ${message}`, { reason: 'tooLarge', file: name });
const tooSlow = (name: string, timeMs: number) =>
  new ApiError('importFailed', `${name}: not read within ${timeMs} ms`, { reason: 'tooSlow', file: name, limitSeconds: Math.max(1, Math.round(timeMs / 1000)) });

function startWorker(file: string | URL, heapMb: number): PageWorker | null {
  let worker: Worker;
  try {
    // execArgv: none of the parent's flags (--inspect, --import); the bootstrap registers what it needs.
    worker = new Worker(file, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  } catch {
    return null;
  }
  running++;
  const pw: PageWorker = { worker, ready: false, heapMb, idleTimer: null };
  worker.on('message', (msg: PageReply) => {
    if ('ready' in msg) pw.ready = true;
  });
  // A page's own failure is handled by its listeners in parseInWorker; an idle worker's must not crash the core.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    running--;
    if (idle === pw) idle = null;
  });
  return pw;
}

function takeWorker(file: string | URL, heapMb: number): PageWorker | null {
  const pw = idle;
  idle = null;
  if (pw && pw.heapMb === heapMb) {
    if (pw.idleTimer) clearTimeout(pw.idleTimer);
    pw.worker.ref();
    return pw;
  }
  if (pw) void pw.worker.terminate();
  return startWorker(file, heapMb);
}

/** Keeps a healthy worker for the next page; it does not hold the process open (the CLI exits when done). */
function releaseWorker(pw: PageWorker): void {
  if (idle) {
    void pw.worker.terminate();
    return;
  }
  idle = pw;
  pw.worker.unref();
  pw.idleTimer = setTimeout(() => {
    if (idle === pw) idle = null;
    void pw.worker.terminate();
  }, IDLE_MS);
  pw.idleTimer.unref();
}

/** The article, or null when the worker could not even load (then the caller reads the page itself). */
function parseInWorker(file: string | URL, job: PageJob, limits: PageParseLimits, signal?: AbortSignal): Promise<ImportedArticle | null> {
  if (signal?.aborted) return Promise.reject(cancelled(job.name));
  const pw = takeWorker(file, limits.heapMb);
  if (!pw) return Promise.resolve(null);
  // The page's time counts from when the worker is ready (jsdom loaded): a cold start on a busy
  // machine takes seconds and is not the page's fault. A worker that never gets ready is broken:
  // it is given up and the page read in this thread.
  return askWorker<PageReply, ImportedArticle | null>(pw.worker, {
    request: job,
    ready: pw.ready,
    isReady: (msg) => 'ready' in msg,
    // A page the worker could not read is the page's fault: the worker is kept all the same.
    onReply: (msg) => ('ready' in msg ? undefined : msg.ok ? { value: msg.article, keep: true } : { error: new ApiError(msg.error.code, msg.error.message, msg.error.params), keep: true }),
    startMs: START_MS,
    notStarted: () => ({ value: null }),
    limitMs: limits.timeMs,
    tooSlow: () => ({ error: tooSlow(job.name, limits.timeMs) }),
    failed: (err: Error & { code?: string }, ready) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return { error: tooLarge(job.name, `over the ${limits.heapMb} MB reading limit`) };
      return ready ? { error: toApiError(err) } : { value: null };
    },
    exited: (_code, ready) => (ready ? { error: new ApiError('internal', `${job.name}: the page reader stopped`) } : { value: null }),
    signal,
    cancelled: () => cancelled(job.name),
    keep: () => releaseWorker(pw),
  });
}
