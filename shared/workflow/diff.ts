// What changed between two versions of an article: field by field, then the body paragraph by
// paragraph with the changed words marked. jsdiff does the alignment; Intl.Segmenter finds the
// words, so Korean eojeol and English words are compared the same way.
import { diffArrays, diffWords } from 'diff';
import type { ArticleContent, DocNode, LengthTarget } from '../model/article';
import { inlineText } from '../counting/countBody';
import { figuresIn, type FigureData } from '../photos/figures';
import { excerpt } from './places';

export type Change = 'same' | 'added' | 'removed';
export interface Part {
  text: string;
  change: Change;
}

// keptFindings: a version whose only change is a finding kept ("keep it here") still shows what changed.
export const DIFF_FIELDS = ['language', 'kicker', 'headline', 'deck', 'dateline', 'byline', 'tags', 'deskNote', 'embargo', 'lengthTarget', 'keptFindings'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface FieldDiff {
  field: DiffField;
  before: string;
  after: string;
  parts: Part[];
  /** The length target as data, so the screen writes its unit in its own language ("3매", "3 sheets"). */
  target?: { before: LengthTarget | null; after: LengthTarget | null };
}

/** A paragraph, heading, list or quote, compared word by word. */
export interface TextBlockDiff {
  change: Change | 'changed';
  kind: string;
  parts: Part[];
}

/** What happened to a figure's photo, in words (the id itself means nothing to a desk). */
export type PhotoChange = 'same' | 'replaced' | 'added' | 'removed' | 'waiting';
export const FIGURE_TEXT_FIELDS = ['caption', 'credit', 'alt'] as const;
export type FigureTextField = (typeof FIGURE_TEXT_FIELDS)[number];

/**
 * One figure, named as the checklist names it: its number in the body and the start of its caption
 * (in the newer version; in the older one when the figure was taken out). Under that name: what
 * happened to its photo and which of its caption, credit and alt text changed.
 */
export interface FigureDiff {
  change: Change | 'changed';
  kind: 'figure';
  /** 1-based among the body's figures. */
  figure: number;
  /** The start of its caption ('' when it has none). */
  caption: string;
  /** `waiting`: the figure (still) waits for its photo. */
  photo: PhotoChange;
  fields: { field: FigureTextField; parts: Part[] }[];
}

export type BlockDiff = TextBlockDiff | FigureDiff;

export interface ArticleDiff {
  fields: FieldDiff[];
  blocks: BlockDiff[];
  /** True when nothing differs at all. */
  same: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export function diffText(before: string, after: string): Part[] {
  return diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({
    text: c.value,
    change: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }));
}

function fieldText(content: ArticleContent, field: DiffField): string {
  switch (field) {
    case 'deck':
      return content.deck.join('\n');
    case 'tags':
      return content.tags.join(', ');
    case 'byline': {
      const b = content.byline;
      const people = b.reporters.map((r) => [r.name, r.role, r.email].filter(Boolean).join(' ')).join(' · ');
      return [b.outlet, b.desk, people].filter(Boolean).join(' / ');
    }
    case 'lengthTarget':
      return content.lengthTarget ? `${content.lengthTarget.value} ${content.lengthTarget.unit}` : '';
    case 'embargo':
      return content.embargo ?? '';
    case 'keptFindings':
      return (content.keptFindings ?? []).map((k) => `“${k.text}”`).join(', ');
    default:
      return content[field];
  }
}

type Block = { kind: string; text: string } | { kind: 'figure'; figure: FigureData };

/** Top-level blocks as comparable text; a list or quote counts as one block of its lines; a figure as its photo, caption, credit and alt text. */
function blocksOf(body: DocNode): Block[] {
  const textOf = (node: DocNode): string =>
    node.type === 'text' || node.type === 'figureCaption' || node.type === 'paragraph' || node.type === 'heading'
      ? inlineText(node)
      : (node.content ?? []).map(textOf).join('\n');
  const figures = figuresIn(body);
  let n = 0;
  return (body.content ?? []).map((node): Block => (node.type === 'figure' ? { kind: 'figure', figure: figures[n++] } : { kind: node.type, text: textOf(node) }));
}

const sameBlock = (a: Block, b: Block) =>
  'figure' in a || 'figure' in b
    ? 'figure' in a && 'figure' in b && a.figure.photoId === b.figure.photoId && FIGURE_TEXT_FIELDS.every((f) => a.figure[f] === b.figure[f])
    : a.kind === b.kind && a.text === b.text;

function photoChange(before: FigureData | null, after: FigureData | null): PhotoChange {
  const was = before?.photoId ?? '';
  const is = after?.photoId ?? '';
  if (!after) return was ? 'removed' : 'waiting';
  if (!is) return was ? 'removed' : 'waiting';
  if (!before || !was) return 'added';
  return was === is ? 'same' : 'replaced';
}

function figureDiff(change: FigureDiff['change'], before: FigureData | null, after: FigureData | null): FigureDiff {
  const named = (after ?? before)!;
  const fields = FIGURE_TEXT_FIELDS.map((field) => ({ field, a: before?.[field] ?? '', b: after?.[field] ?? '' }))
    .filter(({ a, b }) => a !== b)
    .map(({ field, a, b }) => ({ field, parts: diffText(a, b) }));
  return { change, kind: 'figure', figure: named.index + 1, caption: excerpt(named.caption), photo: photoChange(before, after), fields };
}

function textDiff(change: Change, b: Block & { text: string }): TextBlockDiff {
  return { change, kind: b.kind, parts: [{ text: b.text, change }] };
}

const isFigure = (b: Block): b is { kind: 'figure'; figure: FigureData } => 'figure' in b;
const asText = (b: Block) => b as Block & { text: string };

/**
 * A run of removed blocks followed by added ones: pair them as edits, a figure with a figure and a
 * text block with a text block (k-th with k-th), so a changed credit shows under its own photo.
 */
function pairRun(removed: Block[], added: Block[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  const pool = { figure: removed.filter(isFigure), text: removed.filter((b) => !isFigure(b)) };
  const paired = new Set<Block>();
  const taken = { figure: 0, text: 0 };
  const pairs = new Map<Block, Block>();
  for (const b of added) {
    const side = isFigure(b) ? 'figure' : 'text';
    const match = pool[side][taken[side]];
    if (match) {
      taken[side]++;
      paired.add(match);
      pairs.set(b, match);
    }
  }
  for (const r of removed) if (!paired.has(r)) out.push(isFigure(r) ? figureDiff('removed', r.figure, null) : textDiff('removed', asText(r)));
  for (const b of added) {
    const was = pairs.get(b);
    if (isFigure(b)) out.push(was && isFigure(was) ? figureDiff('changed', was.figure, b.figure) : figureDiff('added', null, b.figure));
    else if (was) out.push({ change: 'changed', kind: b.kind, parts: diffText(asText(was).text, asText(b).text) });
    else out.push(textDiff('added', asText(b)));
  }
  return out;
}

export function diffBlocks(before: DocNode, after: DocNode): BlockDiff[] {
  const changes = diffArrays(blocksOf(before), blocksOf(after), { comparator: sameBlock });
  const out: BlockDiff[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      out.push(...pairRun(c.value, next.value));
      i++;
      continue;
    }
    if (c.removed) {
      out.push(...pairRun(c.value, []));
      continue;
    }
    if (c.added) {
      out.push(...pairRun([], c.value));
      continue;
    }
    for (const b of c.value) out.push(isFigure(b) ? figureDiff('same', b.figure, b.figure) : textDiff('same', asText(b)));
  }
  return out;
}

export function diffArticles(before: ArticleContent, after: ArticleContent): ArticleDiff {
  const fields: FieldDiff[] = [];
  for (const field of DIFF_FIELDS) {
    const a = fieldText(before, field);
    const b = fieldText(after, field);
    if (a === b) continue;
    fields.push({ field, before: a, after: b, parts: diffText(a, b), ...(field === 'lengthTarget' ? { target: { before: before.lengthTarget, after: after.lengthTarget } } : {}) });
  }
  const blocks = diffBlocks(before.body, after.body);
  return { fields, blocks, same: fields.length === 0 && blocks.every((b) => b.change === 'same') };
}
