import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/article';
import { proofStoryContent } from '../testing/proofStory';
import { proofFacts } from '../exporters';
import { proofBand, proofBandChars, type ProofFacts } from './proofBand';
import { displayDate } from './toArticleHtml';

const at = new Date('2026-12-06T02:05:00.000Z');
const facts = (over: Partial<ProofFacts> = {}): ProofFacts => ({ language: 'ko', status: 'review', version: 12, sheets: 3.6, printedAt: at, ...over });
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');

describe('proofBand', () => {
  it('says in Korean which copy this is and when it was printed, in the header', () => {
    const { headerTemplate } = proofBand(facts(), '', '16mm');
    expect(text(headerTemplate)).toBe(`교정지 · 데스킹 · 12판 · 3.6매출력 ${displayDate(at.toISOString(), 'ko')}`);
    expect(headerTemplate).toContain('padding:0 16mm');
    // Chromium draws templates at a tiny default size: the band sets its own.
    expect(headerTemplate).toMatch(/font-size:7\.5pt/);
  });

  it('says it in English for an English story, with the same facts', () => {
    const { headerTemplate } = proofBand(facts({ language: 'en', status: 'approved', version: 3, sheets: 12 }), '', '16mm');
    expect(text(headerTemplate)).toBe(`Proof · Approved · Version 3 · 12.0 sheetsPrinted ${displayDate(at.toISOString(), 'en')}`);
  });

  it('leaves the version out when no version of the history holds the copy, rather than print a wrong number', () => {
    expect(text(proofBand(facts({ version: null }), '', '16mm').headerTemplate)).toMatch(/^교정지 · 데스킹 · 3\.6매출력/);
  });

  it('numbers pages x/y with the spans Chromium fills in', () => {
    const { footerTemplate } = proofBand(facts(), '', '16mm');
    expect(footerTemplate).toContain('<span class="pageNumber"></span>/<span class="totalPages"></span>');
  });

  it('carries the font it is given, and refuses CSS that would close its style element', () => {
    const css = "@font-face{font-family:'Noto Sans KR';src:url(data:font/woff2;base64,AAAA)}";
    expect(proofBand(facts(), css, '16mm').headerTemplate).toContain(css);
    expect(proofBand(facts(), css, '16mm').footerTemplate).toContain(css);
    expect(() => proofBand(facts(), '</style><script>', '16mm')).toThrow();
  });

  it('lists every character it prints, for the font slices', () => {
    const chars = proofBandChars(facts());
    for (const ch of text(proofBand(facts(), '', '16mm').headerTemplate + '1/2')) expect(chars).toContain(ch);
  });
});

describe('proofFacts', () => {
  it('counts 매수 on the 원고지 grid, as the length panel and the target do', () => {
    const article = { ...proofStoryContent('p'), status: 'sent', revision: 7 } as unknown as Article;
    expect(proofFacts({ article, now: at, version: 9 })).toEqual({ language: 'ko', status: 'sent', version: 9, sheets: 3.6, printedAt: at });
  });
});
