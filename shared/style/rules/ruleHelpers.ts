// Shorthand for writing the default rule sets: most rules swap a wrong form for a right one, and
// their message says just that. The result is plain rule data (RuleInput), validated like any file.
import type { RuleCategory, RuleInput } from '../ruleSchema';

export type Message = { ko: string; en: string };

/**
 * [id, pattern, replace, wrong, right, flags, passes]. By convention passes[0] is flags[0] written
 * right, so the rule's fix is tested against it.
 */
export type SwapRow = [id: string, pattern: string, replace: string, wrong: string, right: string, flags: string[], passes: string[]];

const swapMessage: Partial<Record<RuleCategory, (wrong: string, right: string) => Message>> = {
  loanword: (wrong, right) => ({ ko: `외래어 표기: ‘${right}’(‘${wrong}’ 아님)`, en: `Loanword spelling: ${right}, not ${wrong}` }),
  spelling: (wrong, right) => ({ ko: `맞춤법: ‘${right}’(‘${wrong}’ 아님)`, en: `Spelling: ${right}, not ${wrong}` }),
  spacing: (wrong, right) => ({ ko: `띄어쓰기: ‘${right}’(‘${wrong}’ 아님)`, en: `Spacing: ${right}, not ${wrong}` }),
};

export function swapRules(category: RuleCategory, prefix: string, rows: SwapRow[]): RuleInput[] {
  const message = swapMessage[category];
  if (!message) throw new Error(`no swap message for ${category}`);
  return rows.map(([id, pattern, replace, wrong, right, flags, passes]) => ({
    id: `${prefix}-${id}`,
    category,
    check: { pattern, flags: 'u', replace },
    message: message(wrong, right),
    flags,
    passes,
    fixes: [[flags[0], passes[0]]],
  }));
}

/** A rule written out in full; `fixes` pairs default to none. */
export function rule(r: RuleInput): RuleInput {
  return r;
}
