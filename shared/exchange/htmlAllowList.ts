// What pasted or imported HTML may keep: the body schema's tags only (p, h2, blockquote, lists,
// figure/img/figcaption, strong, em, links, br). One cleaner for both sides: the core runs it over a
// jsdom window, the renderer over the browser's, so a Word paste and a Word import keep the same
// things. Nothing here touches a global DOM: the caller hands in DOMPurify made over its window and
// that window's DOMParser, whose documents are inert (no scripts run, no images load).
import type { DOMPurify } from 'dompurify';
// The DOM's names for the slice of it the cleaner uses, so shared/ needs no DOM library.
import type { DomDocument as Document, DomElement as Element, DomNode as Node, DomParser as DOMParser } from './domSlice';
import { keptLink } from '../body/linkSafety';
import { INPUT_LIMITS } from './limits/inputLimits';

/** Refused above this: a clipboard or page this big is not copy, and parsing it would hang the app. */
export const MAX_HTML_CHARS = INPUT_LIMITS.maxHtmlChars;

export const ALLOWED_TAGS = ['p', 'h2', 'blockquote', 'ul', 'ol', 'li', 'figure', 'figcaption', 'img', 'strong', 'em', 'a', 'br'];
/** data-* only on <figure>: the editor's own figures (copied and pasted) carry their photo this way. */
export const ALLOWED_ATTR = ['href', 'src', 'alt', 'data-photo-id', 'data-credit', 'data-alt'];
const FIGURE_DATA = ['data-photo-id', 'data-credit', 'data-alt'];

/** Removed with everything inside them: code, embeds, forms, Word's <o:p> spacers and XML islands. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'select', 'textarea', 'option', 'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'map', 'link', 'meta', 'title',
  'head', 'xml', 'o:p', 'hr', 'dialog',
]);
/** Block containers that are not ours: their text becomes paragraphs, they themselves vanish. */
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'address', 'pre', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'details', 'summary', 'fieldset', 'legend', 'hgroup', 'body',
]);
const OUR_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'figure', 'figcaption']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Images we may turn into photos: web addresses, pasted data:/blob: images, DOCX parts (cid:), relative paths of a saved page. */
export function isAllowedImageSrc(src: string): boolean {
  const s = src.trim();
  if (/^data:image\/(png|jpe?g|gif|webp|bmp|tiff?);/i.test(s)) return true;
  if (/^(https?:|blob:|cid:)/i.test(s)) return true;
  return s !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(s); // relative: no scheme at all
}

/** An inline style as lower-case property → value, quotes and !important dropped (HWP writes `font-weight:"bold"`). */
export function parseStyle(style: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of (style ?? '').split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const key = decl.slice(0, i).trim().toLowerCase();
    const value = decl
      .slice(i + 1)
      .replace(/!important/i, '')
      .replace(/["']/g, '')
      .trim()
      .toLowerCase();
    if (key) out.set(key, value);
  }
  return out;
}

/** What a style says about bold and italic: true, false (explicitly normal), or null (says nothing). */
export function styleEmphasis(style: string | null): { bold: boolean | null; italic: boolean | null } {
  const s = parseStyle(style);
  const weight = s.get('font-weight');
  let bold: boolean | null = null;
  if (weight) bold = weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 600);
  const fontStyle = s.get('font-style');
  const italic = fontStyle ? fontStyle === 'italic' || fontStyle === 'oblique' : null;
  return { bold, italic };
}

function pixels(value: string | null | undefined): number | null {
  if (value == null || value.trim() === '') return null;
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : null;
}

/** Tracking pixels and placeholders: 1×1 (or 0) sized, hidden, without a usable source, or a data: image too small to be a photo. */
export function isTrackingImage(img: { src: string | null; width: string | null; height: string | null; style: string | null }): boolean {
  const style = parseStyle(img.style);
  const w = pixels(img.width) ?? pixels(style.get('width'));
  const h = pixels(img.height) ?? pixels(style.get('height'));
  if ((w !== null && w <= 1) || (h !== null && h <= 1)) return true;
  const src = (img.src ?? '').trim();
  if (!src || !isAllowedImageSrc(src)) return true;
  return /^data:/i.test(src) && src.length < 200;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const s = parseStyle(el.getAttribute('style'));
  return s.get('display') === 'none' || s.get('visibility') === 'hidden' || s.get('mso-hide') === 'all';
}

const name = (n: Node) => (n.nodeType === 1 ? (n as Element).localName.toLowerCase() : '');

function elements(root: Element): Element[] {
  return Array.from(root.getElementsByTagName('*'));
}

function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  for (const a of Array.from(el.attributes)) if (a.name === 'style' || a.name === 'href' || a.name === 'src' || a.name === 'alt') next.setAttribute(a.name, a.value);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.parentNode?.replaceChild(next, el);
  return next;
}

function wrapChildren(el: Element, tag: string): void {
  const wrapper = el.ownerDocument.createElement(tag);
  while (el.firstChild) wrapper.appendChild(el.firstChild);
  el.appendChild(wrapper);
}

function removeComments(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x80 /* SHOW_COMMENT */);
  const found: Node[] = [];
  while (walker.nextNode()) found.push(walker.currentNode);
  for (const c of found) c.parentNode?.removeChild(c);
}

/** Word pastes lists as paragraphs with `mso-list:l0 level1` and a bullet in an `mso-list:Ignore` span: rebuild real lists. */
function rebuildWordLists(body: Element): void {
  const levelOf = (el: Element): number | null => {
    const m = /l\d+\s+level(\d+)/.exec(parseStyle(el.getAttribute('style')).get('mso-list') ?? '');
    return name(el) === 'p' && m ? Number(m[1]) : null;
  };
  for (const first of elements(body)) {
    if (!first.parentNode || levelOf(first) === null) continue;
    const prev = first.previousElementSibling;
    if (prev && levelOf(prev) !== null) continue; // not the start of a run (already handled)
    const run: Element[] = [];
    for (let el: Element | null = first; el && levelOf(el) !== null; el = el.nextElementSibling) run.push(el);
    const doc = body.ownerDocument;
    const stack: { level: number; list: Element }[] = [];
    for (const p of run) {
      const level = levelOf(p) ?? 1;
      const marker = Array.from(p.querySelectorAll('span'))
        .filter((s) => parseStyle(s.getAttribute('style')).get('mso-list') === 'ignore')
        .map((s) => s.textContent ?? '')
        .join('')
        .trim();
      const ordered = /^\(?([0-9]{1,3}|[a-z]|[ivxlc]{1,5}|[가-힣])[.)]/i.test(marker);
      while (stack.length && stack[stack.length - 1].level > level) stack.pop();
      if (!stack.length || stack[stack.length - 1].level < level) {
        const list = doc.createElement(ordered ? 'ol' : 'ul');
        const top = stack[stack.length - 1];
        if (top) (top.list.lastElementChild ?? top.list).appendChild(list);
        else p.parentNode?.insertBefore(list, p);
        stack.push({ level, list });
      }
      const li = doc.createElement('li');
      while (p.firstChild) li.appendChild(p.firstChild);
      stack[stack.length - 1].list.appendChild(li);
      p.parentNode?.removeChild(p);
    }
  }
}

/** Bold and italic as styles (Google Docs, HWP, Word spans) become strong/em before styles are stripped. */
function emphasisFromStyle(body: Element): void {
  for (const el of elements(body)) {
    const tag = name(el);
    if (tag === 'b' && /^docs-internal-guid/.test(el.id)) {
      unwrap(el); // Google Docs wraps the whole paste in a <b style="font-weight:normal">: not bold
      continue;
    }
    const { bold, italic } = styleEmphasis(el.getAttribute('style'));
    const isBold = tag === 'b' || tag === 'strong';
    const isItalic = tag === 'i' || tag === 'em';
    // Headings are bold anyway; a bold mark inside one is noise.
    if (isBold && (bold === false || el.closest('h1,h2,h3,h4,h5,h6'))) {
      unwrap(el);
      continue;
    }
    if (isItalic && italic === false) {
      unwrap(el);
      continue;
    }
    const addBold = bold === true && !isBold && !HEADINGS.has(tag) && !el.closest('h1,h2,h3,h4,h5,h6');
    const addItalic = italic === true && !isItalic;
    if (!addBold && !addItalic) continue;
    // A bold <div> holding paragraphs is left alone: <strong> may only wrap inline content.
    if (Array.from(el.getElementsByTagName('*')).some((d) => OUR_BLOCKS.has(name(d)) || CONTAINERS.has(name(d)))) continue;
    if (addBold) wrapChildren(el, 'strong');
    if (addItalic) wrapChildren(el, 'em');
  }
}

/** Containers that are not ours are dissolved; their loose inline text becomes paragraphs. */
function dissolveContainers(body: Element): void {
  const isBlock = (n: Node) => OUR_BLOCKS.has(name(n)) || CONTAINERS.has(name(n));
  // Reverse document order visits every descendant before its ancestor, without recursion.
  for (const el of [...elements(body).reverse(), body]) {
    const tag = name(el);
    if (!CONTAINERS.has(tag)) continue;
    const kids = Array.from(el.childNodes);
    if (!kids.some(isBlock)) {
      if (el !== body) rename(el, 'p');
      continue;
    }
    const doc = el.ownerDocument;
    let run: Node[] = [];
    const flush = (before: Node | null) => {
      if (run.some((n) => (n.textContent ?? '').trim() !== '' || name(n) === 'img')) {
        const p = doc.createElement('p');
        run.forEach((n) => p.appendChild(n));
        el.insertBefore(p, before);
      } else run.forEach((n) => el.removeChild(n));
      run = [];
    };
    for (const kid of kids) {
      if (isBlock(kid)) flush(kid);
      else run.push(kid);
    }
    flush(null);
    if (el !== body) unwrap(el);
  }
}

/** Past this nesting an element becomes its text: no real document nests deeper, and DOMPurify's unwrapping is quadratic in depth. */
const MAX_DEPTH = 100;

function flattenDeep(body: Element): void {
  const depth = new Map<Element, number>([[body, 0]]);
  const tooDeep: Element[] = [];
  for (const el of elements(body)) {
    const d = (depth.get(el.parentElement!) ?? 0) + 1;
    depth.set(el, d);
    if (d >= MAX_DEPTH) tooDeep.push(el);
  }
  // Innermost first, so each unwrap moves only flat content (detaching a deep subtree recurses in jsdom).
  for (const el of tooDeep.reverse()) unwrap(el);
}

/** The DOM before DOMPurify: every decision that needs styles, classes or comments is made here. */
function prepare(body: Element): void {
  removeComments(body);
  flattenDeep(body);
  for (const el of elements(body)) {
    if (!el.parentNode) continue;
    if (DROP_WITH_CONTENT.has(name(el)) || isHidden(el)) el.parentNode.removeChild(el);
  }
  rebuildWordLists(body);
  for (const el of elements(body)) {
    if (parseStyle(el.getAttribute('style')).get('mso-list') === 'ignore') el.parentNode?.removeChild(el);
  }
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    const attrs = { src: img.getAttribute('src'), width: img.getAttribute('width'), height: img.getAttribute('height'), style: img.getAttribute('style') };
    if (isTrackingImage(attrs)) img.parentNode?.removeChild(img);
  }
  emphasisFromStyle(body);
  for (const el of elements(body)) {
    const tag = name(el);
    const cls = el.getAttribute('class') ?? '';
    if (HEADINGS.has(tag) && tag !== 'h2') rename(el, 'h2');
    else if (tag === 'p' && /\bMsoTitle\b/.test(cls)) rename(el, 'h2');
    else if (tag === 'b') rename(el, 'strong');
    else if (tag === 'i') rename(el, 'em');
  }
  dissolveContainers(body);
}

const isBlank = (el: Element) => (el.textContent ?? '').replace(/[\s\u00a0\u200b\u3000]/g, '') === '' && !el.querySelector('img');

/** Google Docs pastes links through its redirector (`google.com/url?q=…`); the story should link to the target. */
function unredirect(href: string): string {
  const m = /^https?:\/\/www\.google\.com\/url\?(.*)$/i.exec(href);
  const target = m ? new URLSearchParams(m[1]).get('q') : null;
  return keptLink(target) ?? href;
}

/** After DOMPurify: links and images it let through are checked against our stricter rules; empty blocks go. */
function tidy(body: Element): void {
  for (const el of elements(body)) {
    const tag = name(el);
    if (tag !== 'figure') FIGURE_DATA.forEach((a) => el.removeAttribute(a));
    if (tag !== 'a') el.removeAttribute('href');
    if (tag !== 'img') el.removeAttribute('src');
    // Trimmed as it is checked, so the editor (which takes a link only as written) keeps what an import keeps.
    const href = tag === 'a' ? keptLink(unredirect(el.getAttribute('href') ?? '')) : undefined;
    if (href) el.setAttribute('href', href);
    else if (tag === 'a') unwrap(el);
    else if (tag === 'img' && !isAllowedImageSrc(el.getAttribute('src') ?? '')) el.parentNode?.removeChild(el);
  }
  // Innermost first, so a paragraph holding only an empty <strong> goes too. Blank inline marks keep their space.
  for (const el of elements(body).reverse()) {
    const tag = name(el);
    if (!isBlank(el)) continue;
    if (tag === 'strong' || tag === 'em' || tag === 'a') unwrap(el);
    else if (tag === 'p' || tag === 'h2' || tag === 'blockquote' || tag === 'figcaption') el.parentNode?.removeChild(el);
  }
}

/** Cleans `html` down to our tags. Pure given its inputs: a DOMPurify instance and a DOMParser from the same window. */
export function cleanHtml(html: string, purify: DOMPurify, parser: DOMParser): string {
  const doc = parser.parseFromString(html, 'text/html');
  prepare(doc.body);
  const clean = purify.sanitize(doc.body.innerHTML, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // blob: (pasted images) and cid: (DOCX parts) pass DOMPurify; isAllowedImageSrc and the link rule decide after.
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|blob|cid):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
    RETURN_DOM: true,
  });
  tidy(clean);
  return clean.innerHTML.trim();
}
