// The worker side of proveRuleSet.ts: proves one rule set file (importRuleSetText: shape, pattern
// safety, each rule's examples) and posts progress after each rule, then the result. Proving a
// pattern takes up to a second (the Korean defaults about 7 s in all, a fresh set of novel patterns
// more), so it runs here: the core's thread is Electron's main process or the server's event loop.
import { parentPort } from 'node:worker_threads';
import { importRuleSetText, type RuleSetProblem } from '../../shared/style/importRuleSet';
import { trustProvenPatterns } from '../../shared/style/safePattern';
import { defaultRuleSets } from '../../shared/style/checkArticle';
import { MAX_PROBLEMS } from '../../shared/style/ruleSetProblemSchema';

export interface ProofJob {
  text: string;
}

export type ProofReply =
  | { t: 'ready' }
  | { t: 'progress'; done: number; total: number; ruleId: string }
  | { t: 'done'; result: { ok: true; set: unknown } | { ok: false; problems: RuleSetProblem[] } };

const clip = (s: string, n = 2000) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Long details (a zod message quoting the file) are shortened to what the contract carries. */
function clipped(problem: RuleSetProblem): RuleSetProblem {
  if (problem.kind === 'shape') return { ...problem, path: clip(problem.path), detail: clip(problem.detail) };
  if (problem.kind === 'badPattern' || problem.kind === 'unsafePattern') return { ...problem, detail: clip(problem.detail) };
  if (problem.kind === 'examplesFail') return { ...problem, failures: problem.failures.slice(0, 200).map((f) => (f.kind === 'flaggedPass' ? { ...f, found: f.found.slice(0, 200).map((x) => clip(x)) } : f)) };
  return problem;
}

const port = parentPort;
if (port) {
  // The shipped sets' patterns are proven by their own tests: a file built from them proves only what changed.
  const defaults = defaultRuleSets();
  trustProvenPatterns([...defaults.ko.rules, ...defaults.en.rules].map((r) => r.check));
  port.on('message', ({ text }: ProofJob) => {
    let last = 0;
    const result = importRuleSetText(text, (done, total, ruleId) => {
      // A post per rule is cheap next to its proof, but a set of 2,000 fast rules needs no 2,000 posts.
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      port.postMessage({ t: 'progress', done, total, ruleId } satisfies ProofReply);
    });
    const reply: ProofReply = result.ok ? { t: 'done', result } : { t: 'done', result: { ok: false, problems: result.problems.slice(0, MAX_PROBLEMS).map(clipped) } };
    port.postMessage(reply);
  });
  port.postMessage({ t: 'ready' } satisfies ProofReply);
}
