// Importing a rule set file: the shape (ruleSchema), then every pattern's safety (safePattern), then
// every rule's own examples (runRules). Nothing is half-imported: either the whole set is returned,
// or every problem found, each naming its rule, so the admin can fix the file in one pass.
import { RuleSetSchema, type RuleSet } from './ruleSchema';
import { checkPattern, type PatternRefusalKind } from './safePattern';
import { checkRuleExamples, type ExampleFailure } from './runRules';

export type RuleSetProblem =
  | { kind: 'shape'; path: string; detail: string }
  | { kind: 'duplicateId'; ruleId: string }
  | { kind: 'badPattern'; ruleId: string; detail: string }
  | { kind: 'unsafePattern'; ruleId: string; refusal: PatternRefusalKind; detail: string }
  | { kind: 'examplesFail'; ruleId: string; failures: ExampleFailure[] };

export type ImportResult = { ok: true; set: RuleSet } | { ok: false; problems: RuleSetProblem[] };

/** Told after each rule is proven: how many of how many, and the rule's id (a worker posts it on as progress). */
export type ImportProgress = (done: number, total: number, ruleId: string) => void;

/** Validates a parsed rule set file (JSON.parse output or a module's data). */
export function importRuleSet(input: unknown, onProgress?: ImportProgress): ImportResult {
  const parsed = RuleSetSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): RuleSetProblem => {
      const params = (issue as { params?: { kind?: string; ruleId?: string; detail?: string } }).params;
      if (params?.kind === 'duplicateId' && params.ruleId) return { kind: 'duplicateId', ruleId: params.ruleId };
      if (params?.kind === 'badPattern' && params.ruleId) return { kind: 'badPattern', ruleId: params.ruleId, detail: params.detail ?? '' };
      return { kind: 'shape', path: issue.path.join('.'), detail: issue.message };
    });
    return { ok: false, problems };
  }
  const set = parsed.data;
  const problems: RuleSetProblem[] = [];
  set.rules.forEach((rule, index) => {
    const verdict = checkPattern(rule.check.pattern, rule.check.flags);
    if (!verdict.safe) {
      problems.push({ kind: 'unsafePattern', ruleId: rule.id, refusal: verdict.kind, detail: verdict.detail });
    } else {
      // (only a safe pattern's examples run: the others would run the very pattern we refuse to run)
      const failures = checkRuleExamples(rule);
      if (failures.length > 0) problems.push({ kind: 'examplesFail', ruleId: rule.id, failures });
    }
    onProgress?.(index + 1, set.rules.length, rule.id);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, set };
}

/** Reads a rule set file's text; a file that is not JSON is one `shape` problem, not an exception. */
export function importRuleSetText(text: string, onProgress?: ImportProgress): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ kind: 'shape', path: '', detail: error instanceof Error ? error.message : String(error) }] };
  }
  return importRuleSet(data, onProgress);
}
