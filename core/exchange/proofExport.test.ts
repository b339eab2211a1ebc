// The PDF proof as the export writes it, read back with poppler: a 3.6매 Korean story with a tall
// photo right after a four-line lead prints on two pages with the story going on under the photo
// on page 1 (it once left page 1 with only the header and lead), and every page carries the band:
// state, the version as History names it (N판), 매수, print time and page x/y.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProofLibrary, PROOF_AFTER_PHOTO, PROOF_LAST, proofStoryContent, type ProofLibrary } from './testing/proofStory';
import { pdfFonts, pdfPageCount, pdfPageText, squeeze } from './testing/pdfTestTools';
import { displayDate } from './export/toArticleHtml';
import { blockTexts, countBlocks } from '../../shared/counting/countBody';
import { toSheets } from '../../shared/counting/sheets';
import type { VersionMeta } from '../../shared/model/history';
import { contentOf } from '../../shared/model/article';

const NOW = new Date('2026-12-06T02:05:00.000Z');
let lib: ProofLibrary;
let pdf: string;
let newest: VersionMeta;
let revision: number;

beforeAll(async () => {
  lib = await openProofLibrary(() => NOW);
  // Saves and steps: a step adds a version but keeps the revision, so the two numbers part.
  const { actor, id } = lib;
  const step = (action: 'send' | 'recall') => lib.core.handlers.transitionArticle({ id, actor, action, note: '', override: false });
  await step('send');
  await step('recall');
  const again = await lib.core.handlers.saveArticle({ id, actor, baseRevision: lib.revision, content: { ...contentOf(await lib.core.handlers.getArticle({ id, actor })), tags: ['한강', '교통', '서울시'] } });
  revision = again.revision;
  await step('send');
  newest = (await lib.core.handlers.getHistory({ id, actor })).versions[0];
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

  it('prints the band on every page: state, the version History shows on top (N판), 매수, print time and page x/y', () => {
    // The newest version is the last step's, not the article's revision: the band names the version.
    expect(newest).toMatchObject({ kind: 'transition', state: 'sent', revision });
    expect(newest.seq).not.toBe(revision);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = pdfPageText(pdf, page);
      expect(text).toContain(`교정지 · 출고 · ${newest.seq}판 · 3.6매`);
      expect(text).not.toContain('수정본');
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
