// IPTC ninjs 3.1 (News in JSON) for wire and syndication partners. Headlines carry the kicker and
// deck by role, bodies come as plain text and HTML with their counts, reporters as `people`, the
// outlet and desk as `infoSources`, tags as `subjects`, photos as picture associations.
// Property names follow ninjs-schema_3.1.json exactly (camelCase, no additional properties).
import { countText } from '../../counting/countText';
import { renderCaption } from '../../photos/renderCaption';
import { plainText, type Block } from '../blocks';
import { blocksHtml } from './blocksHtml';
import { esc } from './htmlText';
import type { ExportArticle, ExportFigure, ExportPhoto } from '../types';

export interface NinjsOptions {
  now: Date;
  /** Where a partner fetches the photo (URL or path relative to the export). */
  photoHref(photo: ExportPhoto): string;
  /** The article body as the HTML export writes it; without it a minimal HTML body is built here. */
  bodyHtml?: string;
}

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json';
/** Association name of the n-th figure (0-based), also written on the figure in the HTML body. */
export const figureName = (index: number) => `figure-${index + 1}`;

function figureHtml(figure: ExportFigure, index: number, a: ExportArticle, opts: NinjsOptions): string {
  const img = figure.photo ? `<img src="${esc(opts.photoHref(figure.photo))}" alt="${esc(figure.alt)}">` : '';
  const caption = renderCaption(figure.caption, figure.credit, a.creditPattern);
  return `<figure data-association="${figureName(index)}">${img}${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;
}

/** Paragraph texts of the body (figures left out: captions are not body text). */
function textParagraphs(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.type === 'paragraph' || b.type === 'heading') return [plainText(b.inlines)];
    if (b.type === 'quote') return textParagraphs(b.blocks);
    if (b.type === 'list') return b.items.flatMap(textParagraphs);
    return [];
  });
}

/**
 * ninjs wants an absolute URI in `href`. A path relative to the export folder (`photos/photo-01.jpg`)
 * is not one, so it goes in the rendition's `title`, where a partner unpacking the export finds it.
 */
function hrefOrTitle(href: string): { href: string } | { title: string } {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) ? { href } : { title: href };
}

function association(figure: ExportFigure, index: number, photo: ExportPhoto, opts: NinjsOptions) {
  const descriptions = [
    { role: 'caption', contentType: 'text/plain', value: figure.caption },
    { role: 'alt', contentType: 'text/plain', value: figure.alt },
  ].filter((d) => d.value);
  return {
    name: figureName(index),
    uri: `urn:copydesk:photo:${photo.id}`,
    type: 'picture',
    ...(descriptions.length ? { descriptions } : {}),
    // `by` is the credit line, as agencies write it for pictures ("Karl Melander/TT").
    ...(figure.credit ? { by: figure.credit } : {}),
    ...(photo.metadata.copyright ? { copyrightNotice: photo.metadata.copyright } : {}),
    renditions: [{ name: 'original', ...hrefOrTitle(opts.photoHref(photo)), contentType: photo.mimeType, width: photo.width, height: photo.height }],
  };
}

export function toNinjs(a: ExportArticle, opts: NinjsOptions): Record<string, unknown> {
  const embargoed = a.embargo !== null && Date.parse(a.embargo) > opts.now.getTime();
  const pubStatus = a.status === 'spiked' ? 'canceled' : embargoed ? 'withheld' : 'usable';
  const signOffHtml = a.signOff ? `\n<p>${esc(a.signOff)}</p>` : '';
  const text = [...textParagraphs(a.blocks), a.signOff].filter(Boolean).join('\n\n');
  const counts = countText(text);
  const html = opts.bodyHtml ?? blocksHtml(a.blocks, (index) => (a.figures[index] ? figureHtml(a.figures[index], index, a, opts) : '')) + signOffHtml;
  const headlines = [
    { role: 'main', value: a.headline },
    { role: 'kicker', value: a.kicker },
    ...a.deck.map((value) => ({ role: 'subheadline', value })),
  ].filter((h) => h.value);
  const reporters = a.byline.reporters.filter((r) => r.name.trim());
  const sources = [
    { name: a.byline.outlet.trim(), role: 'publisher' },
    { name: a.byline.desk.trim(), role: 'desk' },
  ].filter((s) => s.name);
  const associations = a.figures.flatMap((f, i) => (f.photo ? [association(f, i, f.photo, opts)] : []));
  const doc: Record<string, unknown> = {
    uri: `urn:copydesk:article:${a.id}`,
    type: 'text',
    representationType: 'full',
    version: String(a.revision),
    firstCreated: a.createdAt,
    versionCreated: a.updatedAt,
    ...(a.embargo ? { embargoedUntil: a.embargo } : {}),
    pubStatus,
    ...(a.byline.outlet.trim() ? { copyrightHolder: a.byline.outlet.trim() } : {}),
    language: a.language,
    headlines,
    ...(a.corrections.length ? { descriptions: a.corrections.map((c) => ({ role: 'correction', contentType: 'text/plain', value: `${c.at} ${c.note}` })) } : {}),
    bodies: [
      { role: 'main', contentType: 'text/plain', charCount: counts.chars, wordCount: counts.words, value: text },
      { role: 'richtext', contentType: 'text/html', charCount: counts.chars, wordCount: counts.words, value: html },
    ],
    ...(a.bylineText ? { by: a.bylineText } : {}),
    ...(reporters.length
      ? {
          people: reporters.map((r) => ({
            name: r.name.trim(),
            rel: 'author',
            ...(r.email.trim() ? { contactInfo: [{ type: 'email', role: 'work', value: r.email.trim() }] } : {}),
          })),
        }
      : {}),
    ...(sources.length ? { infoSources: sources } : {}),
    ...(a.tags.length ? { subjects: a.tags.map((name) => ({ name })) } : {}),
    ...(a.dateline ? { located: a.dateline } : {}),
    ...(associations.length ? { associations } : {}),
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA_URI },
  };
  return doc;
}
