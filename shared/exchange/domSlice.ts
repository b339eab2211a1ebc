// The part of the DOM that the HTML cleaner walks, as plain interfaces. shared/ compiles without
// the DOM library (tsconfig.shared.json), and the cleaner never touches a global DOM anyway: its
// caller hands in a parser from a real window (the browser's, or jsdom's in the core), whose
// nodes have all of these members.

export interface DomNode {
  readonly nodeType: number;
  textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly firstChild: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly ownerDocument: DomDocument | null;
  appendChild(node: DomNode): DomNode;
  insertBefore(node: DomNode, child: DomNode | null): DomNode;
  removeChild(child: DomNode): DomNode;
  replaceChild(node: DomNode, child: DomNode): DomNode;
}

export interface DomElement extends DomNode {
  readonly ownerDocument: DomDocument;
  readonly localName: string;
  readonly id: string;
  innerHTML: string;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly previousElementSibling: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly lastElementChild: DomElement | null;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
}

export interface DomTreeWalker {
  readonly currentNode: DomNode;
  nextNode(): DomNode | null;
}

export interface DomDocument extends DomNode {
  readonly body: DomElement;
  createElement(tag: string): DomElement;
  createTreeWalker(root: DomNode, whatToShow?: number): DomTreeWalker;
}

/** A window's DOMParser: its documents are inert (no scripts run, no images load). */
export interface DomParser {
  parseFromString(html: string, type: 'text/html'): DomDocument;
}
