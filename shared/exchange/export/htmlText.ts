// Escaping for the article page: every piece of article text goes through here, so hostile copy
// (`</script>`, `<img onerror>`) can only ever be text, and characters HTML forbids never reach it.
import { escapeUTF8 } from 'entities/escape';

// C0 controls other than tab/LF/CR, DEL-range C1 controls, noncharacters and lone surrogates are
// not allowed in an HTML document (the validator rejects them); pasted Word text sometimes has them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the code points HTML forbids removed. */
export function htmlSafeText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** Escaped for element content and double-quoted attribute values alike. */
export function esc(text: string): string {
  return escapeUTF8(htmlSafeText(text));
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>`, `&` and the JS line separators as
 * \u escapes, so no text inside can end the script element, and the JSON still parses to the same value.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
