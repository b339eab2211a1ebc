// How text becomes search terms, the same for the index and for a query. Hangul particles stay
// glued to words (배터리를) and compounds join nouns (폐배터리), so Hangul (and Han) runs are
// indexed as overlapping two-syllable pieces, a one-syllable run as itself; any word then
// matches inside longer ones. Latin and digits are lowercase words, matched by prefix.

const HANGUL = /[\uAC00-\uD7A3\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
/** Runs of syllables, or of letters/digits from other scripts. Jamo (ㅂ, mid-composition) are neither. */
const RUNS = /[\uAC00-\uD7A3\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+|(?:(?![\uAC00-\uD7A3\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uD7B0-\uD7FF])[\p{L}\p{N}])+/gu;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Text that NFKC and lowercasing leave as it is apart from A–Z (the common case, checked cheaply). */
const PLAIN = /^[\t\n\r\u0020-\u007E\uAC00-\uD7A3\u2018-\u201D\u00B7\u3000-\u3011]*$/;

function isSyllable(code: number): boolean {
  return (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Every distinct term in `text`, for the index. */
export function indexTerms(text: string, into: Set<string> = new Set()): Set<string> {
  if (!PLAIN.test(text)) {
    // Full-width letters, compatibility forms, other scripts: the general path.
    for (const [run] of normalise(text).matchAll(RUNS)) {
      if (!HANGUL.test(run[0])) into.add(run);
      else {
        if (run.length === 1) into.add(run);
        for (let i = 0; i + 1 < run.length; i++) into.add(run.slice(i, i + 2));
      }
    }
    return into;
  }
  // ASCII and Hangul only: one pass over the characters, no normalisation needed.
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const code = lower.charCodeAt(i);
    if (isSyllable(code)) {
      let j = i + 1;
      while (j < n && isSyllable(lower.charCodeAt(j))) j++;
      if (j - i === 1) into.add(lower[i]);
      for (let k = i; k + 1 < j; k++) into.add(lower.slice(k, k + 2));
      i = j;
    } else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      let j = i + 1;
      while (j < n) {
        const c = lower.charCodeAt(j);
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) j++;
        else break;
      }
      into.add(lower.slice(i, j));
      i = j;
    } else i++;
  }
  return into;
}

/**
 * One thing the query asks for; a document must match every part. `terms` are alternatives:
 * a Hangul piece is one exact term, a lone syllable also matches inside pieces, a Latin word
 * matches every indexed word it begins.
 */
export type QueryPart =
  | { kind: 'exact'; term: string }
  | { kind: 'syllable'; term: string }
  | { kind: 'prefix'; term: string };

/** A query as the index reads it, plus the words to highlight. */
export interface ParsedQuery {
  parts: QueryPart[];
  /** Hangul runs and Latin words as typed (normalised), for highlighting. */
  words: { text: string; hangul: boolean }[];
}

export function parseQuery(text: string): ParsedQuery {
  const parts: QueryPart[] = [];
  const words: ParsedQuery['words'] = [];
  const seen = new Set<string>();
  const add = (part: QueryPart) => {
    const key = part.kind + ':' + part.term;
    if (!seen.has(key)) parts.push(part);
    seen.add(key);
  };
  for (const [run] of normalise(text).matchAll(RUNS)) {
    const hangul = HANGUL.test(run[0]);
    words.push({ text: run, hangul });
    if (!hangul) add({ kind: run.length > 1 || /\d/.test(run) ? 'prefix' : 'exact', term: run });
    else if (run.length === 1) add({ kind: 'syllable', term: run });
    else for (let i = 0; i + 1 < run.length; i++) add({ kind: 'exact', term: run.slice(i, i + 2) });
  }
  return { parts, words };
}

export type Mark = [number, number];

/**
 * Where the query's words are in `text`: a Hangul run anywhere (inside words, as it is
 * indexed), a Latin word at the start of a word. Overlapping marks are merged.
 */
export function findMarks(text: string, query: ParsedQuery, max = 50): Mark[] {
  if (query.words.length === 0 || !text) return [];
  const lower = normalise(text);
  // NFKC can change lengths (full-width forms, ligatures); offsets are only safe when it did not.
  const hay = lower.length === text.length ? lower : text.toLowerCase();
  if (hay.length !== text.length) return [];
  const marks: Mark[] = [];
  for (const w of query.words) {
    let from = 0;
    while (marks.length < max * 4) {
      const at = hay.indexOf(w.text, from);
      if (at < 0) break;
      from = at + w.text.length;
      if (!w.hangul && at > 0 && /[\p{L}\p{N}]/u.test(hay[at - 1])) continue;
      marks.push([at, at + w.text.length]);
    }
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Mark[] = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
    if (merged.length >= max) break;
  }
  return merged;
}
