// The runner: offsets in UTF-16 units as the editor counts them, per paragraph, fixes applied.
import { describe, expect, it } from 'vitest';
import { RuleSetSchema } from './ruleSchema';
import { applyFixes, checkRuleExamples, expandTemplate, runRule, runRules, runRulesOnParagraph } from './runRules';
import { defaultKoRuleSet } from './rules/defaultKo';
import { defaultEnRuleSet } from './rules/defaultEn';

const set = RuleSetSchema.parse({
  version: 1,
  language: 'ko',
  rules: [
    { id: 'message', category: 'loanword', check: { pattern: '메세지', replace: '메시지' }, message: { ko: '메시지', en: 'message' }, flags: ['메세지'], passes: ['메시지'] },
    { id: 'man-won', category: 'numbers', check: { pattern: '(\\d{1,4})만 원', replace: '$1만원' }, message: { ko: '만원', en: 'man-won' }, flags: ['5만 원'], passes: ['5만원'] },
    { id: 'quote', category: 'punctuation', check: { pattern: '(?<=^|\\s)"(?=\\S)' }, message: { ko: '따옴표', en: 'quote' }, flags: ['"a'], passes: ['“a'] },
  ],
});
const [message, manWon] = set.rules;

describe('runRules', () => {
  it('gives offsets in UTF-16 units, emoji and surrogate pairs before the finding included', () => {
    const text = '🎉😀 행사에서 메세지를 전했다. 𠀀 메세지';
    const findings = runRule(message, text);
    expect(findings.map((f) => f.offset)).toEqual([10, 23]);
    for (const f of findings) expect(text.slice(f.offset, f.offset + f.length)).toBe('메세지');
    expect(findings[0]).toMatchObject({ ruleId: 'message', paragraph: 0, length: 3, text: '메세지', fix: '메시지', message: { ko: '메시지', en: 'message' } });
  });

  it('numbers findings by paragraph, and one paragraph re-run gives the same findings as the whole story', () => {
    const paragraphs = ['첫 문단', '회비는 5만 원이다.', '"안녕" 메세지'];
    const all = runRules(set, paragraphs);
    expect(all.map((f) => [f.paragraph, f.ruleId, f.offset])).toEqual([
      [1, 'man-won', 4],
      [2, 'quote', 0],
      [2, 'message', 5],
    ]);
    expect(runRulesOnParagraph(set, paragraphs[2], 2)).toEqual(all.filter((f) => f.paragraph === 2));
  });

  it('fills the fix template from the match', () => {
    expect(runRule(manWon, '회비 12만 원')[0].fix).toBe('12만원');
    const m = /(a)(b)/.exec('ab')!;
    expect(expandTemplate('$2$1 $& $$1 $3 $10', m)).toBe('ba ab $1 $3 a0');
  });

  it('a rule with no replacement points without a fix', () => {
    const [f] = runRule(set.rules[2], '그는 "좋다');
    expect(f.fix).toBeUndefined();
    expect(applyFixes('그는 "좋다', [f])).toBe('그는 "좋다');
  });

  it('applies fixes in one pass, keeping the earlier of two overlapping findings', () => {
    const text = '메세지와 5만 원, 메세지';
    expect(applyFixes(text, runRulesOnParagraph(set, text))).toBe('메시지와 5만원, 메시지');
    const overlap = [
      { ruleId: 'a', paragraph: 0, offset: 0, length: 3, text: 'abc', fix: 'X', message: { ko: '', en: '' } },
      { ruleId: 'b', paragraph: 0, offset: 2, length: 2, text: 'cd', fix: 'Y', message: { ko: '', en: '' } },
    ];
    expect(applyFixes('abcde', overlap)).toBe('Xde');
  });

  it('is fast on a long paragraph: a 20,000-character paragraph through the rules stays linear', () => {
    const long = '가나다 메세지 5만 원 "인용" '.repeat(1000);
    const findings = runRulesOnParagraph(set, long);
    expect(findings.filter((f) => f.ruleId === 'message')).toHaveLength(1000);
  });

  it('checkRuleExamples reports nothing for a rule whose examples hold', () => {
    expect(checkRuleExamples(message)).toEqual([]);
  });

  it('runs the default sets over long adversarial paragraphs (near misses repeated thousands of times) to the end', () => {
    // No clock here: a pattern that backtracked badly would hold this test past its timeout.
    const sets = [RuleSetSchema.parse(defaultKoRuleSet), RuleSetSchema.parse(defaultEnRuleSet)];
    const near = ['1만 ', '"', ' ', 'ㆍ가', '가나다라마', '12,345,', '오후 1', '[한빛 홍길동', 'Jan ', '3 p', "a'"];
    for (const piece of near) {
      const paragraph = piece.repeat(Math.ceil(20000 / piece.length));
      for (const s of sets) {
        for (const f of runRulesOnParagraph(s, paragraph)) expect(paragraph.slice(f.offset, f.offset + f.length)).toBe(f.text);
      }
    }
    const messages = '메세지 '.repeat(5000);
    expect(runRulesOnParagraph(sets[0], messages).filter((f) => f.ruleId === 'loanword-message')).toHaveLength(5000);
  });
});
