// Proves an imported rule set file off the caller's thread (ruleSetWorker.ts), so neither
// Electron's main process nor the newsroom server's event loop stops for the seconds a set's
// patterns take to prove. The worker's answer is checked at this boundary like any input: the set
// through the rule schema, the problems through theirs. One worker per proof, ended with it: a
// cancelled or overlong proof ends by terminating it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { ApiError } from '../../shared/contract/errors';
import type { ImportResult } from '../../shared/style/importRuleSet';
import { RuleSetSchema } from '../../shared/style/ruleSchema';
import { RuleSetProblemsSchema } from '../../shared/style/ruleSetProblemSchema';
import type { ProofJob, ProofReply } from './ruleSetWorker';

/** A worker starts (tsx, our modules, redos-detector) in under a second, or seconds on a busy machine. */
const START_MS = 60_000;
/** A set whose proof takes longer than this is refused; each pattern's own proof is capped at 15 s (safePattern.ts). */
export const PROOF_LIMIT_MS = 10 * 60_000;

let bundledWorker: string | null = null;
let running = 0;
/** Proof workers alive now: tests check that a finished or cancelled proof leaves none behind. */
export const runningProofWorkers = () => running;

/** The Electron bundle names its compiled worker file (electron-vite's `?modulePath`, electron/main/main.ts). */
export function useRuleSetWorker(file: string | null): void {
  bundledWorker = file;
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

/** The file's set when every rule proves, else every problem named by rule: importRuleSetText, in a worker. */
export function proveRuleSet(text: string, options: ProofOptions = {}): Promise<ImportResult> {
  const { onProgress, signal, limitMs = PROOF_LIMIT_MS } = options;
  if (signal?.aborted) return Promise.reject(new ApiError('cancelled', 'rule set import cancelled'));
  const file = workerFile();
  // Proving here would stop the process for as long as the proof takes: refused instead.
  if (!file) return Promise.reject(failed('no rule set worker in this build', 'noWorker'));
  let worker: Worker;
  try {
    // execArgv: none of the parent's flags (--inspect, --import); the bootstrap registers what it needs.
    worker = new Worker(file, { execArgv: [] });
  } catch (err) {
    return Promise.reject(failed((err as Error).message, 'noWorker'));
  }
  running++;
  worker.on('exit', () => running--);
  return new Promise<ImportResult>((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(new ApiError('cancelled', 'rule set import cancelled')));
    let timer = setTimeout(() => finish(() => reject(failed(`the worker did not start within ${START_MS} ms`, 'noWorker'))), START_MS);
    worker.on('message', (msg: ProofReply) => {
      if (msg.t === 'ready') {
        clearTimeout(timer);
        timer = setTimeout(() => finish(() => reject(new ApiError('importFailed', `rule set not proven within ${limitMs} ms`, { reason: 'tooSlow', limitSeconds: Math.round(limitMs / 1000) }))), limitMs);
        worker.postMessage({ text } satisfies ProofJob);
      } else if (msg.t === 'progress') {
        if (typeof msg.done === 'number' && typeof msg.total === 'number') onProgress?.(msg.done, msg.total, String(msg.ruleId));
      } else {
        const checked = ResultSchema.safeParse(msg.result);
        finish(() => (checked.success ? resolve(checked.data as ImportResult) : reject(failed(`the worker's answer is not a rule set result: ${checked.error.message.slice(0, 300)}`, 'badAnswer'))));
      }
    });
    worker.on('error', (err) => finish(() => reject(failed(err.message, 'workerFailed'))));
    worker.on('exit', (code) => finish(() => reject(failed(`the worker stopped (${code})`, 'workerFailed'))));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
