// Splits a photo credit off a caption the way newsrooms print it: `… [사진=연합뉴스]`,
// `… (Photo: Dana Whitfield)`, `… Photo by AP`, `(Credit: Nasa)`, `© Reuters`. Imported pages
// and documents carry caption and credit as one line; the body keeps them apart.

const TRAILING: RegExp[] = [
  /\s*[[(<]\s*(?:사진|자료사진|그래픽|사진제공|제공)\s*[=:]\s*([^\])>]+?)\s*[\])>]\s*$/u,
  /\s*[[(]\s*(?:photo(?:graph)?|image|credit|pictured?)\s*(?:by|:|=)\s*([^\])]+?)\s*[\])]\s*$/iu,
  /(?:^|\s+)(?:사진|사진제공)\s*=\s*(.+?)\s*$/u,
  /(?:^|\s+)(?:photo(?:graph)?|image|credit)\s*(?:by|:)\s*(.+?)\s*$/iu,
  /(?:^|\s+)©\s*(.+?)\s*$/u,
];

/** `{ caption, credit }`; credit is '' when the text names none. */
export function splitCaptionCredit(text: string): { caption: string; credit: string } {
  const clean = text.replace(/\s+/g, ' ').trim();
  for (const re of TRAILING) {
    const m = re.exec(clean);
    if (m && m[1].trim()) return { caption: clean.slice(0, m.index).trim(), credit: m[1].trim() };
  }
  return { caption: clean, credit: '' };
}

/** Text of a credit element with its label dropped: `Photo: AP` → `AP`. */
export function creditText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[[(](.*)[\])]$/u, '$1')
    .replace(/^\s*(?:(?:사진|photo(?:graph)?|image|credit)\s*(?:by\b|[=:])|©)\s*/iu, '')
    .trim();
}
