// Figures in an article body (TipTap JSON): which photos an article uses, and what each figure
// holds. The editor's figure node and every export read figures through here.
import type { DocNode } from '../model/article';
import { inlineText } from '../counting/countBody';

export interface FigureData {
  /** Index among the body's figures, in document order. */
  index: number;
  photoId: string;
  caption: string;
  credit: string;
  alt: string;
}

function figureOf(node: DocNode, index: number): FigureData {
  const attrs = node.attrs ?? {};
  const text = (key: string) => (typeof attrs[key] === 'string' ? (attrs[key] as string) : '');
  return { index, photoId: text('photoId'), caption: inlineText(node).trim(), credit: text('credit').trim(), alt: text('alt').trim() };
}

export function figuresIn(body: DocNode): FigureData[] {
  const out: FigureData[] = [];
  const walk = (node: DocNode) => {
    if (node.type === 'figure') out.push(figureOf(node, out.length));
    else node.content?.forEach(walk);
  };
  walk(body);
  return out;
}

/** Distinct photo ids an article's body refers to. */
export function photoIdsIn(body: DocNode): string[] {
  return [...new Set(figuresIn(body).map((f) => f.photoId).filter(Boolean))];
}
