// A pasted web page as lines: line endings, non-breaking and ideographic spaces, zero-width
// characters and decomposed Hangul (macOS) made uniform first, so every rule after this one sees
// the same text whichever browser or system the copy came from. Also the small tests on a line's
// shape that the header and body readers share.

export interface WebCopyLine {
  /** Trimmed text ('' for a blank line). */
  text: string;
  /** Leading spaces before the text: deep indentation marks a site's menus and link lists. */
  indent: number;
}

export function webCopyLines(input: string): WebCopyLine[] {
  const text = input
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  return text.split('\n').map((raw) => {
    const trimmed = raw.replace(/ +/g, ' ').trim();
    return { text: trimmed, indent: trimmed ? raw.length - raw.trimStart().length : 0 };
  });
}

/** A list bullet a site puts before menu entries and, in both fixtures, before the headline. */
export const BULLET = /^[•·▪◦‣∙]\s*/;

/** Ends like a sentence: `.` `!` `?` `。` `…` `:` `;` (optionally inside closing quotes/brackets) or a closing quote. */
export function endsSentence(text: string): boolean {
  return /[.!?。…:;]["'”’»)\]]*$/.test(text) || /["”’]$/.test(text);
}

/** Sentences in a line, counted by their end marks (8.5 or 1.5% are not ends). */
export function sentenceCount(text: string): number {
  return (text.match(/[.!?。](?=["'”’)\]]*(\s|$))/g) ?? []).length;
}

export const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

