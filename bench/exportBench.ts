// Export throughput: 1,000 Korean stories (each ~600 words with a photo, a byline and tags) in
// HTML + text + Markdown + NITF + ninjs, and 10 PDF proofs (quick: 50 and 2). Reported against baselines from the
// same run: writing each article's JSON as one file (the I/O floor of any export), and Chromium
// printing the same text as a bare page (the floor of any PDF). The export time is split into
// rendering (all formats in memory) and the rest (reading photos, writing files, the audit line).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../core/createCore';
import { addAdmin } from '../core/testing/people';
import { chromiumPrinter } from '../core/exchange/export/renderPdf';
import { ARTICLE_SCHEMA_VERSION, type Article } from '../shared/model/article';
import type { ExportFormat } from '../shared/exchange/types';
import { storyContent } from './saveBench';
import { fixturePhoto } from '../testing/fixturePhotos';
import { benchCheck, sized, type Bench, type BenchOptions } from './bench';

const FORMATS: ExportFormat[] = ['html', 'text', 'md', 'nitf', 'ninjs'];
const appInfo = { version: 'bench', platform: process.platform, host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' };

function job() {
  return { signal: new AbortController().signal, step: () => undefined };
}

async function runExportBench(opts: BenchOptions): Promise<string[]> {
  const count = sized(opts, 1_000, 50);
  const pdfs = sized(opts, 10, 2);
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-bench-export-'));
  try {
    const core = await openCore({ libraryDir: dir, appInfo });
    const actor = await addAdmin(core);
    // One of our own test photos (testing/fixturePhotos), so the bench needs nothing beside the repo.
    const { photo } = await core.handlers.importPhoto({ actor, name: 'staff.jpg', bytes: (await fixturePhoto('staff-xmp-and-iim.jpg')).bytes });
    await core.close();
    // Articles written straight to disk (as in the save bench), so setting up does not dominate.
    const at = new Date().toISOString();
    const ids: string[] = [];
    await mkdir(join(dir, 'articles'), { recursive: true });
    for (let i = 0; i < count; i++) {
      const content = storyContent(i + 1, `기사 ${i}: 폐배터리 재활용 경쟁`);
      content.body.content.splice(2, 0, { type: 'figure', attrs: { photoId: photo.id, credit: '김하늘 기자', alt: '작업자', fromFile: { caption: '', credit: '', alt: '' } }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: '배터리 모듈을 옮기는 작업자' }] }] });
      const article: Article = {
        ...content,
        kicker: '테크인사이드',
        deck: ['2030년 폐배터리 연 10만개', '회수율이 승부처'],
        byline: { outlet: '한빛경제', desk: '산업부', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: 'sky@hanbit-econ.example' }] },
        tags: ['배터리', '재활용'],
        schemaVersion: ARTICLE_SCHEMA_VERSION, id: randomUUID(), revision: 1, createdAt: at, updatedAt: at,
        status: 'approved', trashedAt: null, ownerId: actor, corrections: [], lastTransition: null,
      };
      ids.push(article.id);
      await writeFile(join(dir, 'articles', `${article.id}.json`), JSON.stringify(article));
    }
    const lib = await openCore({ libraryDir: dir, appInfo });
    const lines: string[] = [];
    try {
      // Baseline: one JSON file per article, nothing else.
      const bare = join(dir, 'bare');
      await mkdir(bare);
      let t0 = performance.now();
      for (const id of ids) {
        const a = await lib.handlers.getArticle({ actor, id });
        await writeFile(join(bare, `${id}.json`), JSON.stringify(a));
      }
      const bareMs = performance.now() - t0;

      // Rendering alone: every format in memory, nothing written.
      t0 = performance.now();
      for (const id of ids) await lib.exchange.render(await lib.handlers.getArticle({ actor, id }), FORMATS);
      const renderMs = performance.now() - t0;

      // One article at a time: rendering + writing with nothing overlapped, for the share.
      t0 = performance.now();
      await lib.exchange.exportArticles({ actorId: actor, ids, formats: FORMATS, override: false, note: '' }, job(), join(dir, 'serial'), 1);
      const serialMs = performance.now() - t0;

      t0 = performance.now();
      const { results } = await lib.exchange.exportArticles({ actorId: actor, ids, formats: FORMATS, override: false, note: '' }, job(), join(dir, 'out'));
      const exportMs = performance.now() - t0;
      const failed = results.filter((r) => r.error).length;
      lines.push(
        `${count} articles × ${FORMATS.join('+')}: ${(exportMs / 1000).toFixed(2)} s (${(count / (exportMs / 1000)).toFixed(0)} articles/s), ${failed} failed; target ≤ 10 s for 1,000`,
        `  one at a time: ${(serialMs / 1000).toFixed(2)} s, of which rendering in memory ${(renderMs / 1000).toFixed(2)} s (${((renderMs / serialMs) * 100).toFixed(0)}%) and file I/O, photo copies and the audit line ${((serialMs - renderMs) / 1000).toFixed(2)} s (${(((serialMs - renderMs) / serialMs) * 100).toFixed(0)}%)`,
        `  baseline, one JSON file per article: ${(bareMs / 1000).toFixed(2)} s → export is ${(exportMs / bareMs).toFixed(1)}× the bare write`,
      );

      // PDF proofs, against Chromium printing the same text with no fonts, photos or styles.
      const printer = chromiumPrinter();
      try {
        const pdfIds = ids.slice(0, pdfs);
        await lib.exchange.exportArticles({ actorId: actor, ids: [pdfIds[0]], formats: ['pdf'], override: false, note: '' }, job(), join(dir, 'warm')); // start the browser
        t0 = performance.now();
        const pdf = await lib.exchange.exportArticles({ actorId: actor, ids: pdfIds, formats: ['pdf'], override: false, note: '' }, job(), join(dir, 'pdf'));
        const pdfMs = performance.now() - t0;
        t0 = performance.now();
        for (const id of pdfIds) {
          const a = await lib.handlers.getArticle({ actor, id });
          const text = a.body.content.map((n) => (n.content ?? []).map((c) => c.text ?? '').join('')).join('</p><p>');
          await printer.printToPdf(`<!doctype html><meta charset="utf-8"><h1>${a.headline}</h1><p>${text}</p>`);
        }
        const barePdfMs = performance.now() - t0;
        lines.push(
          `${pdfs} PDF proofs: ${(pdfMs / 1000).toFixed(2)} s (${(pdfMs / pdfs).toFixed(0)} ms each), ${pdf.results.filter((r) => r.error).length} failed`,
          `  baseline, Chromium printing the bare text: ${(barePdfMs / pdfs).toFixed(0)} ms each → ${(pdfMs / barePdfMs).toFixed(2)}×`,
        );
        benchCheck(failed === 0 && pdf.results.every((r) => !r.error), lines);
      } finally {
        await printer.close();
      }
    } finally {
      await lib.close();
    }
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const exportBench: Bench = { name: 'Export', run: runExportBench };
