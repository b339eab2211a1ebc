// What a spelling finding says, in Korean and English: the word is not in the dictionary, what it
// may have been meant to be, and what to do when it is right after all (the newsroom word list).
import type { Finding } from '../style/runRules';

/** A spelling finding's message, for a word and Hunspell's first suggestion (if any). */
export function spellingMessage(word: string, suggestion: string | undefined): Finding['message'] {
  if (suggestion === undefined) {
    return {
      ko: `사전에 없는 말입니다: ‘${word}’. 철자를 확인하고, 맞는 말(이름·고유명사)이면 사내 단어장에 추가하세요.`,
      en: `Not in the dictionary: “${word}”. Check the spelling; if it is right (a name, say), add it to the newsroom word list.`,
    };
  }
  return {
    ko: `사전에 없는 말입니다: ‘${word}’. ‘${suggestion}’이(가) 맞는지 확인하세요. 맞는 말(이름·고유명사)이면 사내 단어장에 추가하세요.`,
    en: `Not in the dictionary: “${word}”. Did you mean “${suggestion}”? If the word is right (a name, say), add it to the newsroom word list.`,
  };
}
