// The PDF proof as the export writes it, read back with poppler: a 3.6매 Korean story with a tall
// photo right after a four-line lead prints on two pages with the story going on under the photo
// on page 1 (it once left page 1 with only the header and lead), and every page carries the band:
// state, revision, 매수, print time and page x/y.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProofLibrary, PROOF_AFTER_PHOTO, PROOF_LAST, proofStoryContent, type ProofLibrary } from './testing/proofStory';
import { pdfFonts, pdfPageCount, pdfPageText, squeeze } from './export/pdfTestTools';
import { displayDate } from './export/toArticleHtml';
import { blockTexts, countBlocks } from '../../../shared/counting/countBody';
import { toSheets } from '../../../shared/counting/sheets';

const NOW = new Date('2026-12-06T02:05:00.000Z');
let lib: ProofLibrary;
let pdf: string;

beforeAll(async () => {
  lib = await openProofLibrary(() => NOW);
  const job = { signal: new AbortController().signal, step: () => undefined };
  const { results } = await lib.core.exchange.exportArticles({ actorId: lib.actor, ids: [lib.id], formats: ['pdf'], override: false, note: '' }, job, lib.outDir);
  expect(results[0].error).toBeNull();
  pdf = join(lib.outDir, results[0].folder, 'article.pdf');
}, 120_000);
afterAll(() => lib?.cleanup());

describe('the PDF proof of a story with a photo after the lead', () => {
  it('is the 3.6매 story the desk asked about', () => {
    expect(toSheets(countBlocks(blockTexts(proofStoryContent('x').body).body)).grid).toBe(3.6);
  });

  it('fits on two pages, with the headline and the story past the photo on page 1', () => {
    const pages = pdfPageCount(pdf);
    expect(pages).toBeLessThanOrEqual(2);
    const first = squeeze(pdfPageText(pdf, 1));
    expect(first).toContain(squeeze('한강 수상버스, 내년부터 출퇴근 시간 15분 간격으로'));
    // The paragraph under the photo made it onto page 1: the page is not header and lead alone.
    expect(first).toContain(squeeze(PROOF_AFTER_PHOTO));
    expect(first.length).toBeGreaterThan(500);
    expect(squeeze(pdfPageText(pdf, pages))).toContain(squeeze(PROOF_LAST));
  });

  it('prints the band on every page: state, revision, 매수, print time and page x/y', () => {
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = pdfPageText(pdf, page);
      expect(text).toContain(`교정지 · 작성중 · 수정본 ${lib.revision} · 3.6매`);
      expect(text).toContain(`출력 ${displayDate(NOW.toISOString(), 'ko')}`);
      expect(text).toContain(`${page}/${pages}`);
    }
  });

  it('sets the band in the Noto Sans KR it carries, like the page', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.filter((f) => !/NotoSansKR/i.test(f.name))).toEqual([]);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });
});
