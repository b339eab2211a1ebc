// The web export: one standalone, semantic HTML5 article page (header, body, figures, sign-off,
// corrections, tags, NewsArticle JSON-LD, inline CSS). The PDF proof prints this same page.
// Pure string building, no I/O: it runs for whole libraries at a time.
import type { Block } from '../../../shared/exchange/blocks';
import { blocksHtml, inlineHtml } from '../../../shared/exchange/export/blocksHtml';
import type { ExportArticle, ExportFigure, ExportPhoto } from '../../../shared/exchange/types';
import type { Language } from '../../../shared/model/article';
import { renderCredit } from '../../../shared/photos/renderCaption';
import { ApiError } from '../../../shared/contract/errors';
import { ARTICLE_PAGE_CSS } from './articlePageCss';
import { newsArticleJsonLd, type PageDates } from './htmlJsonLd';
import { esc, scriptJson } from '../../../shared/exchange/export/htmlText';
import { mailtoHref } from '../../../shared/body/linkSafety';

export interface ArticleHtmlOptions {
  /** Where the page finds a photo: a relative file name beside the page, or a data: URL for a proof. */
  photoSrc(photo: ExportPhoto): string;
  /** @font-face CSS to embed (see koreanFontCss); without it the page relies on installed fonts. */
  fontCss?: string;
  /** The publication time; defaults to the article's last save, so the same article gives the same page. */
  now?: Date;
  /** The desk's PDF proof: a figure still waiting for its photo shows as a framed empty place with its caption. */
  proof?: boolean;
}

const LABELS: Record<Language, { published: string; corrections: string; tags: string }> = {
  ko: { published: '입력', corrections: '바로잡습니다', tags: '태그' },
  en: { published: 'Published', corrections: 'Correction', tags: 'Tags' },
};

/** What the proof prints in the place of a photo that has not come yet. */
export const WAITING_PHOTO: Record<Language, string> = {
  ko: '사진 없음 — 사진을 기다리는 자리',
  en: 'No photo — this place waits for its photo',
};

// Intl formatters are costly to build; one per language serves every article.
const dateFormatters = new Map<Language, Intl.DateTimeFormat>();
/** A date as the page prints it: `2025.03.04 09:30` in Korean, `March 4, 2025 at 9:30 AM` in English. */
export function displayDate(iso: string, language: Language): string {
  let f = dateFormatters.get(language);
  if (!f) {
    f =
      language === 'ko'
        ? new Intl.DateTimeFormat('ko-KR', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        : new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short' });
    dateFormatters.set(language, f);
  }
  const date = new Date(iso);
  if (language === 'en') return f.format(date);
  // Korean papers print `2025.03.04 09:30`.
  const parts = f.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}.${part('month')}.${part('day')} ${part('hour')}:${part('minute')}`;
}

function isoOrThrow(value: string, field: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new ApiError('exportFailed', `Article ${field} is not a date: ${value}`, { reason: 'renderFailed' });
  return new Date(time).toISOString();
}

function figureHtml(figure: ExportFigure, a: ExportArticle, opts: ArticleHtmlOptions): string {
  const caption = figure.caption.trim();
  const credit = renderCredit(figure.credit, a.creditPattern);
  const photo = figure.photo;
  const waiting = !figure.photoId && opts.proof === true;
  if (!photo && !caption && !credit && !waiting) return '';
  const img = photo
    ? `<img src="${esc(opts.photoSrc(photo))}" alt="${esc((figure.alt.trim() || caption).replace(/\s+/g, ' '))}" width="${Math.round(photo.width)}" height="${Math.round(photo.height)}" loading="lazy" decoding="async">`
    : waiting
      ? `<div class="photo-waiting">${esc(WAITING_PHOTO[a.language] ?? WAITING_PHOTO.en)}</div>`
      : '';
  const creditHtml = credit ? `${caption ? ' ' : ''}<span class="credit">${esc(credit)}</span>` : '';
  const captionHtml = caption || credit ? `<figcaption>${esc(caption)}${creditHtml}</figcaption>` : '';
  return `<figure>${img}${captionHtml}</figure>`;
}

function bodyBlocksHtml(blocks: readonly Block[], a: ExportArticle, opts: ArticleHtmlOptions): string {
  return blocksHtml(blocks, (index) => {
    const figure = a.figures[index];
    return figure ? figureHtml(figure, a, opts) : '';
  });
}

/** The dateline (`PORT AVERY —`) opens the first paragraph, as English house style prints it. */
function bodyHtml(a: ExportArticle, opts: ArticleHtmlOptions): string {
  const dateline = a.dateline.trim();
  const [first, ...rest] = a.blocks;
  if (!dateline || a.datelineInByline) return bodyBlocksHtml(a.blocks, a, opts);
  const lead = `<span class="dateline">${esc(dateline)}</span> —`;
  if (first?.type === 'paragraph') return `<p>${lead} ${inlineHtml(first.inlines)}</p>\n${bodyBlocksHtml(rest, a, opts)}`;
  return `<p class="dateline">${lead}</p>\n${bodyBlocksHtml(a.blocks, a, opts)}`;
}

/** The byline as the house prints it, each reporter with an e-mail linked as the page's author. */
function bylineHtml(a: ExportArticle): string {
  const text = a.bylineText.trim();
  if (!text) return '';
  let html = '';
  let at = 0;
  for (const reporter of a.byline.reporters) {
    const name = reporter.name.trim();
    const email = reporter.email.trim();
    const found = name ? text.indexOf(name, at) : -1;
    if (found < 0) continue;
    const href = email ? mailtoHref(email) : null;
    html += esc(text.slice(at, found));
    html += href ? `<a rel="author" href="${esc(href)}">${esc(name)}</a>` : `<span class="author">${esc(name)}</span>`;
    at = found + name.length;
  }
  html += esc(text.slice(at));
  return `<p class="byline">${html}</p>`;
}

function pageDates(a: ExportArticle, now: Date | undefined): PageDates {
  const published = now ? now.toISOString() : isoOrThrow(a.updatedAt, 'updatedAt');
  const latest = [published, ...a.corrections.map((c) => isoOrThrow(c.at, 'correction date'))].sort().pop()!;
  return { published, modified: latest };
}

/**
 * Every character the page can show (text, labels, dates), to pick the font slices a proof embeds:
 * `koreanFontCss(articlePageText(a))`.
 */
export function articlePageText(a: ExportArticle, opts: { proof?: boolean } = {}): string {
  const labels = LABELS[a.language] ?? LABELS.en;
  const blockText = (blocks: readonly Block[]): string =>
    blocks
      .map((b) => {
        if (b.type === 'paragraph' || b.type === 'heading') return b.inlines.map((i) => i.text).join('');
        if (b.type === 'quote') return blockText(b.blocks);
        if (b.type === 'list') return b.items.map(blockText).join(' ');
        return '';
      })
      .join(' ');
  return [
    a.kicker,
    a.headline,
    ...a.deck,
    a.bylineText,
    a.dateline,
    a.signOff,
    ...a.tags,
    ...a.corrections.map((c) => c.note),
    ...a.figures.map((f) => `${f.caption} ${renderCredit(f.credit, a.creditPattern)}`),
    blockText(a.blocks),
    ...Object.values(labels),
    opts.proof ? (WAITING_PHOTO[a.language] ?? WAITING_PHOTO.en) : '',
    // Digits and the dash pull in the Latin slice, which covers every date format and the dateline.
    '0123456789 —',
  ].join(' ');
}

export function toArticleHtml(a: ExportArticle, opts: ArticleHtmlOptions): string {
  if (opts.fontCss && /<\/style/i.test(opts.fontCss)) {
    throw new ApiError('exportFailed', 'Font CSS may not close its style element', { reason: 'renderFailed' });
  }
  const labels = LABELS[a.language] ?? LABELS.en;
  const dates = pageDates(a, opts.now);
  const headline = a.headline.trim();
  const kicker = a.kicker.trim();
  const deck = a.deck.map((d) => d.trim()).filter(Boolean);
  const names = a.byline.reporters.map((r) => r.name.trim()).filter(Boolean);
  const signOffHref = a.signOff.trim() ? mailtoHref(a.signOff) : null;
  const ld = newsArticleJsonLd(a, opts.photoSrc, dates);

  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(headline || kicker || a.id)}</title>`,
    deck.length ? `<meta name="description" content="${esc(deck.join(' '))}">` : '',
    names.length ? `<meta name="author" content="${esc(names.join(', '))}">` : '',
    a.tags.length ? `<meta name="keywords" content="${esc(a.tags.join(', '))}">` : '',
    '<meta name="generator" content="Copydesk">',
    `<style>\n${opts.fontCss ?? ''}${ARTICLE_PAGE_CSS}</style>`,
    `<script type="application/ld+json">${scriptJson(ld)}</script>`,
  ];

  const header = [
    kicker ? `<p class="kicker">${esc(kicker)}</p>` : '',
    `<h1>${esc(headline)}</h1>`,
    ...deck.map((line) => `<p class="deck">${esc(line)}</p>`),
    bylineHtml(a),
    `<p class="published">${labels.published} <time datetime="${dates.published}">${esc(displayDate(dates.published, a.language))}</time></p>`,
  ];

  const corrections = a.corrections.length
    ? `<section class="corrections" aria-labelledby="corrections-title"><h2 id="corrections-title">${labels.corrections}</h2><ul>${a.corrections
        .map((c) => `<li><time datetime="${isoOrThrow(c.at, 'correction date')}">${esc(displayDate(c.at, a.language))}</time> ${esc(c.note)}</li>`)
        .join('')}</ul></section>`
    : '';

  const footer = [
    signOffHref ? `<address class="signoff"><a href="${esc(signOffHref)}">${esc(a.signOff.trim())}</a></address>` : '',
    corrections,
    a.tags.length ? `<ul class="tags" aria-label="${labels.tags}">${a.tags.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : '',
  ].filter(Boolean);

  return [
    '<!DOCTYPE html>',
    `<html lang="${a.language === 'ko' ? 'ko' : 'en'}">`,
    '<head>',
    ...head.filter(Boolean),
    '</head>',
    '<body>',
    '<main>',
    '<article>',
    `<header>\n${header.filter(Boolean).join('\n')}\n</header>`,
    `<div class="article-body">\n${bodyHtml(a, opts)}\n</div>`,
    footer.length ? `<footer>\n${footer.join('\n')}\n</footer>` : '',
    '</article>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
