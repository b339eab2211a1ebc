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
import { giveSignOff, takeSignOff } from '../../../shared/exchange/import/bodySignOff';
import { domWindow, type DomWindow } from './htmlDom';
import { decodeHtmlBytes } from './htmlDecode';
import { readPageMeta, type PageMeta } from './htmlPageMeta';
import { parseByline, parseReporters, splitPeople } from './htmlByline';
import { dropFurnitureLines, removeFurnitureElements } from './htmlFurniture';
import { joinCaptionsToImages } from './htmlFigures';
import { keepPreLines, spaceGluedLabels } from './htmlLines';
import { takeSubtitleLines } from './htmlSubtitle';
import { deckFromDescription } from './htmlDeck';
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

/** The lines of a heading that opens the body and is written as several lines (`<br>`), and the body without it. */
function leadingLines(body: Body, headline: string): { body: Body; lines: string[] } {
  // Readability may keep the page's <h1> first: the 부제 is then the block after it.
  const at = body.content[0] && loose(textOf(body.content[0])) === loose(headline) ? 1 : 0;
  const first = body.content[at];
  if (first?.type !== 'heading' || !first.content?.some((n) => n.type === 'hardBreak') || body.content.length < at + 2) return { body, lines: [] };
  const lines = (first.content ?? [])
    .map((n) => (n.type === 'hardBreak' ? '\n' : (n.text ?? '')))
    .join('')
    .split('\n')
    .map((l) => norm(l).replace(/^[-–—·•▶▷■□◆◇]\s*/u, ''))
    .filter(Boolean);
  return { body: { ...body, content: body.content.filter((n) => n !== first) }, lines };
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
    // Before Readability flattens the page: the 부제 lines out (they are the deck), furniture out,
    // captions joined to their photos, <pre> lines and glued labels kept apart.
    const subtitle = takeSubtitleLines(doc);
    removeFurnitureElements(doc);
    joinCaptionsToImages(doc);
    keepPreLines(doc);
    spaceGluedLabels(doc);
    const article = new Readability(doc, { keepClasses: true }).parse();
    if (!article?.content) throw new ApiError('importFailed', `${name}: no article found`, { reason: 'empty', file: name });

    const built = htmlToBody(markCredits(article.content, window), { window, file: name });
    const images = built.images;
    // A 부제 with no class of its own: a heading of several lines before the story's first paragraph.
    const lead = leadingLines(built.body, headline);
    const rawBody = lead.lines.length && !subtitle.length ? lead.body : built.body;
    if (!subtitle.length) subtitle.push(...lead.lines);
    const bylineText = norm(article.byline);
    const opening = rawBody.content.filter((n) => n.type === 'paragraph').slice(0, 3).map((p) => norm(textOf(p)));
    const description = subtitle.length ? '' : deckFromDescription(meta.description, { headline, pageText: norm(article.textContent), opening });
    const deck = subtitle.length ? subtitle.filter((l) => loose(l) !== loose(headline)) : description ? [description] : [];
    const kept = dropFurnitureLines(dropRepeats(rawBody, [headline, ...deck, bylineText, norm(article.title)]));
    const signed = takeSignOff(kept.content);
    const body: Body = { ...kept, content: signed.content };
    const text = norm(article.textContent);
    if (!bodyHasContent(body) || text.length < MIN_ARTICLE_CHARS) throw new ApiError('importFailed', `${name}: no article text`, { reason: 'empty', file: name });

    const siteName = meta.siteName || norm(article.siteName);
    // Placeholder authors ("No Author", "admin") are nobody; an organisation named as the author is the outlet.
    const people = splitPeople(meta.authors.length ? meta.authors.flatMap(parseReporters) : parseByline(bylineText).reporters, siteName);
    const reporters: Reporter[] = people.reporters;
    giveSignOff(reporters, signed.signOff);
    const { language, other } = detectLanguage(meta.lang || norm(article.lang), text);

    const content = ArticleContentSchema.parse({
      ...emptyContent(language),
      kicker: meta.section && meta.section !== siteName ? meta.section.slice(0, 200) : '',
      headline: (headline || norm(article.title)).slice(0, 1000),
      deck: deck.map((d) => d.slice(0, 1000)),
      byline: { outlet: (siteName || people.outlet).slice(0, 200), desk: '', templateId: '', reporters: reporters.slice(0, 20) },
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
