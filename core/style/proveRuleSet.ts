// Proves an imported rule set file off the caller's thread (ruleSetWorker.ts), so neither
// Electron's main process nor the newsroom server's event loop stops for the seconds a set's
// patterns take to prove. The worker's answer is checked at this boundary like any input: the set
// through the rule schema, the problems through theirs. A worker that answered waits a minute for
// the next file (the admin fixing a refused one: its patterns' verdicts are remembered there); a
// cancelled or overlong proof ends by terminating its worker.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { ApiError } from '../../shared/contract/errors';
import type { ImportResult } from '../../shared/style/importRuleSet';
import { RuleSetSchema } from '../../shared/style/ruleSchema';
import { RuleSetProblemsSchema } from '../../shared/style/ruleSetProblemSchema';
import { askWorker } from '../workers/askWorker';
import type { ProofJob, ProofReply } from './ruleSetWorker';

/** A worker starts (tsx, our modules, redos-detector) in under a second, or seconds on a busy machine. */
const START_MS = 60_000;
/** A set whose proof takes longer than this is refused; each pattern's own proof is capped at 15 s (safePattern.ts). */
export const PROOF_LIMIT_MS = 10 * 60_000;

/** How long a worker that answered waits for the next file before it goes. */
const IDLE_MS = 60_000;

let bundledWorker: string | null = null;
let running = 0;
let idle: { worker: Worker; timer: ReturnType<typeof setTimeout> } | null = null;
/** Proof workers alive now: tests check that a finished or cancelled proof leaves none behind. */
export const runningProofWorkers = () => running;

/** The Electron bundle names its compiled worker file (electron-vite's `?modulePath`, electron/main/main.ts). */
export function useRuleSetWorker(file: string | null): void {
  bundledWorker = file;
  stopIdleProofWorker();
}

/** Ends the worker waiting for a next file, if any (tests; a worker from another file). */
export function stopIdleProofWorker(): void {
  if (!idle) return;
  clearTimeout(idle.timer);
  void idle.worker.terminate();
  idle = null;
}

/** Keeps a worker that answered for the next file; it does not hold the process open. */
function release(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, timer };
}

/** From TypeScript source the bootstrap beside this file; a bundle names its copy, or ships it beside itself (scripts/buildCli.mjs). */
function workerFile(): string | URL | null {
  if (bundledWorker) return bundledWorker;
  if (/\.ts$/.test(import.meta.url)) return new URL('./ruleSetWorker.bootstrap.mjs', import.meta.url);
  for (const name of ['./ruleSetWorker.mjs', './ruleSetWorker.js']) {
    const beside = new URL(name, import.meta.url);
    if (beside.protocol === 'file:' && existsSync(fileURLToPath(beside))) return beside;
  }
  return null;
}

const ResultSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), set: RuleSetSchema }), z.object({ ok: z.literal(false), problems: RuleSetProblemsSchema })]);

export interface ProofOptions {
  /** After each rule (at most ten times a second): rules proven of all. */
  onProgress?: (done: number, total: number, ruleId: string) => void;
  /** Aborting ends the proof (`cancelled`). */
  signal?: AbortSignal;
  limitMs?: number;
}

const failed = (message: string, reason: string) => new ApiError('internal', `rule set proof: ${message}`, { reason });
const cancelled = () => new ApiError('cancelled', 'rule set import cancelled');

/** The file's set when every rule proves, else every problem named by rule: importRuleSetText, in a worker. */
export function proveRuleSet(text: string, options: ProofOptions = {}): Promise<ImportResult> {
  const { onProgress, signal, limitMs = PROOF_LIMIT_MS } = options;
  if (signal?.aborted) return Promise.reject(cancelled());
  let worker: Worker;
  let ready = false;
  if (idle) {
    ({ worker } = idle);
    clearTimeout(idle.timer);
    idle = null;
    worker.ref();
    ready = true;
  } else {
    const file = workerFile();
    // Proving here would stop the process for as long as the proof takes: refused instead.
    if (!file) return Promise.reject(failed('no rule set worker in this build', 'noWorker'));
    try {
      // execArgv: none of the parent's flags (--inspect, --import); the bootstrap registers what it needs.
      worker = new Worker(file, { execArgv: [] });
    } catch (err) {
      return Promise.reject(failed((err as Error).message, 'noWorker'));
    }
    running++;
    worker.on('exit', () => {
      running--;
      if (idle?.worker === worker) idle = null;
    });
    // An idle worker's failure must not crash the process; a busy one's is handled below.
    worker.on('error', () => undefined);
  }
  return askWorker<ProofReply, ImportResult>(worker, {
    request: { text } satisfies ProofJob,
    ready,
    isReady: (msg) => msg.t === 'ready',
    onReply: (msg) => {
      if (msg.t === 'progress') {
        if (typeof msg.done === 'number' && typeof msg.total === 'number') onProgress?.(msg.done, msg.total, String(msg.ruleId));
        return undefined;
      }
      const checked = ResultSchema.safeParse('result' in msg ? msg.result : undefined);
      // Only a worker that answered in the expected form is kept for the next file.
      if (checked.success) return { value: checked.data as ImportResult, keep: true };
      return { error: failed(`the worker's answer is not a rule set result: ${checked.error.message.slice(0, 300)}`, 'badAnswer') };
    },
    startMs: START_MS,
    notStarted: () => ({ error: failed(`the worker did not start within ${START_MS} ms`, 'noWorker') }),
    limitMs,
    tooSlow: () => ({ error: new ApiError('importFailed', `rule set not proven within ${limitMs} ms`, { reason: 'ruleSetTooSlow', limitSeconds: Math.round(limitMs / 1000) }) }),
    failed: (err) => ({ error: failed(err.message, 'workerFailed') }),
    exited: (code) => ({ error: failed(`the worker stopped (${code})`, 'workerFailed') }),
    signal,
    cancelled,
    keep: release,
  });
}
