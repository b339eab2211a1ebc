// Every default rule's own examples run as one test each, generated from the data; and every
// pattern passes the import's safety check, so the defaults could be exported and imported back.
import { describe, expect, it } from 'vitest';
import { RuleSetSchema, type RuleSet } from './ruleSchema';
import { checkRuleExamples } from './runRules';
import { checkPattern } from './safePattern';
import { defaultKoRuleSet } from './rules/defaultKo';
import { defaultEnRuleSet } from './rules/defaultEn';

const sets: Array<[string, RuleSet, number]> = [
  ['ko', RuleSetSchema.parse(defaultKoRuleSet), 100],
  ['en', RuleSetSchema.parse(defaultEnRuleSet), 25],
];

for (const [language, set, minimum] of sets) {
  describe(`default ${language} rule set`, () => {
    it(`has at least ${minimum} rules, each with examples both ways`, () => {
      expect(set.rules.length).toBeGreaterThanOrEqual(minimum);
      for (const rule of set.rules) {
        expect(rule.flags.length, rule.id).toBeGreaterThanOrEqual(2);
        expect(rule.passes.length, rule.id).toBeGreaterThanOrEqual(2);
      }
    });
    for (const rule of set.rules) {
      it(`${rule.id}: its examples flag, pass and fix as written, and its pattern is safe`, () => {
        expect(checkRuleExamples(rule)).toEqual([]);
        expect(checkPattern(rule.check.pattern, rule.check.flags)).toEqual({ safe: true });
      });
    }
  });
}
