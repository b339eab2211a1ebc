// Reads Markdown into an article: YAML front matter (our own fields from export/toMarkdown, and
// the common ones — title, author(s), tags, lang) and a body lexed by `marked`. Raw HTML goes
// through the same tag scanner as wire HTML, so scripts vanish and only http(s)/mailto links stay.
// Images become figures; the italic line under one is its caption with the credit in house style.
import { lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { decodeHTMLStrict } from 'entities';
import { ApiError } from '../../contract/errors';
import type { Reporter } from '../../model/article';
import { plainText, type Block, type Inline } from '../blocks';
import type { ImportedArticle } from '../types';
import { bodyFromBlocks, figureOrder, type ImportFigure } from './bodyFromBlocks';
import { importedContent } from './importedContent';
import { inlinesFromTokens } from './markdownInlines';
import { simpleHtmlBlocks } from './simpleHtmlBlocks';
import { checkFrontMatter, checkMarkdown } from '../limits/checkInput';
import { INPUT_LIMITS } from '../limits/inputLimits';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : typeof v === 'number' ? String(v) : '');
/** A list field: a YAML list, or one comma-separated string. */
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : typeof v === 'string' ? v.split(',').map(str) : []).filter(Boolean);

/** Credit shapes tried when the file does not name its own (`credit_pattern`). */
const CREDIT_PATTERNS = ['(Photo: {credit})', '[사진={credit}]', '(사진={credit})', '사진={credit}', 'Photo: {credit}', '({credit})'];
const UNSAFE_SRC = /^\s*(javascript|vbscript|data|file):/i;

function failEmpty(name: string): never {
  throw new ApiError('importFailed', `${name}: no text`, { reason: 'empty', file: name });
}

/** Text, or garbage: NULs, or many control / replacement characters, mean a binary file read as text. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let bad = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if ((code > 0 && code < 9) || (code > 13 && code < 32) || code === 0xfffd) bad++;
  }
  return bad > 0 && bad / text.length > 0.02;
}

function splitFrontMatter(text: string, name: string): { meta: Obj; body: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  checkFrontMatter(m[1], name);
  let meta: unknown;
  try {
    // Core schema only (no custom tags); yaml's alias limit stops "billion laughs".
    meta = parseYaml(m[1], { schema: 'core', maxAliasCount: 100 });
  } catch (err) {
    throw new ApiError('importFailed', `${name}: front matter: ${(err as Error).message}`, { reason: 'malformed', file: name });
  }
  return { meta: isObj(meta) ? meta : {}, body: text.slice(m[0].length) };
}

function reportersOf(meta: Obj): { outlet: string; desk: string; reporters: Reporter[] } {
  const toReporter = (r: unknown): Reporter => (isObj(r) ? { name: str(r.name), role: str(r.role), email: str(r.email) } : { name: str(r), role: '', email: '' });
  if (isObj(meta.byline)) {
    const b = meta.byline;
    return { outlet: str(b.outlet), desk: str(b.desk), reporters: Array.isArray(b.reporters) ? b.reporters.map(toReporter) : [] };
  }
  const authors = meta.authors ?? meta.author;
  const reporters = Array.isArray(authors) ? authors.map(toReporter) : isObj(authors) ? [toReporter(authors)] : list(authors).map(toReporter);
  return { outlet: str(meta.outlet ?? meta.publisher), desk: str(meta.desk), reporters };
}

function creditOf(rest: string, patterns: string[]): string {
  for (const pattern of patterns) {
    const [before, after] = pattern.split('{credit}');
    if (after === undefined) continue;
    if (rest.startsWith(before) && rest.endsWith(after) && rest.length > before.length + after.length) return rest.slice(before.length, rest.length - after.length).trim();
  }
  return rest;
}

/** Caption and credit from the image title and the italic line under it. */
function captionAndCredit(title: string, line: string, patterns: string[]): { caption: string; credit: string } {
  if (!line) return { caption: title, credit: '' };
  if (title && line.startsWith(title)) return { caption: title, credit: creditOf(line.slice(title.length).trim(), patterns) };
  if (title) return { caption: title, credit: creditOf(line, patterns) };
  // No title: the credit, if any, is the line's tail in one of the known shapes.
  for (const pattern of patterns) {
    const [before, after] = pattern.split('{credit}');
    const at = line.lastIndexOf(before);
    if (after !== undefined && at >= 0 && line.endsWith(after) && at + before.length < line.length - after.length) {
      return { caption: line.slice(0, at).trim(), credit: line.slice(at + before.length, line.length - after.length).trim() };
    }
  }
  return { caption: line, credit: '' };
}

const allItalic = (runs: Inline[]) => runs.some((r) => r.text.trim()) && runs.every((r) => r.br || !r.text.trim() || r.italic);

export interface MarkdownRead {
  article: ImportedArticle;
  /** The image reference of each figure, in body order ('' for none or an unsafe one). */
  figureSources: string[];
}

export function readMarkdown(input: string, name: string): MarkdownRead {
  if (typeof input !== 'string' || looksBinary(input)) failEmpty(name);
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) failEmpty(name);
  // marked's time and memory grow with size × nesting (3,000 levels over 9 MB ran out of memory).
  checkMarkdown(text, name);
  const { meta, body } = splitFrontMatter(text, name);
  const creditPatterns = [str(meta.credit_pattern), ...CREDIT_PATTERNS].filter((p) => p.includes('{credit}'));

  const figures: ImportFigure[] = [];
  const sources: string[] = [];
  const addFigure = (f: ImportFigure, src: string): Block => {
    figures.push(f);
    sources.push(UNSAFE_SRC.test(src) ? '' : src);
    return { type: 'figure', index: figures.length - 1 };
  };

  let headline = str(meta.headline ?? meta.title);
  let takeHeadline = !headline;

  const paragraph = (tokens: readonly Token[], next: () => Token | undefined, consumeNext: () => void): Block[] => {
    const out: Block[] = [];
    let pending: Token[] = [];
    const flushText = () => {
      const inlines = inlinesFromTokens(pending);
      if (plainText(inlines)) out.push({ type: 'paragraph', inlines });
      pending = [];
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'image') {
        pending.push(t);
        continue;
      }
      flushText();
      const image = t as Tokens.Image;
      const title = decodeHTMLStrict(image.title ?? '').replace(/\s+/g, ' ').trim();
      // The caption line: the rest of this paragraph, or the next paragraph, when it is all italic.
      const rest = inlinesFromTokens(tokens.slice(i + 1));
      let line = '';
      if (allItalic(rest)) {
        line = plainText(rest);
        i = tokens.length;
      } else if (!plainText(rest)) {
        const following = next();
        if (following?.type === 'paragraph') {
          const runs = inlinesFromTokens((following as Tokens.Paragraph).tokens);
          if (allItalic(runs) && !(following as Tokens.Paragraph).tokens.some((x) => x.type === 'image')) {
            line = plainText(runs);
            consumeNext();
          }
        }
      }
      const { caption, credit } = captionAndCredit(title, line, creditPatterns);
      out.push(addFigure({ caption, credit, alt: decodeHTMLStrict(image.text).replace(/\s+/g, ' ').trim() }, decodeHTMLStrict(image.href ?? '').trim()));
    }
    flushText();
    return out;
  };

  const htmlBlocks = (html: string): Block[] => {
    const read = simpleHtmlBlocks(html);
    const offset = figures.length;
    read.figures.forEach((f) => addFigure({ caption: f.caption, credit: f.credit, alt: f.alt }, f.src));
    const shift = (blocks: Block[]): Block[] =>
      blocks.map((b) =>
        b.type === 'figure' ? { ...b, index: b.index + offset } : b.type === 'quote' ? { ...b, blocks: shift(b.blocks) } : b.type === 'list' ? { ...b, items: b.items.map(shift) } : b,
      );
    return shift(read.blocks);
  };

  /** Past the converter's depth a quote or list is kept as one paragraph of its source text, with no deeper recursion. */
  const convert = (tokens: readonly Token[], top: boolean, depth = 0): Block[] => {
    const out: Block[] = [];
    const deep = depth >= INPUT_LIMITS.maxConvertDepth;
    const flat = (t: Token) => {
      const text = t.raw.replace(/\s+/g, ' ').trim();
      if (text) out.push({ type: 'paragraph', inlines: [{ text }] });
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const next = () => tokens.slice(i + 1).find((x) => x.type !== 'space');
      const consumeNext = () => {
        while (tokens[i + 1]?.type === 'space') i++;
        i++;
      };
      switch (t.type) {
        case 'heading': {
          const inlines = inlinesFromTokens(t.tokens ?? []);
          if (top && t.depth === 1 && takeHeadline) {
            headline = plainText(inlines);
            takeHeadline = false;
          } else if (plainText(inlines)) out.push({ type: 'heading', inlines });
          break;
        }
        case 'paragraph':
          out.push(...paragraph(t.tokens ?? [], next, consumeNext));
          break;
        case 'text':
          out.push(...paragraph(t.tokens ?? [{ type: 'text', raw: t.raw, text: t.text } as Token], next, consumeNext));
          break;
        case 'blockquote': {
          if (deep) {
            flat(t);
            break;
          }
          const blocks = convert(t.tokens ?? [], false, depth + 1);
          if (blocks.length) out.push({ type: 'quote', blocks });
          break;
        }
        case 'list': {
          if (deep) {
            flat(t);
            break;
          }
          const items = (t as Tokens.List).items.map((item) => convert(item.tokens, false, depth + 1)).filter((b) => b.length);
          if (items.length) out.push({ type: 'list', ordered: (t as Tokens.List).ordered, items });
          break;
        }
        case 'code': {
          const lines = decodeHTMLStrict(t.text).split('\n');
          const inlines = lines.flatMap((l, n): Inline[] => (n ? [{ text: '\n', br: true }, { text: l }] : [{ text: l }]));
          if (plainText(inlines)) out.push({ type: 'paragraph', inlines });
          break;
        }
        case 'html':
          out.push(...htmlBlocks(t.text));
          break;
        case 'table': {
          const table = t as Tokens.Table;
          for (const row of [table.header, ...table.rows]) {
            const inlines = row.flatMap((cell, n): Inline[] => [...(n ? [{ text: ' | ' }] : []), ...inlinesFromTokens(cell.tokens)]);
            if (plainText(inlines)) out.push({ type: 'paragraph', inlines });
          }
          break;
        }
        default:
        // space, hr, def, checkbox: nothing to keep.
      }
    }
    return out;
  };

  let blocks = convert(lexer(body, { gfm: true }), true);

  const { outlet, desk, reporters } = reportersOf(meta);
  const deckField = meta.deck ?? meta.subtitle;
  const deck = Array.isArray(deckField) ? deckField.map(str).filter(Boolean) : [str(deckField)].filter(Boolean);
  const isBlockText = (b: Block | undefined, text: string) => !!text && (b?.type === 'paragraph' || b?.type === 'heading') && plainText(b.inlines) === text;
  // A title in the front matter is often repeated as the first heading; our own export also
  // repeats the deck and byline under the headline, and ends with the sign-off e-mail.
  if (!takeHeadline && isBlockText(blocks[0], headline) && blocks[0].type === 'heading') blocks = blocks.slice(1);
  const first = blocks[0];
  if (deck.length && first?.type === 'quote' && first.blocks.length === deck.length && first.blocks.every((b, n) => isBlockText(b, deck[n]))) blocks = blocks.slice(1);
  if (isBlockText(blocks[0], str(meta.byline_text))) blocks = blocks.slice(1);
  if (isBlockText(blocks[blocks.length - 1], reporters.find((r) => r.email)?.email ?? '')) blocks = blocks.slice(0, -1);

  const content = importedContent(
    {
      declaredLanguage: str(meta.language ?? meta.lang ?? meta.locale),
      kicker: str(meta.kicker),
      headline,
      deck,
      outlet,
      desk,
      reporters,
      dateline: str(meta.dateline),
      tags: list(meta.tags ?? meta.keywords ?? meta.categories),
      body: bodyFromBlocks(blocks, figures),
      embargo: str(meta.embargo) || null,
    },
    name,
  );
  const warnings = figures.length ? [{ key: 'import.photosNotFetched', values: { count: String(figures.length) } }] : [];
  return { article: { content, photos: [], format: 'markdown', warnings }, figureSources: figureOrder(blocks).map((n) => sources[n]) };
}

export function fromMarkdown(text: string, name: string): ImportedArticle {
  return readMarkdown(text, name).article;
}
