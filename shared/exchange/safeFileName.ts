// File names made from article text (a headline, a photo's original name) that are safe to write
// on Windows, macOS and Linux alike: one path component, no reserved names or characters, at most
// MAX_NAME_BYTES of UTF-8, Hangul and other scripts kept as they are. Pure, so shared/ can use it.

/** Well under every file system's 255-byte limit, leaving room for ` (12)` and a parent folder. */
export const MAX_NAME_BYTES = 120;

const encoder = new TextEncoder();
const byteLength = (s: string) => encoder.encode(s).length;

// Control characters (C0, DEL, C1) and what Windows forbids; `/` and `\` are also path separators.
const FORBIDDEN = /[\p{Cc}<>:"/\\|?*]/gu;
// Bidi overrides and isolates can disguise an extension (`photo\u202Egpj.exe`).
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
// Windows refuses these as a name's first part whatever the extension (`con.txt`, `LPT1.tar.gz`).
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** A short ASCII extension worth keeping when the stem is shortened. */
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

/** The longest prefix of `text` within `limit` UTF-8 bytes that ends between grapheme clusters (a Hangul syllable, an emoji, a surrogate pair stay whole). */
function cutToBytes(text: string, limit: number): string {
  if (byteLength(text) <= limit) return text;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const size = byteLength(segment);
    if (used + size > limit) break;
    out += segment;
    used += size;
  }
  return out;
}

function splitExtension(name: string): [stem: string, ext: string] {
  const m = EXTENSION.exec(name);
  return m && m.index > 0 ? [name.slice(0, m.index), m[0]] : [name, ''];
}

/** Trailing dots and spaces vanish on Windows; leading ones hide a file or read as `..`. */
function trimEdges(s: string): string {
  return s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

function clean(name: string): string {
  const text = name.normalize('NFC').replace(BIDI, '').replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
  let out = trimEdges(text);
  const [stem, ext] = splitExtension(out);
  if (byteLength(out) > MAX_NAME_BYTES) out = trimEdges(cutToBytes(stem, MAX_NAME_BYTES - byteLength(ext))) + ext;
  // Reserved device names are checked on the part before the first dot, as Windows does.
  const first = out.split('.')[0].trimEnd();
  if (RESERVED.test(first)) out = `_${out}`;
  return out;
}

/** A name with nothing readable left (`???` → `___`) is no better than the fallback. */
const readable = (s: string) => /[\p{L}\p{N}]/u.test(s);

/**
 * `name` made safe as one file name: forbidden characters become `_`, edges trimmed, reserved
 * names prefixed with `_`, shortened to MAX_NAME_BYTES keeping a short extension. Falls back to
 * `fallback` (made safe the same way, or `untitled`) when nothing readable is left.
 */
export function safeFileName(name: string, fallback: string): string {
  const out = clean(name);
  if (out && readable(out)) return out;
  const alt = clean(fallback);
  return alt || 'untitled';
}

/**
 * `name`, or `name (2)`, `name (3)`… before the extension, whichever is not yet in `taken`
 * (compared case- and normalisation-insensitively, as Windows and macOS do). The chosen name is
 * added to `taken`, so a loop can call this for each file.
 */
export function uniqueName(name: string, taken: Set<string>): string {
  const key = (s: string) => s.normalize('NFC').toLowerCase();
  const used = new Set([...taken].map(key));
  let candidate = name;
  const [stem, ext] = splitExtension(name);
  for (let n = 2; used.has(key(candidate)); n++) {
    const suffix = ` (${n})`;
    const room = MAX_NAME_BYTES - byteLength(suffix) - byteLength(ext);
    candidate = trimEdges(cutToBytes(stem, Math.max(room, 1))) + suffix + ext;
  }
  taken.add(candidate);
  return candidate;
}
