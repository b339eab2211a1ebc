// Bytes of a saved web page → text, in the encoding the page declares: a byte-order mark first,
// then <meta charset> / http-equiv in the first few kilobytes (as browsers do), then UTF-8, then
// EUC-KR (older Korean sites that declare nothing). Undecodable bytes are refused, not guessed.
import { ApiError } from '../../../shared/contract/errors';

const SNIFF_BYTES = 4096;

/** The charset label the page declares, if any (`euc-kr`, `gb2312`, `utf-8`…). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null; // unknown label (RangeError) or invalid bytes (TypeError)
  }
}

export function decodeHtmlBytes(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // <meta charset=utf-16> in a page we could sniff as ASCII is a lie; browsers read it as UTF-8 too.
  const declared = declaredCharset(bytes)?.replace(/^utf-16.*/, 'utf-8');
  // A page that declares an encoding is read in it even with a few bad bytes, as a browser would.
  const text = (declared && tryDecode(bytes, declared, false)) ?? tryDecode(bytes, 'utf-8', true) ?? tryDecode(bytes, 'euc-kr', true);
  if (text === null) throw new ApiError('importFailed', `${file}: not UTF-8 and no charset declared`, { reason: 'encoding', file });
  return text;
}
