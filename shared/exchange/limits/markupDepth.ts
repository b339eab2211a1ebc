// How deep HTML or XML nests, in one pass without building anything: a tokenizer-lite scan that
// knows comments, CDATA, quoted attribute values, raw-text elements (script, style…), void
// elements and HTML's left-out end tags (`<p>`, `<li>`, `<td>`…), so ordinary pages count as
// deep as their DOM is. It stops as soon as the count passes `stopAt`, so a hostile file costs
// no more than reading up to its deep part.

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** Start tags that end an open <p> (HTML's "close a p element"). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'li', 'dd', 'dt',
]);
/** Start tags that end an open element of the same family, unless a boundary comes first. */
const IMPLIED: Record<string, { ends: Set<string>; boundary: Set<string> }> = {
  li: { ends: new Set(['li']), boundary: new Set(['ul', 'ol', 'menu']) },
  dt: { ends: new Set(['dt', 'dd']), boundary: new Set(['dl']) },
  dd: { ends: new Set(['dt', 'dd']), boundary: new Set(['dl']) },
  tr: { ends: new Set(['tr', 'td', 'th']), boundary: new Set(['table', 'thead', 'tbody', 'tfoot']) },
  td: { ends: new Set(['td', 'th']), boundary: new Set(['tr', 'table']) },
  th: { ends: new Set(['td', 'th']), boundary: new Set(['tr', 'table']) },
  thead: { ends: new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']), boundary: new Set(['table']) },
  tbody: { ends: new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']), boundary: new Set(['table']) },
  tfoot: { ends: new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']), boundary: new Set(['table']) },
  option: { ends: new Set(['option']), boundary: new Set(['select', 'datalist']) },
  optgroup: { ends: new Set(['option', 'optgroup']), boundary: new Set(['select']) },
  rt: { ends: new Set(['rt', 'rp']), boundary: new Set(['ruby']) },
  rp: { ends: new Set(['rt', 'rp']), boundary: new Set(['ruby']) },
};
const P_BOUNDARY = new Set(['button', 'table', 'td', 'th', 'caption', 'html', 'body', 'template', 'object', 'marquee', 'applet']);
/** Left-out end tags only ever matter near the top of the stack: looking further costs time on hostile input. */
const IMPLIED_REACH = 32;

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 58 || c === 95 || c > 127;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** Index just past the `>` that ends a tag whose name ends at `from`, honouring quoted values after `=`. */
function tagEnd(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 62) return i + 1; // >
    if (c === 61) {
      // = : skip spaces, then a quoted value runs to its closing quote.
      i++;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      const q = text.charCodeAt(i);
      if (q === 34 || q === 39) {
        const close = text.indexOf(q === 34 ? '"' : "'", i + 1);
        if (close < 0) return n;
        i = close + 1;
      }
      continue;
    }
    i++;
  }
  return n;
}

/**
 * The deepest element nesting in `text`, or the first count past `stopAt`. `html` turns on HTML's
 * rules (void elements, raw text, left-out end tags, case-insensitive names); off, it is XML.
 */
export function markupDepth(text: string, html: boolean, stopAt = Infinity): number {
  return markupShape(text, html, stopAt).depth;
}

/** Depth as markupDepth, and how many elements (start tags, void ones included) were seen; stops past either limit. */
export function markupShape(text: string, html: boolean, stopAt = Infinity, stopAtElements = Infinity): { depth: number; elements: number } {
  const stack: string[] = [];
  let max = 0;
  let elements = 0;
  const n = text.length;
  /** Closes the outermost open element of `ends` above the nearest `boundary` (a new <tr> closes the open <td> and <tr>). */
  const popTo = (ends: Set<string>, boundary: Set<string>) => {
    let at = -1;
    for (let k = stack.length - 1; k >= 0 && k >= stack.length - IMPLIED_REACH; k--) {
      if (boundary.has(stack[k])) break;
      if (ends.has(stack[k])) at = k;
    }
    if (at >= 0) stack.length = at;
  };
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        i = end < 0 ? n : end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        i = end < 0 ? n : end + 3;
      } else {
        const end = text.indexOf('>', lt + 2);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const end = text.indexOf(html ? '>' : '?>', lt + 2);
      i = end < 0 ? n : end + (html ? 1 : 2);
      continue;
    }
    const closing = c === 47; /* / */
    const start = lt + (closing ? 2 : 1);
    if (!isNameStart(text.charCodeAt(start))) {
      i = lt + 1; // a lone '<' in text
      continue;
    }
    let end = start + 1;
    while (end < n && isNameChar(text.charCodeAt(end))) end++;
    const raw = text.slice(start, end);
    const name = html ? raw.toLowerCase() : raw;
    i = tagEnd(text, end);
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (++elements > stopAtElements) break;
    if (text.charCodeAt(i - 2) === 47 /* / */ && text.charCodeAt(i - 1) === 62) continue; // <x/>
    if (html) {
      if (VOID.has(name)) continue;
      if (CLOSES_P.has(name)) popTo(P_ENDS, P_BOUNDARY);
      const implied = IMPLIED[name];
      if (implied) popTo(implied.ends, implied.boundary);
    }
    stack.push(name);
    if (stack.length > max) {
      max = stack.length;
      if (max > stopAt) return { depth: max, elements };
    }
    if (html && RAW_TEXT.has(name)) {
      // Raw text runs to its own end tag; nothing inside is markup.
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = i;
      const m = close.exec(text);
      i = m ? m.index : n;
    } else if (html && name === 'plaintext') break;
  }
  return { depth: max, elements };
}
const P_ENDS = new Set(['p']);
