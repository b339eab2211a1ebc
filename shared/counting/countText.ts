// Length as a Korean desk counts it: grapheme clusters (what a reader sees as one character), not
// UTF-16 units, so emoji, combining marks and decomposed Hangul each count once.
export interface TextCounts {
  chars: number;
  charsNoSpaces: number;
  words: number;
}

const graphemes = new Intl.Segmenter('ko', { granularity: 'grapheme' });
const SPACE = /^\s+$/u;

export function countText(text: string): TextCounts {
  let chars = 0;
  let spaces = 0;
  let words = 0;
  let inWord = false;
  for (const { segment } of graphemes.segment(text)) {
    chars++;
    if (SPACE.test(segment)) {
      spaces++;
      inWord = false;
    } else if (!inWord) {
      words++;
      inWord = true;
    }
  }
  return { chars, charsNoSpaces: chars - spaces, words };
}

/** Splits text into grapheme clusters (for the 원고지 grid). */
export function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}
