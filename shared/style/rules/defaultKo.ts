// The default Korean newspaper rule set. Precision over recall: a rule is here only when what it
// flags is wrong wherever it appears, or its pattern requires the context that makes it wrong.
//
// House style (what the rules enforce, and what the clean corpus under ../corpus/ko follows):
// - Amounts: digits with 만·억·조 and no spaces inside a number: 1만5000원, 3조2000억원, 2500만원
//   (not 1만 5000원, 15,000원 or 2천500만원). Figures below 1만 may take commas: 3,000원.
// - Units attached to the number: 5000만원, 10억달러, 3.5%, 2%포인트 (not %p), and the unit
//   symbols ㎞ ㎏ ㎝ ㎜ ㎡ ㎢ (10㎞, not 10km or 10 ㎞). m stays m (100m).
// - Times: 12-hour clock with 오전/오후 and a space (오후 3시 30분); noon is 낮 12시, midnight 0시.
//   Dates: 2026년 12월 7일, spaced.
// - Quotes: curly “ ” for speech, ‘ ’ for terms and titles; the ellipsis …; ranges with ~.
// - 가운뎃점: · (U+00B7) in running text (한·미, 부장·차장); ㆍ only between reporters' names in a
//   byline, which is what the app's byline templates write ([한빛경제=산업부 김하늘ㆍ박도윤 기자]).
// - Bylines: name, space, role (홍길동 기자); wire leads (서울=연합뉴스) 홍길동 기자 =.
// - Spelling and loanwords: 한글 맞춤법 and 외래어 표기법 of the National Institute of Korean Language.
import type { RuleSetInput } from '../ruleSchema';
import { koBylineRules } from './koBylines';
import { koDateRules } from './koDates';
import { koLoanwordRules } from './koLoanwords';
import { koNumberRules } from './koNumbers';
import { koPunctuationRules } from './koPunctuation';
import { koSpacingRules } from './koSpacing';
import { koSpellingRules } from './koSpelling';

export const defaultKoRuleSet: RuleSetInput = {
  version: 1,
  language: 'ko',
  rules: [...koSpellingRules, ...koSpacingRules, ...koNumberRules, ...koDateRules, ...koPunctuationRules, ...koBylineRules, ...koLoanwordRules],
};
