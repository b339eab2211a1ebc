// What changed between two versions of an article: field by field, then the body paragraph by
// paragraph with the changed words marked. jsdiff does the alignment; Intl.Segmenter finds the
// words, so Korean eojeol and English words are compared the same way.
import { diffArrays, diffWords } from 'diff';
import type { ArticleContent, DocNode } from '../model/article';
import { inlineText } from '../counting/countBody';

export type Change = 'same' | 'added' | 'removed';
export interface Part {
  text: string;
  change: Change;
}

export const DIFF_FIELDS = ['language', 'kicker', 'headline', 'deck', 'dateline', 'byline', 'tags', 'deskNote', 'embargo', 'lengthTarget'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface FieldDiff {
  field: DiffField;
  before: string;
  after: string;
  parts: Part[];
}

export interface BlockDiff {
  change: Change | 'changed';
  /** paragraph, heading, figure (its caption), figureCredit, figureAlt, … */
  kind: string;
  parts: Part[];
}

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
    default:
      return content[field];
  }
}

interface Block {
  kind: string;
  text: string;
}

/**
 * Top-level blocks as comparable text; a list or quote counts as one block of its lines. A figure
 * is its caption, then its credit and its alt text as blocks of their own (a changed credit or alt
 * text is a change too; it once compared as "the same").
 */
function blocksOf(body: DocNode): Block[] {
  const textOf = (node: DocNode): string =>
    node.type === 'text' || node.type === 'figureCaption' || node.type === 'paragraph' || node.type === 'heading'
      ? inlineText(node)
      : (node.content ?? []).map(textOf).join('\n');
  return (body.content ?? []).flatMap((node): Block[] => {
    if (node.type !== 'figure') return [{ kind: node.type, text: textOf(node) }];
    const photo = typeof node.attrs?.photoId === 'string' ? `[${String(node.attrs.photoId).slice(0, 8)}] ` : '';
    const attr = (name: string) => (typeof node.attrs?.[name] === 'string' ? String(node.attrs[name]) : '');
    return [
      { kind: 'figure', text: photo + textOf(node) },
      { kind: 'figureCredit', text: attr('credit') },
      { kind: 'figureAlt', text: attr('alt') },
    ];
  }).filter((b) => b.text !== '' || b.kind === 'figure');
}

export function diffBlocks(before: DocNode, after: DocNode): BlockDiff[] {
  const changes = diffArrays(blocksOf(before), blocksOf(after), { comparator: (a, b) => a.kind === b.kind && a.text === b.text });
  const out: BlockDiff[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      // A run of removed blocks followed by added ones: pair them up as edited paragraphs.
      const paired = Math.min(c.value.length, next.value.length);
      for (let k = 0; k < paired; k++) out.push({ change: 'changed', kind: next.value[k].kind, parts: diffText(c.value[k].text, next.value[k].text) });
      for (const b of c.value.slice(paired)) out.push({ change: 'removed', kind: b.kind, parts: [{ text: b.text, change: 'removed' }] });
      for (const b of next.value.slice(paired)) out.push({ change: 'added', kind: b.kind, parts: [{ text: b.text, change: 'added' }] });
      i++;
      continue;
    }
    const change: Change = c.added ? 'added' : c.removed ? 'removed' : 'same';
    for (const b of c.value) out.push({ change, kind: b.kind, parts: [{ text: b.text, change }] });
  }
  return out;
}

export function diffArticles(before: ArticleContent, after: ArticleContent): ArticleDiff {
  const fields: FieldDiff[] = [];
  for (const field of DIFF_FIELDS) {
    const a = fieldText(before, field);
    const b = fieldText(after, field);
    if (a !== b) fields.push({ field, before: a, after: b, parts: diffText(a, b) });
  }
  const blocks = diffBlocks(before.body, after.body);
  return { fields, blocks, same: fields.length === 0 && blocks.every((b) => b.change === 'same') };
}
