// The Word styles of the DOCX export. Paragraph styles carry the article's structure (Kicker, Title,
// Subtitle, Byline, Heading 2, Quote, Caption, SignOff) so a desk's Word macros and our own DOCX
// import can find each part by style, and the document defaults carry a Korean-capable font.
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, type INumberingOptions, type IParagraphStyleOptions, type IParagraphStylePropertiesOptions, type IRunStylePropertiesOptions, type IStylesOptions } from 'docx';
import type { Language } from '../../../shared/model/article';

/** The style ids the export writes; each style's name is the same except `Heading 2`. */
export const DOCX_STYLE = {
  kicker: 'Kicker',
  title: 'Title',
  subtitle: 'Subtitle',
  byline: 'Byline',
  heading: 'Heading2',
  quote: 'Quote',
  caption: 'Caption',
  signOff: 'SignOff',
} as const;

export const BULLETS = 'copydesk-bullets';
export const NUMBERS = 'copydesk-numbers';

/** A4 with 25 mm margins, in twips; the text column is what images are scaled to. */
export const PAGE = { width: 11906, height: 16838, margin: 1417 };
export const TEXT_WIDTH_PX = Math.floor(((PAGE.width - 2 * PAGE.margin) / 1440) * 96);

// Malgun Gothic ships with Windows and is what Korean Word users expect; Hangul falls back to it in
// English copy too. Word on a Mac and LibreOffice substitute their own Korean Gothic for it.
const KOREAN_FONT = 'Malgun Gothic';
const LATIN_FONT: Record<Language, string> = { ko: KOREAN_FONT, en: 'Calibri' };
// Line spacing in 240ths of a line; LibreOffice reads a spacing without a rule as exact, so say `auto`.
const AUTO = LineRuleType.AUTO;
const LANG: Record<Language, string> = { ko: 'ko-KR', en: 'en-US' };

export function docxStyles(language: Language): IStylesOptions {
  const latin = LATIN_FONT[language] ?? LATIN_FONT.en;
  const para = (id: string, name: string, run: IRunStylePropertiesOptions, paragraph: IParagraphStylePropertiesOptions): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run,
    paragraph,
  });
  return {
    default: {
      document: {
        run: {
          font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: KOREAN_FONT },
          size: 22,
          language: { value: LANG[language] ?? LANG.en, eastAsia: 'ko-KR' },
        },
        paragraph: { spacing: { after: 160, line: 360, lineRule: AUTO } },
      },
    },
    paragraphStyles: [
      para(DOCX_STYLE.kicker, 'Kicker', { size: 20, bold: true, color: '8A1C1C' }, { spacing: { after: 80 }, keepNext: true }),
      para(DOCX_STYLE.title, 'Title', { size: 44, bold: true }, { spacing: { after: 160, line: 300, lineRule: AUTO }, keepNext: true }),
      para(DOCX_STYLE.subtitle, 'Subtitle', { size: 26, color: '3D3D3D' }, { spacing: { after: 80, line: 300, lineRule: AUTO }, keepNext: true }),
      para(DOCX_STYLE.byline, 'Byline', { size: 20, bold: true }, { spacing: { before: 160, after: 320 } }),
      para(DOCX_STYLE.heading, 'Heading 2', { size: 28, bold: true }, { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 1 }),
      para(DOCX_STYLE.quote, 'Quote', { color: '333333' }, { indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 24, color: '8A1C1C', space: 8 } } }),
      para(DOCX_STYLE.caption, 'Caption', { size: 18, color: '444444' }, { spacing: { before: 80, after: 280, line: 276, lineRule: AUTO } }),
      para(DOCX_STYLE.signOff, 'SignOff', { size: 20 }, { spacing: { before: 320 } }),
    ],
  };
}

const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string) =>
  Array.from({ length: 3 }, (_, level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 340 } } },
  }));

export function docxNumbering(): INumberingOptions {
  return {
    config: [
      { reference: BULLETS, levels: levels(LevelFormat.BULLET, (l) => ['•', '◦', '▪'][l]) },
      { reference: NUMBERS, levels: levels(LevelFormat.DECIMAL, (l) => `%${l + 1}.`) },
    ],
  };
}
