// The DOCX export: the article as a Word document that opens in Word and LibreOffice, each part in
// its named paragraph style (docxStyles), photos inline at text width with their captions, the
// document's language and Korean font set so Hangul never falls back to a box font.
import { Document, ExternalHyperlink, ImageRun, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { ApiError } from '../../../shared/contract/errors';
import type { Block, Inline } from '../../../shared/exchange/blocks';
import type { ExportArticle, ExportFigure, ExportPhoto } from '../../../shared/exchange/types';
import { renderCaption } from '../../../shared/photos/renderCaption';
import { docxImage, type DocxImage } from './docxImage';
import { BULLETS, DOCX_STYLE, NUMBERS, PAGE, TEXT_WIDTH_PX, docxNumbering, docxStyles } from './docxStyles';
import { htmlSafeText } from '../../../shared/exchange/export/htmlText';
import { mailtoHref, publishedHref } from '../../../shared/body/linkSafety';

// XML (like HTML) forbids control characters and lone surrogates; Word refuses a file that has them.
const clean = (text: string) => htmlSafeText(text);

const CORRECTION_LABEL = { ko: '바로잡습니다', en: 'Correction' } as const;

function runs(inlines: readonly Inline[]): ParagraphChild[] {
  return inlines.map((run) => {
    if (run.br) return new TextRun({ break: 1 });
    // A link that is not http/https/mailto is dropped to its text, never written as a link.
    const href = run.href ? publishedHref(run.href) : null;
    const text = new TextRun({ text: clean(run.text), bold: run.bold, italics: run.italic, style: href ? 'Hyperlink' : undefined });
    return href ? new ExternalHyperlink({ link: href, children: [text] }) : text;
  });
}

interface Context {
  a: ExportArticle;
  images: Map<string, DocxImage>;
  /** Each list gets its own numbering instance, so every numbered list counts from 1. */
  nextList: () => number;
}

function figureParagraphs(figure: ExportFigure, ctx: Context): Paragraph[] {
  const out: Paragraph[] = [];
  const image = figure.photo ? ctx.images.get(figure.photo.id) : undefined;
  const caption = clean(renderCaption(figure.caption, figure.credit, ctx.a.creditPattern));
  if (image) {
    const alt = clean(figure.alt.trim() || figure.caption.trim());
    out.push(
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: image.type,
            data: image.data,
            transformation: { width: image.width, height: image.height },
            altText: { name: figure.photo!.fileName, title: alt, description: alt },
          }),
        ],
      }),
    );
  }
  if (caption) out.push(new Paragraph({ style: DOCX_STYLE.caption, children: [new TextRun(caption)] }));
  return out;
}

function blockParagraphs(blocks: readonly Block[], ctx: Context, style?: string, listLevel = 0): Paragraph[] {
  return blocks.flatMap((block): Paragraph[] => {
    switch (block.type) {
      case 'paragraph':
        return [new Paragraph({ style, children: runs(block.inlines) })];
      case 'heading':
        return [new Paragraph({ style: style ?? DOCX_STYLE.heading, children: runs(block.inlines) })];
      case 'quote':
        return blockParagraphs(block.blocks, ctx, DOCX_STYLE.quote, listLevel);
      case 'list': {
        const instance = ctx.nextList();
        const reference = block.ordered ? NUMBERS : BULLETS;
        const level = Math.min(listLevel, 2);
        return block.items.flatMap((item) => {
          const [first, ...rest] = item;
          const head =
            first?.type === 'paragraph'
              ? [new Paragraph({ style, numbering: { reference, level, instance }, children: runs(first.inlines) })]
              : blockParagraphs(first ? [first] : [], ctx, style, listLevel + 1);
          // A list item's further paragraphs sit under its text; nested lists go one level deeper.
          const more = rest.flatMap((b) =>
            b.type === 'paragraph'
              ? [new Paragraph({ style, indent: { left: 567 * (level + 1) }, children: runs(b.inlines) })]
              : blockParagraphs([b], ctx, style, listLevel + 1),
          );
          return [...head, ...more];
        });
      }
      case 'figure': {
        const figure = ctx.a.figures[block.index];
        return figure ? figureParagraphs(figure, ctx) : [];
      }
    }
  });
}

/** The body, its first paragraph opened by the dateline as English house style prints it. */
function bodyParagraphs(ctx: Context): Paragraph[] {
  const dateline = clean(ctx.a.dateline.trim());
  const [first, ...rest] = ctx.a.blocks;
  if (!dateline || ctx.a.datelineInByline) return blockParagraphs(ctx.a.blocks, ctx);
  const lead = new TextRun({ text: `${dateline} — `, bold: true });
  if (first?.type === 'paragraph') return [new Paragraph({ children: [lead, ...runs(first.inlines)] }), ...blockParagraphs(rest, ctx)];
  return [new Paragraph({ children: [lead] }), ...blockParagraphs(ctx.a.blocks, ctx)];
}

async function loadImages(a: ExportArticle, photoBytes: (photo: ExportPhoto) => Promise<Uint8Array>): Promise<Map<string, DocxImage>> {
  const entries = await Promise.all(
    a.photos.map(async (photo): Promise<[string, DocxImage]> => {
      let bytes: Uint8Array;
      try {
        bytes = await photoBytes(photo);
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError('exportFailed', `Photo ${photo.fileName} could not be read: ${err instanceof Error ? err.message : String(err)}`, {
          reason: 'photoMissing',
          file: photo.fileName,
        });
      }
      if (!bytes?.length) throw new ApiError('exportFailed', `Photo ${photo.fileName} is empty`, { reason: 'photoMissing', file: photo.fileName });
      return [photo.id, await docxImage(photo, bytes, TEXT_WIDTH_PX)];
    }),
  );
  return new Map(entries);
}

export async function toDocx(a: ExportArticle, photoBytes: (photo: ExportPhoto) => Promise<Uint8Array>): Promise<Uint8Array> {
  let lists = 0;
  const ctx: Context = { a, images: await loadImages(a, photoBytes), nextList: () => ++lists };
  const kicker = clean(a.kicker.trim());
  const signOff = clean(a.signOff.trim());
  const signOffHref = signOff ? mailtoHref(signOff) : null;
  const names = a.byline.reporters.map((r) => clean(r.name.trim())).filter(Boolean);
  const label = CORRECTION_LABEL[a.language] ?? CORRECTION_LABEL.en;

  const children: Paragraph[] = [
    ...(kicker ? [new Paragraph({ style: DOCX_STYLE.kicker, children: [new TextRun(kicker)] })] : []),
    new Paragraph({ style: DOCX_STYLE.title, children: [new TextRun(clean(a.headline.trim()))] }),
    ...a.deck.filter((d) => d.trim()).map((d) => new Paragraph({ style: DOCX_STYLE.subtitle, children: [new TextRun(clean(d.trim()))] })),
    ...(a.bylineText.trim() ? [new Paragraph({ style: DOCX_STYLE.byline, children: [new TextRun(clean(a.bylineText.trim()))] })] : []),
    ...bodyParagraphs(ctx),
    ...(signOff
      ? [
          new Paragraph({
            style: DOCX_STYLE.signOff,
            children: [signOffHref ? new ExternalHyperlink({ link: signOffHref, children: [new TextRun({ text: signOff, style: 'Hyperlink' })] }) : new TextRun(signOff)],
          }),
        ]
      : []),
    ...a.corrections.map(
      (c) => new Paragraph({ children: [new TextRun({ text: `${label} (${c.at.slice(0, 10)}) `, bold: true }), new TextRun(clean(c.note))] }),
    ),
  ];

  const doc = new Document({
    title: clean(a.headline.trim()),
    subject: kicker,
    creator: names.join(', ') || clean(a.byline.outlet.trim()) || 'Copydesk',
    description: clean(a.deck.join(' ').trim()),
    keywords: clean(a.tags.join(', ')),
    lastModifiedBy: 'Copydesk',
    styles: docxStyles(a.language),
    numbering: docxNumbering(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children,
      },
    ],
  });
  try {
    return new Uint8Array(await Packer.toBuffer(doc));
  } catch (err) {
    throw new ApiError('exportFailed', `DOCX could not be written: ${err instanceof Error ? err.message : String(err)}`, { reason: 'renderFailed' });
  }
}
