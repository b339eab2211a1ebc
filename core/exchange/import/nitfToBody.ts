// NITF body content (any version, namespaced or not) as the editor's body: `p` → paragraph,
// `hl2` → 중간제목, `bq` → blockquote, `ul|ol/li` → lists, `media` (image) → a figure waiting for
// its photo with caption and credit (`media-producer`), tables → one paragraph per row; `em` →
// italic (or bold when its class says so), `a` → link, `br` → hard break. Entity markup agencies
// add (person, org, location, chron…) keeps its text. Editorial notes and footnotes are not copy.
// `pre` (lineups, results) keeps its lines as hard breaks. In the NYT layout the lead is sent twice,
// `block class="lead_paragraph"` and again at the top of `block class="full_text"`: read once.
import type { DocNode } from '../../../shared/model/article';
import { CDATA_SECTION_NODE, TEXT_NODE, attrOf, childElements, collapse, isElement, nameOf, textOf } from '../xml/xmlDom';
import { keptLink } from '../../../shared/body/linkSafety';
import { figureNode, listItemNode } from '../../../shared/exchange/docNodes';
import { INPUT_LIMITS } from '../../../shared/exchange/limits/inputLimits';

/** Past this nesting an element is read as plain text: parseXmlSafely refuses deeper files, this keeps the stack safe regardless. */
const MAX_DEPTH = INPUT_LIMITS.maxConvertDepth;

interface Marks {
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

export interface NitfBody {
  content: DocNode[];
  figures: number;
  tables: number;
}

const SKIP = new Set(['note', 'fn', 'hr', 'datasource', 'credit', 'tobject', 'key-list', 'classifier', 'byline', 'dateline', 'copyrite', 'abstract']);
const BLOCK_LEVEL = new Set(['p', 'hl2', 'block', 'bq', 'ul', 'ol', 'dl', 'media', 'table', 'nitf-table', 'pre']);

function markList(marks: Marks): DocNode['marks'] {
  const out: NonNullable<DocNode['marks']> = [];
  if (marks.bold) out.push({ type: 'bold' });
  if (marks.italic) out.push({ type: 'italic' });
  if (marks.href) out.push({ type: 'link', attrs: { href: marks.href } });
  return out.length ? out : undefined;
}

function rawInlines(el: Element, marks: Marks, out: DocNode[], depth = 0): void {
  if (depth > MAX_DEPTH) {
    const text = textOf(el);
    if (text) out.push({ type: 'text', text, ...(markList(marks) ? { marks: markList(marks) } : {}) });
    return;
  }
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      if (text) out.push({ type: 'text', text, ...(markList(marks) ? { marks: markList(marks) } : {}) });
    } else if (isElement(node)) {
      const name = nameOf(node);
      if (name === 'br') out.push({ type: 'hardBreak' });
      else if (name === 'em') rawInlines(node, /\bbold\b/i.test(attrOf(node, 'class')) ? { ...marks, bold: true } : { ...marks, italic: true }, out, depth + 1);
      else if (name === 'a') {
        const href = keptLink(attrOf(node, 'href'));
        rawInlines(node, href ? { ...marks, href } : marks, out, depth + 1);
      } else rawInlines(node, marks, out, depth + 1);
    }
  }
}

const sameMarks = (a: DocNode, b: DocNode) => JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);

/** Styled runs with whitespace collapsed across run boundaries and trimmed at the ends and around breaks. */
export function inlinesOf(el: Element): DocNode[] {
  const raw: DocNode[] = [];
  rawInlines(el, {}, raw);
  const out: DocNode[] = [];
  for (const node of raw) {
    const prev = out[out.length - 1];
    if (node.type === 'text') {
      let text = node.text ?? '';
      const atStart = !prev || prev.type === 'hardBreak' || /\s$/.test(prev.text ?? '');
      if (atStart) text = text.replace(/^\s+/, '');
      if (!text) continue;
      if (prev && prev.type === 'text' && sameMarks(prev, node)) prev.text += text;
      else out.push({ ...node, text });
    } else {
      if (prev?.type === 'text') prev.text = prev.text!.replace(/\s+$/, '');
      out.push(node);
    }
  }
  while (out.length && (out[out.length - 1].type === 'hardBreak' || out[out.length - 1].text?.trim() === '')) out.pop();
  while (out.length && out[0].type === 'hardBreak') out.shift();
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text = last.text!.replace(/\s+$/, '');
  return out.filter((n) => n.type !== 'text' || n.text);
}

/** A preformatted block's lines, each kept (trailing spaces and blank lines at the ends dropped), joined by hard breaks. */
function preInlines(el: Element): DocNode[] {
  const lines = (el.textContent ?? '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return lines.flatMap((line, i): DocNode[] => [...(i ? [{ type: 'hardBreak' }] : []), ...(line.trim() ? [{ type: 'text', text: line.replace(/\t/g, '    ') }] : [])]);
}

const blockClass = (el: Element) => attrOf(el, 'class').toLowerCase();
const paragraphTexts = (el: Element) => childElements(el, 'p').map(textOf).filter(Boolean);

/** True for a `lead_paragraph` block whose every paragraph the `full_text` block beside it repeats. */
function isRepeatedLead(block: Element): boolean {
  if (!/\blead_paragraph\b/.test(blockClass(block)) || !block.parentNode) return false;
  const full = childElements(block.parentNode as Element, 'block').filter((b) => /\bfull_text\b/.test(blockClass(b)));
  const lead = paragraphTexts(block);
  if (!full.length) return false;
  const fullText = new Set(full.flatMap(paragraphTexts));
  return lead.every((p) => fullText.has(p));
}

const paragraph = (content: DocNode[]): DocNode[] => (content.some((n) => n.type === 'text') ? [{ type: 'paragraph', content }] : []);
const textParagraph = (text: string): DocNode[] => (text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : []);

/** A caption that ends in "Foto: X" / "Photo: X" / "사진: X" and has no separate credit. */
function splitCredit(caption: string): { caption: string; credit: string } {
  const m = /^(.*?)\s*(?:Foto|Photo|사진)\s*[:=]\s*(.+)$/i.exec(caption);
  return m ? { caption: m[1].trim(), credit: m[2].trim() } : { caption, credit: '' };
}

function figureOf(media: Element): DocNode | null {
  const ref = childElements(media, 'media-reference')[0];
  const type = attrOf(media, 'media-type').toLowerCase();
  if (type !== 'image' && !attrOf(ref, 'mime-type').toLowerCase().startsWith('image/')) return null;
  let caption = childElements(media, 'media-caption').map(textOf).filter(Boolean).join(' ');
  let credit = childElements(media, 'media-producer').map(textOf).filter(Boolean).join(', ');
  if (!credit) ({ caption, credit } = splitCredit(caption));
  const alt = attrOf(ref, 'alternate-text').trim();
  return figureNode({ caption, credit, alt });
}

function listItems(list: Element, body: NitfBody, depth: number): DocNode[] {
  const items: DocNode[] = [];
  for (const li of childElements(list, 'li')) {
    const hasBlocks = childElements(li).some((c) => BLOCK_LEVEL.has(nameOf(c)));
    const content = hasBlocks ? blocksOf(li, body, depth + 1) : paragraph(inlinesOf(li));
    if (content.length) items.push(listItemNode(content));
  }
  return items;
}

function tableRows(table: Element): DocNode[] {
  const rows: DocNode[] = [];
  const walk = (el: Element, depth: number) => {
    for (const child of childElements(el)) {
      if (nameOf(child) === 'tr') rows.push(...textParagraph(childElements(child, 'td', 'th').map(textOf).filter(Boolean).join(' | ')));
      else if (nameOf(child) !== 'caption' && depth < MAX_DEPTH) walk(child, depth + 1);
    }
  };
  walk(table, 0);
  return rows;
}

export function blocksOf(container: Element, body: NitfBody, depth = 0): DocNode[] {
  const out: DocNode[] = [];
  if (depth > MAX_DEPTH) return textParagraph(textOf(container));
  for (let node = container.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE) {
      out.push(...textParagraph(collapse(node.nodeValue ?? '')));
      continue;
    }
    if (!isElement(node)) continue;
    const name = nameOf(node);
    if (SKIP.has(name)) continue;
    switch (name) {
      case 'pre':
        out.push(...paragraph(preInlines(node)));
        break;
      case 'p':
      case 'dt':
      case 'dd':
        out.push(...paragraph(inlinesOf(node)));
        break;
      case 'hl2':
      case 'hl3':
      case 'hl4': {
        const content = inlinesOf(node).filter((n) => n.type === 'text');
        if (content.length) out.push({ type: 'heading', attrs: { level: 2 }, content });
        break;
      }
      case 'bq': {
        const inner = blocksOf(node, body, depth + 1);
        if (inner.length) out.push({ type: 'blockquote', content: inner });
        break;
      }
      case 'ul':
      case 'ol': {
        const items = listItems(node, body, depth + 1);
        if (items.length) out.push({ type: name === 'ul' ? 'bulletList' : 'orderedList', content: items });
        break;
      }
      case 'media': {
        const figure = figureOf(node);
        if (figure) {
          out.push(figure);
          body.figures++;
        }
        break;
      }
      case 'table':
      case 'nitf-table':
        out.push(...tableRows(node));
        body.tables++;
        break;
      default: {
        if (name === 'block' && isRepeatedLead(node)) break;
        // block, body.content and anything unknown: a container if it holds blocks, else a paragraph.
        const inner = blocksOf(node, body, depth + 1);
        out.push(...(inner.length ? inner : paragraph(inlinesOf(node))));
      }
    }
  }
  return out;
}

export function nitfToBody(contents: readonly Element[]): NitfBody {
  const body: NitfBody = { content: [], figures: 0, tables: 0 };
  for (const el of contents) body.content.push(...blocksOf(el, body));
  return body;
}
