// Body blocks (the shape exporters read) back into a TipTap body, for importers that understand
// more than plain paragraphs: quotes, lists and bold/italic/link runs survive, and only the marks
// and URL schemes the editor's schema allows get through.
import type { Body, DocNode } from '../../model/article';
import type { Block, Inline } from '../blocks';
import { keptLink } from '../../body/linkSafety';
import { figureNode, listItemNode } from '../docNodes';
import { INPUT_LIMITS } from '../limits/inputLimits';

/** A figure an importer found; the photo itself is matched later (photoId stays ''). */
export interface ImportFigure {
  caption: string;
  credit: string;
  alt: string;
}

function inlineNodes(inlines: readonly Inline[]): DocNode[] {
  const out: DocNode[] = [];
  let atSpace = true; // at the block's start, or just after a space or break
  for (const run of inlines) {
    if (run.br) {
      out.push({ type: 'hardBreak' });
      atSpace = true;
      continue;
    }
    // Removed markup (a script, a tag) can leave two spaces side by side; a reader sees one.
    let text = run.text.replace(/\s+/g, ' ');
    if (atSpace) text = text.replace(/^ /, '');
    if (!text) continue;
    atSpace = text.endsWith(' ');
    const marks: NonNullable<DocNode['marks']> = [];
    if (run.bold) marks.push({ type: 'bold' });
    if (run.italic) marks.push({ type: 'italic' });
    const href = keptLink(run.href);
    if (href) marks.push({ type: 'link', attrs: { href } });
    out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
  }
  // A break at either edge of a block is noise left by the source's markup; so is a trailing space.
  while (out.length && out[0].type === 'hardBreak') out.shift();
  while (out.length && out[out.length - 1].type === 'hardBreak') out.pop();
  const last = out[out.length - 1];
  if (last?.type === 'text') {
    last.text = (last.text ?? '').replace(/ $/, '');
    if (!last.text) out.pop();
  }
  return out;
}

function importedFigure(figure: ImportFigure | undefined): DocNode {
  const f = figure ?? { caption: '', credit: '', alt: '' };
  return figureNode({ caption: f.caption.trim(), credit: f.credit.trim(), alt: f.alt.trim() });
}

/** Figure numbers in the order the body will show them (figures in quotes and lists come after them). */
export function figureOrder(blocks: readonly Block[]): number[] {
  return flatten(blocks).flatMap((b) => (b.type === 'figure' ? [b.index] : []));
}

/** Every paragraph, heading and figure under `blocks`, in order, without containers; iterative. */
function flatten(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  const stack: Block[] = [...blocks].reverse();
  while (stack.length) {
    const b = stack.pop() as Block;
    if (b.type === 'quote') for (let i = b.blocks.length - 1; i >= 0; i--) stack.push(b.blocks[i]);
    else if (b.type === 'list') for (let i = b.items.length - 1; i >= 0; i--) for (let j = b.items[i].length - 1; j >= 0; j--) stack.push(b.items[i][j]);
    else out.push(b);
  }
  return out;
}

export function bodyFromBlocks(blocks: readonly Block[], figures: readonly ImportFigure[]): Body {
  // Figures inside a quote or list are lifted out after it: the editor keeps figures at the top level.
  let lifted: DocNode[] = [];
  const convert = (list: readonly Block[], depth: number): DocNode[] => {
    const out: DocNode[] = [];
    const container = (node: DocNode | null) => {
      if (node) out.push(node);
      if (depth === 0) {
        out.push(...lifted);
        lifted = [];
      }
    };
    for (const block of list) {
      switch (block.type) {
        case 'paragraph':
        case 'heading': {
          const content = inlineNodes(block.inlines);
          if (!content.some((n) => n.type === 'text' && n.text?.trim())) break;
          out.push(block.type === 'heading' ? { type: 'heading', attrs: { level: 2 }, content } : { type: 'paragraph', content });
          break;
        }
        case 'quote': {
          // Past the converter's depth a quote's blocks join the level around it: no deeper recursion.
          if (depth >= INPUT_LIMITS.maxConvertDepth) {
            out.push(...convert(flatten(block.blocks), depth));
            break;
          }
          const content = convert(block.blocks, depth + 1);
          container(content.length ? { type: 'blockquote', content } : null);
          break;
        }
        case 'list': {
          if (depth >= INPUT_LIMITS.maxConvertDepth) {
            out.push(...convert(flatten(block.items.flat()), depth));
            break;
          }
          const items = block.items
            .map((item) => convert(item, depth + 1))
            .filter((c) => c.length > 0)
            .map(listItemNode);
          container(!items.length ? null : block.ordered ? { type: 'orderedList', attrs: { start: 1 }, content: items } : { type: 'bulletList', content: items });
          break;
        }
        case 'figure':
          (depth === 0 ? out : lifted).push(importedFigure(figures[block.index]));
          break;
      }
    }
    return out;
  };
  const content = convert(blocks, 0);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}
