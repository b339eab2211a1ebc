// The article as plain text in house style — how copy is pasted into other systems, the shape of
// a news page's text without its furniture (fixtures/articles/web-copy-*.txt):
//
//   [테크인사이드]헤드라인              Business | Energy
//   - 덱                                Headline
//                                       - Deck
//   [한빛경제=산업부 김하늘 기자] 본문…
//                                       By Dana Whitfield
//   캡션 [사진=김하늘 기자]
//                                       PORT AVERY — First paragraph…
//   sky@hanbit-econ.example
//
// 중간제목 print as `■ …`, quotes as `> …` and list items as `- …`/`1. …`, each its own paragraph:
// plain text has no other way to keep them apart from captions, and parseWebCopy reads them back.
import { plainText, type Block } from '../blocks';
import type { ExportArticle } from '../types';
import { renderCaption } from '../../photos/renderCaption';

function paragraphsOf(blocks: readonly Block[], a: ExportArticle): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push(plainText(block.inlines));
        break;
      case 'heading':
        out.push(`■ ${plainText(block.inlines)}`);
        break;
      case 'quote':
        for (const inner of paragraphsOf(block.blocks, a)) out.push(`> ${inner}`);
        break;
      case 'list':
        block.items.forEach((item, n) => {
          const [first = '', ...more] = paragraphsOf(item, a);
          out.push(`${block.ordered ? `${n + 1}.` : '-'} ${first}`, ...more);
        });
        break;
      case 'figure': {
        const figure = a.figures[block.index];
        const caption = figure ? renderCaption(figure.caption, figure.credit, a.creditPattern) : '';
        if (caption) out.push(caption);
        break;
      }
    }
  }
  return out.filter((p) => p.trim() !== '');
}

function correctionLine(a: ExportArticle, c: ExportArticle['corrections'][number]): string {
  const date = c.at.slice(0, 10);
  return a.language === 'ko' ? `[정정 ${date}] ${c.note.trim()}` : `Correction (${date}): ${c.note.trim()}`;
}

export function toPlainText(a: ExportArticle): string {
  const ko = a.language === 'ko';
  const top: string[] = [];
  if (ko) top.push(a.kicker ? `[${a.kicker}]${a.headline}` : a.headline);
  else top.push(...[a.kicker, a.headline].filter(Boolean));
  // `- ` before each deck line in both languages, as list items print (parseHeader reads either back).
  top.push(...a.deck.map((d) => `- ${d}`));

  const body = paragraphsOf(a.blocks, a);
  const first = a.blocks.findIndex((b) => b.type === 'paragraph');
  // The Korean lead opens the first paragraph when the story starts with one; otherwise (and in
  // English, `By …`) the byline stands on its own line above the body.
  const leadInline = ko && a.bylineText !== '' && first === 0;
  if (first >= 0) {
    // Where the first paragraph landed among the printed lines (captions above it print too).
    const at = paragraphsOf(a.blocks.slice(0, first), a).length;
    body[at] = (leadInline ? `${a.bylineText} ` : '') + (a.dateline && !a.datelineInByline ? `${a.dateline} — ` : '') + body[at];
  }

  const sections: string[] = [];
  if (top.some(Boolean)) sections.push(top.filter(Boolean).join('\n'));
  if (a.bylineText && !leadInline) sections.push(a.bylineText);
  sections.push(...body);
  if (a.signOff) sections.push(a.signOff);
  sections.push(...a.corrections.map((c) => correctionLine(a, c)));
  if (a.tags.length) sections.push(`${ko ? '관련 태그' : 'Related topics'}: ${a.tags.join(', ')}`);
  return sections.join('\n\n') + '\n';
}
