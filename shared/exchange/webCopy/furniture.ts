// Site furniture: what a web page shows around the story and a copy picks up with it — menus,
// "실시간 뉴스" / "Most read" lists, sign-up prompts, copyright lines, recommendation blocks,
// time stamps. Matched as whole lines, so a paragraph that merely mentions a newsletter stays.

/** Whole lines that are never copy (compared lower-cased, spaces squeezed, a trailing colon dropped). */
const FURNITURE_LINES = new Set(
  [
    'subscribe', 'subscribe now', 'sign in', 'sign up', 'log in', 'login', 'log out', 'register', 'menu', 'search', 'home',
    'share', 'share this', 'share this article', 'print', 'email', 'comments', 'comment', 'save', 'listen', 'listen to this article',
    'most read', 'most popular', 'most viewed', 'newsletters', 'newsletter', 'markets live', 'live', 'live updates',
    'advertisement', 'ad', 'sponsored', 'sponsored content', 'skip to content', 'skip to main content', 'back to top', 'follow us',
    'related', 'related stories', 'related articles', 'related content', 'recommended', 'recommended for you', 'more stories',
    'more from', 'read more', 'read next', 'see also', 'trending', 'trending now', 'top stories', 'latest', 'latest news',
    'you may also like', 'you might also like', 'editors\' picks', 'gift this article', 'open in app', 'accessibility',
    '실시간 뉴스', '실시간뉴스', '많이 본 뉴스', '많이 본 기사', '많이본뉴스', '많이 본', '인기 기사', '인기기사', '추천 기사', '추천기사',
    '관련 기사', '관련기사', '맞춤 정보', '맞춤정보', '이슈 & 토픽', '공유하기', '기사 공유', '기사 공유하기', '댓글', '댓글 보기', '구독', '구독하기',
    '로그인', '로그아웃', '회원가입', '전체메뉴', '전체 메뉴', '메뉴', '검색', '광고', '인쇄', '프린트', '스크랩', '글자크기', '글씨크기', '본문 글씨 키우기',
    '좋아요', '공유', '글자크기조정', '기사저장', '북마크', '기사 듣기', '기사 제보', '제보하기', '홈', '홈으로', '뉴스홈', '이 기사를 추천합니다', '함께 보면 좋은 기사', '오늘의 주요뉴스',
    '이 시각 주요뉴스', '이 시각 인기뉴스', '주요뉴스', '많이 본 정보', '오늘의 인기정보', '비즈 링크', '당신을 위한 추천 정보', '(끝)',
  ].map((s) => s.toLowerCase()),
);

const FURNITURE_PATTERNS: RegExp[] = [
  // Copyright lines: `© 2026 X`, `<ⓒ X>`, `Copyright …`, `저작권자 ©…`, `무단 전재 및 재배포 금지`, `X © 2026`.
  /^[<[(]?\s*(©|ⓒ|\(c\)\s|copyright\b)/i,
  /저작권자|무단\s*(전재|복제|배포)|재배포\s*금지|(AI|인공지능)\s*학습.{0,12}금지|all rights reserved|may not be (published|reproduced)/i,
  // mid-line only with a year: a photo credit such as `ⓒ바다뉴스` on a caption is the caption's.
  /^.{0,60}[©ⓒ]\s*\d{4}.{0,40}$/,
  /^[▶☞▷►»]/,
  /^(sign up|subscribe) (for|to|now)\b/i,
  /^(read more|read next|see also|also read|more from|more on|watch|listen)\s*:/i,
  /^\d+\s*(min|minute)s?\s+read$/i,
  /^(our standards|reporting by|writing by|editing by|additional reporting by|compiled by)\b/i,
  /^(photo|video|graphic) gallery$/i,
  /^(이전|다음) ?기사/,
  /^\[?(관련기사|관련 기사|추천기사|함께 보면 좋은 기사)\]?\s*[:：]?/,
  /^(facebook|twitter|x|kakao|카카오톡|페이스북|트위터|네이버|band|밴드|url ?복사|링크 ?복사)(\s*[|/·]\s*(facebook|twitter|x|kakao|카카오톡|페이스북|트위터|네이버|band|밴드|url ?복사|링크 ?복사))*$/i,
];

/** Lines that open a list of other stories; the rest of their block goes with them. */
const LIST_HEADERS =
  /^(most read|most popular|most viewed|related( stories| articles| content)?|recommended( for you)?|more stories|more from .{1,40}|more on this (story|topic)|you (may|might) also like|read next|top stories|trending( now)?|latest news|editors' picks|실시간 ?뉴스|많이 ?본 ?(뉴스|기사|정보)?|관련 ?기사|추천 ?기사|인기 ?기사|함께 (보면 좋은|볼만한|읽은) 기사|맞춤 ?정보|이 시각 (주요|인기) ?뉴스|오늘의 (주요|인기)\s?(뉴스|정보))\s*[:：]?$/i;

/** Publication and update stamps: `Updated Nov. 3, 2026, 6:12 a.m.`, `입력 2026.11.03 06:00`, `송고시간2026-11-03 09:12`. */
const DATE_LINE =
  /^((updated|published|posted|last updated|last modified|first published|modified|issued)\b|(입력|수정|승인|등록|기사입력|최종수정|송고시간|업데이트|발행일|게재|송고)\s*[:：]?\s*\d)/i;
/** A date as pages print it, then anything with a digit (a time) or a weekday in brackets: `2026.12.07(월) 15:30`. */
const BARE_DATE =
  /^((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}\s*[-./년]\s*\d{1,2}\s*[-./월]\s*\d{1,2}\s*일?\.?)(\s*\(\s*[월화수목금토일]\s*\))?(([\s,T]|\s*[|·/]\s*)+.*\d.*|\s+송고)?$/i;
/** A time alone or first: `15:30`, `오후 3:30`, `3:30 p.m. ET, Dec. 7, 2026`, `15.30 GMT`. */
const TIME_FIRST = /^(오전|오후)?\s*\d{1,2}[:.]\d{2}(:\d{2})?\s*(a\.?m\.?|p\.?m\.?)?\s*(kst|gmt|utc|bst|cet|cest|jst|et|est|edt|ct|cst|cdt|pt|pst|pdt)?[\s,|·]*/i;
/** How long ago: `5 hours ago`, `3분 전`, `1시간 전`, `어제`. */
const RELATIVE_TIME = /^(\d{1,3}\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|\d{1,3}\s*(초|분|시간|일|주)\s*전|방금 ?전|어제|yesterday|just now)$/i;
/** The wire's filing stamp at the foot: `2026/12/07 15:30 송고`. */
const FILED = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?\s+\d{1,2}:\d{2}\s*송고$/;

const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').replace(/\s*[:：]$/, '').trim();

export function isFurniture(text: string): boolean {
  return FURNITURE_LINES.has(key(text)) || FURNITURE_PATTERNS.some((p) => p.test(text));
}

export function isListHeader(text: string): boolean {
  return LIST_HEADERS.test(key(text));
}

export function isDateLine(text: string): boolean {
  if (text.length > 80) return false;
  if ([DATE_LINE, BARE_DATE, RELATIVE_TIME, FILED].some((re) => re.test(text))) return true;
  // A time, alone or before the date.
  const time = TIME_FIRST.exec(text);
  if (!time) return false;
  const rest = text.slice(time[0].length);
  // `15.30` alone could be a figure; with a dot it is a time only beside a zone, a.m./p.m. or a date.
  const dotted = /^\D*\d{1,2}\./.test(text) && !time[3] && !time[4];
  return rest === '' ? !dotted : BARE_DATE.test(rest);
}

/** A correction or clarification note at the foot of the story: not body text, not importable as one. */
export function isCorrectionLine(text: string): boolean {
  return /^(\[?정정\]?|\[?바로잡습니다\]?|correction|clarification)(\s|[:：(\]]|$)/i.test(text);
}
