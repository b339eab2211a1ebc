// Runs a validated rule set over paragraphs. Paragraph by paragraph, so the caller (a worker, the
// CLI) re-runs only the paragraph that changed; pure, so the same text always gives the same findings.
// Offsets and lengths are UTF-16 code units, the unit of JavaScript strings and of the editor.
import type { Rule, RuleSet } from './ruleSchema';

export type Finding = {
  ruleId: string;
  paragraph: number;
  offset: number;
  length: number;
  text: string;
  /** The matched text as the rule would write it; absent when the rule only points. */
  fix?: string;
  message: Rule['message'];
};

const compiled = new WeakMap<Rule, RegExp>();

function regexOf(rule: Rule): RegExp {
  let re = compiled.get(rule);
  if (!re) {
    re = new RegExp(rule.check.pattern, `${rule.check.flags}g`);
    compiled.set(rule, re);
  }
  return re;
}

/** `$1`…`$99`, `$&` and `$$` in a fix template, filled from one match (a missing group is empty). */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|&|\d\d?)/g, (whole, token: string) => {
    if (token === '$') return '$';
    if (token === '&') return match[0];
    // `$12` means group 12 only when there are 12 groups; otherwise group 1 followed by "2".
    const two = Number(token);
    if (token.length === 2 && two < match.length) return match[two] ?? '';
    const one = Number(token[0]);
    if (one >= 1 && one < match.length) return (match[one] ?? '') + token.slice(1);
    return whole;
  });
}

/** One rule over one paragraph. */
export function runRule(rule: Rule, text: string, paragraph = 0): Finding[] {
  const re = regexOf(rule);
  re.lastIndex = 0;
  const findings: Finding[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Schema and import refuse patterns that match empty text; this only guards against a loop.
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const finding: Finding = { ruleId: rule.id, paragraph, offset: m.index, length: m[0].length, text: m[0], message: rule.message };
    if (rule.check.replace !== undefined) finding.fix = expandTemplate(rule.check.replace, m);
    findings.push(finding);
  }
  return findings;
}

/** Every rule over one paragraph, in text order. */
export function runRulesOnParagraph(set: Pick<RuleSet, 'rules'>, text: string, paragraph = 0): Finding[] {
  const findings = set.rules.flatMap((rule) => runRule(rule, text, paragraph));
  return findings.sort((a, b) => a.offset - b.offset || a.length - b.length || a.ruleId.localeCompare(b.ruleId));
}

/** Every rule over every paragraph; `paragraph` in a finding is the index in `paragraphs`. */
export function runRules(set: Pick<RuleSet, 'rules'>, paragraphs: readonly string[]): Finding[] {
  return paragraphs.flatMap((text, index) => runRulesOnParagraph(set, text, index));
}

/**
 * `text` with the fixes of these findings applied (they must come from this one paragraph). When two
 * findings overlap, the one that starts first wins and the other is left for the next check.
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixable = findings.filter((f) => f.fix !== undefined).sort((a, b) => a.offset - b.offset || b.length - a.length);
  let out = '';
  let at = 0;
  for (const f of fixable) {
    if (f.offset < at) continue;
    out += text.slice(at, f.offset) + f.fix;
    at = f.offset + f.length;
  }
  return out + text.slice(at);
}

export type ExampleFailure =
  | { kind: 'notFlagged'; example: string }
  | { kind: 'flaggedPass'; example: string; found: string[] }
  | { kind: 'wrongFix'; example: string; expected: string; got: string };

/** Runs a rule's own examples: each `flags` text must be flagged, no `passes` text may be, each fix must give its `after`. */
export function checkRuleExamples(rule: Rule): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const example of rule.flags) if (runRule(rule, example).length === 0) failures.push({ kind: 'notFlagged', example });
  for (const example of rule.passes) {
    const found = runRule(rule, example);
    if (found.length > 0) failures.push({ kind: 'flaggedPass', example, found: found.map((f) => f.text) });
  }
  for (const [before, after] of rule.fixes ?? []) {
    const got = applyFixes(before, runRule(rule, before));
    if (got !== after) failures.push({ kind: 'wrongFix', example: before, expected: after, got });
  }
  return failures;
}
