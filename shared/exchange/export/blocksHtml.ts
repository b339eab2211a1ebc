// Body blocks as HTML: the one mapping the article page and ninjs' HTML body share. Every piece of
// text is escaped and every link checked here; each caller decides how its figures look.
import type { Block, Inline } from '../blocks';
import { esc } from './htmlText';
import { publishedHref } from '../../body/linkSafety';

export function inlineHtml(inlines: readonly Inline[]): string {
  return inlines
    .map((run) => {
      if (run.br) return '<br>';
      let html = esc(run.text);
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      const href = run.href ? publishedHref(run.href) : null;
      if (href) html = `<a href="${esc(href)}">${html}</a>`;
      return html;
    })
    .join('');
}

/** A list item of one paragraph is written as its text (`<li>text</li>`), anything richer as blocks. */
export function blocksHtml(blocks: readonly Block[], figureHtml: (index: number) => string): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${inlineHtml(block.inlines)}</p>`;
        case 'heading':
          return `<h2>${inlineHtml(block.inlines)}</h2>`;
        case 'quote':
          return `<blockquote>${blocksHtml(block.blocks, figureHtml)}</blockquote>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          const items = block.items.map((item) => {
            const only = item.length === 1 ? item[0] : null;
            return `<li>${only?.type === 'paragraph' ? inlineHtml(only.inlines) : blocksHtml(item, figureHtml)}</li>`;
          });
          return `<${tag}>${items.join('')}</${tag}>`;
        }
        case 'figure':
          return figureHtml(block.index);
      }
    })
    .join('\n');
}
