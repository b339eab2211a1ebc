// The dateline that opens the first paragraph: `PORT AVERY — `, `WASHINGTON (AP) — `,
// `SEOUL, Nov. 3 (Reuters) - `, `SEOUL, Aug. 20 (Yonhap) -- `, `PORTLAND, Ore. — `. The place is
// kept (with its state or country); the date is the page's, and the agency becomes the outlet.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(?:${MONTHS.join('|')}|${MONTHS.join('|').toUpperCase()})[A-Za-z]*\\.?`;
const PLACE = "[A-Z][A-Z'’.\\-]*(?:\\s+[A-Z][A-Z'’.\\-]*)*";
const REGION = `(?:,\\s+(?!${MONTH}\\s+\\d)[A-Z][A-Za-z.]*(?:\\s+[A-Z][A-Za-z.]*){0,2})?`;
const DATE = `(?:,?\\s+${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?)?`;
const AGENCY = '(?:\\s+\\(([^()]{1,40})\\))?';
const DASH = '(?:\\s*(?:—|–|--)\\s*|\\s+-\\s+)';
const ENGLISH = new RegExp(`^(${PLACE}${REGION})${DATE}${AGENCY}${DASH}(?=\\S)`);
/** A Korean paragraph opened the same way (`서울 — `): short, no sentence marks. */
const SHORT = /^([^\s.!?,—]{1,15}(?:\s[^\s.!?,—]{1,15})?)\s+—\s+(?=\S)/;

export interface Dateline {
  dateline: string;
  /** The agency in parentheses (AP, Reuters, Yonhap), '' if none. */
  agency: string;
  rest: string;
}

export function parseDateline(paragraph: string): Dateline | null {
  const m = ENGLISH.exec(paragraph);
  if (m && /^[A-Z]{2}/.test(m[1].replace(/[^A-Za-z]/g, ''))) {
    return { dateline: m[1].trim(), agency: (m[2] ?? '').trim(), rest: paragraph.slice(m[0].length) };
  }
  const k = SHORT.exec(paragraph);
  if (k && /[가-힣]/.test(k[1])) return { dateline: k[1], agency: '', rest: paragraph.slice(k[0].length) };
  return null;
}
