// The fields beside the body in a story's live document, generated from one table: each field of
// the article (body aside) has a kind, and the kind alone decides how it is stored, written and
// read — a field added to the article later needs a line here and no new sync code (the type
// below fails until it has one).
//
//   text   its own XML fragment of paragraphs, edited by a small TipTap editor bound with
//          Collaboration (never an <input> bound to Y.Text: a remote change landing in a focused
//          input breaks Korean IME). One paragraph per line, read as `line` (one line: a crafted
//          document's extra paragraphs are joined with a space), `lines` (an array, blank lines
//          left out) or `multiline` (one string, lines joined with newlines).
//   record a Y.Map with one entry per key of the object (byline: outlet and desk merge apart).
//   list   a Y.Array of values (tags: two people adding one each keeps both).
//   value  one entry of the `values` Y.Map (language, length target, embargo: last writer wins).
//
// Only the server fills these from an article's JSON (writeFields); everyone reads them back
// through the article's own zod schemas, so a field a client made unreadable reads as the copy it
// came from, and text too long for its field is cut at the field's limit.
import * as Y from 'yjs';
import type { z } from 'zod';
import { ArticleContentSchema, type ArticleContent } from '../model/article';

export type LiveMeta = Omit<ArticleContent, 'body'>;
export type LiveFieldKey = keyof LiveMeta;

type FieldKind = { kind: 'text'; shape: 'line' | 'lines' | 'multiline'; maxLines?: number } | { kind: 'record' } | { kind: 'list' } | { kind: 'value' };

export const LIVE_FIELDS = {
  kicker: { kind: 'text', shape: 'line' },
  headline: { kind: 'text', shape: 'line' },
  deck: { kind: 'text', shape: 'lines', maxLines: 4 },
  dateline: { kind: 'text', shape: 'line' },
  deskNote: { kind: 'text', shape: 'multiline' },
  byline: { kind: 'record' },
  tags: { kind: 'list' },
  language: { kind: 'value' },
  lengthTarget: { kind: 'value' },
  embargo: { kind: 'value' },
  keptFindings: { kind: 'list' },
} as const satisfies Record<LiveFieldKey, FieldKind>;

export type TextFieldKey = { [K in LiveFieldKey]: (typeof LIVE_FIELDS)[K]['kind'] extends 'text' ? K : never }[LiveFieldKey];

export const LIVE_FIELD_KEYS = Object.keys(LIVE_FIELDS) as LiveFieldKey[];
export const TEXT_FIELD_KEYS = LIVE_FIELD_KEYS.filter((key): key is TextFieldKey => LIVE_FIELDS[key].kind === 'text');

/** The fragment holding a text field (the body's is `body`; these never clash with it). */
export const fieldFragment = (key: TextFieldKey): string => `field.${key}`;
const recordName = (key: LiveFieldKey) => `field.${key}`;
const VALUES = 'field.values';

/** The shared types that hold the fields, one per field (the values share one map). */
function fieldTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  const types = new Set<Y.AbstractType<unknown>>();
  for (const key of LIVE_FIELD_KEYS) {
    const kind = LIVE_FIELDS[key].kind;
    if (kind === 'text') types.add(doc.getXmlFragment(fieldFragment(key as TextFieldKey)) as Y.AbstractType<unknown>);
    else if (kind === 'record') types.add(doc.getMap(recordName(key)) as Y.AbstractType<unknown>);
    else if (kind === 'list') types.add(doc.getArray(recordName(key)) as Y.AbstractType<unknown>);
    else types.add(doc.getMap(VALUES) as Y.AbstractType<unknown>);
  }
  return [...types];
}

/** Calls `listener` after each transaction that changed a field (not the body); returns the way to stop. */
export function observeFields(doc: Y.Doc, listener: () => void): () => void {
  const types = fieldTypes(doc);
  let changed = false;
  const mark = () => {
    changed = true;
  };
  // Once per transaction, however many fields it touched.
  const after = () => {
    if (!changed) return;
    changed = false;
    listener();
  };
  for (const type of types) type.observeDeep(mark);
  doc.on('afterTransaction', after);
  return () => {
    for (const type of types) type.unobserveDeep(mark);
    doc.off('afterTransaction', after);
  };
}

/** The character limit zod puts on a text field (a deck line's, for the deck). */
function maxChars(key: TextFieldKey): number {
  const schema = ArticleContentSchema.shape[key] as z.ZodType & { maxLength?: number | null; element?: { maxLength?: number | null } };
  const unwrapped = 'unwrap' in schema && typeof schema.unwrap === 'function' ? (schema.unwrap() as typeof schema) : schema;
  return unwrapped.maxLength ?? unwrapped.element?.maxLength ?? 5000;
}

function linesOf(value: LiveMeta[TextFieldKey]): string[] {
  const lines = Array.isArray(value) ? value : value.split('\n');
  // Every text fragment holds at least one paragraph, so no client ever has to make the first (two would).
  return lines.length ? lines : [''];
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  if (text) element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Fills a document's fields from an article (the server, once per story and epoch, with writeBody). */
export function writeFields(doc: Y.Doc, meta: LiveMeta): void {
  doc.transact(() => {
    for (const key of LIVE_FIELD_KEYS) {
      const field = LIVE_FIELDS[key];
      if (field.kind === 'text') {
        const k = key as TextFieldKey;
        doc.getXmlFragment(fieldFragment(k)).insert(0, linesOf(meta[k]).map(paragraph));
      } else writeStructured(doc, key, meta[key]);
    }
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function writeStructured(doc: Y.Doc, key: LiveFieldKey, value: unknown): void {
  const kind = LIVE_FIELDS[key].kind;
  if (kind === 'record') {
    const map = doc.getMap<unknown>(recordName(key));
    for (const [sub, v] of Object.entries(value as Record<string, unknown>)) if (!same(map.get(sub), v)) map.set(sub, v);
    for (const sub of [...map.keys()]) if (!(sub in (value as object))) map.delete(sub);
  } else if (kind === 'list') {
    const array = doc.getArray<unknown>(recordName(key));
    const next = value as unknown[];
    const now = array.toArray();
    // Items removed go one by one and new ones are appended, so another person's addition survives.
    for (let i = now.length - 1; i >= 0; i--) if (!next.some((v) => same(v, now[i]))) array.delete(i, 1);
    const kept = array.toArray();
    const order = next.filter((v) => kept.some((k) => same(k, v)));
    if (!same(order, kept)) {
      array.delete(0, array.length);
      array.push(next);
    } else array.push(next.filter((v) => !kept.some((k) => same(k, v))));
  } else if (kind === 'value') {
    const map = doc.getMap<unknown>(VALUES);
    if (!same(map.get(key), value)) map.set(key, value);
  }
}

/**
 * Writes fields a person changed that are not text (text is typed into its own editor): byline,
 * tags, language, length target, embargo. One transaction; an unchanged value writes nothing.
 */
export function setFields(doc: Y.Doc, patch: Partial<LiveMeta>, origin?: unknown): void {
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch) as [LiveFieldKey, unknown][]) {
      if (!(key in LIVE_FIELDS) || LIVE_FIELDS[key].kind === 'text') continue;
      writeStructured(doc, key, value);
    }
  }, origin);
}

/**
 * Replaces `expected` at `offset` in line `line` of a text field (a house-style fix in the headline
 * or a deck line), in the text node that holds it, so everyone's field editor shows the change as
 * typing would. Lines count as the field reads them (a deck's blank lines are not lines). False,
 * and nothing written, when the text there is no longer `expected` or spans two text nodes.
 */
export function replaceInTextField(doc: Y.Doc, key: TextFieldKey, line: number, offset: number, expected: string, text: string, origin?: unknown): boolean {
  const paragraphs = doc.getXmlFragment(fieldFragment(key)).toArray().filter((item): item is Y.XmlElement => item instanceof Y.XmlElement);
  const lines = LIVE_FIELDS[key].shape === 'lines' ? paragraphs.filter((p) => plainText(p).trim() !== '') : paragraphs;
  const paragraph = lines[line];
  if (!paragraph || plainText(paragraph).slice(offset, offset + expected.length) !== expected) return false;
  let start = 0;
  for (const node of paragraph.createTreeWalker((n) => n instanceof Y.XmlText)) {
    const textNode = node as Y.XmlText;
    const length = textNode.length;
    if (offset >= start && offset + expected.length <= start + length) {
      doc.transact(() => {
        textNode.delete(offset - start, expected.length);
        textNode.insert(offset - start, text);
      }, origin);
      return true;
    }
    start += length;
  }
  return false;
}

/** The text of a paragraph element, walked without recursion (a crafted document may nest deep). */
export function plainText(item: Y.XmlElement): string {
  let text = '';
  for (const node of item.createTreeWalker((n) => n instanceof Y.XmlText)) {
    text += (node as Y.XmlText).toDelta().map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : '')).join('');
  }
  return text;
}

function readText(doc: Y.Doc, key: TextFieldKey): string | string[] | undefined {
  const field: FieldKind & { kind: 'text' } = LIVE_FIELDS[key];
  const limit = maxChars(key);
  const fragment = doc.getXmlFragment(fieldFragment(key));
  // The server writes at least one paragraph into every text field: none means no such field here.
  if (fragment.length === 0) return undefined;
  const lines = fragment
    .toArray()
    .map((item) => (item instanceof Y.XmlElement ? plainText(item) : item instanceof Y.XmlText ? item.toString() : ''))
    .map((line) => line.replace(/[\r\n]+/g, ' '));
  if (field.shape === 'line') return lines.join(' ').trim().slice(0, limit);
  if (field.shape === 'lines') return lines.filter((line) => line.trim() !== '').slice(0, field.maxLines).map((line) => line.slice(0, limit));
  return lines.join('\n').replace(/\n+$/, '').slice(0, limit);
}

function readStructured(doc: Y.Doc, key: LiveFieldKey): unknown {
  const kind = LIVE_FIELDS[key].kind;
  if (kind === 'record') {
    const map = doc.getMap<unknown>(recordName(key));
    return map.size > 0 ? map.toJSON() : undefined;
  }
  // An empty list is a list (no tags): it counts once the document has its fields at all.
  if (kind === 'list') return hasFields(doc) ? doc.getArray<unknown>(recordName(key)).toArray() : undefined;
  const values = doc.getMap<unknown>(VALUES);
  return values.has(key) ? values.get(key) : undefined;
}

/**
 * The fields a document holds now, each checked with the article's own schema; a field missing or
 * unreadable reads as `fallback`'s (the copy the document was made from, or what is on screen).
 * Each field stands alone: one a client emptied or spoiled leaves the others as they are.
 */
export function readFields(doc: Y.Doc, fallback: LiveMeta): LiveMeta {
  return { ...fallback, ...readFieldsPartial(doc) };
}

/**
 * Only the fields of a document that read (each checked with the article's own schema): for a
 * holder with no copy to fall back on (a late revision kept on this machine). None when the
 * document has no fields yet.
 */
export function readFieldsPartial(doc: Y.Doc): Partial<LiveMeta> {
  const out: Record<string, unknown> = {};
  for (const key of LIVE_FIELD_KEYS) {
    const value = readField(doc, key);
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<LiveMeta>;
}

/** One field as the document holds it, checked with its schema; undefined when it does not read. */
export function readField<K extends LiveFieldKey>(doc: Y.Doc, key: K): LiveMeta[K] | undefined {
  try {
    const raw = LIVE_FIELDS[key].kind === 'text' ? readText(doc, key as TextFieldKey) : readStructured(doc, key);
    // Absent is not a value (a zod default would make one of it).
    if (raw === undefined) return undefined;
    const parsed = ArticleContentSchema.shape[key].safeParse(raw);
    return parsed.success ? (parsed.data as LiveMeta[K]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a document has fields in it (one made before they were live has only a body). For
 * reading only: whether the server has written them is recorded on the epoch, never read from a
 * document clients may change.
 */
export function hasFields(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(VALUES).size > 0 || TEXT_FIELD_KEYS.some((key) => doc.getXmlFragment(fieldFragment(key)).length > 0);
}
