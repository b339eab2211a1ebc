// Korean particles that change with the word before them: 을/를, 은/는, 이/가 depend on whether its
// last syllable ends in a consonant (받침). Messages put a headline before a particle, so the
// particle is chosen from the headline; when it ends in something with no sure reading (Latin,
// symbols) the written-out pair 을(를) stays, as Korean style guides allow.

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
