// The article body as NITF 3.6 block content: paragraphs `p`, 중간제목 `hl2`, quotes `bq/block`,
// lists `ul|ol/li`, figures `media`; bold and italic as `em` (NITF has one emphasis element, told
// apart by class), links as `a`, hard breaks as `br`. Shared by the NITF export and the NITF that
// NewsML-G2 carries inline.
import type { create } from 'xmlbuilder2';
import type { Block, Inline } from '../../../shared/exchange/blocks';
import type { ExportFigure, ExportPhoto } from '../../../shared/exchange/types';
import { xmlSafe } from '../xml/xmlText';

export type XMLBuilder = ReturnType<typeof create>;

/** Puts styled runs into `parent`; consecutive runs with one link share one `a`. */
export function appendInlines(parent: XMLBuilder, inlines: readonly Inline[]): void {
  let i = 0;
  while (i < inlines.length) {
    const href = inlines[i].href;
    let j = i + 1;
    while (href && j < inlines.length && inlines[j].href === href) j++;
    const target = href ? parent.ele('a', { href: xmlSafe(href) }) : parent;
    for (const run of inlines.slice(i, j)) {
      if (run.br) {
        target.ele('br');
        continue;
      }
      let at = target;
      if (run.bold) at = at.ele('em', { class: 'bold' });
      if (run.italic) at = at.ele('em', { class: 'italic' });
      at.txt(xmlSafe(run.text));
    }
    i = j;
  }
}

export interface NitfBodyOptions {
  figures: readonly ExportFigure[];
  photoHref(photo: ExportPhoto): string;
}

function appendFigure(parent: XMLBuilder, figure: ExportFigure | undefined, opts: NitfBodyOptions): void {
  if (!figure) return;
  const media = parent.ele('media', { 'media-type': 'image' });
  const ref: Record<string, string> = {};
  if (figure.photo) {
    ref.source = xmlSafe(opts.photoHref(figure.photo));
    ref['mime-type'] = figure.photo.mimeType;
    ref.width = String(figure.photo.width);
    ref.height = String(figure.photo.height);
  }
  if (figure.alt.trim()) ref['alternate-text'] = xmlSafe(figure.alt.trim());
  // media-reference is required even for a figure still waiting for its photo.
  media.ele('media-reference', ref);
  if (figure.caption.trim()) media.ele('media-caption').txt(xmlSafe(figure.caption.trim()));
  if (figure.credit.trim()) media.ele('media-producer').txt(xmlSafe(figure.credit.trim()));
}

export function appendBlocks(parent: XMLBuilder, blocks: readonly Block[], opts: NitfBodyOptions): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        appendInlines(parent.ele('p'), block.inlines);
        break;
      case 'heading':
        appendInlines(parent.ele('hl2'), block.inlines);
        break;
      case 'quote':
        appendBlocks(parent.ele('bq').ele('block'), block.blocks, opts);
        break;
      case 'list': {
        const list = parent.ele(block.ordered ? 'ol' : 'ul');
        for (const item of block.items) {
          const li = list.ele('li');
          // A one-paragraph item is the common case: its text goes straight into `li`.
          if (item.length === 1 && item[0].type === 'paragraph') appendInlines(li, item[0].inlines);
          else appendBlocks(li, item, opts);
        }
        break;
      }
      case 'figure':
        appendFigure(parent, opts.figures[block.index], opts);
        break;
    }
  }
}
