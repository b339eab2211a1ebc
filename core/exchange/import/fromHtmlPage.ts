// A saved news web page → an article. Mozilla Readability finds the story among the site's
// furniture; the page's own metadata (JSON-LD, OpenGraph, <meta>) names the headline, reporters,
// section, keywords and standfirst more reliably than any heuristic. The page is parsed by jsdom
// with no scripts run and nothing fetched; its photos stay behind (figures wait for them).
import { Readability } from '@mozilla/readability';
import { ApiError } from '../../../shared/contract/errors';
import { ArticleContentSchema, emptyContent, type Body, type DocNode, type Reporter } from '../../../shared/model/article';
import type { ImportedArticle } from '../../../shared/exchange/types';
import { MAX_HTML_CHARS } from '../../../shared/exchange/htmlAllowList';
import { checkPage } from '../../../shared/exchange/limits/checkInput';
import { EMAIL_SOURCE } from '../../../shared/exchange/email';
import { domWindow, type DomWindow } from './htmlDom';
import { decodeHtmlBytes } from './htmlDecode';
import { readPageMeta, type PageMeta } from './htmlPageMeta';
import { parseByline, parseReporters } from './htmlByline';
import { creditText } from './htmlCaptionCredit';
import { detectLanguage } from './htmlLanguage';
import { bodyHasContent, htmlToBody } from './htmlToBody';

/** Bigger than any saved article page; a file over it is refused before it is parsed. */
export const MAX_PAGE_BYTES = MAX_HTML_CHARS;
/** Less text than this is a page without a story (a login wall, an index, a redirect stub). */
const MIN_ARTICLE_CHARS = 20;
/** Elements inside a <figure> that hold the photo credit (NBC's data-testid="caption__source", WordPress's .credit…). */
const CREDIT_HINT = /credit|copyright|photographer|attribution|caption__source|image-source|photo-source/i;

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const loose = (s: string) => norm(s).toLowerCase().replace(/[\s"'“”‘’]/g, '');

/** The page's headline: JSON-LD's, else an <h1> the <title> starts with, else the <title> without the site's name. */
function pickHeadline(meta: PageMeta, doc: Document, title: string): string {
  if (meta.headline) return meta.headline;
  const h1 = Array.from(doc.querySelectorAll('h1'))
    .map((h) => norm(h.textContent))
    .find((h) => h.length > 3 && norm(title).startsWith(h));
  if (h1) return h1;
  const site = meta.siteName ? meta.siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '';
  return site ? norm(title).replace(new RegExp(`\\s*[|\\-–—_:·]\\s*${site}\\s*$`), '') : norm(title);
}

/** Moves credit elements inside figures to data-credit, where htmlToBody looks first. */
function markCredits(html: string, window: DomWindow): string {
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  for (const figure of Array.from(doc.querySelectorAll('figure'))) {
    const el = Array.from(figure.querySelectorAll('*')).find((e) => CREDIT_HINT.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('data-testid') ?? ''}`));
    if (!el) continue;
    figure.setAttribute('data-credit', creditText(el.textContent ?? ''));
    el.remove();
  }
  return doc.body.innerHTML;
}

/** Drops blocks near the top that repeat the headline, deck or byline (Readability keeps the page's own). */
function dropRepeats(body: Body, repeats: string[]): Body {
  const seen = new Set(repeats.filter(Boolean).map(loose));
  const content = body.content.filter((n, i) => i >= 4 || !(n.type === 'paragraph' || n.type === 'heading') || !seen.has(loose(textOf(n))));
  return { ...body, content: content.length ? content : body.content };
}

const textOf = (n: DocNode): string => (n.text ?? '') + (n.content ?? []).map(textOf).join('');

function firstParagraphs(body: Body, count: number): string[] {
  return body.content.filter((n) => n.type === 'paragraph').slice(0, count).map((p) => loose(textOf(p)));
}

/** A last line that is only the reporter's e-mail (`kokobj@yna.co.kr (END)`, `홍길동 기자 hong@yna.co.kr`): the sign-off. */
const SIGN_OFF = new RegExp(`^(?:(\\S+)\\s+(?:기자|특파원)\\s*)?<?(${EMAIL_SOURCE})>?\\s*(?:\\((?:END|끝)\\))?$`, 'iu');

function takeSignOff(body: Body): { body: Body; name: string; email: string } {
  const last = body.content[body.content.length - 1];
  const m = last?.type === 'paragraph' ? SIGN_OFF.exec(norm(textOf(last))) : null;
  if (!m || body.content.length < 2) return { body, name: '', email: '' };
  return { body: { ...body, content: body.content.slice(0, -1) }, name: m[1] ?? '', email: m[2] };
}

function tagsOf(keywords: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of keywords.map(norm)) {
    if (!k || k.length > 100 || seen.has(k.toLowerCase())) continue;
    seen.add(k.toLowerCase());
    out.push(k);
  }
  return out.slice(0, 50);
}

/** The page in-thread, start to end (tests, and the fallback when no worker can start: readHtmlPage.ts). */
export async function fromHtmlPage(bytes: Uint8Array, name: string): Promise<ImportedArticle> {
  return parseHtmlPage(precheckHtmlPage(bytes, name), name);
}

/** The fast, linear part: size, encoding, depth and element count. Its result is the page's text. */
export function precheckHtmlPage(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_PAGE_BYTES) throw new ApiError('importFailed', `${name}: ${bytes.length} bytes is over the page limit`, { reason: 'tooLarge', file: name });
  const html = decodeHtmlBytes(bytes, name);
  // parse5 slows down quadratically on deep nesting, Readability on depth and width, and jsdom's walkers recurse: refuse it first.
  checkPage(html, name);
  return html;
}

/** The slow part (jsdom + Readability, up to seconds on a big page): a checked page's text → an article. */
export function parseHtmlPage(html: string, name: string): ImportedArticle {
  const window = domWindow(html);
  try {
    const doc = window.document;
    const meta = readPageMeta(doc);
    const pageTitle = doc.title;
    // Readability makes relative links absolute against the document's base: the page's own address.
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') || doc.querySelector('meta[property="og:url"]')?.getAttribute('content') || '';
    if (/^https?:\/\//i.test(canonical) && !doc.querySelector('base[href]')) {
      const base = doc.createElement('base');
      base.setAttribute('href', canonical);
      doc.head.prepend(base);
    }
    const headline = pickHeadline(meta, doc, pageTitle);
    // Comments split runs of text into separate paragraphs in Readability (React pages are full of <!-- -->).
    const comments = doc.createTreeWalker(doc, 0x80 /* SHOW_COMMENT */);
    const found: Node[] = [];
    while (comments.nextNode()) found.push(comments.currentNode);
    found.forEach((c) => c.parentNode?.removeChild(c));
    const article = new Readability(doc, { keepClasses: true }).parse();
    if (!article?.content) throw new ApiError('importFailed', `${name}: no article found`, { reason: 'empty', file: name });

    const { body: rawBody, images } = htmlToBody(markCredits(article.content, window), { window, file: name });
    const bylineText = norm(article.byline);
    const description = meta.description;
    // A standfirst that is only an opening paragraph (or one cut short with …) is not a deck: it stays in the body.
    const opening = firstParagraphs(rawBody, 3);
    const isDeck =
      !!description && !/(\.\.\.|…)$/.test(description) && !opening.some((p) => p.startsWith(loose(description))) && loose(description) !== loose(headline);
    const signed = takeSignOff(dropRepeats(rawBody, [headline, isDeck ? description : '', bylineText, norm(article.title)]));
    const body = signed.body;
    const text = norm(article.textContent);
    if (!bodyHasContent(body) || text.length < MIN_ARTICLE_CHARS) throw new ApiError('importFailed', `${name}: no article text`, { reason: 'empty', file: name });

    const reporters: Reporter[] = meta.authors.length ? meta.authors.flatMap(parseReporters) : parseByline(bylineText).reporters;
    if (signed.email) {
      const named = reporters.find((r) => r.name === signed.name) ?? reporters[0];
      if (named) named.email ||= signed.email;
      else reporters.push({ name: signed.name, role: signed.name ? '기자' : '', email: signed.email });
    }
    const { language, other } = detectLanguage(meta.lang || norm(article.lang), text);
    const siteName = meta.siteName || norm(article.siteName);

    const content = ArticleContentSchema.parse({
      ...emptyContent(language),
      kicker: meta.section && meta.section !== siteName ? meta.section.slice(0, 200) : '',
      headline: (headline || norm(article.title)).slice(0, 1000),
      deck: isDeck ? [description.slice(0, 1000)] : [],
      byline: { outlet: siteName.slice(0, 200), desk: '', templateId: '', reporters: reporters.slice(0, 20) },
      tags: tagsOf(meta.keywords),
      body,
    });
    const warnings: ImportedArticle['warnings'] = [];
    if (other) warnings.push({ key: 'importLanguageGuessed', values: { lang: other } });
    if (images.length) warnings.push({ key: 'importPhotosNotIncluded', values: { count: String(images.length) } });
    return { content, photos: [], format: 'html', warnings };
  } finally {
    window.close();
  }
}
