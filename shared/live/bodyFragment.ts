// A story's body as a Yjs XML fragment, in the layout TipTap's Collaboration extension reads and
// writes (y-tiptap): an element per node named for its type with its attributes, and each run of
// text one XmlText whose formatting attributes are the marks. Only the newsroom server fills a
// fragment from an article's JSON (two clients doing it would double the text); everyone reads
// one back through the shared normaliser, so what is stored always fits the body schema.
import * as Y from 'yjs';
import { REFUSED_BODY_DEPTH, type Body, type DocNode } from '../model/article';
import { normaliseBody } from '../body/normaliseBody';

/** Bumped whenever BODY_NODES or the live fields (articleFields.ts) change: y-tiptap drops, for everyone, any element its schema rejects. 2: the fields beside the body. */
export const LIVE_SCHEMA_VERSION = 2;

/** The fragment of a story's document that holds the body. */
export const BODY_FRAGMENT = 'body';

type Delta = { insert: string; attributes: Record<string, Record<string, unknown>> };

function marksOf(node: DocNode): Record<string, Record<string, unknown>> {
  const attrs: Record<string, Record<string, unknown>> = {};
  for (const mark of node.marks ?? []) attrs[mark.type] = { ...(mark.attrs ?? {}) };
  return attrs;
}

function toY(nodes: readonly DocNode[]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let run: Delta[] = [];
  const endRun = () => {
    if (run.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(run);
    out.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text) run.push({ insert: node.text, attributes: marksOf(node) });
      continue;
    }
    endRun();
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      // y-tiptap leaves null attributes out (the schema's default applies when read).
      if (value !== null && value !== undefined) element.setAttribute(key, value as string);
    }
    element.insert(0, toY(node.content ?? []));
    out.push(element);
  }
  endRun();
  return out;
}

/** Fills an empty fragment with a body (the server, once per story and epoch). */
export function writeBody(doc: Y.Doc, body: Body): void {
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  if (fragment.length > 0) throw new Error('the body fragment is not empty');
  const fitted = normaliseBody(body).body;
  doc.transact(() => fragment.insert(0, toY(fitted.content)));
}

/** `bold--1a2b`: y-tiptap's key for one of several overlapping marks of a type. */
const markName = (key: string) => key.replace(/--[a-zA-Z0-9+/=]+$/, '');

/** Deeper than any body the editor makes; a crafted document's deeper text is kept as one run. */
const READ_DEPTH = REFUSED_BODY_DEPTH;

function plainText(item: Y.XmlElement): string {
  let text = '';
  // The tree walker iterates (no recursion), so a hostile nesting cannot overflow the stack.
  for (const node of item.createTreeWalker((n) => n instanceof Y.XmlText)) text += (node as Y.XmlText).toDelta().map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : '')).join('');
  return text;
}

function fromY(item: Y.XmlElement | Y.XmlText | Y.XmlHook, depth = 0): DocNode[] {
  if (item instanceof Y.XmlElement && depth >= READ_DEPTH) {
    const text = plainText(item);
    return text ? [{ type: 'text', text }] : [];
  }
  if (item instanceof Y.XmlText) {
    return (item.toDelta() as { insert: unknown; attributes?: Record<string, Record<string, unknown> | null> }[])
      .filter((d): d is { insert: string; attributes?: Record<string, Record<string, unknown> | null> } => typeof d.insert === 'string' && d.insert.length > 0)
      .map((d) => {
        const marks = Object.entries(d.attributes ?? {}).map(([key, attrs]) => (attrs && Object.keys(attrs).length ? { type: markName(key), attrs } : { type: markName(key) }));
        return marks.length ? { type: 'text', text: d.insert, marks } : { type: 'text', text: d.insert };
      });
  }
  if (!(item instanceof Y.XmlElement)) return [];
  const node: DocNode = { type: item.nodeName };
  const attrs = item.getAttributes();
  if (Object.keys(attrs).length) node.attrs = attrs;
  const content = item.toArray().flatMap((child) => fromY(child as Y.XmlElement | Y.XmlText, depth + 1));
  if (content.length) node.content = content;
  return [node];
}

/** The body a document holds now, fitted to the body schema (whatever a client sent). */
export function readBody(doc: Y.Doc): Body {
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  const content = fragment.toArray().flatMap((child) => fromY(child as Y.XmlElement | Y.XmlText));
  return normaliseBody({ type: 'doc', content }).body;
}
