// Korean bylines as copy prints them: the lead before the first paragraph (`[한빛경제=산업부
// 김하늘ㆍ박도윤 기자] `, Yonhap's `(서울=연합뉴스) 홍길동 기자 = `, Newsis' `[서울=뉴시스]홍길동
// 기자 = `, `[한빛경제 김하늘 기자]`) and a name line of its own (`김하늘ㆍ박도윤 기자`). Reading the
// names strictly (every word a name or a role) is what tells a byline from a bracketed kicker.
import type { Reporter } from '../../model/article';

/** Longest first, so 선임기자 is not read as 선임 + 기자. */
const ROLES = ['선임기자', '인턴기자', '객원기자', '수습기자', '전문기자', '사진기자', '영상기자', '편집위원', '논설위원', '선임연구위원', '통신원', '특파원', '기자'];
const ROLE_ALT = ROLES.join('|');
const NAME = /^[가-힣]{2,5}$/;
const NAME_WITH_ROLE = new RegExp(`^([가-힣]{2,5}?)(${ROLE_ALT})$`);
/** Words an outlet's name ends with (한빛경제, 연합뉴스, 뉴시스, 코리아헤럴드…). */
const OUTLET = /(뉴스|일보|신문|경제|방송|통신|뉴시스|타임스|헤럴드|미디어|데일리|닷컴|저널|투데이|비즈|포스트|데스크|[A-Za-z0-9])$/;
/** Words a desk's name ends with (산업부, 경제팀, 편집국…). */
const DESK = /(부|팀|국|실|센터|본부|취재반)$/;

export interface KoreanByline {
  outlet: string;
  desk: string;
  /** The place a wire lead names before its outlet (`(부산=바다뉴스)`): the dateline, not a desk. */
  place: string;
  reporters: Reporter[];
}

/** `김하늘ㆍ박도윤 기자`, `홍길동 기자ㆍ김철수 특파원`, `홍길동 김철수 기자`: null unless every word is a name or a role. */
export function parseKoreanReporters(text: string, requireRole = true): Reporter[] | null {
  const tokens = text.split(/[ㆍ·・•,，、/\s]+/).filter(Boolean);
  const reporters: Reporter[] = [];
  let pending: string[] = [];
  let sawRole = false;
  const assign = (role: string) => {
    for (const name of pending) reporters.push({ name, role, email: '' });
    pending = [];
  };
  for (const token of tokens) {
    const withRole = NAME_WITH_ROLE.exec(token);
    if (ROLES.includes(token)) {
      if (!pending.length) return null;
      assign(token);
      sawRole = true;
    } else if (withRole) {
      pending.push(withRole[1]);
      assign(withRole[2]);
      sawRole = true;
    } else if (NAME.test(token)) pending.push(token);
    else return null;
  }
  assign('');
  if (!reporters.length || (requireRole && !sawRole)) return null;
  return reporters;
}

/** `산업부 김하늘ㆍ박도윤 기자` → desk + reporters; only a word that looks like a desk is taken as one. */
function deskAndReporters(text: string): { desk: string; reporters: Reporter[] } | null {
  const [first, ...rest] = text.split(' ');
  if (rest.length && (DESK.test(first) || /[ㆍ·・,]/.test(rest.join(' ')))) {
    const reporters = parseKoreanReporters(rest.join(' '), false);
    if (reporters) return { desk: first, reporters };
  }
  const reporters = parseKoreanReporters(text, false);
  return reporters ? { desk: '', reporters } : null;
}

/** `한빛경제 김하늘 기자` → outlet + reporters when the first word is an outlet's name. */
function outletAndReporters(text: string): { outlet: string; reporters: Reporter[] } | null {
  const [first, ...rest] = text.split(' ');
  if (rest.length && OUTLET.test(first) && !NAME_WITH_ROLE.test(first)) {
    const reporters = parseKoreanReporters(rest.join(' '));
    if (reporters) return { outlet: first, reporters };
  }
  const reporters = parseKoreanReporters(text);
  return reporters ? { outlet: '', reporters } : null;
}

/**
 * The byline lead at the start of the first paragraph, and the paragraph's text after it
 * (possibly empty when the lead stands on a line of its own). Null when the line has none.
 */
export function parseKoreanLead(line: string): { byline: KoreanByline; rest: string } | null {
  // Wire style: (서울=연합뉴스) / [서울=뉴시스] — place first, then the outlet, names outside, then `=`.
  // The place is where the story was filed (its dateline); the desk is not printed in this form.
  const wire = /^[[(]\s*([^[\]()=]{1,20}?)\s*=\s*([^[\]()=]{1,30}?)\s*[\])]\s*(.+?)\s*=\s*(.*)$/.exec(line);
  if (wire) {
    const reporters = parseKoreanReporters(wire[3]);
    if (reporters) return { byline: { outlet: wire[2], desk: '', place: wire[1], reporters }, rest: wire[4] };
  }
  // House style: [한빛경제=산업부 김하늘ㆍ박도윤 기자] / [한빛경제 김하늘 기자] — everything inside.
  const bracket = /^\[\s*([^[\]]{2,80}?)\s*\]\s*(.*)$/.exec(line);
  if (bracket) {
    const inner = bracket[1];
    const eq = inner.indexOf('=');
    if (eq > 0) {
      const parsed = deskAndReporters(inner.slice(eq + 1).trim());
      if (parsed && inner.slice(0, eq).trim()) return { byline: { outlet: inner.slice(0, eq).trim(), place: '', ...parsed }, rest: bracket[2] };
    } else {
      const parsed = outletAndReporters(inner);
      if (parsed) return { byline: { desk: '', place: '', ...parsed }, rest: bracket[2] };
    }
  }
  // Bare: 홍길동 기자 = 본문
  const bare = /^([^=]{2,40}?)\s*=\s*(.+)$/.exec(line);
  if (bare) {
    const reporters = parseKoreanReporters(bare[1]);
    if (reporters) return { byline: { outlet: '', desk: '', place: '', reporters }, rest: bare[2] };
  }
  return null;
}

/** A byline line of its own in the page header: `김하늘ㆍ박도윤 기자`, `한빛경제 김하늘 기자`. */
export function parseKoreanBylineLine(line: string): KoreanByline | null {
  const parsed = outletAndReporters(line.replace(/[()<>[\]]/g, ' ').replace(/\s+/g, ' ').trim());
  return parsed ? { desk: '', place: '', ...parsed } : null;
}
