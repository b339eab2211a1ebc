// The one normaliser every body passes before it is stored (Library.commit) and after it is read
// from a file (ArticleStore): it fits any node tree to bodySchema.ts. Unknown nodes go but their
// text stays; unknown marks and attributes, unsafe links and empty text runs go; children a node
// may not hold are rewrapped (text among blocks becomes a paragraph, a block inside a paragraph
// gives up its text); blocks deeper than MAX_BODY_DEPTH are unwrapped into their parent; and the
// body stops at MAX_BODY_NODES nodes and MAX_BODY_TEXT characters.
//
// Linear and safe on any input: the input is walked with explicit stacks, and the only recursion
// is over blocks that are kept, which are at most MAX_BODY_DEPTH deep.
import type { Body, DocNode } from '../model/article';
import {
  BODY_MARKS,
  BODY_NODES,
  MARK_ORDER,
  MAX_BODY_DEPTH,
  MAX_BODY_NODES,
  MAX_BODY_TEXT,
  isMarkName,
  isNodeName,
  levelsBelow,
  type AttrCheck,
  type MarkName,
  type NodeName,
  type NodeSpec,
} from './bodySchema';

type Mark = NonNullable<DocNode['marks']>[number];
type Raw = Record<string, unknown>;

export interface Normalised {
  body: Body;
  /** True when anything was dropped, rewrapped, flattened or cut (not for key order or empty `attrs`). */
  changed: boolean;
}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const childrenOf = (raw: Raw): unknown[] => (Array.isArray(raw.content) ? raw.content : []);

/** A walk over nodes that flattens unknown wrappers: `push` a node's children to read them next, in order. */
class Walk {
  private readonly stack: { items: unknown[]; i: number }[];
  constructor(items: unknown[]) {
    this.stack = [{ items, i: 0 }];
  }
  next(): unknown {
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1];
      if (top.i < top.items.length) return top.items[top.i++];
      this.stack.pop();
    }
    return undefined;
  }
  get done(): boolean {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].i >= this.stack[this.stack.length - 1].items.length) this.stack.pop();
    return this.stack.length === 0;
  }
  push(items: unknown[]): void {
    if (items.length > 0) this.stack.push({ items, i: 0 });
  }
}

class Normaliser {
  constructor(private readonly maxDepth: number) {}
  changed = false;

  /** The next node object of `walk` (anything else is dropped as a change); null once it is done or the body is full. */
  private nextNode(walk: Walk): Record<string, unknown> | null {
    while (!walk.done && !this.full) {
      const raw = walk.next();
      if (isObject(raw)) return raw;
      this.changed = true;
    }
    return null;
  }
  private nodes = 0;
  private text = 0;

  private get full(): boolean {
    return this.nodes >= MAX_BODY_NODES || this.text >= MAX_BODY_TEXT;
  }

  /** Counts one node; false (and the body is cut here) once the budget is spent. */
  private take(): boolean {
    if (this.full) {
      this.changed = true;
      return false;
    }
    this.nodes++;
    return true;
  }

  doc(raw: unknown): Body {
    if (!isObject(raw) || raw.type !== 'doc') this.changed = true;
    const content = this.blocks(isObject(raw) ? childrenOf(raw) : [], 1);
    return { type: 'doc', content: this.atLeastOne(content) };
  }

  private atLeastOne(content: DocNode[]): DocNode[] {
    if (content.length > 0) return content;
    this.changed = true;
    return [{ type: 'paragraph' }];
  }

  /** Block content whose nodes stand at `depth`. Inline nodes among them are gathered into paragraphs. */
  private blocks(items: unknown[], depth: number): DocNode[] {
    const out: DocNode[] = [];
    let loose: unknown[] = [];
    const flushLoose = () => {
      if (loose.length === 0) return;
      this.changed = true;
      const content = this.inline(loose, null, true);
      loose = [];
      if (content.length > 0 && this.take()) out.push({ type: 'paragraph', content });
    };
    const walk = new Walk(items);
    for (let raw = this.nextNode(walk); raw; raw = this.nextNode(walk)) {
      const type = raw.type;
      if (!isNodeName(type) || type === 'doc') {
        this.changed = true; // an unknown wrapper: its children take its place
        walk.push(childrenOf(raw));
        continue;
      }
      const spec = BODY_NODES[type];
      if (spec.place === 'inline') {
        loose.push(raw);
        continue;
      }
      flushLoose();
      if (type === 'listItem' || depth + levelsBelow(type) > this.maxDepth) {
        // An item outside a list, or a block with no room left below it: its children move up.
        // (A figure's caption then stands as a paragraph.)
        this.changed = true;
        walk.push(childrenOf(raw));
        continue;
      }
      if (type === 'figureCaption') {
        this.changed = true;
        const node = this.textblock('paragraph', raw);
        if (node) out.push(node);
        continue;
      }
      const node = this.block(type, raw, depth);
      if (node) out.push(node);
    }
    flushLoose();
    if (!walk.done) this.changed = true; // cut at the budget
    return out;
  }

  private block(type: NodeName, raw: Raw, depth: number): DocNode | null {
    switch (BODY_NODES[type].holds) {
      case 'inline':
        return this.textblock(type, raw);
      case 'blocks': {
        if (!this.take()) return null;
        const attrs = this.attrs(BODY_NODES[type].attrs, raw.attrs);
        return { type, ...attrs, content: this.atLeastOne(this.blocks(childrenOf(raw), depth + 1)) };
      }
      case 'listItems':
        return this.list(type, raw, depth);
      case 'caption':
        return this.figure(raw);
      default:
        return null;
    }
  }

  private textblock(type: NodeName, raw: Raw): DocNode | null {
    if (!this.take()) return null;
    const attrs = this.attrs(BODY_NODES[type].attrs, raw.attrs);
    const fixed = (BODY_NODES[type] as NodeSpec).fixed;
    if (fixed && Object.entries(fixed).some(([k, v]) => attrs.attrs?.[k] !== v)) {
      this.changed = true;
      attrs.attrs = { ...attrs.attrs, ...fixed };
    }
    const content = this.inline(childrenOf(raw), (BODY_NODES[type] as { marks?: readonly MarkName[] }).marks ?? null, BODY_NODES[type].holds === 'inline');
    return content.length > 0 ? { type, ...attrs, content } : { type, ...attrs };
  }

  /** A list at `depth`: its items at depth + 1. Blocks loose in a list join the item before them. */
  private list(type: NodeName, raw: Raw, depth: number): DocNode | null {
    if (!this.take()) return null;
    const attrs = this.attrs(BODY_NODES[type].attrs, raw.attrs);
    const items: DocNode[] = [];
    let loose: unknown[] = [];
    const flushLoose = () => {
      if (loose.length === 0) return;
      this.changed = true;
      const blocks = this.blocks(loose, depth + 2);
      loose = [];
      const last = items[items.length - 1];
      if (last) last.content = [...(last.content ?? []), ...blocks];
      else if (blocks.length > 0 && this.take()) items.push({ type: 'listItem', content: this.opensWithParagraph(blocks) });
    };
    for (const child of childrenOf(raw)) {
      if (this.full) {
        this.changed = true;
        break;
      }
      if (isObject(child) && child.type === 'listItem') {
        flushLoose();
        if (!this.take()) break;
        const itemAttrs = this.attrs(BODY_NODES.listItem.attrs, child.attrs);
        items.push({ type: 'listItem', ...itemAttrs, content: this.opensWithParagraph(this.blocks(childrenOf(child), depth + 2)) });
      } else {
        loose.push(child);
      }
    }
    flushLoose();
    if (items.length === 0) {
      this.changed = true;
      return null;
    }
    return { type, ...attrs, content: items };
  }

  private opensWithParagraph(blocks: DocNode[]): DocNode[] {
    if (blocks[0]?.type === 'paragraph') return blocks;
    this.changed = true;
    return [{ type: 'paragraph' }, ...blocks];
  }

  /** A figure holds exactly one caption: the caption it has, or the text of whatever it holds instead. */
  private figure(raw: Raw): DocNode | null {
    if (!this.take()) return null;
    const attrs = this.attrs(BODY_NODES.figure.attrs, raw.attrs);
    const children = childrenOf(raw);
    const own = children.length === 1 && isObject(children[0]) && children[0].type === 'figureCaption' ? children[0] : null;
    if (!own) this.changed = true;
    const caption = this.textblock('figureCaption', own ?? { type: 'figureCaption', content: children });
    return caption ? { type: 'figure', ...attrs, content: [caption] } : null;
  }

  /**
   * Inline content from `items`: text runs (with the marks `allowed`, all when null) and line
   * breaks (`breaks`; otherwise a break becomes a space). Anything else gives up its text.
   */
  private inline(items: unknown[], allowed: readonly MarkName[] | null, breaks: boolean): DocNode[] {
    const out: DocNode[] = [];
    const walk = new Walk(items);
    for (let raw = this.nextNode(walk); raw; raw = this.nextNode(walk)) {
      if (raw.type === 'text') {
        if (typeof raw.text !== 'string' || raw.text.length === 0) {
          this.changed = true;
          continue;
        }
        let text = raw.text;
        if (this.text + text.length > MAX_BODY_TEXT) {
          this.changed = true;
          text = text.slice(0, MAX_BODY_TEXT - this.text);
        }
        this.append(out, text, this.marks(raw.marks, allowed));
        continue;
      }
      if (raw.type === 'hardBreak') {
        const marks = this.marks(raw.marks, allowed);
        if (!breaks) {
          this.changed = true;
          this.append(out, ' ', marks);
        } else if (this.take()) {
          out.push(marks ? { type: 'hardBreak', marks } : { type: 'hardBreak' });
        }
        continue;
      }
      this.changed = true; // a block or an unknown node inside a line: its text stays
      walk.push(childrenOf(raw));
    }
    if (!walk.done) this.changed = true; // cut at the budget
    return out;
  }

  /** Adds a text run, joined to the one before when the marks are the same (as ProseMirror does). */
  private append(out: DocNode[], text: string, marks: Mark[] | undefined): void {
    const last = out[out.length - 1];
    if (last?.type === 'text' && sameMarks(last.marks, marks)) last.text = (last.text ?? '') + text;
    else if (this.take()) out.push(marks ? { type: 'text', marks, text } : { type: 'text', text });
    else return;
    this.text += text.length;
  }

  private marks(raw: unknown, allowed: readonly MarkName[] | null): Mark[] | undefined {
    if (raw === undefined) return undefined;
    if (!Array.isArray(raw)) {
      this.changed = true;
      return undefined;
    }
    const kept = new Map<MarkName, Mark>();
    for (const m of raw) {
      if (!isObject(m) || !isMarkName(m.type) || (allowed && !allowed.includes(m.type)) || kept.has(m.type)) {
        this.changed = true;
        continue;
      }
      const spec = BODY_MARKS[m.type];
      const attrs = this.attrs(spec.attrs, m.attrs);
      if ((spec.required as readonly string[]).some((k) => !attrs.attrs || !(k in attrs.attrs))) {
        this.changed = true; // a link without a safe target is no link
        continue;
      }
      kept.set(m.type, { type: m.type, ...attrs });
    }
    if (kept.size === 0) return undefined;
    return MARK_ORDER.filter((t) => kept.has(t)).map((t) => kept.get(t)!);
  }

  /** The attributes the spec knows, with values it accepts; `{}` when none are left. */
  private attrs(spec: Readonly<Record<string, AttrCheck>>, raw: unknown): { attrs?: Record<string, unknown> } {
    if (raw === undefined) return {};
    if (!isObject(raw)) {
      this.changed = true;
      return {};
    }
    const attrs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const check = Object.prototype.hasOwnProperty.call(spec, key) ? spec[key] : undefined;
      const kept = check?.(value);
      if (kept !== value) this.changed = true;
      if (kept !== undefined) attrs[key] = kept;
    }
    return Object.keys(attrs).length > 0 ? { attrs } : {};
  }
}

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.length === b.length && a.every((m, i) => m.type === b[i].type && JSON.stringify(m.attrs) === JSON.stringify(b[i].attrs));
}

/**
 * Fits any value to the body schema; never throws. `maxDepth` is for content that will sit lower
 * than the top of a body (a paste into a quote): it must fit in what is left above the limit.
 */
export function normaliseBody(raw: unknown, maxDepth = MAX_BODY_DEPTH): Normalised {
  const n = new Normaliser(Math.max(1, Math.min(MAX_BODY_DEPTH, maxDepth)));
  const body = n.doc(raw);
  return { body, changed: n.changed };
}

/** A doc with a content array: worth fitting. Anything else is a damaged file or package, for the schema to refuse. */
export function looksLikeBody(raw: unknown): boolean {
  return isObject(raw) && raw.type === 'doc' && Array.isArray(raw.content);
}
