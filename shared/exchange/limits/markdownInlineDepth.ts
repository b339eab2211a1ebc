// How deep Markdown emphasis could nest (`*a _b **c …`), paragraph by paragraph, by CommonMark's
// flanking rules simplified: a run of `*`, `_` or `~` with text after it and space or punctuation
// before it opens, one with text before and space or punctuation after closes. marked lexes nested
// emphasis recursively and overflows its stack near 2,000 levels after seconds of work, so a file
// past the limit is refused before it is lexed. Code spans are not skipped: over-counting is harmless.

const isSpace = (c: string) => c === '' || c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isPunct = (c: string) => /[\p{P}\p{S}]/u.test(c);

export function markdownInlineDepth(text: string, stopAt = Infinity): number {
  let max = 0;
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    let depth = 0;
    const n = paragraph.length;
    for (let i = 0; i < n; i++) {
      const c = paragraph[i];
      if (c !== '*' && c !== '_' && c !== '~') continue;
      let end = i + 1;
      while (end < n && paragraph[end] === c) end++;
      const before = i > 0 ? paragraph[i - 1] : '';
      const after = end < n ? paragraph[end] : '';
      i = end - 1;
      const opens = !isSpace(after) && (isSpace(before) || isPunct(before));
      const closes = !isSpace(before) && (isSpace(after) || isPunct(after));
      if (opens && !closes) {
        depth++;
        if (depth > max) {
          max = depth;
          if (max > stopAt) return max;
        }
      } else if (closes && !opens && depth > 0) depth--;
    }
  }
  return max;
}
