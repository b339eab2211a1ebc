// Imported HTML (web pages, DOCX via mammoth) cut down to the body schema's tags, in the core over
// a jsdom window. The rules are shared with pasting (shared/exchange/htmlAllowList.ts).
import createDOMPurify from 'dompurify';
import { ApiError } from '../../../shared/contract/errors';
import { cleanHtml, MAX_HTML_CHARS } from '../../../shared/exchange/htmlAllowList';
import { checkMarkupDepth } from '../../../shared/exchange/limits/checkInput';
import { sharedWindow, type DomWindow } from './htmlDom';

/** Clean HTML holding only p, h2, blockquote, ul/ol/li, figure/figcaption/img, strong, em, a[href], br. */
export function sanitizeHtml(html: string, window: DomWindow = sharedWindow(), file = ''): string {
  if (html.length > MAX_HTML_CHARS) throw new ApiError('importFailed', `HTML of ${html.length} characters is over the limit`, { reason: 'tooLarge', file });
  // DOMPurify and jsdom's serialiser recurse over the tree: deep HTML overflows their stack.
  checkMarkupDepth(html, file, true);
  return cleanHtml(html, createDOMPurify(window), new window.DOMParser());
}
