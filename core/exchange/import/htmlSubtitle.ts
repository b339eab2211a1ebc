// A Korean page's sub-headline (부제) as deck lines. Portals print it under the headline as one
// element with a line per <br>, or as several elements in a row; read as body it became one
// heading or the first paragraph. It is taken out of the page before Readability and each of its
// lines becomes a deck line.

/** Class or id of a sub-headline element (`subtitle`, `sub_title`, `sub-tit`, `subhead`, `article-deck`, `standfirst`). */
const SUBTITLE = /(?:^|[\s_-])(?:sub[-_]?(?:title|tit|head(?:line)?|ttl)s?|subhead|article[-_]?(?:deck|sub)|deck|standfirst|summary[-_]?title)(?:$|[\s_-])/i;
const MAX_LINES = 6;
const MAX_LINE_CHARS = 300;

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The lines of an element: one per <br> and per child block. */
function linesOf(el: Element): string[] {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  copy.querySelectorAll('p, div, h1, h2, h3, h4, h5, h6, li').forEach((b) => b.append('\n'));
  return (copy.textContent ?? '')
    .split('\n')
    .map((l) => norm(l).replace(/^[-–—·•▶▷■□◆◇]\s*/u, ''))
    .filter(Boolean);
}

/**
 * Removes the page's sub-headline element(s) and returns their lines ([] when there is none). Only
 * elements before the story's first long paragraph count: a `deck` class further down is not it.
 */
export function takeSubtitleLines(doc: Document): string[] {
  const candidates = Array.from(doc.body?.querySelectorAll('*') ?? []).filter((el) => {
    const sign = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    return SUBTITLE.test(sign) && !/^(?:meta|script|style|img|a)$/i.test(el.localName);
  });
  // Outermost matches only (a `subtitle` box holding `subtitle-line`s is read once).
  const outer = candidates.filter((el) => !candidates.some((other) => other !== el && other.contains(el)));
  const lines: string[] = [];
  const taken: Element[] = [];
  for (const el of outer) {
    const own = linesOf(el);
    if (!own.length || own.some((l) => l.length > MAX_LINE_CHARS) || own.length > MAX_LINES) continue;
    // A sub-headline sits above the story: no long paragraph of the story comes before it.
    const earlier = Array.from(doc.querySelectorAll('p')).find((p) => norm(p.textContent).length > 120 && (p.compareDocumentPosition(el) & 4) !== 0);
    if (earlier) continue;
    lines.push(...own);
    taken.push(el);
  }
  taken.forEach((el) => el.remove());
  return lines.slice(0, MAX_LINES);
}
