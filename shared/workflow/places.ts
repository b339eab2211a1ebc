// Where in an article something the desk must look at sits: a photo (its number among the body's
// photos and the start of its caption), a note or TK (the paragraph it is in, by number and start),
// or a field beside the body. Positions are ProseMirror's, computed from the JSON body, so the editor
// can put the selection exactly there; renderer tests hold them against a real ProseMirror document.
import type { DocNode } from '../model/article';
import { BODY_NODES, isNodeName } from '../body/bodySchema';
import { figuresIn } from '../photos/figures';
import { figureWarnings } from '../photos/figureWarnings';
import { inlineRuns, openMarksIn } from './notes';
import { inlineText } from '../counting/countBody';

/** How much of a paragraph or caption names it (about a line's start in a checklist). */
export const EXCERPT_CHARS = 20;

/** The start of `text` on one line, cut at `max` characters (not inside a surrogate pair) with an ellipsis. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : chars.join('');
}

/** A textblock a person can point at: the n-th paragraph of the body (1-based, empty ones not counted) or photo n's caption. */
export type BlockRef = { kind: 'paragraph'; n: number; start: string } | { kind: 'caption'; figure: number; start: string };

export interface MarkPlace {
  kind: 'mark';
  mark: 'note' | 'tk';
  /** The note's text, or "TK". */
  text: string;
  /** ProseMirror positions of the note or TK. */
  from: number;
  to: number;
  block: BlockRef;
}

/** `photo`: the figure still waits for its photo (web copy brings figures without one). */
export type FigureField = 'photo' | 'caption' | 'credit' | 'alt';

export interface FigurePlace {
  kind: 'figure';
  /** 1-based, in body order: "사진 2". */
  figure: number;
  /** The start of its caption ('' when it has none). */
  caption: string;
  /** ProseMirror position of the figure node. */
  pos: number;
  /** The field that is empty. */
  field: FigureField;
}

export type ArticleField = 'headline' | 'deck' | 'byline' | 'embargo' | 'lengthTarget';
export interface FieldPlace {
  kind: 'field';
  field: ArticleField;
}

/** A house-style finding nobody kept: in a textblock of the body (a caption too), or in the headline or deck. */
export interface FindingPlace {
  kind: 'finding';
  ruleId: string;
  /** The text the rule flags, and what it would write instead (absent when the rule only points). */
  text: string;
  fix?: string;
  /** The rule's message, in Korean and English. */
  message: { ko: string; en: string };
  /** In a field: its line (the headline's is 0) and the offset in it. */
  at: { kind: 'body'; from: number; to: number; block: BlockRef } | { kind: 'field'; field: 'headline' | 'deck'; line: number; offset: number };
}

export type ProblemPlace = MarkPlace | FigurePlace | FieldPlace | FindingPlace;

const isLeaf = (n: DocNode) => n.type !== 'text' && isNodeName(n.type) && BODY_NODES[n.type].holds === 'none';
const isTextblock = (n: DocNode) => isNodeName(n.type) && (BODY_NODES[n.type].holds === 'inline' || BODY_NODES[n.type].holds === 'text');
const sizeOf = (n: DocNode) => (n.type === 'text' ? (n.text ?? '').length : 1);

export interface Visit {
  onTextblock?(node: DocNode, contentStart: number, block: BlockRef | null): void;
  onFigure?(node: DocNode, pos: number, figure: number): void;
}

/** Walks the body in document order with each node's ProseMirror position (the doc's content starts at 0). */
export function walkBody(body: DocNode, visit: Visit): void {
  let paragraphs = 0;
  let figures = 0;
  let inFigure = 0;
  // Returns the position just after `node`'s content.
  const walk = (node: DocNode, contentStart: number): number => {
    if (isTextblock(node)) {
      const text = inlineText(node);
      const block: BlockRef | null =
        inFigure > 0 ? { kind: 'caption', figure: inFigure, start: excerpt(text) } : text.trim() ? { kind: 'paragraph', n: ++paragraphs, start: excerpt(text) } : null;
      visit.onTextblock?.(node, contentStart, block);
      return contentStart + (node.content ?? []).reduce((sum, child) => sum + sizeOf(child), 0);
    }
    let pos = contentStart;
    for (const child of node.content ?? []) {
      if (child.type === 'text' || isLeaf(child)) {
        pos += sizeOf(child);
        continue;
      }
      const outer = inFigure;
      if (child.type === 'figure') {
        inFigure = ++figures;
        visit.onFigure?.(child, pos, inFigure);
      }
      pos = walk(child, pos + 1) + 1;
      inFigure = outer;
    }
    return pos;
  };
  walk(body, 0);
}

/** Every open note and TK in the body, in order, with where it is. */
export function openMarkPlaces(body: DocNode): MarkPlace[] {
  const out: MarkPlace[] = [];
  walkBody(body, {
    onTextblock(node, start, block) {
      const children = node.content ?? [];
      const marks = openMarksIn(inlineRuns(children));
      if (marks.length === 0 || !block) return;
      // The block's text with a leaf as one character, so offsets line up with the marks'.
      const text = children.map((c) => (c.type === 'text' ? (c.text ?? '') : ' ')).join('');
      for (const m of marks) out.push({ kind: 'mark', mark: m.kind, text: excerpt(text.slice(m.from, m.to)), from: start + m.from, to: start + m.to, block });
    },
  });
  return out;
}

const WARNING_OF: Record<FigureField, 'noPhoto' | 'noCaption' | 'noCredit' | 'noAlt'> = { photo: 'noPhoto', caption: 'noCaption', credit: 'noCredit', alt: 'noAlt' };

/** The figures whose `field` is empty (as the photo panel warns), with their number, caption start and position. */
export function figurePlaces(body: DocNode, field: FigureField): FigurePlace[] {
  const data = figuresIn(body);
  const out: FigurePlace[] = [];
  walkBody(body, {
    onFigure(_node, pos, figure) {
      const f = data[figure - 1];
      if (f && figureWarnings(f, undefined, 0).includes(WARNING_OF[field])) out.push({ kind: 'figure', figure, caption: excerpt(f.caption), pos, field });
    },
  });
  return out;
}
