// A rule set is data an admin can import, and its patterns run on every paragraph as the desk
// types: a pattern that can backtrack catastrophically would freeze the checker. redos-detector
// scores how many ways one input can match; we refuse anything above a small score, and anything it
// cannot prove within a fixed number of steps (a step budget, not a clock, so the verdict is the
// same on a fast laptop and a loaded CI machine).
import { isSafePattern } from 'redos-detector';
import { patternProblem } from './ruleSchema';

export const SAFETY_LIMITS = { maxScore: 200, maxSteps: 20000 } as const;
/**
 * Steps are not equally costly: a few patterns the budget would refuse take many seconds to get
 * there. This clock only caps that; every default rule is proven in about a second or less, far
 * inside it even on a loaded machine, so the verdict on a good pattern does not depend on the machine.
 */
const BACKSTOP_MS = 15000;

export type PatternRefusalKind = 'invalid' | 'emptyMatch' | 'backtracking' | 'tooComplex';
export type PatternVerdict = { safe: true } | { safe: false; kind: PatternRefusalKind; detail: string };

/**
 * Verdicts by pattern: proving a pattern can take a second, and re-importing a set after editing one
 * rule should not prove the other 250 again. Bounded so a stream of imports cannot grow it forever.
 */
const verdicts = new Map<string, PatternVerdict>();
const MAX_REMEMBERED = 5000;

/** Whether `pattern` (with `flags`, 'u' or 'iu') may run as a house-style check, and if not, why. */
export function checkPattern(pattern: string, flags: string): PatternVerdict {
  const key = `${flags}/${pattern}`;
  const known = verdicts.get(key);
  if (known) return known;
  const verdict = provePattern(pattern, flags);
  if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/**
 * Patterns proven safe already, by the tests that prove every default rule (defaultRules.test.ts):
 * a file exported from the defaults and imported back with a few rules changed proves only those.
 */
export function trustProvenPatterns(checks: Iterable<{ pattern: string; flags: string }>): void {
  for (const { pattern, flags } of checks) {
    if (verdicts.size >= MAX_REMEMBERED) return;
    verdicts.set(`${flags}/${pattern}`, { safe: true });
  }
}

function provePattern(pattern: string, flags: string): PatternVerdict {
  const problem = patternProblem(pattern, flags);
  if (problem) return { safe: false, kind: problem === 'matches empty text' ? 'emptyMatch' : 'invalid', detail: problem };
  const ignoreCase = flags.includes('i');
  let result: ReturnType<typeof isSafePattern>;
  try {
    // redos-detector cannot combine case-insensitive and unicode modes; case folding is what can add
    // ambiguity ([a-z]|K), so case-insensitive patterns are judged without unicode mode.
    result = isSafePattern(pattern, { ...SAFETY_LIMITS, timeout: BACKSTOP_MS, caseInsensitive: ignoreCase, unicode: !ignoreCase });
  } catch (error) {
    return { safe: false, kind: 'tooComplex', detail: error instanceof Error ? error.message : String(error) };
  }
  if (result.safe) return { safe: true };
  if (result.error === 'hitMaxSteps' || result.error === 'timedOut') return { safe: false, kind: 'tooComplex', detail: result.error };
  return { safe: false, kind: 'backtracking', detail: describeTrail(result.trails) };
}

/** The first two parts of the pattern that can match the same text, e.g. "`a+` / `a+`". */
function describeTrail(trails: ReturnType<typeof isSafePattern>['trails']): string {
  const entry = trails[0]?.trail[0];
  if (!entry) return 'the same text can match in too many ways';
  return `\`${entry.a.node.source}\` / \`${entry.b.node.source}\``;
}
