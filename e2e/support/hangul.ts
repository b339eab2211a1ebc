// Splits Hangul syllables into the composition steps an IME shows (ㅎ → 하 → 한), so specs can
// replay real composition events instead of typing finished text.
const L = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

export function compositionSteps(syllable: string): string[] {
  const code = syllable.codePointAt(0)!;
  const index = code - 0xac00;
  if (index < 0 || index > 11171) return [syllable];
  const lead = Math.floor(index / 588);
  const tail = index % 28;
  const noTail = String.fromCodePoint(code - tail);
  return tail === 0 ? [L[lead], noTail] : [L[lead], noTail, syllable];
}
