// Text headed into an XML document via xmlbuilder2. Characters XML 1.0 cannot carry at all
// (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, since escaping cannot make
// them legal. And xmlbuilder2 leaves an `&` that already looks like an entity (`&amp;`, `&#65;`)
// unescaped, so user text reading "&amp;" would arrive as "&": such an `&` is escaped here first.

// eslint-disable-next-line no-control-regex -- the illegal XML code points are control characters
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** The ampersands xmlbuilder2's writer would take for entities (its nonEntityAmpersandRegex, inverted). */
const ENTITY_LIKE_AMP = /&(?=[A-Za-z]+;|#\d+;)/g;

export function xmlSafe(text: string): string {
  return text.replace(ILLEGAL, '').replace(ENTITY_LIKE_AMP, '&amp;');
}
