// A printed byline back into data: `By A and B`, `A, B`, `홍길동 기자`, `김하늘ㆍ박도윤 기자`,
// `[한빛경제=산업부 김하늘 기자]`, `(서울=연합뉴스) 홍길동 기자 =`, with e-mails picked out.
// Web pages and DOCX files (our own export's Byline paragraph) both print bylines this way.
import { EMAIL } from '../../../shared/exchange/email';
import type { Byline, Reporter } from '../../../shared/model/article';

const ROLES = ['선임기자', '인턴기자', '수습기자', '객원기자', '전문기자', '사진기자', '기자', '특파원', '논설위원', '편집위원', '객원논설위원'];
const ROLE_AT_END = new RegExp(`^(.*?)\\s*(${ROLES.join('|')})$`, 'u');
const SEPARATORS = /\s*(?:,|、|ㆍ|·|･|&|;|\band\b|\s및\s)\s*/iu;

/** Reporters named in `text`; roles shared by neighbours (`김하늘ㆍ박도윤 기자`) go to each. */
export function parseReporters(text: string): Reporter[] {
  const emails = text.match(EMAIL) ?? [];
  const rest = text
    .replace(EMAIL, ' ')
    .replace(/[<>()[\]]/g, ' ')
    .replace(/^\s*by\s+/i, '')
    .replace(/\s*=\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const groups = rest
    .split(SEPARATORS)
    .map((g) => g.trim())
    .filter(Boolean);
  const reporters: Reporter[] = groups.map((g) => {
    const m = ROLE_AT_END.exec(g);
    return m && m[1] ? { name: m[1].trim(), role: m[2], email: '' } : { name: g, role: '', email: '' };
  });
  // A role printed once after several names belongs to each of them.
  for (let i = reporters.length - 2; i >= 0; i--) if (!reporters[i].role) reporters[i].role = reporters[i + 1].role;
  const named = reporters.filter((r) => r.name && r.name.length <= 200 && !/^https?:/i.test(r.name)).slice(0, 20);
  if (emails.length === named.length) named.forEach((r, i) => (r.email = emails[i]));
  else if (named[0] && emails[0]) named[0].email = emails[0];
  return named.map((r) => ({ ...r, name: r.name.slice(0, 200) }));
}

/** Outlet, desk and reporters from a printed byline in any of the house shapes. */
export function parseByline(text: string): Omit<Byline, 'templateId'> {
  const line = text.replace(/\s+/g, ' ').trim();
  // (서울=연합뉴스) 홍길동 기자 =  → desk 서울, outlet 연합뉴스
  const wire = /^\(\s*([^=()]+?)\s*=\s*([^()]+?)\s*\)\s*(.*)$/u.exec(line);
  if (wire) return { desk: wire[1], outlet: wire[2], reporters: parseReporters(wire[3]) };
  // [한빛경제=산업부 김하늘ㆍ박도윤 기자] / [한빛경제 김하늘 기자]
  const bracket = /^\[\s*([^\]]+?)\s*\]\s*(.*)$/u.exec(line);
  if (bracket) {
    const inner = bracket[1];
    const eq = inner.indexOf('=');
    const outlet = eq >= 0 ? inner.slice(0, eq).trim() : '';
    const words = (eq >= 0 ? inner.slice(eq + 1) : inner).trim().split(' ');
    // The names are the last word(s) before the role; anything before them is the desk (or the outlet without '=').
    const roleAt = words.length > 1 && ROLES.includes(words[words.length - 1]) ? words.length - 1 : words.length;
    const namesFrom = Math.max(0, roleAt - 1);
    const before = words.slice(0, namesFrom).join(' ');
    const reporters = parseReporters([words.slice(namesFrom).join(' '), bracket[2]].join(' '));
    return eq >= 0 ? { outlet, desk: before, reporters } : { outlet: before, desk: '', reporters };
  }
  return { outlet: '', desk: '', reporters: parseReporters(line) };
}

/** Author names that stand for nobody: a CMS's placeholder or account name. */
const PLACEHOLDER = /^(?:no\s*author|unknown(?:\s+author)?|anonymous|staff(?:\s+(?:writer|reporter))?|admin(?:istrator)?|editor|web\s*(?:desk|team|editor)|newsroom|guest|user|관리자|운영자|편집자|웹팀|온라인뉴스팀|익명)$/iu;
/** Words that make a name an organisation ("CBS News", "Hanbit Press", "한빛일보", "한빛뉴스"). */
const ORGANISATION = /(?:\b(?:news|press|media|times|daily|herald|tribune|journal|network|agency|broadcasting|radio|tv|inc\.?|corp\.?|ltd\.?|llc|group|magazine|gazette|wire|associated)\b|(?:뉴스|일보|신문|방송|미디어|통신|매일|경제|타임스|닷컴|데일리)$)/iu;

/**
 * Reporters that are people: placeholders dropped, an organisation given as the author taken as
 * the outlet instead (the first one, when the page names none).
 */
export function splitPeople(reporters: Reporter[], siteName = ''): { reporters: Reporter[]; outlet: string } {
  let outlet = '';
  const people: Reporter[] = [];
  const site = siteName.replace(/\s+/g, ' ').trim().toLowerCase();
  for (const r of reporters) {
    const name = r.name.replace(/\s+/g, ' ').trim();
    if (PLACEHOLDER.test(name)) continue;
    // A reporter's role (기자) or e-mail says it is a person even when the name ends like an outlet.
    if (!r.role && (ORGANISATION.test(name) || (site && name.toLowerCase() === site))) {
      outlet ||= name;
      continue;
    }
    people.push(r);
  }
  return { reporters: people, outlet };
}
