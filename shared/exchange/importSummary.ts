// The article as `copydesk import --dry-run --summary` prints it, in exactly the shape of the
// fixtures' `*.expected.json`: language, kicker, headline, deck, byline, dateline, tags, and the
// body as paragraph/heading/figure items. Keys without a value are left out, so two summaries
// compare equal only when the articles say the same thing.
import type { ArticleContent, Body, DocNode } from '../model/article';
import { inlineText } from '../counting/countBody';
import { stripNotes } from '../workflow/notes';
import { figureNode } from './docNodes';

export type BodyItem =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'figure'; caption?: string; credit?: string; alt?: string; photoId?: string };

export interface ImportSummary {
  language: string;
  kicker?: string;
  headline?: string;
  deck?: string[];
  byline?: { outlet?: string; desk?: string; reporters?: { name: string; email?: string }[] };
  dateline?: string;
  tags?: string[];
  body?: BodyItem[];
}

/** Drops empty strings, empty arrays and objects left empty, recursively. */
function compact<T>(value: T): T | undefined {
  if (typeof value === 'string') return (value === '' ? undefined : value) as T | undefined;
  if (Array.isArray(value)) {
    const items = value.map(compact).filter((v) => v !== undefined);
    return (items.length ? items : undefined) as T | undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, compact(v)] as const).filter(([, v]) => v !== undefined);
    return (entries.length ? Object.fromEntries(entries) : undefined) as T | undefined;
  }
  return value;
}

function bodyItems(body: Body): BodyItem[] {
  const out: BodyItem[] = [];
  const walk = (node: DocNode) => {
    if (node.type === 'figure') {
      const a = node.attrs ?? {};
      const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string).trim() : '');
      out.push({ type: 'figure', caption: inlineText(node).trim(), credit: str('credit'), alt: str('alt'), photoId: str('photoId') });
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      const text = inlineText(node).replace(/\s+/g, ' ').trim();
      if (text) out.push({ type: node.type, text });
    } else node.content?.forEach(walk);
  };
  walk(body);
  return out;
}

export function toImportSummary(content: ArticleContent): ImportSummary {
  const summary: ImportSummary = {
    language: content.language,
    kicker: content.kicker.trim(),
    headline: content.headline.trim(),
    deck: content.deck.map((d) => d.trim()),
    byline: {
      outlet: content.byline.outlet.trim(),
      desk: content.byline.desk.trim(),
      reporters: content.byline.reporters.map((r) => ({ name: r.name.trim(), email: r.email.trim() })),
    },
    dateline: content.dateline.trim(),
    tags: content.tags,
    body: bodyItems(stripNotes(content.body)),
  };
  return compact(summary) ?? { language: content.language };
}

/** A body from plain items: what text-based importers build. */
export function bodyFromItems(items: readonly BodyItem[]): Body {
  const text = (t: string): DocNode[] => (t ? [{ type: 'text', text: t }] : []);
  const content: DocNode[] = items.map((item) => {
    if (item.type === 'figure') {
      return figureNode(item);
    }
    return item.type === 'heading' ? { type: 'heading', attrs: { level: 2 }, content: text(item.text) } : { type: 'paragraph', content: text(item.text) };
  });
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}
