// Which of our two languages a text is in, from the share of Hangul among its letters: the one rule
// every importer uses, so the same copy is Korean whether it came as a web page, NITF, ninjs,
// Markdown, DOCX or pasted text. Korean copy carries Latin too (units, company names, e-mails), so
// a minority of Hangul already means Korean; e-mails and web addresses are not counted at all.
import type { Language } from '../model/article';
import { EMAIL } from './email';

/** At or above this share of Hangul letters the text is Korean. */
export const KOREAN_SHARE = 0.3;

const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/g;
const LATIN = /[A-Za-z]/g;

/** Hangul letters as a share of Hangul plus Latin letters (0 when there are none), e-mails and URLs left out. */
export function hangulShare(text: string): number {
  const letters = text.replace(EMAIL, ' ').replace(/https?:\/\/\S+/g, ' ');
  const hangul = letters.match(HANGUL)?.length ?? 0;
  const latin = letters.match(LATIN)?.length ?? 0;
  return hangul ? hangul / (hangul + latin) : 0;
}

/** 'ko' when Hangul is at least KOREAN_SHARE of the letters, else 'en'. */
export function languageFromText(text: string): Language {
  return hangulShare(text) >= KOREAN_SHARE ? 'ko' : 'en';
}
