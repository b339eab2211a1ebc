// IIM text as it really is in newsroom files. exifr hands IIM values over byte-for-byte (one char
// per byte) and does not read the record-1 character-set marker, so the charset is decided here:
// bytes that are valid UTF-8 are UTF-8 (with or without the ESC % G marker), anything else is the
// Latin-1/Windows-1252 that old agency software writes without saying so.

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/** exifr's one-char-per-byte string back to the bytes it came from. */
export function iimBytes(value: string): Uint8Array {
  return Uint8Array.from(value, (c) => c.charCodeAt(0) & 0xff);
}

export function decodeIim(value: string): string {
  const bytes = iimBytes(value);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = cp1252.decode(bytes);
  }
  return text.replace(/\0+$/, '').trim();
}

/** Byte limits of the IIM datasets we read (IPTC IIM 4.2); a value that fills its limit was probably cut. */
export const IIM_LIMITS: Record<string, number> = {
  Caption: 2000,
  Byline: 32,
  Credit: 32,
  CopyrightNotice: 128,
  Headline: 256,
  City: 32,
  Keywords: 64,
};
