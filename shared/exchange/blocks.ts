// The article body (TipTap JSON) as a short list of blocks with styled text runs: the one shape
// every export maps, so each format handles exactly paragraphs, 중간제목, quotes, lists and figures.
import type { Body, DocNode } from '../model/article';
import { isSafeLink } from '../body/linkSafety';

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** http(s) or mailto URL. */
  href?: string;
  /** A hard line break (text is '\n'). */
  br?: boolean;
}

export type Block =
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'heading'; inlines: Inline[] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'figure'; index: number };

function inlinesOf(node: DocNode): Inline[] {
  const out: Inline[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'hardBreak') {
      out.push({ text: '\n', br: true });
      continue;
    }
    if (child.type !== 'text' || !child.text) continue;
    const run: Inline = { text: child.text };
    for (const mark of child.marks ?? []) {
      if (mark.type === 'bold') run.bold = true;
      else if (mark.type === 'italic') run.italic = true;
      else if (mark.type === 'link' && typeof mark.attrs?.href === 'string' && isSafeLink(mark.attrs.href)) run.href = mark.attrs.href;
    }
    out.push(run);
  }
  return out;
}

/** Plain text of a run list (a break is a space). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.br ? ' ' : i.text)).join('').replace(/\s+/g, ' ').trim();
}

const isEmpty = (inlines: Inline[]) => plainText(inlines) === '';

/** Blocks of a body. Empty paragraphs are dropped; figures are numbered in document order. */
export function bodyBlocks(body: Body): Block[] {
  let figure = 0;
  const convert = (nodes: DocNode[]): Block[] => {
    const out: Block[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph': {
          const inlines = inlinesOf(node);
          if (!isEmpty(inlines)) out.push({ type: 'paragraph', inlines });
          break;
        }
        case 'heading': {
          const inlines = inlinesOf(node);
          if (!isEmpty(inlines)) out.push({ type: 'heading', inlines });
          break;
        }
        case 'blockquote': {
          const blocks = convert(node.content ?? []);
          if (blocks.length) out.push({ type: 'quote', blocks });
          break;
        }
        case 'bulletList':
        case 'orderedList': {
          const items = (node.content ?? []).map((item) => convert(item.content ?? [])).filter((b) => b.length > 0);
          if (items.length) out.push({ type: 'list', ordered: node.type === 'orderedList', items });
          break;
        }
        case 'figure':
          out.push({ type: 'figure', index: figure++ });
          break;
        default:
          // Unknown container: keep its text rather than lose it.
          if (node.content) out.push(...convert(node.content));
      }
    }
    return out;
  };
  return convert(body.content);
}
