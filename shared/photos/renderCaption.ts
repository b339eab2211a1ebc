// A caption as the house prints it: the caption text, then the credit in the house's shape,
// e.g. `[사진=홍길동 기자]` or `(Photo: Dana Whitfield/Hanbit Economy)`. The shape is data in settings.

/** `{credit}` in `pattern` is replaced by the credit; no credit, no suffix. */
export function renderCredit(credit: string, pattern: string): string {
  const c = credit.trim();
  return c ? pattern.split('{credit}').join(c) : '';
}

export function renderCaption(caption: string, credit: string, pattern: string): string {
  return [caption.trim(), renderCredit(credit, pattern)].filter(Boolean).join(' ');
}
