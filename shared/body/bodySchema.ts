// The body's schema for the core: the node types, what each may hold, their attributes and marks,
// exactly as the TipTap editor defines them (renderer/src/editor/extensions.ts, figure/*,
// EditorNote.ts; bodySchema.test.ts in the renderer proves the two agree), plus the one link rule
// and the bounds every stored body keeps. normaliseBody.ts fits any node tree to it.
import { keptLink } from './linkSafety';
import { isPhotoId } from '../model/photo';
import { NOTE_MARK } from '../workflow/notes';

/**
 * The deepest a block may sit, as ProseMirror counts depth: a top-level paragraph is 1, a
 * paragraph in a quote 2, a list item's paragraph 3, one in a list nested once 5. Deeper than any real
 * story and far below what recursive code (zod, exporters, the editor) can take.
 */
export const MAX_BODY_DEPTH = 32;
/** Nodes (text runs included) in one body: a 10,000-word story has a few thousand. */
export const MAX_BODY_NODES = 100_000;
/** Characters of text in one body (about forty 10,000-word stories). */
export const MAX_BODY_TEXT = 2_000_000;

/** Where a node may stand: among blocks, or inside a textblock. */
export type Place = 'block' | 'inline';

/** An attribute's check: the value to keep, or undefined to drop it (the editor's default applies). */
export type AttrCheck = (value: unknown) => unknown;

export interface NodeSpec {
  place: Place;
  /** What the node holds: blocks, the inline content of a textblock, list items, one caption, or nothing. */
  holds: 'blocks' | 'inline' | 'text' | 'listItems' | 'itemBlocks' | 'caption' | 'none';
  /** The marks its inline content may carry (textblocks only); all marks when absent. */
  marks?: readonly MarkName[];
  attrs: Readonly<Record<string, AttrCheck>>;
  /** Attributes the node always carries with this one value (the editor would read a missing one as another). */
  fixed?: Readonly<Record<string, unknown>>;
}

/** A string, cut at `max` characters (far above what a person types, so only a crafted file is cut). */
const str = (max: number): AttrCheck => (v) => (typeof v === 'string' ? (v.length <= max ? v : v.slice(0, max)) : undefined);

export const BODY_NODES = {
  doc: { place: 'block', holds: 'blocks', attrs: {} },
  paragraph: { place: 'block', holds: 'inline', attrs: {} },
  // 중간제목: the editor offers level 2 only.
  heading: { place: 'block', holds: 'inline', attrs: { level: (v) => (v === 2 ? v : undefined) }, fixed: { level: 2 } },
  blockquote: { place: 'block', holds: 'blocks', attrs: {} },
  bulletList: { place: 'block', holds: 'listItems', attrs: {} },
  orderedList: {
    place: 'block',
    holds: 'listItems',
    attrs: {
      start: (v) => (Number.isSafeInteger(v) ? v : undefined),
      type: (v) => (v === null || (typeof v === 'string' && ['1', 'a', 'A', 'i', 'I'].includes(v)) ? v : undefined),
    },
  },
  // Opens with a paragraph, then any blocks (a nested list).
  listItem: { place: 'block', holds: 'itemBlocks', attrs: {} },
  figure: {
    place: 'block',
    holds: 'caption',
    attrs: {
      // An id names a file under the photo store; anything else would be a path the screen loads.
      photoId: (v) => (v === '' || isPhotoId(v) ? v : undefined),
      credit: str(10_000),
      alt: str(10_000),
      fromFile: (v) => {
        if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
        const o = v as Record<string, unknown>;
        const caption = str(10_000)(o.caption);
        const credit = str(10_000)(o.credit);
        const alt = str(10_000)(o.alt);
        if (caption === undefined || credit === undefined || alt === undefined) return undefined;
        // The same object when nothing was cut or dropped, so the normaliser sees no change.
        return caption === o.caption && credit === o.credit && alt === o.alt && Object.keys(o).length === 3 ? v : { caption, credit, alt };
      },
    },
  },
  figureCaption: { place: 'block', holds: 'text', marks: ['italic', 'link'], attrs: {} },
  text: { place: 'inline', holds: 'none', attrs: {} },
  hardBreak: { place: 'inline', holds: 'none', attrs: {} },
} as const satisfies Record<string, NodeSpec>;

export type NodeName = keyof typeof BODY_NODES;

/** Marks in ProseMirror's rank order (the order the editor's schema lists them), which is the order a text run keeps them in. */
export const BODY_MARKS = {
  link: {
    attrs: {
      // The one link rule: a link that fails it is dropped (its text stays).
      href: (v: unknown) => (typeof v === 'string' ? keptLink(v) : undefined),
      target: (v: unknown) => (v === null || v === '_blank' ? v : undefined),
      rel: (v: unknown) => (v === null || (typeof v === 'string' && /^[a-z ]{0,100}$/i.test(v)) ? v : undefined),
      // A class would let a link dress up as an editor's note or hide its text.
      class: (v: unknown) => (v === null ? v : undefined),
      title: (v: unknown) => (v === null ? v : str(10_000)(v)),
    } as Readonly<Record<string, AttrCheck>>,
    required: ['href'],
  },
  bold: { attrs: {} as Readonly<Record<string, AttrCheck>>, required: [] },
  italic: { attrs: {} as Readonly<Record<string, AttrCheck>>, required: [] },
  [NOTE_MARK]: { attrs: {} as Readonly<Record<string, AttrCheck>>, required: [] },
} as const;

export type MarkName = keyof typeof BODY_MARKS;

export const MARK_ORDER = Object.keys(BODY_MARKS) as MarkName[];

export function isNodeName(type: unknown): type is NodeName {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(BODY_NODES, type);
}

export function isMarkName(type: unknown): type is MarkName {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(BODY_MARKS, type);
}

/** How many levels a block needs below itself before its text: a list needs an item and its paragraph. */
export function levelsBelow(type: NodeName): number {
  const holds = BODY_NODES[type].holds;
  if (holds === 'listItems') return 2;
  if (holds === 'blocks' || holds === 'itemBlocks' || holds === 'caption') return 1;
  return 0;
}
