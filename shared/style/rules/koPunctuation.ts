// Quote marks and 가운뎃점, house style (see defaultKo.ts): curly quotes “ ” and ‘ ’, the 가운뎃점
// · (U+00B7) between words in running text, ㆍ only between reporters' names in a byline (the app's
// byline templates write it), … for an ellipsis, ~ for ranges, no full-width forms.
import { rule } from './ruleHelpers';
import type { RuleInput } from '../ruleSchema';

/** A byline's name list: names joined by ㆍ and then a role. */
const BYLINE_AHEAD = '(?![가-힣ㆍ]{2,20} (?:기자|특파원|선임기자|인턴기자|논설위원|객원기자|통신원))';

export const koPunctuationRules: RuleInput[] = [
  rule({
    id: 'punct-double-quote-open',
    category: 'punctuation',
    // An opening quote follows a space, a bracket or the start of the paragraph; a closing one follows text.
    check: { pattern: '(?<=^|[\\s(\\[‘])"(?=\\S)', flags: 'u', replace: '“' },
    message: { ko: '큰따옴표는 “ ”로 씁니다(곧은 따옴표 " 아님).', en: 'Use curly double quotes “ ”, not straight ".' },
    flags: ['"안녕하세요"라고 말했다.', '그는 "괜찮다"고 했다.'],
    passes: ['“안녕하세요"라고 말했다.', '그는 “괜찮다”고 했다.'],
    fixes: [['그는 "괜찮다”고 했다.', '그는 “괜찮다”고 했다.']],
  }),
  rule({
    id: 'punct-double-quote-close',
    category: 'punctuation',
    check: { pattern: '(?<=[^\\s(\\[])"', flags: 'u', replace: '”' },
    message: { ko: '큰따옴표는 “ ”로 씁니다(곧은 따옴표 " 아님).', en: 'Use curly double quotes “ ”, not straight ".' },
    flags: ['“안녕하세요"라고 말했다.', '그는 “괜찮다"고 했다.'],
    passes: ['“안녕하세요”라고 말했다.', '그는 “괜찮다”고 했다.'],
    fixes: [['그는 “괜찮다"고 했다.', '그는 “괜찮다”고 했다.']],
  }),
  rule({
    id: 'punct-single-quote-open',
    category: 'punctuation',
    check: { pattern: "(?<=^|[\\s(\\[“])'(?=[가-힣A-Za-z0-9])", flags: 'u', replace: '‘' },
    message: { ko: "작은따옴표는 ‘ ’로 씁니다(곧은 따옴표 ' 아님).", en: "Use curly single quotes ‘ ’, not straight '." },
    flags: ["이른바 '도시광산’이 뜬다.", "'반도체 겨울’이 왔다."],
    passes: ['이른바 ‘도시광산’이 뜬다.', "McDonald's 매장"],
    fixes: [["이른바 '도시광산’이 뜬다.", '이른바 ‘도시광산’이 뜬다.']],
  }),
  rule({
    id: 'punct-single-quote-close',
    category: 'punctuation',
    // After Hangul or a digit only: an English apostrophe (McDonald's) follows a Latin letter.
    check: { pattern: "(?<=[가-힣0-9])'", flags: 'u', replace: '’' },
    message: { ko: "작은따옴표는 ‘ ’로 씁니다(곧은 따옴표 ' 아님).", en: "Use curly single quotes ‘ ’, not straight '." },
    flags: ["이른바 ‘도시광산'이 뜬다.", "‘반도체 겨울'이 왔다."],
    passes: ['이른바 ‘도시광산’이 뜬다.', "McDonald's 매장"],
    fixes: [["이른바 ‘도시광산'이 뜬다.", '이른바 ‘도시광산’이 뜬다.']],
  }),
  rule({
    id: 'punct-middle-dot-lookalike',
    category: 'punctuation',
    check: { pattern: '(?<=[가-힣A-Za-z0-9])[∙・⋅‧•･](?=[가-힣A-Za-z0-9])', flags: 'u', replace: '·' },
    message: { ko: '가운뎃점은 ·(U+00B7)로 씁니다.', en: 'The 가운뎃점 is · (U+00B7).' },
    flags: ['한∙미 정상회담', '부장・차장'],
    passes: ['한·미 정상회담', '부장·차장'],
    fixes: [['한∙미 정상회담', '한·미 정상회담']],
  }),
  rule({
    id: 'punct-araea-in-text',
    category: 'punctuation',
    check: { pattern: `(?<=[가-힣])ㆍ(?=[가-힣])${BYLINE_AHEAD}`, flags: 'u', replace: '·' },
    message: { ko: '본문의 가운뎃점은 ·(U+00B7)로 씁니다. ㆍ(아래아)는 바이라인의 기자 이름 사이에만 씁니다.', en: 'In running text the 가운뎃점 is · (U+00B7); ㆍ is only for joining reporters in a byline.' },
    flags: ['한ㆍ미 정상회담', '부장ㆍ차장 회의'],
    passes: ['한·미 정상회담', '[한빛경제=산업부 김하늘ㆍ박도윤 기자]', '김하늘ㆍ박도윤ㆍ이서준 기자'],
    fixes: [['한ㆍ미 정상회담', '한·미 정상회담']],
  }),
  rule({
    id: 'punct-abbrev-period',
    category: 'punctuation',
    check: { pattern: '(?<![가-힣])([가-힣])\\.([가-힣])(?![가-힣])', flags: 'u', replace: '$1·$2' },
    message: { ko: '나라·기관 약칭 사이에는 가운뎃점을 씁니다(한·미, 미·중).', en: 'Join abbreviated names with · (한·미, 미·중), not a period.' },
    flags: ['미.중 갈등', '한.일 관계'],
    passes: ['미·중 갈등', '했다.그는'],
    fixes: [['미.중 갈등', '미·중 갈등']],
  }),
  rule({
    id: 'punct-ellipsis',
    category: 'punctuation',
    check: { pattern: '(?<!\\.)(?:\\.{3}|。。。|‥)(?!\\.)', flags: 'u', replace: '…' },
    message: { ko: '말줄임표는 …(한 글자)로 씁니다.', en: 'Write the ellipsis as one character: …' },
    flags: ['재활용 경쟁...불붙었다', '글쎄‥'],
    passes: ['재활용 경쟁…불붙었다', '1.2.3 버전'],
    fixes: [['재활용 경쟁...불붙었다', '재활용 경쟁…불붙었다']],
  }),
  rule({
    id: 'punct-range-tilde',
    category: 'punctuation',
    check: { pattern: '(?<=\\d)[∼〜～](?=\\d)', flags: 'u', replace: '~' },
    message: { ko: '기간·범위는 물결표 ~로 씁니다.', en: 'Write ranges with ~.' },
    flags: ['3∼5일 열린다.', '10～20%'],
    passes: ['3~5일 열린다.', '10~20%'],
    fixes: [['3∼5일 열린다.', '3~5일 열린다.']],
  }),
  rule({
    id: 'punct-fullwidth',
    category: 'punctuation',
    check: { pattern: '[（）％，：；！？０-９]', flags: 'u' },
    message: { ko: '전각 문자(（ ） ％ ， ０-９ 등) 대신 반각 문자를 씁니다.', en: 'Use ordinary (half-width) characters, not full-width ones like （ ） ％ ０-９.' },
    flags: ['성장률（전년 대비）', '３％ 올랐다.'],
    passes: ['성장률(전년 대비)', '3% 올랐다.'],
  }),
  rule({
    id: 'punct-zero-width',
    category: 'punctuation',
    check: { pattern: '[\\u200B\\u200C\\u2060\\uFEFF]', flags: 'u', replace: '' },
    message: { ko: '보이지 않는 문자(폭 없는 공백)가 들어 있습니다. 웹에서 붙여 넣은 글에 흔합니다.', en: 'An invisible character (zero-width space) is in the text, usually from text pasted from the web.' },
    flags: ['서울\u200B시청', '\uFEFF기사'],
    passes: ['서울시청', '기사'],
    fixes: [['서울\u200B시청', '서울시청']],
  }),
  rule({
    id: 'punct-double-punct',
    category: 'punctuation',
    // The same mark doubled only: ?! is an accepted way to end a startled question.
    check: { pattern: '(?<=[가-힣])(?:!{2,3}|\\?{2,3}|\\.\\.(?!\\.))(?=[\\s”’]|$)', flags: 'u' },
    message: { ko: '문장부호를 겹쳐 쓰지 않습니다(!!, ??, ..).', en: 'Do not double punctuation (!!, ??, ..).' },
    flags: ['정말 이겼다!!', '왜 그랬나??'],
    passes: ['정말 이겼다!', '왜 그랬나?', '그런데…', '정말이요?!'],
  }),
];
