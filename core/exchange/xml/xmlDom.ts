// Small, namespace-blind helpers for walking a parsed XML DOM by local name, so the same reader
// handles DTD-era (no namespace) and namespaced files alike.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export const isElement = (node: Node | null | undefined): node is Element => !!node && node.nodeType === ELEMENT_NODE;

/** `localName` of an element, lower-cased (DTD-era files are sometimes upper-case). */
export function nameOf(el: Element): string {
  return (el.localName ?? el.nodeName).toLowerCase();
}

/** Child elements, all or those with one of `names` (compared case-blind). */
export function childElements(el: Element, ...names: string[]): Element[] {
  const wanted = names.map((n) => n.toLowerCase());
  const out: Element[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && (wanted.length === 0 || wanted.includes(nameOf(node)))) out.push(node);
  }
  return out;
}

export function firstChild(el: Element | null | undefined, name: string): Element | null {
  return el ? (childElements(el, name)[0] ?? null) : null;
}

/** Follows a path of child names: `pathOf(root, 'body', 'body.head', 'hedline')`. */
export function pathOf(el: Element | null | undefined, ...names: string[]): Element | null {
  let cur: Element | null = el ?? null;
  for (const name of names) cur = firstChild(cur, name);
  return cur;
}

/** Every descendant element with that local name, in document order (iterative: any depth). */
export function descendants(el: Element, name: string): Element[] {
  const wanted = name.toLowerCase();
  const out: Element[] = [];
  for (let node = nextInTree(el, el); node; node = nextInTree(node, el)) if (isElement(node) && nameOf(node) === wanted) out.push(node);
  return out;
}

/** The node after `node` in document order, staying inside `root`; null at the end. */
function nextInTree(node: Node, root: Node, skipChildren = false): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let cur: Node | null = node; cur && cur !== root; cur = cur.parentNode) if (cur.nextSibling) return cur.nextSibling;
  return null;
}

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Text content with `<br>` as a space and whitespace collapsed (iterative: any depth). */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  for (let node = nextInTree(el, el); node; ) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) out += node.nodeValue ?? '';
    const br = isElement(node) && nameOf(node) === 'br';
    if (br) out += ' ';
    node = nextInTree(node, el, br);
  }
  return collapse(out);
}

/** An attribute by local name, whatever its prefix. */
export function attrOf(el: Element | null | undefined, name: string): string {
  if (!el) return '';
  if (el.hasAttribute(name)) return el.getAttribute(name) ?? '';
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if ((a.localName ?? a.name) === name) return a.value;
  }
  return '';
}
