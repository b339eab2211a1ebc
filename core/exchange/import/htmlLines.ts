// Line structure that carries meaning, kept before the page is flattened: a <pre> block (lineups,
// results tables) keeps a line per line, and elements printed side by side without a space
// ("Fotboll" label + "TT" credit → "FotbollTT") get the space a browser's layout gave them.

/** Elements a browser lays out apart (blocks) or that are labels by their class; text glued across them gets a space. */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'blockquote', 'table', 'tr', 'td', 'th', 'time', 'address']);
const LABEL = /(?:^|[\s_-])(?:label|kicker|category|eyebrow|tag|flag|badge|section|source|agency|credit|byline|dateline|vignette)(?:$|[\s_-])/i;
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

const apart = (el: Element) => BLOCKS.has(el.localName.toLowerCase()) || LABEL.test(`${el.getAttribute('class') ?? ''}`);

/** Each <pre> becomes a paragraph with a line break per line (blank lines start a new paragraph). */
export function keepPreLines(doc: Document): void {
  for (const pre of Array.from(doc.querySelectorAll('pre'))) {
    const p = doc.createElement('p');
    const lines = (pre.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '').split('\n');
    lines.forEach((line, i) => {
      if (i) p.appendChild(doc.createElement('br'));
      // Runs of spaces align columns on screen; one space keeps the words apart.
      p.appendChild(doc.createTextNode(line.replace(/\s+/g, ' ').trim() || ''));
    });
    pre.replaceWith(p);
  }
}

/** Last and first text of an element, for seeing whether two neighbours would glue. */
const edgeText = (el: Element) => (el.textContent ?? '');

/** A space between neighbouring elements laid out apart whose texts would otherwise run together. */
export function spaceGluedLabels(doc: Document): void {
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    const next = el.nextSibling;
    if (!next || next.nodeType !== 1) continue;
    const nextEl = next as Element;
    if (!apart(el) && !apart(nextEl)) continue;
    if (WORD_END.test(edgeText(el)) && WORD_START.test(edgeText(nextEl))) el.after(doc.createTextNode(' '));
  }
}
