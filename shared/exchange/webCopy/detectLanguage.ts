// Which language a pasted page is in, from the share of Hangul among its letters. Korean copy
// carries Latin too (units, company names, e-mails), so a minority of Hangul already means Korean.
import type { Language } from '../../model/article';
import { EMAIL, hangulCount } from './webCopyLines';

/** Above this share of Hangul letters the text is Korean. */
const KOREAN_SHARE = 0.3;

export function detectLanguage(text: string): Language {
  const letters = text.replace(EMAIL, ' ').replace(/https?:\/\/\S+/g, ' ');
  const hangul = hangulCount(letters);
  const latin = (letters.match(/[A-Za-z]/g) ?? []).length;
  return hangul > 0 && hangul / (hangul + latin) >= KOREAN_SHARE ? 'ko' : 'en';
}
