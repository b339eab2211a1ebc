// Whether a page's meta description is this article's standfirst. Sites often put one
// description on every page ("The latest news from …"), or repeat the opening paragraph there;
// neither is a deck. It is kept only when it reflects this page's own text and says more than its lead.

/** Words of a text for comparing: Latin words by their first five letters, Hangul/Han words by their first two characters. */
function stems(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .map((w) => (/^[\p{Script=Hangul}\p{Script=Han}]/u.test(w) ? w.slice(0, 2) : w.length >= 4 ? w.slice(0, 5) : ''))
    .filter((w) => w.length >= 2);
}

/** Share of `text`'s words found in `other` (0 when `text` has none). */
export function overlap(text: string, other: string): number {
  const words = stems(text);
  if (!words.length) return 0;
  const pool = new Set(stems(other));
  return words.filter((w) => pool.has(w)).length / words.length;
}

/** A description shares at least this much of its words with the page's text when it is about this article. */
const REFLECTS = 0.5;
/** A description that shares this much with the first paragraph repeats the lead. */
const REPEATS = 0.85;

const loose = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[\s"'“”‘’]/g, '');

/** The description as the deck, or '' when it is no deck (site-wide, the lead repeated, cut short with …). */
export function deckFromDescription(description: string, page: { headline: string; pageText: string; opening: string[] }): string {
  const d = description.replace(/\s+/g, ' ').trim();
  if (!d || /(\.\.\.|…)$/.test(d) || loose(d) === loose(page.headline)) return '';
  // A standfirst that is only an opening paragraph (or its start) stays in the body.
  if (page.opening.some((p) => loose(p).startsWith(loose(d)))) return '';
  if (page.opening[0] && overlap(d, page.opening[0]) >= REPEATS) return '';
  // The page's own text, without the description itself (a page may print it once more as furniture).
  if (overlap(d, `${page.headline} ${page.pageText.split(d).join(' ')}`) < REFLECTS) return '';
  return d;
}
