// Korean particles, the project's one list of them. Some change with the word before them: 을/를,
// 은/는, 이/가 depend on whether its last syllable ends in a consonant (받침). Messages put a
// headline before a particle, so the particle is chosen from the headline; when it ends in
// something with no sure reading (Latin, symbols) the written-out pair 을(를) stays, as Korean
// style guides allow. Others are read off a word as written: the word list takes 노원구 from 노원구에서.

export type ParticlePair = '을를' | '은는' | '이가';

const FORMS: Record<ParticlePair, [withFinal: string, withoutFinal: string, unknown: string]> = {
  을를: ['을', '를', '을(를)'],
  은는: ['은', '는', '은(는)'],
  이가: ['이', '가', '이(가)'],
};

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Each digit read in Sino-Korean (영 일 이 삼 사 오 육 칠 팔 구): true when its reading ends in a consonant. */
const DIGIT_HAS_FINAL = [true, true, false, true, false, false, true, true, true, false];
/** Closing quotes, brackets and trailing punctuation are read past: 「부산항」 ends in 항. */
const SKIPPED = /[\s"'”’」』)\]}〉》.!?…·,~-]/u;

/** Whether the text's last readable character ends in a consonant; null when that cannot be told. */
export function endsWithFinalConsonant(text: string): boolean | null {
  const chars = [...text];
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i];
    if (SKIPPED.test(ch)) continue;
    const code = ch.codePointAt(0)!;
    if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return (code - HANGUL_FIRST) % 28 !== 0;
    if (ch >= '0' && ch <= '9') return DIGIT_HAS_FINAL[Number(ch)];
    return null;
  }
  return null;
}

/** The particle that follows `text`: 을 or 를 (or 을(를) when the ending cannot be read), and so on. */
export function particleAfter(text: string, pair: ParticlePair): string {
  const final = endsWithFinalConsonant(text);
  const [withFinal, withoutFinal, unknown] = FORMS[pair];
  return final === null ? unknown : final ? withFinal : withoutFinal;
}

export const PARTICLE_PAIRS = Object.keys(FORMS) as ParticlePair[];

/**
 * Particles written straight after a noun (case and common auxiliary ones), longest first: a word
 * ends in at most one particle of each length, so the first that fits is the longest (서울역으로 is
 * 서울역 + 으로, not 서울역으 + 로).
 */
export const NOUN_PARTICLES: readonly string[] = [
  ...['에게서', '으로서', '으로써'],
  ...['에서', '에게', '으로', '까지', '부터', '처럼', '보다', '마저', '조차'],
  ...['은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만'],
];

/**
 * The noun before a particle the word ends in (노원구에서 → 노원구), or null when it ends in none or
 * less than `minSyllables` would be left: a one-syllable stem is too often the word itself (양이, 나이).
 */
export function withoutParticle(word: string, minSyllables = 2): string | null {
  for (const p of NOUN_PARTICLES) {
    if (!word.endsWith(p)) continue;
    const stem = word.slice(0, -p.length);
    if ([...stem].length >= minSyllables) return stem;
  }
  return null;
}
