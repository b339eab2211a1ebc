// The one way imports read XML. Files from outside are hostile until proven otherwise: entity
// declarations (billion laughs, external entities / XXE) are refused before parsing, nothing is
// ever fetched (a plain DOCTYPE naming a DTD, as DTD-era agency NITF has, is accepted and ignored),
// any parse error stops the import, the text is decoded by the file's own encoding, and a file
// nested deeper than the markup limit is refused before parsing.
import { DOMParser } from '@xmldom/xmldom';
import { decodeHTMLStrict } from 'entities';
import { ApiError, type ImportReason } from '../../../shared/contract/errors';
import { INPUT_LIMITS } from '../../../shared/exchange/limits/inputLimits';
import { checkMarkupDepth } from '../../../shared/exchange/limits/checkInput';
import { decodeXmlBytes } from './xmlEncoding';

export const MAX_XML_BYTES = INPUT_LIMITS.maxXmlBytes;

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

const refuse = (reason: ImportReason, file: string, message: string) => new ApiError('importFailed', `${file}: ${message}`, { reason, file });

/**
 * HTML named entities (`&nbsp;`, `&eacute;`) that some NITF producers write without declaring
 * them become numeric references; unknown names stay and fail the parse.
 */
function resolveHtmlEntities(text: string): string {
  return text.replace(/&([A-Za-z][A-Za-z0-9]{1,31});/g, (whole, name: string) => {
    if (XML_ENTITIES.has(name)) return whole;
    const decoded = decodeHTMLStrict(whole);
    if (decoded === whole) return whole;
    return [...decoded].map((ch) => `&#x${ch.codePointAt(0)!.toString(16)};`).join('');
  });
}

export function parseXmlSafely(bytes: Uint8Array, file: string): Document {
  if (bytes.byteLength > MAX_XML_BYTES) throw refuse('tooLarge', file, `over ${MAX_XML_BYTES} bytes`);
  const text = decodeXmlBytes(bytes, file);
  if (text.trim() === '') throw refuse('empty', file, 'empty file');
  // Any entity declaration, internal or external, general or parameter: no article needs one.
  if (/<!ENTITY/i.test(text)) throw refuse('hostile', file, 'the file declares XML entities');
  // The readers after the parser walk the tree recursively: deep nesting is refused before it.
  checkMarkupDepth(text, file, false);
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        // Warnings (e.g. odd whitespace) are harmless; an error means the DOM would be a guess.
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(resolveHtmlEntities(text), 'text/xml') as unknown as Document;
  } catch (err) {
    throw refuse('malformed', file, err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
  if (!doc.documentElement) throw refuse('malformed', file, 'no root element');
  return doc;
}
