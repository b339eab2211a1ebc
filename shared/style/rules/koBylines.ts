// Byline forms: a space between the name and the role (홍길동 기자), the wire lead shape
// `(서울=연합뉴스) 홍길동 기자 =`. Only where the context shows it is a byline (brackets, the wire
// lead, a sign-off e-mail): 사진기자 or 여기자 in running text is a word, not a byline.
import { rule } from './ruleHelpers';
import type { RuleInput } from '../ruleSchema';

const ROLE = '(기자|특파원|선임기자|인턴기자|논설위원|객원기자)';
const message = { ko: '바이라인은 이름과 직함을 띄어 씁니다(홍길동 기자).', en: 'In a byline, put a space between the name and the role (홍길동 기자).' };

export const koBylineRules: RuleInput[] = [
  rule({
    id: 'byline-bracket-space',
    category: 'byline',
    check: { pattern: `(?<=\\[[가-힣A-Za-z0-9=]{1,20} [가-힣]{2,4})${ROLE}(?=\\])`, flags: 'u', replace: ' $1' },
    message,
    flags: ['[한빛경제 홍길동기자]', '[한빛경제=산업부 김하늘특파원]'],
    passes: ['[한빛경제 홍길동 기자]', '[한빛경제=산업부 김하늘 특파원]'],
    fixes: [['[한빛경제 홍길동기자]', '[한빛경제 홍길동 기자]']],
  }),
  rule({
    id: 'byline-wire-space',
    category: 'byline',
    check: { pattern: `(?<=\\) [가-힣]{2,4})${ROLE}(?= ?=)`, flags: 'u', replace: ' $1' },
    message,
    flags: ['(서울=연합뉴스) 홍길동기자 = 정부가', '(부산=뉴스1) 김철수특파원 ='],
    passes: ['(서울=연합뉴스) 홍길동 기자 = 정부가', '(부산=뉴스1) 김철수 특파원 ='],
    fixes: [['(서울=연합뉴스) 홍길동기자 = 정부가', '(서울=연합뉴스) 홍길동 기자 = 정부가']],
  }),
  rule({
    id: 'byline-wire-equals',
    category: 'byline',
    check: { pattern: `(\\) [가-힣]{2,4} ${ROLE})=`, flags: 'u', replace: '$1 =' },
    message: { ko: '통신 기사 첫머리는 ‘(서울=연합뉴스) 홍길동 기자 =’처럼 ‘=’ 앞을 띄어 씁니다.', en: 'A wire lead reads (서울=연합뉴스) 홍길동 기자 = with a space before the =.' },
    flags: ['(서울=연합뉴스) 홍길동 기자= 정부가', '(부산=뉴스1) 김철수 특파원='],
    passes: ['(서울=연합뉴스) 홍길동 기자 = 정부가', '(부산=뉴스1) 김철수 특파원 ='],
    fixes: [['(서울=연합뉴스) 홍길동 기자= 정부가', '(서울=연합뉴스) 홍길동 기자 = 정부가']],
  }),
  rule({
    id: 'byline-wire-dateline-space',
    category: 'byline',
    check: { pattern: '(\\([가-힣]{1,10}=(?:연합뉴스|뉴스1|뉴시스)\\))(?=[가-힣])', flags: 'u', replace: '$1 ' },
    message: { ko: '통신 기사 첫머리의 괄호 뒤는 띄어 씁니다(‘(서울=연합뉴스) 홍길동 기자’).', en: 'Put a space after the wire dateline: (서울=연합뉴스) 홍길동 기자.' },
    flags: ['(서울=연합뉴스)홍길동 기자 =', '(세종=뉴시스)김하늘 기자 ='],
    passes: ['(서울=연합뉴스) 홍길동 기자 =', '(세종=뉴시스) 김하늘 기자 ='],
    fixes: [['(서울=연합뉴스)홍길동 기자 =', '(서울=연합뉴스) 홍길동 기자 =']],
  }),
  rule({
    id: 'byline-signoff-space',
    category: 'byline',
    check: { pattern: `(?<=(?:^|[^가-힣])[가-힣]{2,4})${ROLE}(?= [A-Za-z0-9._+-]{1,40}@)`, flags: 'u', replace: ' $1' },
    message,
    flags: ['홍길동기자 hong@hanbit.example', '김하늘특파원 sky@hanbit.example'],
    passes: ['홍길동 기자 hong@hanbit.example', '사진기자 출신인 그는'],
    fixes: [['홍길동기자 hong@hanbit.example', '홍길동 기자 hong@hanbit.example']],
  }),
  rule({
    id: 'byline-photo-credit-space',
    category: 'byline',
    check: { pattern: `(?<=\\[사진=[가-힣]{2,4})${ROLE}(?=\\])`, flags: 'u', replace: ' $1' },
    message,
    flags: ['[사진=홍길동기자]', '[사진=김하늘특파원]'],
    passes: ['[사진=홍길동 기자]', '[사진=한빛경제 DB]'],
    fixes: [['[사진=홍길동기자]', '[사진=홍길동 기자]']],
  }),
];
