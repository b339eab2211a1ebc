// Body HTML from a wire item (ninjs `bodies`, `body_html`) read into body blocks without a DOM, so
// it runs in any process: a tag scanner that keeps paragraphs, headings, quotes, lists, figures
// and bold/italic/link runs, and drops everything else — scripts and styles with their content.
import { decodeHTML } from 'entities';
import type { Block, Inline } from '../blocks';
import { keptLink } from '../../body/linkSafety';
import { INPUT_LIMITS } from '../limits/inputLimits';

export interface HtmlFigure {
  caption: string;
  alt: string;
  credit: string;
  /** The image's src, and the association it names (`data-assoc-ref`, `data-association`, `data-uri`). */
  src: string;
  refs: string[];
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g;
const ATTR = /([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
/** Elements whose content is never article text. */
const SKIP = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'button', 'select', 'textarea']);
const PARAGRAPHISH = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'pre', 'address', 'dt', 'dd', 'td', 'th', 'tr', 'table', 'dl', 'hr', 'body', 'html', 'center']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function attrsOf(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) out[m[1].toLowerCase()] = decodeHTML(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** Attributes by which wire HTML ties a figure to its association. */
const refsOf = (attrs: Record<string, string>) => ['data-assoc-ref', 'data-association', 'data-uri', 'uri'].map((k) => attrs[k]).filter((v): v is string => !!v);

type Container = { kind: 'root' | 'quote' | 'item'; blocks: Block[] } | { kind: 'list'; ordered: boolean; items: Block[][] };

export function simpleHtmlBlocks(html: string): { blocks: Block[]; figures: HtmlFigure[]; firstH1: string } {
  const root: Block[] = [];
  const stack: Container[] = [{ kind: 'root', blocks: root }];
  const figures: HtmlFigure[] = [];
  let runs: Inline[] = [];
  let heading = false;
  let bold = 0;
  let italic = 0;
  const links: (string | undefined)[] = [];
  let skipping: string | null = null;
  let figure: HtmlFigure | null = null;
  let inCaption = false;
  let inCredit = 0;
  let firstH1 = '';
  let h1Open = false;
  // Quotes and lists past the converter's depth are not opened (their text joins the level around
  // them), so the blocks never nest deeper than that; `ignored` counts their end tags to skip.
  const ignored = { quote: 0, list: 0 };
  const tooDeep = () => stack.length > INPUT_LIMITS.maxConvertDepth;

  const blocksOf = (): Block[] => {
    const top = stack[stack.length - 1];
    if (top.kind !== 'list') return top.blocks;
    // Text straight inside <ul>: give it an item of its own.
    const item: Block[] = [];
    top.items.push(item);
    stack.push({ kind: 'item', blocks: item });
    return item;
  };
  const flush = () => {
    const text = runs.map((r) => r.text).join('');
    if (text.trim()) {
      // Trim the block's edges; inner spacing was already collapsed.
      const first = runs.findIndex((r) => !r.br);
      if (first >= 0) runs[first] = { ...runs[first], text: runs[first].text.replace(/^\s+/, '') };
      const lastIndex = runs.length - 1 - [...runs].reverse().findIndex((r) => !r.br);
      runs[lastIndex] = { ...runs[lastIndex], text: runs[lastIndex].text.replace(/\s+$/, '') };
      const inlines = runs.filter((r) => r.br || r.text);
      if (h1Open && !firstH1) firstH1 = text.replace(/\s+/g, ' ').trim();
      blocksOf().push(heading ? { type: 'heading', inlines } : { type: 'paragraph', inlines });
    }
    runs = [];
  };
  const addText = (raw: string) => {
    const text = decodeHTML(raw).replace(/\s+/g, ' ');
    if (!text) return;
    if (figure) {
      if (inCaption) figure.caption += text;
      else if (inCredit) figure.credit += text;
      return;
    }
    const run: Inline = { text };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    const href = links[links.length - 1];
    if (href) run.href = href;
    const prev = runs[runs.length - 1];
    // No double space across tag boundaries ("a <b> b</b>").
    if (prev && !prev.br && /\s$/.test(prev.text)) run.text = run.text.replace(/^\s+/, '');
    if (run.text) runs.push(run);
  };
  const popTo = (kind: Container['kind']) => {
    for (let i = stack.length - 1; i > 0; i--) {
      if (stack[i].kind !== kind) continue;
      while (stack.length > i) {
        const done = stack.pop() as Container;
        const parent = stack[stack.length - 1];
        if (done.kind === 'quote' && done.blocks.length) (parent.kind === 'list' ? blocksOf() : parent.blocks).push({ type: 'quote', blocks: done.blocks });
        if (done.kind === 'list' && done.items.length) (parent.kind === 'list' ? blocksOf() : parent.blocks).push({ type: 'list', ordered: done.ordered, items: done.items });
        if (done.kind === 'item' && parent.kind === 'list') {
          const at = parent.items.indexOf(done.blocks);
          if (!done.blocks.length && at >= 0) parent.items.splice(at, 1);
        }
      }
      return;
    }
  };
  const closeFigure = () => {
    if (!figure) return;
    const f = { ...figure, caption: figure.caption.replace(/\s+/g, ' ').trim(), credit: figure.credit.replace(/\s+/g, ' ').trim() };
    figure = null;
    inCaption = false;
    inCredit = 0;
    blocksOf().push({ type: 'figure', index: figures.length });
    figures.push(f);
  };

  let last = 0;
  for (const m of html.matchAll(TOKEN)) {
    const between = html.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
    if (!skipping && between) addText(between);
    const name = m[2]?.toLowerCase();
    if (!name) continue; // comment, doctype, CDATA, processing instruction
    const closing = m[1] === '/';
    if (skipping) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (SKIP.has(name)) {
      if (!closing && !/\/\s*>$/.test(m[0])) skipping = name;
      continue;
    }
    const attrs = closing ? {} : attrsOf(m[3] ?? '');
    if (name === 'figure') {
      if (closing) closeFigure();
      else {
        flush();
        figure = { caption: '', alt: '', credit: '', src: '', refs: refsOf(attrs) };
      }
      continue;
    }
    if (name === 'img') {
      const standalone = !figure;
      if (standalone) {
        flush();
        figure = { caption: '', alt: '', credit: '', src: '', refs: [] };
      }
      const f = figure as HtmlFigure;
      f.src = attrs.src ?? '';
      f.alt = (attrs.alt ?? '').replace(/\s+/g, ' ').trim();
      f.refs.push(...refsOf(attrs));
      if (standalone) closeFigure();
      continue;
    }
    if (figure) {
      if (name === 'figcaption') inCaption = !closing;
      else if (!inCaption && /\b(byline|credit)\b/.test(attrs.class ?? '')) inCredit++;
      else if (closing && inCredit && (name === 'div' || name === 'span' || name === 'small' || name === 'p')) inCredit--;
      continue;
    }
    if (name === 'br') {
      runs.push({ text: '\n', br: true });
    } else if (name === 'b' || name === 'strong') bold = Math.max(0, bold + (closing ? -1 : 1));
    else if (name === 'i' || name === 'em') italic = Math.max(0, italic + (closing ? -1 : 1));
    else if (name === 'a') {
      if (closing) links.pop();
      else links.push(keptLink(attrs.href));
    } else if (HEADINGS.has(name)) {
      flush();
      heading = !closing;
      h1Open = !closing && name === 'h1';
    } else if (PARAGRAPHISH.has(name)) {
      flush();
      heading = false;
    } else if (name === 'blockquote') {
      flush();
      if (closing) {
        if (ignored.quote) ignored.quote--;
        else popTo('quote');
      } else if (tooDeep()) ignored.quote++;
      else stack.push({ kind: 'quote', blocks: [] });
    } else if (name === 'ul' || name === 'ol') {
      flush();
      if (closing) {
        if (ignored.list) ignored.list--;
        else popTo('list');
      } else if (tooDeep()) ignored.list++;
      else stack.push({ kind: 'list', ordered: name === 'ol', items: [] });
    } else if (name === 'li') {
      flush();
      if (closing) popTo('item');
      else {
        if (stack[stack.length - 1].kind === 'item') popTo('item');
        const top = stack[stack.length - 1];
        if (top.kind === 'list') {
          const item: Block[] = [];
          top.items.push(item);
          stack.push({ kind: 'item', blocks: item });
        }
      }
    }
  }
  if (!skipping) addText(html.slice(last));
  closeFigure();
  flush();
  while (stack.length > 1) popTo(stack[stack.length - 1].kind);
  return { blocks: root, figures, firstH1 };
}
