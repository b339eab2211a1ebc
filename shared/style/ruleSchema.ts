// A house-style rule set as a file an admin can import and export (issue 19): every rule carries its
// own check, message, optional fix and the examples it must and must not flag, so the data tests
// itself. The shape is checked here; whether a pattern is safe to run lives in safePattern.ts.
import { z } from 'zod';

export const RULE_SET_VERSION = 1;

export const RuleCategorySchema = z.enum(['spacing', 'spelling', 'loanword', 'punctuation', 'numbers', 'dates', 'byline', 'style']);
export type RuleCategory = z.infer<typeof RuleCategorySchema>;

/** Kebab-case, so an id reads the same in a file, a URL and a CLI line. */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The check: a JavaScript regular expression source. Unicode mode is always on (Hangul, emoji);
 * `i` is the only optional flag. `g`, `y`, `m`, `s`, `d` are the runner's business, not a rule's.
 * `replace` is the suggested fix for the matched text: `$1`…`$9` for groups, `$&` for the match,
 * `$$` for a dollar sign.
 */
export const RuleCheckSchema = z.object({
  pattern: z.string().min(1).max(500),
  flags: z.enum(['u', 'iu']).default('u'),
  replace: z.string().max(200).optional(),
});

export const RuleMessageSchema = z.object({ ko: z.string().min(1).max(400), en: z.string().min(1).max(400) });

const Example = z.string().min(1).max(1000);

export const RuleSchema = z.object({
  id: z.string().max(80).regex(RULE_ID, 'kebab-case: lowercase letters and digits joined by single hyphens'),
  category: RuleCategorySchema,
  check: RuleCheckSchema,
  message: RuleMessageSchema,
  /** Text the rule must flag. */
  flags: z.array(Example).min(1).max(50),
  /** Text the rule must leave alone: the right form and its near misses. */
  passes: z.array(Example).min(1).max(50),
  /** [before, after]: applying every suggested fix of this rule to `before` gives `after`. */
  fixes: z.array(z.tuple([Example, Example])).max(50).optional(),
});
export type Rule = z.infer<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;

/** Why a regex source cannot be a check, or null: it must compile and must not match empty text. */
export function patternProblem(pattern: string, flags: string): string | null {
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  // A check that can match nothing would report a zero-length finding at every position.
  if (re.test('')) return 'matches empty text';
  return null;
}

export const RuleSetSchema = z
  .object({
    version: z.literal(RULE_SET_VERSION),
    outlet: z.string().min(1).max(200).optional(),
    language: z.enum(['ko', 'en']),
    rules: z.array(RuleSchema).max(2000),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id: ${rule.id}`, params: { kind: 'duplicateId', ruleId: rule.id } });
      seen.add(rule.id);
      const problem = patternProblem(rule.check.pattern, rule.check.flags);
      if (problem) ctx.addIssue({ code: 'custom', path: ['rules', index, 'check', 'pattern'], message: `invalid pattern in ${rule.id}: ${problem}`, params: { kind: 'badPattern', ruleId: rule.id, detail: problem } });
    });
  });
export type RuleSet = z.infer<typeof RuleSetSchema>;
export type RuleSetInput = z.input<typeof RuleSetSchema>;
