// The default English rule set. House style (AP-based; what the clean corpus under ../corpus/en
// follows):
// - Numbers: one to nine spelled out in running text when they count things (three people); figures
//   for ages, money, percentages, dates, times and measurements; % with figures (3.5%, AP since
//   2019); 1 million, not 1,000,000.
// - Times: 3 p.m., 9:30 a.m. (lowercase with periods, no :00).
// - Dates: Jan., Feb., Aug., Sept., Oct., Nov., Dec. with a day (Dec. 7); months alone or with a
//   year only are spelled out (December 2026); no ordinal suffixes on dates (Dec. 7, not Dec. 7th).
// - Words: toward, afterward, backward, among, while, OK, email, website, internet (lowercase),
//   canceled, judgment, adviser, all right.
// - Curly quotes “ ” ‘ ’ and a curly apostrophe ’.
import type { RuleInput, RuleSetInput } from '../ruleSchema';
import { swapRules, type SwapRow } from './ruleHelpers';

const words: SwapRow[] = [
  ['toward', '\\b([Tt])owards\\b', '$1oward', 'towards', 'toward', ['They walked towards the port.', 'Towards evening it rained.'], ['They walked toward the port.', 'Toward evening it rained.']],
  ['afterward', '\\b([Aa])fterwards\\b', '$1fterward', 'afterwards', 'afterward', ['She left shortly afterwards.', 'Afterwards, he called.'], ['She left shortly afterward.', 'Afterward, he called.']],
  ['backward', '\\b([Bb])ackwards\\b', '$1ackward', 'backwards', 'backward', ['The plan is a step backwards.', 'Backwards and forwards'], ['The plan is a step backward.', 'Backward and forwards']],
  ['among', '\\b([Aa])mongst\\b', '$1mong', 'amongst', 'among', ['It is popular amongst voters.', 'Amongst them was the mayor.'], ['It is popular among voters.', 'Among them was the mayor.']],
  ['while', '\\b([Ww])hilst\\b', '$1hile', 'whilst', 'while', ['Prices fell whilst wages rose.', 'Whilst in office, she'], ['Prices fell while wages rose.', 'While in office, she']],
  ['ok', '\\b(?:[Oo]kay|O\\.K\\.)(?![A-Za-z])', 'OK', 'okay', 'OK', ['The minister said it was okay.', 'O.K. then'], ['The minister said it was OK.', 'OK then']],
  ['email', '\\b([Ee])-mail', '$1mail', 'e-mail', 'email', ['She sent an e-mail to staff.', 'E-mail addresses'], ['She sent an email to staff.', 'Email addresses']],
  ['website', '\\b([Ww])eb site', '$1ebsite', 'web site', 'website', ['The web site crashed.', 'Web site traffic'], ['The website crashed.', 'Website traffic']],
  // Internet followed by a capitalized word is a name (Internet Explorer, Internet Archive).
  ['internet', '(?<=[a-z,] )Internet\\b(?! [A-Z])', 'internet', 'Internet', 'internet', ['Access to the Internet is slow.', 'on the Internet, users'], ['Access to the internet is slow.', 'on the internet, users', 'Internet access is slow.', 'the old Internet Explorer browser']],
  ['canceled', '\\b([Cc])ancell(ed|ing)\\b', '$1ancel$2', 'cancelled', 'canceled', ['The match was cancelled.', 'Cancelling the order'], ['The match was canceled.', 'Canceling the order', 'The cancellation fee']],
  ['judgment', '\\b([Jj])udgement', '$1udgment', 'judgement', 'judgment', ['The court issued its judgement.', 'Judgements vary.'], ['The court issued its judgment.', 'Judgments vary.']],
  ['adviser', '\\b([Aa])dvisor(s?)\\b', '$1dviser$2', 'advisor', 'adviser', ['A senior advisor resigned.', 'Advisors met.'], ['A senior adviser resigned.', 'Advisers met.', 'advisory board']],
  ['all-right', '\\b([Aa])lright\\b', '$1ll right', 'alright', 'all right', ['Everything is alright.', 'Alright, he said.'], ['Everything is all right.', 'All right, he said.']],
  ['per-cent', '\\b(\\d) ?per ?cent\\b', '$1%', '5 per cent', '5%', ['Prices rose 5 per cent.', 'a 3 percent rise'], ['Prices rose 5%.', 'a 3% rise', 'a large percentage']],
  ['percent-space', '(?<=\\d) {1,3}%', '%', '5 %', '5%', ['Prices rose 5 %.', 'up 3.5  %'], ['Prices rose 5%.', 'up 3.5%']],
  ['million-figures', '(?<![\\d,])(\\d{1,3}),000,000\\b(?!,)', '$1 million', '1,000,000', '1 million', ['It cost 3,000,000 won.', 'about 25,000,000 people'], ['It cost 3 million won.', 'about 25 million people', '1,000,000,000']],
  ['dollars-redundant', '\\$(\\d{1,4}(?:\\.\\d{1,2})?) (million|billion) dollars\\b', '$$$1 $2', '$5 million dollars', '$5 million', ['a $5 million dollars deal', '$1.2 billion dollars'], ['a $5 million deal', '$1.2 billion']],
  ['decade-apostrophe', '\\b(\\d{4})\'s\\b', '$1s', "1990's", '1990s', ["in the 1990's", "the 2010's boom"], ['in the 1990s', 'the 2010s boom']],
  ['sept', '\\bSep\\.(?= \\d)', 'Sept.', 'Sep.', 'Sept.', ['on Sep. 4', 'Sep. 30 deadline'], ['on Sept. 4', 'Sept. 30 deadline']],
  ['in-order-to', '\\bin order to\\b', 'to', 'in order to', 'to', ['They met in order to agree.', 'cut costs in order to survive'], ['They met to agree.', 'cut costs to survive']],
  ['firstly', '\\b([Ff])irstly\\b', '$1irst', 'firstly', 'first', ['Firstly, the budget.', 'and firstly'], ['First, the budget.', 'and first']],
  ['a-lot', '\\b([Aa])lot\\b', '$1 lot', 'alot', 'a lot', ['It costs alot.', 'Alot of people'], ['It costs a lot.', 'A lot of people', 'allotment']],
  ['could-have', '\\b(could|would|should|must|might) of (?=been|had|gone|done|seen|known|made|taken)', '$1 have ', 'could of', 'could have', ['They could of been there.', 'it must of taken hours'], ['They could have been there.', 'it must have taken hours', 'would of course']],
  ['regardless', '\\birregardless\\b', 'regardless', 'irregardless', 'regardless', ['irregardless of cost', 'It went ahead irregardless.'], ['regardless of cost', 'It went ahead regardless.']],
  ['double-space', '(?<=[.!?,]) {2,3}(?=[A-Za-z])', ' ', 'two spaces', 'one space', ['It rained.  Then it stopped.', 'Yes,  he said.'], ['It rained. Then it stopped.', 'Yes, he said.']],
];
const message = (en: string, ko: string) => ({ en, ko });

const clock = (id: string, pattern: string, replace: string, meridiem: 'a.m.' | 'p.m.', flags: string[], passes: string[]): RuleInput => ({
  id,
  category: 'dates',
  check: { pattern, flags: 'u', replace },
  message: message(`Write times as 3 ${meridiem} or 9:30 ${meridiem}: lowercase with periods.`, `시각은 3 ${meridiem}, 9:30 ${meridiem}처럼 소문자와 마침표로 씁니다.`),
  flags,
  passes,
  fixes: [[flags[0], passes[0]]],
});

const times: RuleInput[] = [
  clock('time-am', '\\b(\\d{1,2}) ?(?:AM|am|A\\.M\\.)(?![A-Za-z])\\.?', '$1 a.m.', 'a.m.', ['The polls open at 6am today.', 'at 9 AM sharp'], ['The polls open at 6 a.m. today.', 'at 9 a.m. sharp', 'the AM radio band']),
  clock('time-pm', '\\b(\\d{1,2}) ?(?:PM|pm|P\\.M\\.)(?![A-Za-z])\\.?', '$1 p.m.', 'p.m.', ['The vote closes at 8pm.', 'at 3 PM on Friday'], ['The vote closes at 8 p.m.', 'at 3 p.m. on Friday', 'PM Keir said']),
  clock('time-am-minutes', '\\b(\\d{1,2}):(\\d\\d) ?(?:AM|am|A\\.M\\.)(?![A-Za-z])\\.?', '$1:$2 a.m.', 'a.m.', ['at 9:30am', 'at 10:15 AM'], ['at 9:30 a.m.', 'at 10:15 a.m.']),
  clock('time-pm-minutes', '\\b(\\d{1,2}):(\\d\\d) ?(?:PM|pm|P\\.M\\.)(?![A-Za-z])\\.?', '$1:$2 p.m.', 'p.m.', ['at 4:45pm', 'at 11:30 PM'], ['at 4:45 p.m.', 'at 11:30 p.m.']),
  {
    id: 'time-no-zero-minutes',
    category: 'dates',
    check: { pattern: '\\b(\\d{1,2}):00 (a\\.m\\.|p\\.m\\.)', flags: 'u', replace: '$1 $2' },
    message: message('Drop :00 from times on the hour (3 p.m.).', '정시는 :00 없이 씁니다(3 p.m.).'),
    flags: ['The show starts at 3:00 p.m.', 'at 10:00 a.m.'],
    passes: ['The show starts at 3 p.m.', 'at 10:30 a.m.'],
    fixes: [['The show starts at 3:00 p.m.', 'The show starts at 3 p.m.']],
  },
  {
    id: 'time-noon-midnight',
    category: 'dates',
    check: { pattern: '\\b12 (noon|midnight)\\b', flags: 'u', replace: '$1' },
    message: message('Write noon and midnight, not 12 noon or 12 midnight.', '12 noon, 12 midnight 대신 noon, midnight로 씁니다.'),
    flags: ['The deadline is 12 noon.', 'at 12 midnight'],
    passes: ['The deadline is noon.', 'at midnight'],
    fixes: [['The deadline is 12 noon.', 'The deadline is noon.']],
  },
];

const months: Array<[string, string]> = [
  ['January', 'Jan.'],
  ['February', 'Feb.'],
  ['August', 'Aug.'],
  ['September', 'Sept.'],
  ['October', 'Oct.'],
  ['November', 'Nov.'],
  ['December', 'Dec.'],
];

const monthRules: RuleInput[] = months.map(([full, short]) => ({
  id: `date-${full.toLowerCase()}-abbreviated`,
  category: 'dates',
  // Only with a day: "December 2026" and "in December" stay spelled out.
  check: { pattern: `\\b${full} (?=\\d{1,2}(?!\\d))`, flags: 'u', replace: `${short} ` },
  message: message(`With a specific date write ${short} (${short} 7); spell out ${full} alone or with a year.`, `날짜와 함께 쓸 때는 ${short}로 줄입니다(${short} 7). 달만 쓰거나 연도와 쓸 때는 ${full}.`),
  flags: [`The vote is on ${full} 7.`, `${full} 15, 2026`],
  passes: [`The vote is on ${short} 7.`, `${full} 2026`, `in ${full}`],
  fixes: [[`The vote is on ${full} 7.`, `The vote is on ${short} 7.`]],
}));

const dateRules: RuleInput[] = [
  ...monthRules,
  {
    id: 'date-no-ordinal',
    category: 'dates',
    check: { pattern: '(?<=\\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\\. |\\b(?:March|April|May|June|July) )(\\d{1,2})(?:st|nd|rd|th)\\b', flags: 'u', replace: '$1' },
    message: message('No ordinal suffix on dates: Dec. 7, not Dec. 7th.', '날짜에 서수 접미사를 붙이지 않습니다(Dec. 7).'),
    flags: ['on Dec. 7th', 'from March 1st'],
    passes: ['on Dec. 7', 'from March 1', 'the 7th day'],
    fixes: [['on Dec. 7th', 'on Dec. 7']],
  },
  {
    id: 'date-abbreviated-without-day',
    category: 'dates',
    check: { pattern: '\\b(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\\. (?=\\d{4}\\b)', flags: 'u' },
    message: message('Spell out a month used with a year only (December 2026).', '연도와만 쓰는 달은 줄이지 않습니다(December 2026).'),
    flags: ['in Dec. 2026', 'since Aug. 2019'],
    passes: ['in December 2026', 'on Dec. 7, 2026'],
  },
];

const SMALL = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const COUNTED = '(?:people|children|men|women|players|teams|countries|companies|members|students|games|goals|seats|cities|votes|officials)\\b';

// Only after a lowercase word, so a figure that starts a sentence is left to its own rule.
const numberRules: RuleInput[] = SMALL.map((word, index) => {
  const digit = String(index + 2);
  return {
    id: `number-${word}-spelled`,
    category: 'numbers',
    check: { pattern: `(?<=[a-z,] )${digit} (?=${COUNTED})`, flags: 'u', replace: `${word} ` },
    message: message(`Spell out numbers under 10 that count things: ${word}, not ${digit}.`, `10 미만으로 수를 셀 때는 영어로 풀어 씁니다(${word}).`),
    flags: [`The crash injured ${digit} people.`, `a squad of ${digit} players`],
    passes: [`The crash injured ${word} people.`, `a ${digit}% rise in votes`, `It cost $${digit} million.`],
    fixes: [[`The crash injured ${digit} people.`, `The crash injured ${word} people.`]],
  };
});

const styleRules: RuleInput[] = [
  {
    id: 'number-one-of',
    category: 'numbers',
    // After a few words that make it a count: Figure 1 of the report and Game 1 of the final stay.
    check: { pattern: '(?<=\\b(?:only|just|was|is|as|became|remains|and) )1 of (?=the|them|those|its|his|her|their)', flags: 'u', replace: 'one of ' },
    message: message('Spell out one: one of the, not 1 of the.', '1 of the 대신 one of the로 씁니다.'),
    flags: ['He was 1 of the founders.', 'only 1 of them'],
    passes: ['He was one of the founders.', 'a 1-0 win', 'Figure 1 of the report', 'Game 1 of the final'],
    fixes: [['He was 1 of the founders.', 'He was one of the founders.']],
  },
  {
    id: 'number-sentence-start',
    category: 'numbers',
    // A year may start a sentence (2026 was…), so four-digit figures are left alone.
    check: { pattern: '(?:^|(?<=[.!?] ))\\d{1,3}(?=[ ,][a-z])', flags: 'u' },
    message: message('Spell out a number that starts a sentence, or recast it.', '문장 첫머리의 숫자는 풀어 쓰거나 문장을 바꿉니다.'),
    flags: ['12 people were hurt.', 'It ended. 40 fans stayed.'],
    passes: ['Twelve people were hurt.', '2026 was a hard year.'],
  },
  {
    id: 'quote-double-open',
    category: 'punctuation',
    check: { pattern: '(?<=^|[\\s(\\[‘—])"(?=\\S)', flags: 'u', replace: '“' },
    message: message('Use curly quotes “ ”, not straight ".', '곧은 따옴표 " 대신 “ ”를 씁니다.'),
    flags: ['She said, "We won”.', '"Yes,” he said.'],
    passes: ['She said, “We won”.', '“Yes,” he said.'],
    fixes: [['She said, "We won”.', 'She said, “We won”.']],
  },
  {
    id: 'quote-double-close',
    category: 'punctuation',
    check: { pattern: '(?<=[^\\s(\\[])"', flags: 'u', replace: '”' },
    message: message('Use curly quotes “ ”, not straight ".', '곧은 따옴표 " 대신 “ ”를 씁니다.'),
    flags: ['She said, “We won".', '“Yes," he said.'],
    passes: ['She said, “We won”.', '“Yes,” he said.'],
    fixes: [['She said, “We won".', 'She said, “We won”.']],
  },
  {
    id: 'apostrophe-curly',
    category: 'punctuation',
    check: { pattern: "(?<=[A-Za-z])'(?=[a-z])", flags: 'u', replace: '’' },
    message: message("Use the curly apostrophe ’, not a straight '.", "아포스트로피는 곧은 ' 대신 ’를 씁니다."),
    flags: ["The city's budget", "They don't agree."],
    passes: ['The city’s budget', 'They don’t agree.'],
    fixes: [["The city's budget", 'The city’s budget']],
  },
  {
    id: 'us-periods',
    category: 'style',
    check: { pattern: '(?<![A-Za-z.])US(?= (?:[a-z]|[A-Z][a-z]))', flags: 'u', replace: 'U.S.' },
    message: message('In running text write U.S. with periods.', '본문에서는 U.S.로 마침표를 찍어 씁니다.'),
    flags: ['US officials said', 'the US President'],
    passes: ['U.S. officials said', 'the USB port', 'US$5'],
    fixes: [['US officials said', 'U.S. officials said']],
  },
];

export const defaultEnRuleSet: RuleSetInput = {
  version: 1,
  language: 'en',
  rules: [...swapRules('spelling', 'spelling', words), ...times, ...dateRules, ...numberRules, ...styleRules],
};
