// Turns the bytes of an XML file into text the way its author meant: a byte-order mark wins, then
// the XML declaration's encoding (UTF-8, ISO-8859-1/windows-1252, EUC-KR…), then UTF-8. Agency
// files often say ISO-8859-1 while holding UTF-8, so a Latin-1 label on valid multi-byte UTF-8 is
// read as UTF-8.
import { ApiError } from '../../../shared/contract/errors';

const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii']);

/** The encoding named in `<?xml … encoding="…"?>`, lower-cased; '' when there is none. */
export function declaredEncoding(bytes: Uint8Array): string {
  // The declaration is ASCII in every encoding we read, so Latin-1 is enough to find it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const decl = /^\s*<\?xml\s[^?]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return decl ? decl[1].toLowerCase() : '';
}

function strictDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// windows-1252's 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); Node's
// TextDecoder('windows-1252') decodes them as C1 controls, like ISO-8859-1, so they are mapped here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]);
}

const hasNonAscii = (bytes: Uint8Array) => bytes.some((b) => b > 0x7f);

export function decodeXmlBytes(bytes: Uint8Array, file: string): string {
  const fail = (message: string) => new ApiError('importFailed', `${file}: ${message}`, { reason: 'encoding', file });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode(bytes.subarray(3), 'utf-8');
    if (text === null) throw fail('not valid UTF-8');
    return text;
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = strictDecode(bytes.subarray(2), bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
    if (text === null) throw fail('not valid UTF-16');
    return text;
  }
  const label = declaredEncoding(bytes);
  if (label === '' || label === 'utf-8' || label === 'utf8') {
    const text = strictDecode(bytes, 'utf-8');
    if (text === null) throw fail('not valid UTF-8');
    return text;
  }
  if (LATIN1_LABELS.has(label)) {
    const asUtf8 = hasNonAscii(bytes) ? strictDecode(bytes, 'utf-8') : null;
    // WHATWG reads the ISO-8859-1 label as windows-1252, which is what such files really hold.
    return asUtf8 ?? decodeWindows1252(bytes);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw fail(`unknown encoding ${label}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw fail(`not valid ${label}`);
  }
}
