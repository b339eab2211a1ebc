// Spelling as one more source of findings for checkArticle: the article's language picks the
// speller, each part is checked as its own paragraph, and a finding carries Hunspell's first
// suggestion as its fix. No speller for the language: the checker says it did not run (null).
import type { Language } from '../model/article';
import type { Checker } from '../style/checkArticle';
import type { Speller } from './hunspellChecker';
import { spellingMessage } from './spellingText';

/** The rule id of every spelling finding (house-style rules have ids of their own). */
export const SPELLING_RULE_ID = 'spelling';

export function spellingChecker(spellers: Partial<Record<Language, Speller>>): Checker {
  return {
    name: 'spelling',
    check(parts, language) {
      const speller = spellers[language];
      if (!speller) return null;
      return parts.flatMap(({ part, paragraph, text }) =>
        speller.check(text).map((f) => {
          const [first] = f.suggestions;
          return { ruleId: SPELLING_RULE_ID, part, paragraph, offset: f.offset, length: f.length, text: f.text, ...(first !== undefined ? { fix: first } : {}), message: spellingMessage(f.text, first) };
        }),
      );
    },
  };
}
