// Cleans HTML pasted into the body (TipTap's transformPastedHTML): Word, Google Docs, HWP and web
// pages arrive full of styles, spans, comments and scripts; what is left is our schema's tags only,
// by the same rules the core applies to imports (shared/exchange/htmlAllowList.ts).
import createDOMPurify from 'dompurify';
import { cleanHtml, isAllowedImageSrc, MAX_HTML_CHARS } from '../../../../shared/exchange/htmlAllowList';

/** Clean HTML for the editor; '' for a paste too large to be copy (the editor then pastes nothing). */
export function cleanPastedHtml(html: string): string {
  if (html.length > MAX_HTML_CHARS) return '';
  return cleanHtml(html, createDOMPurify(window), new DOMParser());
}

/** Pasted images that exist only in the clipboard (data: and blob: sources), in order, to add to the photo library. */
export function pastedImages(html: string): string[] {
  const clean = cleanPastedHtml(html);
  const doc = new DOMParser().parseFromString(clean, 'text/html');
  const sources = Array.from(doc.images)
    .map((img) => img.getAttribute('src') ?? '')
    .filter((src) => /^(data:|blob:)/i.test(src) && isAllowedImageSrc(src));
  return [...new Set(sources)];
}

/**
 * A copy from this editor: ProseMirror marks the first element of its clipboard HTML with
 * data-pm-slice. Only there counts, so a page cannot skip the cleaning by hiding the attribute
 * somewhere inside; the schema's own parse rules still apply to what is kept.
 */
export function isOwnCopy(html: string): boolean {
  const rest = html.replace(/^(\s|<!--[\s\S]*?-->|<\/?(html|head|body)\b[^>]*>|<meta\b[^>]*>)*/i, '');
  return /^<[a-z][a-z0-9]*\b[^>]*\sdata-pm-slice=/i.test(rest);
}
