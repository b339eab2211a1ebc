// Dates and times, house style (see defaultKo.ts): 12-hour clock with 오전/오후 (오후 3시, not 오후
// 15시 or 3 PM), 낮 12시 and 0시 rather than an ambiguous 오후/오전 12시, spaces between the parts of
// a date and a time (2026년 12월 7일, 오후 3시 30분), and dates that exist.
import { rule } from './ruleHelpers';
import type { RuleInput } from '../ruleSchema';

const clock = (id: string, minutes: string, replace: string, flags: string[], passes: string[]): RuleInput => ({
  id,
  category: 'dates',
  check: { pattern: `(오전|오후) ?(\\d{1,2}):${minutes}(?!\\d)`, flags: 'u', replace },
  message: { ko: '시각은 ‘오후 3시 30분’처럼 씁니다(‘오후 3:30’ 아님).', en: 'Write times as 오후 3시 30분, not 오후 3:30.' },
  flags,
  passes,
  fixes: [[flags[0], passes[0]]],
});

export const koDateRules: RuleInput[] = [
  rule({
    id: 'dates-24h-with-ampm',
    category: 'dates',
    check: { pattern: '(?:오전|오후) ?(?:1[3-9]|2[0-4])시', flags: 'u' },
    message: { ko: '오전·오후와 24시간 표기를 함께 쓰지 않습니다(오후 15시 → 오후 3시).', en: 'Do not combine 오전/오후 with 24-hour times (오후 15시 → 오후 3시).' },
    flags: ['오후 15시에 열린다.', '오전 13시'],
    passes: ['오후 3시에 열린다.', '오후 1시 30분'],
  }),
  rule({
    id: 'dates-pm-latin',
    category: 'dates',
    check: { pattern: '(?<![A-Za-z])(?:PM|pm|P\\.M\\.|p\\.m\\.) ?(\\d{1,2})시', flags: 'u', replace: '오후 $1시' },
    message: { ko: '‘PM’ 대신 ‘오후’로 씁니다.', en: 'Write 오후, not PM.' },
    flags: ['PM 3시에 만난다.', 'pm 7시 공연'],
    passes: ['오후 3시에 만난다.', '오후 7시 공연'],
    fixes: [['PM 3시에 만난다.', '오후 3시에 만난다.']],
  }),
  rule({
    id: 'dates-am-latin',
    category: 'dates',
    check: { pattern: '(?<![A-Za-z])(?:AM|am|A\\.M\\.|a\\.m\\.) ?(\\d{1,2})시', flags: 'u', replace: '오전 $1시' },
    message: { ko: '‘AM’ 대신 ‘오전’으로 씁니다.', en: 'Write 오전, not AM.' },
    flags: ['AM 9시에 출발', 'am 10시 회의'],
    passes: ['오전 9시에 출발', '오전 10시 회의'],
    fixes: [['AM 9시에 출발', '오전 9시에 출발']],
  }),
  rule({
    id: 'dates-ampm-space',
    category: 'dates',
    check: { pattern: '(오전|오후)(\\d{1,2})시', flags: 'u', replace: '$1 $2시' },
    message: { ko: '‘오전·오후’와 시각 사이는 띄어 씁니다(오후 3시).', en: 'Put a space between 오전/오후 and the hour (오후 3시).' },
    flags: ['오후3시에 열린다.', '오전9시'],
    passes: ['오후 3시에 열린다.', '오전 9시'],
    fixes: [['오후3시에 열린다.', '오후 3시에 열린다.']],
  }),
  rule({
    id: 'dates-noon-midnight',
    category: 'dates',
    check: { pattern: '(?:오전|오후) ?12시', flags: 'u' },
    message: { ko: '‘오후 12시’·‘오전 12시’는 헷갈립니다. 정오는 ‘낮 12시’, 자정은 ‘0시’로 씁니다.', en: '오전/오후 12시 is ambiguous: write 낮 12시 for noon and 0시 for midnight.' },
    flags: ['오후 12시에 발표한다.', '오전 12시 정각'],
    passes: ['낮 12시에 발표한다.', '0시 정각', '오후 1시 12분'],
  }),
  clock('dates-clock-hour', '00', '$1 $2시', ['오후 3:00에 시작한다.', '오전 9:00'], ['오후 3시에 시작한다.', '오전 9시']),
  clock('dates-clock-minutes', '([1-5]\\d)', '$1 $2시 $3분', ['오후 3:30에 시작한다.', '오전 10:45'], ['오후 3시 30분에 시작한다.', '오전 10시 45분']),
  clock('dates-clock-minutes-zero', '0([1-9])', '$1 $2시 $3분', ['오후 3:05에 시작한다.', '오전 9:09'], ['오후 3시 5분에 시작한다.', '오전 9시 9분']),
  rule({
    id: 'dates-month-day-space',
    category: 'dates',
    check: { pattern: '(?<!\\d)(\\d{1,2})월(\\d{1,2})일', flags: 'u', replace: '$1월 $2일' },
    message: { ko: '날짜의 월과 일은 띄어 씁니다(12월 7일).', en: 'Put a space between month and day (12월 7일).' },
    flags: ['12월7일 열린다.', '3월1일'],
    passes: ['12월 7일 열린다.', '3월 1일'],
    fixes: [['12월7일 열린다.', '12월 7일 열린다.']],
  }),
  rule({
    id: 'dates-year-month-space',
    category: 'dates',
    check: { pattern: '(?<!\\d)(\\d{4})년(\\d{1,2})월', flags: 'u', replace: '$1년 $2월' },
    message: { ko: '날짜의 연과 월은 띄어 씁니다(2026년 12월).', en: 'Put a space between year and month (2026년 12월).' },
    flags: ['2026년12월 개통', '2025년3월'],
    passes: ['2026년 12월 개통', '2025년 3월'],
    fixes: [['2026년12월 개통', '2026년 12월 개통']],
  }),
  rule({
    id: 'dates-hour-minute-space',
    category: 'dates',
    check: { pattern: '(?<!\\d)(\\d{1,2})시(\\d{1,2})분', flags: 'u', replace: '$1시 $2분' },
    message: { ko: '시와 분은 띄어 씁니다(3시 30분).', en: 'Put a space between hour and minute (3시 30분).' },
    flags: ['오후 3시30분', '9시5분 출발'],
    passes: ['오후 3시 30분', '9시 5분 출발'],
    fixes: [['오후 3시30분', '오후 3시 30분']],
  }),
  rule({
    id: 'dates-impossible-day',
    category: 'dates',
    check: { pattern: '(?<!\\d)(?:2월 ?3[01]|(?:4|6|9|11)월 ?31|\\d{1,2}월 ?(?:3[2-9]|[4-9]\\d))일', flags: 'u' },
    message: { ko: '없는 날짜입니다. 날짜를 확인하세요.', en: 'This date does not exist; check it.' },
    flags: ['2월 30일에 열린다.', '11월 31일', '5월 35일'],
    passes: ['2월 28일에 열린다.', '12월 31일', '5월 3일'],
  }),
  rule({
    id: 'dates-impossible-month',
    category: 'dates',
    // 13월의 월급 (year-end tax refund) is an idiom, so only a month with a day is checked.
    check: { pattern: '(?<!\\d)(?:1[3-9]|[2-9]\\d)월 ?\\d{1,2}일', flags: 'u' },
    message: { ko: '없는 달입니다. 날짜를 확인하세요.', en: 'This month does not exist; check the date.' },
    flags: ['13월 5일', '20월 1일까지'],
    passes: ['12월 5일', '13월의 월급'],
  }),
];
