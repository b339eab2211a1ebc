// The reporter's sign-off closing a Korean wire or web story's body — a last line that is only
// `홍길동 기자 hong@…`, `최윤호 기자 = uknow@…` or `kokobj@… (END)`, or the same printed after the
// last paragraph's last sentence. It is the byline's e-mail (and name), not body text: every
// importer whose body may end with one (HTML pages, NITF, ninjs) takes it off the same way.
import type { DocNode, Reporter } from '../../model/article';
import { EMAIL_SOURCE } from '../email';

/** A last line that is only the sign-off. */
const SIGN_OFF = new RegExp(`^(?:(\\S+)\\s*(?:기자|특파원)\\s*[=:]?\\s*)?[<(]?(${EMAIL_SOURCE})[>)]?\\s*(?:\\((?:END|끝)\\))?$`, 'iu');
/** The same sign-off printed at the end of the last paragraph, after its last sentence. */
const TRAILING_SIGN_OFF = new RegExp(`([.!?。"”’)])\\s+(\\S{2,5})\\s*(?:기자|특파원)\\s*[=:]?\\s*[<(]?(${EMAIL_SOURCE})[>)]?\\s*$`, 'u');

export type SignOff = { name: string; email: string };

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The sign-off in a paragraph's text: `whole` when the paragraph is nothing else (it goes),
 * otherwise `kept`, the text before it (the sentence stays). Null when there is none.
 */
export function signOffIn(paragraph: string): (SignOff & { whole: true }) | (SignOff & { whole: false; kept: string }) | null {
  const text = norm(paragraph);
  const m = SIGN_OFF.exec(text);
  if (m) return { whole: true, name: m[1] ?? '', email: m[2] };
  const t = TRAILING_SIGN_OFF.exec(text);
  if (t) return { whole: false, kept: text.slice(0, t.index + t[1].length), name: t[2], email: t[3] };
  return null;
}

const textOf = (n: DocNode): string => (n.text ?? '') + (n.content ?? []).map(textOf).join('');

/** A body's closing sign-off taken off its blocks (a paragraph of several styled runs keeps a trailing one: cutting it would lose the styling). */
export function takeSignOff(content: readonly DocNode[]): { content: DocNode[]; signOff: SignOff | null } {
  const last = content[content.length - 1];
  const found = last?.type === 'paragraph' ? signOffIn(textOf(last)) : null;
  if (found?.whole && content.length >= 2) return { content: content.slice(0, -1), signOff: found };
  if (found && !found.whole && last.content?.length === 1 && last.content[0].type === 'text' && !last.content[0].marks) {
    return { content: [...content.slice(0, -1), { ...last, content: [{ type: 'text', text: found.kept }] }], signOff: found };
  }
  return { content: [...content], signOff: null };
}

/** The sign-off's e-mail to the reporter it names (or, with no name, the first); a name not in the byline joins it. */
export function giveSignOff(reporters: Reporter[], signOff: SignOff | null): void {
  if (!signOff?.email) return;
  const named = reporters.find((r) => r.name === signOff.name) ?? (signOff.name ? undefined : reporters[0]);
  if (named) named.email ||= signOff.email;
  else reporters.push({ name: signOff.name, role: signOff.name ? '기자' : '', email: signOff.email });
}
