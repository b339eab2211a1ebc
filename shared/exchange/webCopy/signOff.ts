// The sign-off at the end of the copy: the reporter's e-mail on a line of its own, sometimes with
// the name (`김하늘 기자 sky@…`, `Contact Dana Whitfield at dana@…`) or several addresses, or the
// byline printed at the end without one (`/김하늘 기자`, `[김하늘 기자]`, `글·사진=김하늘 기자`).
// Each address goes to the reporter it names, else to the next reporter without one, lead first;
// a name not in the byline joins it.
import type { Reporter } from '../../model/article';
import { parseKoreanReporters } from './koreanByline';
import { EMAIL } from '../email';

const FILLER = /\b(contact|email|e-mail|reach|write to|follow|at|and|or|on|via)\b|이메일|메일|문의|[:：,/()<>[\]ㆍ·|=-]/gi;

export interface SignOff {
  email: string;
  /** The name printed beside it, '' if none. */
  name: string;
  role: string;
}

/** The addresses on a sign-off line, or null when the line is more than a sign-off. */
export function parseSignOff(line: string): SignOff[] | null {
  const emails = line.match(EMAIL);
  if (!emails) return null;
  const rest = line.replace(EMAIL, ' ').replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  if (rest.length > 30 || /다\.?$/.test(rest)) return null;
  const korean = rest ? parseKoreanReporters(rest, false) : null;
  const name = korean?.length === 1 ? korean[0].name : /^(\p{Lu}[\p{L}'’.-]*\s?){1,4}$/u.test(rest) ? rest : '';
  const role = korean?.length === 1 ? korean[0].role : '';
  return emails.map((email) => ({ email, name: emails.length === 1 ? name : '', role }));
}

/** What may wrap a byline printed at the end: brackets, a leading slash, `글·사진=`. */
const END_BYLINE_WRAP = /^[/[(<]\s*|\s*[\])>]$|^(글|사진|글\s*[·ㆍ・]\s*사진|사진\s*[·ㆍ・]\s*글|정리)\s*[=:：]\s*/g;

/** A byline at the end with no address (`/김하늘 기자`, `[김하늘ㆍ박도윤 기자]`): its reporters, or null. */
export function parseEndByline(line: string): SignOff[] | null {
  if (line.length > 60) return null;
  let bare = line;
  for (let before = ''; before !== bare; ) [before, bare] = [bare, bare.replace(END_BYLINE_WRAP, '').trim()];
  const reporters = parseKoreanReporters(bare);
  return reporters ? reporters.map((r) => ({ email: '', name: r.name, role: r.role })) : null;
}

/** Gives each address to its reporter; a named one not in the byline joins it. */
export function assignSignOffs(reporters: Reporter[], signOffs: readonly SignOff[]): void {
  for (const s of signOffs) {
    if (!s.email) {
      if (s.name && !reporters.some((r) => r.name === s.name)) reporters.push({ name: s.name, role: s.role, email: '' });
      continue;
    }
    if (reporters.some((r) => r.email === s.email)) continue;
    const named = s.name ? reporters.find((r) => r.name === s.name || r.name.toLowerCase() === s.name.toLowerCase()) : undefined;
    const target = named ?? (s.name ? undefined : reporters.find((r) => !r.email));
    if (target && !target.email) target.email = s.email;
    else if (!target && s.name) reporters.push({ name: s.name, role: s.role, email: s.email });
    else if (!target && !reporters.length) reporters.push({ name: '', role: '', email: s.email });
  }
}
