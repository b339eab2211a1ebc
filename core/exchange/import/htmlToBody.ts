// HTML → the editor's body (TipTap JSON), for every importer that reads HTML (web pages, DOCX via
// mammoth). The HTML is sanitised first, so this walker only meets our own tags; it then fits them
// to the schema: loose text becomes paragraphs, empty paragraphs go, figures are lifted out of
// lists and quotes (the schema keeps them at the top), and captions lose what they may not hold.
import { BodySchema, type Body, type DocNode } from '../../../shared/model/article';
import { isPhotoId } from '../../../shared/model/photo';
import { sanitizeHtml } from './sanitizeHtml';
import { sharedWindow, type DomWindow } from './htmlDom';
import { splitCaptionCredit } from './htmlCaptionCredit';
import { isPhotoLine } from './htmlFigures';
import { figureCaptionNode, figureNode, listItemNode } from '../../../shared/exchange/docNodes';
import { INPUT_LIMITS } from '../../../shared/exchange/limits/inputLimits';

export interface HtmlImage {
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface HtmlToBodyOptions {
  /** The library photo id for an image source ('' while the photo is not in the library yet). */
  resolveImage?: (src: string) => string;
  window?: DomWindow;
  /** Named in errors. */
  file?: string;
}

type Mark = { type: 'bold' | 'italic' } | { type: 'link'; attrs: { href: string } };
type Run = { text: string; marks: Mark[] } | { br: true };

/** Past this nesting an element is read as plain text: deep enough for any real page, shallow enough for the stack. */
const MAX_DEPTH = INPUT_LIMITS.maxConvertDepth;
/** A paragraph right after a photo that is really its caption (Chinese and Korean sites print it so). */
const CAPTION_LINE = /^\s*(?:图注|圖註|图说|사진설명|caption)\s*[:：]\s*/i;

/** Stand-in images lazy-loading pages put where the photo will go. */
const PLACEHOLDER_SRC = /(?:^data:|(?:^|[/_-])(?:spacer|blank|transparent|placeholder|pixel|1x1|loading|lazy)\.(?:gif|png|svg|jpg)(?:$|[?#]))/i;

const tag = (n: Node) => (n.nodeType === 1 ? (n as Element).localName.toLowerCase() : '');
const sameMarks = (a: Mark[], b: Mark[]) => JSON.stringify(a) === JSON.stringify(b);

class BodyBuilder {
  readonly images: HtmlImage[] = [];
  private readonly imageOf = new WeakMap<DocNode, HtmlImage>();

  constructor(private readonly resolveImage: (src: string) => string) {}

  /** Children of `el` as blocks; loose inline content becomes paragraphs (or headings for kind 'heading'). */
  children(el: Element, marks: Mark[], out: DocNode[], hoist: DocNode[] | null, depth: number, kind: 'paragraph' | 'heading' = 'paragraph'): void {
    let runs: Run[] = [];
    const flush = () => {
      out.push(...textblocks(runs, kind));
      runs = [];
    };
    const walk = (node: Node, m: Mark[], d: number): void => {
      if (node.nodeType === 3) {
        runs.push({ text: node.textContent ?? '', marks: m });
        return;
      }
      if (node.nodeType !== 1) return;
      const e = node as Element;
      const t = tag(e);
      if (d > MAX_DEPTH) runs.push({ text: e.textContent ?? '', marks: m });
      else if (t === 'strong') e.childNodes.forEach((c) => walk(c, withMark(m, { type: 'bold' }), d + 1));
      else if (t === 'em') e.childNodes.forEach((c) => walk(c, withMark(m, { type: 'italic' }), d + 1));
      else if (t === 'a') {
        const href = e.getAttribute('href') ?? '';
        e.childNodes.forEach((c) => walk(c, href ? withMark(m, { type: 'link', attrs: { href } }) : m, d + 1));
      } else if (t === 'br') runs.push({ br: true });
      else if (t === 'img') {
        flush();
        const node = this.figure(e, null);
        if (node) (hoist ?? out).push(node);
      } else if (['p', 'h2', 'blockquote', 'ul', 'ol', 'li', 'figure', 'figcaption'].includes(t)) {
        flush();
        this.block(e, m, out, hoist, d + 1);
      } else e.childNodes.forEach((c) => walk(c, m, d + 1));
    };
    el.childNodes.forEach((c) => walk(c, marks, depth));
    flush();
  }

  private block(el: Element, marks: Mark[], out: DocNode[], hoist: DocNode[] | null, depth: number): void {
    const t = tag(el);
    // Figures may not sit inside quotes or lists: collect them and put them after the top-level block.
    const lifted: DocNode[] = hoist ?? [];
    if (t === 'p' || t === 'li' || t === 'figcaption') this.children(el, marks, out, hoist, depth);
    else if (t === 'h2') this.children(el, marks, out, hoist, depth, 'heading');
    else if (t === 'blockquote') {
      const inner: DocNode[] = [];
      this.children(el, marks, inner, lifted, depth);
      if (inner.length) out.push({ type: 'blockquote', content: inner });
    } else if (t === 'ul' || t === 'ol') {
      const items = this.listItems(el, marks, lifted, depth);
      if (items.length) out.push({ type: t === 'ul' ? 'bulletList' : 'orderedList', content: items });
    } else if (t === 'figure') {
      const img = el.querySelector('img');
      const caption = el.querySelector('figcaption');
      // data-photo-id (even empty) marks a figure on purpose: our own copy, or a DOCX caption waiting for its photo.
      if (img || el.hasAttribute('data-photo-id')) {
        const node = this.figure(img, el, caption);
        // A figure with no picture and no words (a lazy-loaded image without its address) is not made.
        if (node) (hoist ?? out).push(node);
      } else this.children(el, marks, out, hoist, depth); // a figure without a photo (pull quote, embed) is just text
    }
    if (!hoist) out.push(...lifted);
  }

  private listItems(list: Element, marks: Mark[], hoist: DocNode[], depth: number): DocNode[] {
    const items: DocNode[] = [];
    for (const child of Array.from(list.childNodes)) {
      const t = tag(child);
      const content: DocNode[] = [];
      if (t === 'li') this.children(child as Element, marks, content, hoist, depth + 1);
      else if (t === 'ul' || t === 'ol') this.block(child as Element, marks, content, hoist, depth + 1);
      else if (child.nodeType === 3 || child.nodeType === 1) {
        const wrapper = list.ownerDocument.createElement('p');
        wrapper.appendChild(child.cloneNode(true));
        this.children(wrapper, marks, content, hoist, depth + 1);
      }
      if (!content.length) continue;
      const previous = items[items.length - 1];
      // A list written straight inside a list (common invalid markup) belongs to the item before it.
      if (t !== 'li' && content[0].type !== 'paragraph' && previous) previous.content!.push(...content);
      else items.push(listItemNode(content));
    }
    return items;
  }

  figure(img: Element | null, figure: Element | null, captionEl: Element | null = null): DocNode | null {
    const given = img?.getAttribute('src') ?? '';
    // A lazy-loading page's stand-in (spacer.gif, a 1×1 placeholder) is no picture.
    const src = PLACEHOLDER_SRC.test(given) ? '' : given;
    const captionText = captionEl ? textWithBreaks(captionEl).replace(/\s+/g, ' ').trim().replace(CAPTION_LINE, '') : '';
    const dataCredit = figure?.getAttribute('data-credit');
    const split = dataCredit != null ? { caption: captionText, credit: dataCredit.trim() } : splitCaptionCredit(captionText);
    let alt = (figure?.getAttribute('data-alt') ?? img?.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    let credit = split.credit;
    if (!credit && alt) {
      // gmw.cn and others put the credit in the alt text: alt="(Credit: Nasa)".
      const fromAlt = splitCaptionCredit(alt);
      if (fromAlt.credit) [alt, credit] = [fromAlt.caption, fromAlt.credit];
    }
    const givenId = figure?.getAttribute('data-photo-id');
    if (!src && !figure?.hasAttribute('data-photo-id') && !split.caption && !credit && !alt) return null;
    const photoId = isPhotoId(givenId) ? givenId : src ? this.resolveImage(src) : '';
    const image: HtmlImage = { src, alt, caption: split.caption, credit };
    this.images.push(image);
    const node = figureNode({ photoId, caption: split.caption, credit, alt });
    this.imageOf.set(node, image);
    return node;
  }

  /** A photo followed by a `图注：…` / `사진설명:` paragraph, or a `Photo: …` / `(사진=…)` line, takes it as its caption and credit. */
  adoptCaptionLines(content: DocNode[]): DocNode[] {
    const out: DocNode[] = [];
    for (const node of content) {
      const prev = out[out.length - 1];
      const text = node.type === 'paragraph' ? plain(node) : '';
      const image = prev ? this.imageOf.get(prev) : undefined;
      const photoLine = isPhotoLine(text.trim());
      if (image && !image.caption && (CAPTION_LINE.test(text) || (photoLine && !image.credit))) {
        const split = splitCaptionCredit(text.replace(CAPTION_LINE, ''));
        image.caption = split.caption;
        image.credit ||= split.credit;
        prev.content = [figureCaptionNode(image.caption)];
        prev.attrs = { ...prev.attrs, credit: image.credit };
        continue;
      }
      out.push(node);
    }
    return out;
  }
}

/** Text with each <br> read as a space (captions are one line). */
function textWithBreaks(el: Element): string {
  if (!el.querySelector('br')) return el.textContent ?? '';
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('br').forEach((br) => br.replaceWith(' '));
  return copy.textContent ?? '';
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  const rest = marks.filter((m) => m.type !== mark.type);
  return [...rest, mark].sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
}
const ORDER = ['bold', 'italic', 'link'];

function plain(node: DocNode): string {
  return (node.content ?? []).map((c) => (c.type === 'text' ? (c.text ?? '') : ' ')).join('');
}

/** Runs → paragraphs: whitespace collapsed as a browser would, two line breaks in a row start a new paragraph. */
function textblocks(runs: Run[], kind: 'paragraph' | 'heading'): DocNode[] {
  const segments: Run[][] = [[]];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const next = runs[i + 1];
    if ('br' in run && next && 'br' in next) {
      while (i + 1 < runs.length && 'br' in runs[i + 1]) i++;
      segments.push([]);
    } else segments[segments.length - 1].push(run);
  }
  const out: DocNode[] = [];
  for (const segment of segments) {
    const nodes: DocNode[] = [];
    let atLineStart = true;
    for (const run of segment) {
      if ('br' in run) {
        trimEnd(nodes);
        if (nodes.length) nodes.push({ type: 'hardBreak' });
        atLineStart = true;
        continue;
      }
      let text = run.text.replace(/\s+/g, ' ');
      if (atLineStart) text = text.replace(/^ /, '');
      if (!text) continue;
      atLineStart = text.endsWith(' ');
      const last = nodes[nodes.length - 1];
      if (last?.type === 'text' && sameMarks((last.marks ?? []) as Mark[], run.marks)) last.text += text;
      else nodes.push(run.marks.length ? { type: 'text', text, marks: run.marks } : { type: 'text', text });
    }
    trimEnd(nodes);
    while (nodes[nodes.length - 1]?.type === 'hardBreak') {
      nodes.pop();
      trimEnd(nodes);
    }
    if (!nodes.some((n) => n.type === 'text')) continue;
    out.push(kind === 'heading' ? { type: 'heading', attrs: { level: 2 }, content: nodes } : { type: 'paragraph', content: nodes });
  }
  return out;
}

function trimEnd(nodes: DocNode[]): void {
  const last = nodes[nodes.length - 1];
  if (last?.type !== 'text') return;
  last.text = last.text!.replace(/ $/, '');
  if (!last.text) {
    nodes.pop();
    trimEnd(nodes);
  }
}

/** The body and the images it shows, in order. Throws ApiError('importFailed', reason 'tooLarge') past the size limit. */
export function htmlToBody(html: string, opts: HtmlToBodyOptions = {}): { body: Body; images: HtmlImage[] } {
  const window = opts.window ?? sharedWindow();
  const clean = sanitizeHtml(html, window, opts.file ?? '');
  const doc = new window.DOMParser().parseFromString(clean, 'text/html');
  const builder = new BodyBuilder(opts.resolveImage ?? (() => ''));
  const content: DocNode[] = [];
  builder.children(doc.body, [], content, null, 0);
  const body = BodySchema.parse({ type: 'doc', content: builder.adoptCaptionLines(content) });
  if (!body.content.length) body.content.push({ type: 'paragraph' });
  return { body, images: builder.images };
}

/** True when a body holds any text or figure (an import that yields none is refused as 'empty'). */
export function bodyHasContent(body: Body): boolean {
  return body.content.some((n) => n.type === 'figure' || JSON.stringify(n).includes('"text":'));
}
