// Markdown for desks that keep copy in text files or static-site tools. YAML front matter (written
// with the `yaml` package, so Korean, quotes and colons need no care here) holds every field of the
// article; the body under it is readable on its own:
//   # headline
//   > deck line            (the deck as a block quote, one paragraph per line)
//   byline as printed
//   body — paragraphs, `## 중간제목`, `> quotes`, lists, **bold**, _italic_, [links](url)
//   ![alt](photo "caption") + an italic caption line with the credit in house style
//   sign-off e-mail
// The reader (import/fromMarkdown) skips the headline, deck and byline lines when the front matter
// has them, so the two round-trip.
import { lexer, type Tokens } from 'marked';
import { stringify } from 'yaml';
import { renderCaption } from '../../photos/renderCaption';
import type { Block, Inline } from '../blocks';
import type { ExportArticle, ExportFigure, ExportPhoto } from '../types';
import { inlinesFromTokens, mergeRuns } from '../import/markdownInlines';

export interface MarkdownOptions {
  /** Where the photo sits relative to the Markdown file (or its URL). */
  photoHref(photo: ExportPhoto): string;
}

type Emphasis = 'underscore' | 'star' | 'html';

/** Escapes text so Markdown reads it as text; `~` only when two could pair up as strikethrough. */
function escapeText(text: string, tildes: boolean): string {
  let out = text.replace(/[\\`*_[\]<]/g, '\\$&').replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
  if (tildes) out = out.replace(/~/g, '\\~');
  return out;
}

/** A line that would start a heading, list, quote or setext underline gets its first mark escaped. */
function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.replace(/^\s+/, '').replace(/^([#+\-=>|])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2'))
    .join('\n');
}

function linkTarget(href: string): string {
  return href.replace(/[\\()]/g, '\\$&').replace(/ /g, '%20').replace(/</g, '%3C').replace(/>/g, '%3E');
}

function wrap(text: string, run: Inline, style: Emphasis): string {
  // Spaces stay outside the markers: `** bold**` is not bold.
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) as RegExpExecArray;
  if (!core) return text;
  let inner = core;
  if (run.italic) inner = style === 'html' ? `<em>${inner}</em>` : style === 'star' ? `*${inner}*` : `_${inner}_`;
  if (run.bold) inner = style === 'html' ? `<strong>${inner}</strong>` : `**${inner}**`;
  return lead + inner + trail;
}

function renderRuns(inlines: readonly Inline[], style: Emphasis): string {
  const runs = mergeRuns(inlines);
  const tildes = (runs.map((r) => r.text).join('').match(/~/g)?.length ?? 0) > 1;
  let out = '';
  for (let i = 0; i < runs.length; ) {
    const href = runs[i].href;
    let group = '';
    for (; i < runs.length && runs[i].href === href; i++) {
      const run = runs[i];
      group += run.br ? '\\\n' : wrap(escapeText(run.text.replace(/\n/g, ' '), tildes), run, style);
    }
    out += href ? `[${group}](${linkTarget(href)})` : group;
  }
  return escapeLineStarts(out.trim());
}

/** What a reader sees, for the check: text with bold and italic, and the links we wrote. */
function signature(runs: readonly Inline[], keepHrefs: boolean): string {
  return JSON.stringify(
    mergeRuns(runs.map((r) => ({ text: r.br ? ' ' : r.text, bold: !!r.bold, italic: !!r.italic, href: keepHrefs ? r.href : undefined })))
      .map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ') }))
      .filter((r) => r.text.trim()),
  ).replace(/\s+/g, ' ');
}

/**
 * Inline Markdown for one paragraph or heading. `_`/`**` first; if lexing it back does not give the
 * same styled text (emphasis next to Hangul or quotes often fails CommonMark's flanking rules),
 * `*`, then <em>/<strong>, which every Markdown reader honours.
 */
export function inlineMarkdown(inlines: readonly Inline[]): string {
  const want = inlines.map((r) => ({ ...r, text: r.br ? r.text : r.text.replace(/\s+/g, ' ') }));
  const first = renderRuns(want, 'underscore');
  if (!want.some((r) => r.bold || r.italic)) return first;
  const expected = signature(want.map((r) => ({ ...r, href: undefined })), false);
  for (const style of ['underscore', 'star', 'html'] as const) {
    const md = style === 'underscore' ? first : renderRuns(want, style);
    const token = lexer(md)[0] as Tokens.Paragraph | undefined;
    if (token?.type === 'paragraph' && signature(inlinesFromTokens(token.tokens), false) === expected) return md;
  }
  return renderRuns(want, 'html');
}

const escapeTitle = (text: string) => text.replace(/[\\"]/g, '\\$&');
const escapeAlt = (text: string) => text.replace(/[\\[\]]/g, '\\$&');

function figureMarkdown(figure: ExportFigure, a: ExportArticle, opts: MarkdownOptions): string {
  const href = figure.photo ? linkTarget(opts.photoHref(figure.photo)) : '<>';
  const title = figure.caption ? ` "${escapeTitle(figure.caption.replace(/\s+/g, ' '))}"` : '';
  const image = `![${escapeAlt(figure.alt)}](${href}${title})`;
  const line = renderCaption(figure.caption, figure.credit, a.creditPattern);
  return line ? `${image}\n${inlineMarkdown([{ text: line, italic: true }])}` : image;
}

const indent = (text: string, prefix: string, first = prefix) =>
  text
    .split('\n')
    .map((l, i) => (l ? (i === 0 ? first : prefix) + l : l))
    .join('\n');

function blocksMarkdown(blocks: readonly Block[], a: ExportArticle, opts: MarkdownOptions): string {
  return blocks
    .map((b): string => {
      switch (b.type) {
        case 'paragraph':
          return inlineMarkdown(b.inlines);
        case 'heading': {
          // A trailing # would be read as the heading's closing sequence.
          return `## ${inlineMarkdown(b.inlines.map((r) => (r.br ? { text: ' ' } : r))).replace(/#$/, '\\#')}`;
        }
        case 'quote':
          return blocksMarkdown(b.blocks, a, opts)
            .split('\n')
            .map((l) => (l ? `> ${l}` : '>'))
            .join('\n');
        case 'list':
          return b.items
            .map((item, i) => {
              const marker = b.ordered ? `${i + 1}. ` : '- ';
              return indent(blocksMarkdown(item, a, opts), ' '.repeat(marker.length), marker);
            })
            .join(b.items.some((item) => item.length > 1) ? '\n\n' : '\n');
        case 'figure': {
          const figure = a.figures[b.index];
          return figure ? figureMarkdown(figure, a, opts) : '';
        }
      }
    })
    .filter(Boolean)
    .join('\n\n');
}

function frontMatter(a: ExportArticle): string {
  return stringify(
    {
      id: a.id,
      language: a.language,
      status: a.status,
      revision: a.revision,
      kicker: a.kicker,
      headline: a.headline,
      deck: a.deck,
      byline: {
        outlet: a.byline.outlet,
        desk: a.byline.desk,
        reporters: a.byline.reporters.map((r) => ({ name: r.name, role: r.role, email: r.email })),
      },
      byline_text: a.bylineText,
      dateline: a.dateline,
      tags: a.tags,
      embargo: a.embargo,
      created: a.createdAt,
      updated: a.updatedAt,
      corrections: a.corrections.map((c) => ({ at: c.at, by: c.by, note: c.note })),
      credit_pattern: a.creditPattern,
    },
    { lineWidth: 0 },
  );
}

export function toMarkdown(a: ExportArticle, opts: MarkdownOptions): string {
  const parts = [
    a.headline ? `# ${inlineMarkdown([{ text: a.headline }]).replace(/#$/, '\\#')}` : '',
    a.deck.length ? a.deck.map((d) => `> ${inlineMarkdown([{ text: d }])}`).join('\n>\n') : '',
    a.bylineText ? inlineMarkdown([{ text: a.bylineText }]) : '',
    blocksMarkdown(a.blocks, a, opts),
    a.signOff ? inlineMarkdown([{ text: a.signOff }]) : '',
  ].filter(Boolean);
  return `---\n${frontMatter(a)}---\n\n${parts.join('\n\n')}\n`;
}
