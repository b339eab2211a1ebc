// Whole counts as the interface writes them: 7, 1,234, 100,000 in Korean and in English alike.
// Intl.NumberFormat writes the same, but the first one a page builds costs 15–20 ms (ICU's number
// data), and the library's first screen shows counts; so whole numbers in the app's two languages
// are grouped here, and anything else goes to Intl (built once per language).
const formats = new Map<string, Intl.NumberFormat>();

export function formatCount(language: string, n: number): string {
  if (Number.isSafeInteger(n) && /^(ko|en)\b/.test(language)) return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(n);
}
