// Splits a paragraph into the words a spell checker should see, with their UTF-16 offsets (the
// editor's unit). Most of the work is what to leave out: a dictionary cannot judge numbers, links,
// acronyms or names, and news copy is full of them; every skip here was measured on our own clean
// copy (shared/spelling/README.md has the figures). Pure: no dictionary, no Node, no DOM.
import type { Language } from '../model/article';
import { NOUN_PARTICLES } from '../korean/particles';

export type SpellWord = { offset: number; length: number; text: string };

/** Whitespace-separated pieces of the paragraph: links and addresses are judged whole. */
const CHUNK = /\S+/g;
const URL_OR_EMAIL = /:\/\/|^[(<[]?www\.|@|\.(?:com|net|org|kr|co|io|gov|edu)\b/i;
const DIGIT_OR_LATIN = /[0-9A-Za-z]/;
const DIGIT = /[0-9]/;
/** Complete Hangul syllables; jamo alone (ㅋㅋ) and hanja are never words to check. */
const HANGUL_RUN = /[가-힣]+/g;
/** Latin words with inner apostrophes (don't, council’s); a hyphen splits (well-known → well, known). */
const LATIN_WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

/**
 * Titles that follow a Korean name in news copy (`김하늘 기자`, `최윤호 장관은`). A personal name is
 * never in the dictionary; the 2–4-syllable token before one of these (or a chain joined by ㆍ or ·,
 * `김하늘ㆍ박도윤 기자`) is taken as a name and not checked.
 */
const KO_TITLES = [
  '기자', '특파원', '논설위원', '앵커', '씨', '군', '양', '옹', '님',
  '대표', '회장', '부회장', '사장', '부사장', '이사', '이사장', '전무', '상무', '본부장', '센터장',
  '대통령', '총리', '장관', '차관', '의원', '위원', '위원장', '의장', '대변인', '비서관', '수석', '후보', '당선인',
  '시장', '지사', '군수', '구청장', '청장', '처장', '원장', '소장', '실장', '국장', '과장', '팀장', '부장', '차장', '총장', '관장', '대사', '영사',
  '교수', '박사', '연구원', '연구위원', '교사', '변호사', '판사', '검사', '검사장', '의사', '작가', '감독', '코치', '선수', '주장', '대행',
];
// The whole next word is the title, with at most 들 and one particle after it (기자는, 장관이,
// 의원들의): a word that only starts like one (양형은 after a 2-syllable word) leaves it checked.
const TITLE_WORD = new RegExp(`^(?:${[...KO_TITLES].sort((a, b) => b.length - a.length).join('|')})들?(?:${NOUN_PARTICLES.join('|')})?$`);
const NAME_CHAIN = /^[가-힣]{2,4}(?:[ㆍ·][가-힣]{2,4})*$/;

/** True when the word starts a sentence: first in the paragraph, or after . ! ? (and any quote or bracket). */
function sentenceInitial(text: string, offset: number): boolean {
  const before = text.slice(0, offset).replace(/[\s"'“‘([—–-]+$/u, '');
  return before === '' || /[.!?:…]$/.test(before);
}

function koreanWords(text: string): SpellWord[] {
  const chunks = [...text.matchAll(CHUNK)];
  const words: SpellWord[] = [];
  chunks.forEach((chunk, i) => {
    const piece = chunk[0];
    // `612억달러로`, `11월`, `KT는`, `AI가`: units, dates and Latin names glued to Hangul are not words.
    if (URL_OR_EMAIL.test(piece) || DIGIT_OR_LATIN.test(piece)) return;
    const next = chunks[i + 1]?.[0] ?? '';
    const bare = piece.replace(/^[^가-힣]+|[^가-힣]+$/g, '');
    if (NAME_CHAIN.test(bare) && TITLE_WORD.test(next.replace(/^[^가-힣]+|[^가-힣]+$/g, ''))) return;
    for (const run of piece.matchAll(HANGUL_RUN)) {
      // One syllable (`석 달`, `수`) cannot be judged without its neighbours.
      if (run[0].length < 2) continue;
      words.push({ offset: chunk.index + run.index, length: run[0].length, text: run[0] });
    }
  });
  return words;
}

function englishWords(text: string): SpellWord[] {
  const words: SpellWord[] = [];
  for (const chunk of text.matchAll(CHUNK)) {
    const piece = chunk[0];
    // `11th`, `COVID-19`, `$412m`: anything with a digit; links and addresses whole.
    if (URL_OR_EMAIL.test(piece) || DIGIT.test(piece)) continue;
    const found = [...piece.matchAll(LATIN_WORD)];
    found.forEach((word, j) => {
      const w = word[0];
      const offset = chunk.index + word.index;
      if (w.length < 2) return;
      // Acronyms (NATO, FBI) and inner capitals (iPhone, McDonald) are names, not dictionary words.
      if (/[A-Z]/.test(w.slice(1))) return;
      if (/^[A-Z]/.test(w)) {
        // A capital mid-sentence is a name (Rosa Ibarra, Port Avery); at a sentence start it is
        // checked unless the next word is capitalised too (`Priya Raman said`).
        if (j > 0 || !sentenceInitial(text, offset)) return;
        const nextWord = /^\s*([A-Za-z])/.exec(text.slice(offset + w.length));
        if (nextWord && /[A-Z]/.test(nextWord[1])) return;
      }
      words.push({ offset, length: w.length, text: w });
    });
  }
  return words;
}

/** The words of one paragraph worth checking, in order, with offsets in UTF-16 code units. */
export function spellWords(text: string, language: Language): SpellWord[] {
  return language === 'ko' ? koreanWords(text) : englishWords(text);
}
