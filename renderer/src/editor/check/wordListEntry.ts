// What "add to the word list" adds: the word as the dictionary should know it. A Korean word is
// underlined with its particle (한빛타이탄스가); the list takes the stem, and the speller accepts
// a listed word with any particle after it.
import type { Language } from '../../../../shared/model/article';

// Longest first, so 에서 is taken before 서 could be.
const PARTICLES = ['에게서', '으로서', '으로써', '에서', '에게', '으로', '까지', '부터', '처럼', '보다', '마저', '조차', '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만'];

export function wordListEntry(text: string, language: Language): string {
  if (language !== 'ko') return text;
  for (const p of PARTICLES) {
    const stem = text.slice(0, -p.length);
    if (text.endsWith(p) && [...stem].length >= 2) return stem;
  }
  return text;
}
