// What `copydesk check` prints, in Korean or English (the terminal's language, as for the other
// commands). The help text for check is in cliExchangeText.ts with the rest of `copydesk --help`.
import type { CliLanguage } from './cliText';
import type { ArticlePartKind } from '../style/checkArticle';

/** Text as it stands in a finding line: quoted only when its edges are spaces, which would not show. */
const shown = (text: string) => (text === '' || /^\s|\s$/.test(text) ? `“${text}”` : text);

const LANGUAGE_NAMES = {
  en: { ko: 'Korean', en: 'English' },
  ko: { ko: '한국어', en: '영어' },
} as const;

const text = {
  en: {
    noFiles: 'name at least one file to check',
    notForCheck: (option: string) => `--${option} does not apply to check`,
    onlyForCheck: (option: string) => `--${option} only works with check`,
    rulesUnreadable: (file: string, why: string) => `cannot read the rules file ${file}: ${why}`,
    wordsUnreadable: (file: string, why: string) => `cannot read the word list ${file}: ${why}`,
    wordsWithoutSpelling: '--words is a word list for spelling: drop --no-spelling, or drop --words',
    noDictionary: (language: 'ko' | 'en', why: string) => `copydesk: the ${LANGUAGE_NAMES.en[language]} spelling dictionary could not be loaded (${why}); spelling not checked for ${LANGUAGE_NAMES.en[language]} copy`,
    rulesRefused: (file: string) => `copydesk: the rules file ${file} was refused, so nothing was checked:`,
    part: (part: ArticlePartKind, paragraph: number) => (part === 'headline' ? 'headline' : `${part} ${paragraph}`),
    finding: (where: string, ruleId: string, found: string, fix: string | undefined, message: string) =>
      `${where} [${ruleId}] ${shown(found)}${fix === undefined ? '' : ` → ${fix === '' ? '(delete)' : shown(fix)}`} — ${message}`,
    noRuleSet: (file: string, article: 'ko' | 'en', rules: 'ko' | 'en') =>
      `copydesk: ${file}: the article is in ${LANGUAGE_NAMES.en[article]} and the rules file is for ${LANGUAGE_NAMES.en[rules]} copy; house style not checked`,
    summary: (files: number, findings: number, failed: number) =>
      `checked ${files} file${files === 1 ? '' : 's'}: ${findings} finding${findings === 1 ? '' : 's'}${failed ? `; ${failed} could not be read` : ''}`,
  },
  ko: {
    noFiles: '검사할 파일을 하나 이상 적어 주세요',
    notForCheck: (option: string) => `--${option}은(는) check에 쓰지 않습니다`,
    onlyForCheck: (option: string) => `--${option}은(는) check와 함께만 씁니다`,
    rulesUnreadable: (file: string, why: string) => `규칙 파일 ${file}을(를) 읽을 수 없습니다: ${why}`,
    wordsUnreadable: (file: string, why: string) => `단어장 ${file}을(를) 읽을 수 없습니다: ${why}`,
    wordsWithoutSpelling: '--words는 맞춤법 검사용 단어장입니다: --no-spelling이나 --words 중 하나를 빼 주세요',
    noDictionary: (language: 'ko' | 'en', why: string) => `copydesk: ${LANGUAGE_NAMES.ko[language]} 맞춤법 사전을 불러오지 못해(${why}) ${LANGUAGE_NAMES.ko[language]} 기사의 맞춤법은 검사하지 않았습니다`,
    rulesRefused: (file: string) => `copydesk: 규칙 파일 ${file}을(를) 받지 않아 아무것도 검사하지 않았습니다:`,
    part: (part: ArticlePartKind, paragraph: number) => ({ headline: '제목', deck: `부제 ${paragraph}`, body: `본문 ${paragraph}`, caption: `사진설명 ${paragraph}` })[part],
    finding: (where: string, ruleId: string, found: string, fix: string | undefined, message: string) =>
      `${where} [${ruleId}] ${shown(found)}${fix === undefined ? '' : ` → ${fix === '' ? '(삭제)' : shown(fix)}`} — ${message}`,
    noRuleSet: (file: string, article: 'ko' | 'en', rules: 'ko' | 'en') =>
      `copydesk: ${file}: ${LANGUAGE_NAMES.ko[article]} 기사인데 규칙 파일은 ${LANGUAGE_NAMES.ko[rules]}용이라 표기 원칙을 검사하지 않았습니다`,
    summary: (files: number, findings: number, failed: number) => `파일 ${files}개 검사: 지적 ${findings}건${failed ? `, 읽지 못한 파일 ${failed}개` : ''}`,
  },
} satisfies Record<CliLanguage, unknown>;

export function cliCheckText(language: CliLanguage) {
  return text[language];
}
