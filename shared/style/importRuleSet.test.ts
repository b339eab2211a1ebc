// Importing a rule set file: a good file comes back whole; a bad one is refused with every problem
// named by rule, in Korean and English, and nothing of it is kept.
import { describe, expect, it } from 'vitest';
import { importRuleSet, importRuleSetText, type RuleSetProblem } from './importRuleSet';
import type { RuleInput } from './ruleSchema';
import { checkPattern } from './safePattern';
import { ruleSetProblemText } from './styleText';
import { defaultEnRuleSet } from './rules/defaultEn';

const good: RuleInput = {
  id: 'loanword-message',
  category: 'loanword',
  check: { pattern: '메세지', flags: 'u', replace: '메시지' },
  message: { ko: '‘메시지’로 씁니다.', en: 'Write 메시지.' },
  flags: ['신년 메세지'],
  passes: ['신년 메시지'],
  fixes: [['신년 메세지', '신년 메시지']],
};

const setOf = (...rules: unknown[]) => ({ version: 1, language: 'ko', rules });

function problemsOf(input: unknown): RuleSetProblem[] {
  const result = importRuleSet(input);
  if (result.ok) throw new Error('expected the set to be refused');
  return result.problems;
}

describe('importRuleSet', () => {
  it('accepts a good set, filling the default flags', () => {
    const result = importRuleSet(setOf({ ...good, check: { pattern: '메세지', replace: '메시지' } }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.set.rules[0].check.flags).toBe('u');
  });

  it('refuses duplicate ids, naming the rule', () => {
    const problems = problemsOf(setOf(good, { ...good, check: { pattern: '컨퍼런스', flags: 'u' } }));
    expect(problems).toEqual([{ kind: 'duplicateId', ruleId: 'loanword-message' }]);
    expect(ruleSetProblemText(problems[0], 'ko')).toContain('loanword-message');
    expect(ruleSetProblemText(problems[0], 'en')).toContain('appears more than once');
  });

  it('refuses a pattern that does not compile, and one that matches empty text', () => {
    const problems = problemsOf(setOf({ ...good, id: 'broken', check: { pattern: '(메세지', flags: 'u' } }, { ...good, id: 'empty', check: { pattern: 'a*', flags: 'u' } }));
    expect(problems.map((p) => [p.kind, 'ruleId' in p ? p.ruleId : ''])).toEqual([
      ['badPattern', 'broken'],
      ['badPattern', 'empty'],
    ]);
    expect(ruleSetProblemText(problems[0], 'en')).toMatch(/Rule "broken": its pattern is not a valid regular expression \(.*Unterminated group/);
  });

  it('refuses a pattern prone to catastrophic backtracking, with the reason and what to do', () => {
    const problems = problemsOf(setOf({ ...good, id: 'nested-repeat', check: { pattern: '(a+)+$', flags: 'u' }, flags: ['aaa'], passes: ['b'], fixes: [] }));
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ kind: 'unsafePattern', ruleId: 'nested-repeat', refusal: 'backtracking' });
    const en = ruleSetProblemText(problem, 'en');
    const ko = ruleSetProblemText(problem, 'ko');
    expect(en).toContain('Rule "nested-repeat" was refused');
    expect(en).toContain('{1,20}');
    expect(ko).toContain('규칙 “nested-repeat”을(를) 받지 않았습니다');
    expect(ko).toContain('{1,20}');
  });

  it('refuses a case-insensitive pattern that backtracks', () => {
    const problems = problemsOf({ ...setOf({ ...good, id: 'ci', check: { pattern: '(a+)+$', flags: 'iu' }, flags: ['aaa'], passes: ['b'], fixes: [] }), language: 'en' });
    expect(problems[0]).toMatchObject({ kind: 'unsafePattern', ruleId: 'ci' });
  });

  it('refuses a rule whose own examples fail, saying which', () => {
    const problems = problemsOf(setOf({ ...good, flags: ['신년 메시지'], passes: ['메세지'], fixes: [['메세지', '메세지']] }));
    expect(problems).toEqual([
      {
        kind: 'examplesFail',
        ruleId: 'loanword-message',
        failures: [
          { kind: 'notFlagged', example: '신년 메시지' },
          { kind: 'flaggedPass', example: '메세지', found: ['메세지'] },
          { kind: 'wrongFix', example: '메세지', expected: '메세지', got: '메시지' },
        ],
      },
    ]);
    expect(ruleSetProblemText(problems[0], 'en')).toContain('"신년 메시지" should be flagged but is not');
    expect(ruleSetProblemText(problems[0], 'ko')).toContain('“메세지”은(는) 통과해야 하는데');
  });

  it('refuses ids that are not kebab-case, unknown flags and a wrong version as shape problems', () => {
    const problems = problemsOf({ version: 2, language: 'ko', rules: [{ ...good, id: 'Bad_Id' }, { ...good, id: 'global', check: { pattern: 'x', flags: 'gu' } }] });
    const paths = problems.map((p) => (p.kind === 'shape' ? p.path : p.kind));
    expect(paths).toEqual(expect.arrayContaining(['version', 'rules.0.id', 'rules.1.check.flags']));
    expect(ruleSetProblemText(problems[0], 'ko')).toContain('규칙 파일의 형식이 맞지 않습니다');
  });

  it('reads a file: text that is not JSON is a problem, not an exception', () => {
    const result = importRuleSetText('{ "version": 1,');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].kind).toBe('shape');
  });

  it('gives the same verdict for a pattern the second time (remembered, not re-proven)', () => {
    const first = checkPattern('(b+)+$', 'u');
    expect(first).toMatchObject({ safe: false, kind: 'backtracking' });
    expect(checkPattern('(b+)+$', 'u')).toBe(first);
    expect(checkPattern('(b+)+$', 'iu')).not.toBe(first);
  });

  it('takes back an exported default set unchanged', () => {
    const result = importRuleSetText(JSON.stringify(defaultEnRuleSet));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.set.rules.map((r) => r.id)).toEqual(defaultEnRuleSet.rules.map((r) => r.id));
  });
});
