// Numbers and units, house style (see defaultKo.ts): 만·억·조 written with digits and no spaces
// (1만5000원, 3억2000만원), units attached to the number (5000만원, 10억달러, 3.5%, 10㎞), the
// one-character unit symbols (㎞ ㎏ ㎝ ㎜ ㎡ ㎢ ㎖ ㎎), %포인트 rather than %p.
import { rule, type Message } from './ruleHelpers';
import type { RuleInput } from '../ruleSchema';

const units: Array<[id: string, ascii: string, symbol: string, flags: string[], passes: string[]]> = [
  ['km', 'km', '㎞', ['서울에서 10km 떨어진 곳', '마라톤 42.195 km 코스'], ['서울에서 10㎞ 떨어진 곳', '시속 100km/h', 'Skm 위치']],
  ['kg', 'kg', '㎏', ['체중이 5kg 줄었다.', '쌀 20 kg 한 포대'], ['체중이 5㎏ 줄었다.', '1kgf 힘']],
  ['cm', 'cm', '㎝', ['키가 3cm 컸다.', '눈이 10 cm 쌓였다.'], ['키가 3㎝ 컸다.', '3cms']],
  ['mm', 'mm', '㎜', ['비가 50mm 내렸다.', '강수량 120 mm'], ['비가 50㎜ 내렸다.', '35mmf']],
  ['m2', '(?:m²|m2)', '㎡', ['전용면적 84m² 아파트', '면적 120m2 규모'], ['전용면적 84㎡ 아파트', '시속 3m20초']],
  ['km2', '(?:km²|km2)', '㎢', ['면적 605km² 도시', '산림 12km2 소실'], ['면적 605㎢ 도시', '10km 구간']],
];

const unitMessage = (ascii: string, symbol: string): Message => ({
  ko: `단위 표기: ‘${symbol}’ 기호를 숫자에 붙여 씁니다(‘${ascii.replace(/[()?:]/g, '').replace('|', ', ')}’ 아님).`,
  en: `Units: write the symbol ${symbol} right after the number.`,
});

const unitRules: RuleInput[] = units.map(([id, ascii, symbol, flags, passes]) => ({
  id: `numbers-unit-${id}`,
  category: 'numbers',
  // Not inside a longer Latin word or a rate (km/h stays as written).
  check: { pattern: `(?<=\\d) ?${ascii}(?![A-Za-z0-9/²])`, flags: 'u', replace: symbol },
  message: unitMessage(ascii, symbol),
  flags,
  passes,
  fixes: [[flags[0], passes[0]]],
}));

export const koNumberRules: RuleInput[] = [
  ...unitRules,
  rule({
    id: 'numbers-unit-symbol-space',
    category: 'numbers',
    check: { pattern: '(?<=\\d) {1,3}(?=[㎞㎏㎝㎜㎡㎢㎖㎎%])', flags: 'u', replace: '' },
    message: { ko: '단위 기호와 %는 숫자에 붙여 씁니다(3.5%, 10㎞).', en: 'Units and % follow the number with no space (3.5%, 10㎞).' },
    flags: ['금리가 3.5 % 올랐다.', '10 ㎞ 구간'],
    passes: ['금리가 3.5% 올랐다.', '10㎞ 구간', '수익률(%) 3위 %는 표시'],
    fixes: [['금리가 3.5 % 올랐다.', '금리가 3.5% 올랐다.']],
  }),
  rule({
    id: 'numbers-percent-word',
    category: 'numbers',
    check: { pattern: '(?<=\\d) ?퍼센트', flags: 'u', replace: '%' },
    message: { ko: '숫자 뒤에서는 ‘퍼센트’ 대신 %를 씁니다(3.5%, 2%포인트).', en: 'After a number write %, not 퍼센트 (3.5%, 2%포인트).' },
    flags: ['물가가 3퍼센트 올랐다.', '0.5 퍼센트포인트 인하'],
    passes: ['물가가 3% 올랐다.', '퍼센트로 나타낸 수치'],
    fixes: [['물가가 3퍼센트 올랐다.', '물가가 3% 올랐다.'], ['0.5 퍼센트포인트 인하', '0.5%포인트 인하']],
  }),
  rule({
    id: 'numbers-percent-point',
    category: 'numbers',
    check: { pattern: '% ?p(?![A-Za-z])', flags: 'u', replace: '%포인트' },
    message: { ko: '‘%p’ 대신 ‘%포인트’로 씁니다.', en: 'Write %포인트, not %p.' },
    flags: ['금리를 0.25%p 내렸다.', '지지율이 3% p 올랐다.'],
    passes: ['금리를 0.25%포인트 내렸다.', '5% pay rise'],
    fixes: [['금리를 0.25%p 내렸다.', '금리를 0.25%포인트 내렸다.']],
  }),
  rule({
    id: 'numbers-man-eok-space',
    category: 'numbers',
    // 제2조 3항 (a law's article) is not an amount: no digit or 제 before the number.
    check: { pattern: '(?<![제\\d])(\\d{1,4})(조|억|만) (?=\\d{1,4}[억만천원명개건대곳톤])', flags: 'u', replace: '$1$2' },
    message: { ko: '만·억·조 단위는 띄지 않고 붙여 씁니다(1만5000원, 3조2000억원).', en: 'Write amounts in 만/억/조 without spaces (1만5000원, 3조2000억원).' },
    flags: ['1만 5000원을 냈다.', '3조 2000억원 규모', '2만 3000명이 모였다.'],
    passes: ['1만5000원을 냈다.', '제2조 3항에 따라', '3조2000억원 규모'],
    fixes: [['1만 5000원을 냈다.', '1만5000원을 냈다.']],
  }),
  rule({
    id: 'numbers-currency-space',
    category: 'numbers',
    check: { pattern: '(?<=[\\d만억조]) (?=(?:원|달러|유로|엔|위안|파운드)(?:[을이은는의도과와에대으만씩]|[\\s,.)]|$))', flags: 'u', replace: '' },
    message: { ko: '화폐 단위는 숫자에 붙여 씁니다(5000만원, 10억달러).', en: 'Currency units follow the number with no space (5000만원, 10억달러).' },
    flags: ['5000만 원을 투자했다.', '10억 달러 규모', '3000 원이다.'],
    passes: ['5000만원을 투자했다.', '10억달러 규모', '3 원전 건설'],
    fixes: [['5000만 원을 투자했다.', '5000만원을 투자했다.']],
  }),
  rule({
    id: 'numbers-comma-over-10000',
    category: 'numbers',
    check: { pattern: '(?<![\\d,.])(?:\\d\\d\\d?,\\d\\d\\d|\\d\\d?\\d?,\\d\\d\\d,\\d\\d\\d)(?=원|명|달러|개|건|대|가구|톤)', flags: 'u' },
    message: { ko: '1만 이상은 만·억 단위로 씁니다(15,000원 → 1만5000원).', en: 'From 10,000 up, write amounts with 만/억 (15,000원 → 1만5000원).' },
    flags: ['입장료는 15,000원이다.', '관중 25,300명이 찾았다.', '1,250,000원'],
    passes: ['입장료는 1만5000원이다.', '가격은 3,000원이다.', '2,500명'],
  }),
  rule({
    id: 'numbers-cheon-baek',
    category: 'numbers',
    check: { pattern: '(?<!\\d)(\\d)천(?=만|억|조|원|명|달러)', flags: 'u', replace: '$1000' },
    message: { ko: '천 단위는 아라비아 숫자로 씁니다(1천만원 → 1000만원).', en: 'Write thousands in figures (1천만원 → 1000만원).' },
    flags: ['1천만원을 받았다.', '관중 3천명'],
    passes: ['1000만원을 받았다.', '천만다행이다.'],
    fixes: [['1천만원을 받았다.', '1000만원을 받았다.']],
  }),
  rule({
    id: 'numbers-cheon-digits',
    category: 'numbers',
    check: { pattern: '(?<!\\d)(\\d)천(\\d{3})(?=만|억|조|원|명|달러)', flags: 'u', replace: '$1$2' },
    message: { ko: '천 단위는 아라비아 숫자로 씁니다(2천500만원 → 2500만원).', en: 'Write thousands in figures (2천500만원 → 2500만원).' },
    flags: ['2천500만원을 받았다.', '1천200명이 왔다.'],
    passes: ['2500만원을 받았다.', '1200명이 왔다.'],
    fixes: [['2천500만원을 받았다.', '2500만원을 받았다.']],
  }),
  rule({
    id: 'numbers-kilo-word',
    category: 'numbers',
    check: { pattern: '(?<=\\d) ?키로(?=[를는가도에의]|[\\s,.]|$)', flags: 'u' },
    message: { ko: '‘키로’ 대신 ‘㎞’(거리)나 ‘㎏’(무게)로 씁니다.', en: 'Write ㎞ (distance) or ㎏ (weight), not 키로.' },
    flags: ['10키로를 달렸다.', '몸무게가 3 키로 빠졌다.'],
    passes: ['10㎞를 달렸다.', '키로 재다'],
  }),
  rule({
    id: 'numbers-unit-words',
    category: 'numbers',
    check: { pattern: '(?<=\\d) ?(?:킬로미터|킬로그램|센티미터|밀리미터|제곱미터)', flags: 'u' },
    message: { ko: '숫자 뒤 단위는 기호로 씁니다(㎞, ㎏, ㎝, ㎜, ㎡).', en: 'After a number write the unit symbol (㎞, ㎏, ㎝, ㎜, ㎡).' },
    flags: ['5킬로미터 구간', '84제곱미터 아파트'],
    passes: ['5㎞ 구간', '킬로미터 단위로 잰다'],
  }),
];
