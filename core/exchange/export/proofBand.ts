// The band printed on every page of the PDF proof: what copy this is (state, its version as the
// history names it — "12판" — so a desk can match a proof to a version, 원고지 매수), when it was printed, and page x/y, so a loose page on the desk still says which proof it
// belongs to. Chromium draws it in the page margins from the header/footer templates that
// page.pdf and Electron's printToPDF both take; the `pageNumber`/`totalPages` spans are filled in
// by Chromium. The band's words follow the article's language, as the rest of the proof does.
import type { ArticleStatus, Language } from '../../../shared/model/article';
import { esc } from '../../../shared/exchange/export/htmlText';
import type { PdfBand } from '../exportContext';
import { displayDate } from './toArticleHtml';

export interface ProofFacts {
  language: Language;
  status: ArticleStatus;
  /** The history's number for the version holding this copy (History says "12판"); null when it has none. */
  version: number | null;
  /** 원고지 매수 by the grid count (the figure a length target is measured in). */
  sheets: number;
  printedAt: Date;
}

/** State names as the app shows them (renderer/src/i18n `status`; a test holds the two together). */
export const PROOF_LABELS: Record<Language, { proof: string; status: Record<ArticleStatus, string>; version(n: number): string; sheets(n: string): string; printed: string; number: string }> = {
  ko: {
    proof: '교정지',
    status: { draft: '작성중', sent: '출고', review: '데스킹', approved: '승인', returned: '반려', published: '출판', spiked: '폐기' },
    // As History labels versions (renderer/src/i18n history.version).
    version: (n) => `${n}판`,
    sheets: (n) => `${n}매`,
    printed: '출력',
    number: 'ko-KR',
  },
  en: {
    proof: 'Proof',
    status: { draft: 'Draft', sent: 'Sent to desk', review: 'In review', approved: 'Approved', returned: 'Returned', published: 'Published', spiked: 'Spiked' },
    version: (n) => `Version ${n}`,
    sheets: (n) => `${n} sheets`,
    printed: 'Printed',
    number: 'en-US',
  },
};

/** The band's words on one line, as printed in the header (and given to koreanFontCss to pick slices). */
export function proofBandText(f: ProofFacts): { left: string[]; right: string } {
  const l = PROOF_LABELS[f.language] ?? PROOF_LABELS.en;
  const sheets = f.sheets.toLocaleString(l.number, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    left: [l.proof, l.status[f.status], ...(f.version === null ? [] : [l.version(f.version)]), l.sheets(sheets)],
    right: `${l.printed} ${displayDate(f.printedAt.toISOString(), f.language)}`,
  };
}

/** Every character the band can show, for the font slices its templates embed. */
export function proofBandChars(f: ProofFacts): string {
  const { left, right } = proofBandText(f);
  return `${left.join(' ')} ${right} 0123456789/·`;
}

// Chromium renders the templates at a tiny default size with no page margins of their own: the
// band sets its size and insets itself to the page's side margins.
const bandCss = (fontCss: string, sideMargin: string) =>
  `<style>${fontCss}.band{box-sizing:border-box;width:100%;padding:0 ${sideMargin};display:flex;justify-content:space-between;gap:4mm;font-family:'Noto Sans KR',sans-serif;font-size:7.5pt;line-height:1.3;color:#444;-webkit-print-color-adjust:exact}.band b{color:#8a1c1c}</style>`;

/**
 * Header (the facts and print time) and footer (page x/y) templates. `fontCss` is @font-face CSS
 * (data: URLs) for the band's text: the templates cannot load anything.
 */
export function proofBand(f: ProofFacts, fontCss: string, sideMargin: string): PdfBand {
  if (/<\/style/i.test(fontCss)) throw new Error('Font CSS may not close its style element');
  const { left, right } = proofBandText(f);
  const [proof, ...facts] = left;
  const style = bandCss(fontCss, sideMargin);
  return {
    headerTemplate: `${style}<div class="band"><span><b>${esc(proof)}</b> · ${facts.map(esc).join(' · ')}</span><span>${esc(right)}</span></div>`,
    footerTemplate: `${style}<div class="band" style="justify-content:center"><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`,
  };
}
