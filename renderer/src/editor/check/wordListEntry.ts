// What "add to the word list" adds: the word as the dictionary should know it. A Korean word is
// underlined with its particle (한빛타이탄스가); the list takes the stem, and the speller accepts
// a listed word with any particle after it. The particles are shared/korean/particles.ts's.
import type { Language } from '../../../../shared/model/article';
import { withoutParticle } from '../../../../shared/korean/particles';

export function wordListEntry(text: string, language: Language): string {
  if (language !== 'ko') return text;
  return withoutParticle(text) ?? text;
}
