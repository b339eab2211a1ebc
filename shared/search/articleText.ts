// The searchable text of an article, field by field, in the order a reader meets it. The index
// weighs the fields (a headline hit ranks first); snippets are cut from the same blocks.
import type { ArticleContent, DocNode } from '../model/article';
import { CAPTION_TYPES, inlineText } from '../counting/countBody';
import { NOTE_MARK } from '../workflow/notes';
import type { SearchField } from './query';

export interface FieldText {
  field: SearchField;
  text: string;
}

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'figureCaption', 'blockquote']);

function noteText(node: DocNode): string {
  if (node.type === 'text') return node.marks?.some((m) => m.type === NOTE_MARK) ? (node.text ?? '') + ' ' : '';
  return (node.content ?? []).map(noteText).join('');
}

export function articleText(a: Pick<ArticleContent, 'headline' | 'kicker' | 'deck' | 'body' | 'byline' | 'tags' | 'deskNote'>): FieldText[] {
  const out: FieldText[] = [
    { field: 'headline', text: a.headline },
    { field: 'kicker', text: a.kicker },
    ...a.deck.map((text) => ({ field: 'deck' as const, text })),
    { field: 'byline', text: [a.byline.outlet, a.byline.desk, ...a.byline.reporters.map((r) => r.name)].join(' ') },
    { field: 'tags', text: a.tags.join(' ') },
  ];
  const notes: string[] = a.deskNote ? [a.deskNote] : [];
  const walk = (node: DocNode, inCaption: boolean) => {
    const caption = inCaption || CAPTION_TYPES.has(node.type);
    if (TEXTBLOCKS.has(node.type) && node.type !== 'blockquote') {
      const text = inlineText(node);
      if (text.trim()) out.push({ field: caption ? 'caption' : 'body', text });
      const note = noteText(node).trim();
      if (note) notes.push(note);
      return;
    }
    for (const child of node.content ?? []) walk(child, caption);
  };
  walk(a.body, false);
  for (const text of notes) out.push({ field: 'notes', text });
  return out.filter((f) => f.text.trim() !== '');
}
