// A figure still waiting for its photo (web copy brings caption lines without one): every
// publication format leaves it out, renumbering nothing else, and the export says so by the
// figure's number and caption start; the desk's PDF proof shows it as a framed empty place with
// its caption. Each file still passes its validator (xmllint, ajv, LibreOffice, poppler).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { ExportResult } from '../../shared/contract/api';
import { contentOf, type DocNode } from '../../shared/model/article';
import { openSampleLibrary, type SampleLibrary } from './testing/sampleArticles';
import { NEWSML_XSD, NITF_XSD, xmllint } from './testing/xmllint';
import { ninjsErrors } from './testing/ninjsValidator';
import { pdfText, squeeze } from './testing/pdfTestTools';

const WAITING = '광양항 관제실에서 직원이 하역 장비를 원격으로 조종하고 있다.';
const WAITING_CREDIT = '해양수산부 제공';
const KEPT = ['경북 포항의 한 배터리 재활용 공장에서 작업자가 배터리 모듈을 옮기고 있다.', '재활용 공정을 설명하는 연구원'];
const PUBLISHED = ['html', 'text', 'md', 'nitf', 'ninjs', 'newsml', 'docx'] as const;

let lib: SampleLibrary;
let tmp: string;
let all: ExportResult;
let pdfOnly: ExportResult;
let dir: string;
const file = (name: string) => readFileSync(join(dir, name), 'utf8');

async function docxXml(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    }),
  );
}

beforeAll(async () => {
  lib = await openSampleLibrary();
  tmp = await mkdtemp(join(tmpdir(), 'copydesk-waiting-'));
  const { actor } = lib;
  // The Korean story with a figure waiting for its photo after its lead: photo 1 of three.
  const content = contentOf(lib.ko);
  const waiting: DocNode = { type: 'figure', attrs: { photoId: '', credit: WAITING_CREDIT, alt: '' }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: WAITING }] }] };
  content.body = { ...content.body, content: [content.body.content![0], waiting, ...content.body.content!.slice(1)] };
  await lib.core.handlers.saveArticle({ id: lib.ko.id, actor, baseRevision: lib.ko.revision, content });
  const job = { signal: new AbortController().signal, step: () => undefined };
  const run = async (formats: ('pdf' | (typeof PUBLISHED)[number])[], out: string) =>
    (await lib.core.exchange.exportArticles({ actorId: actor, ids: [lib.ko.id], formats, override: false, note: '' }, job, out)).results[0];
  all = await run([...PUBLISHED, 'pdf'], join(tmp, 'all'));
  expect(all.error).toBeNull();
  dir = join(tmp, 'all', all.folder);
  pdfOnly = await run(['pdf'], join(tmp, 'pdf'));
  expect(pdfOnly.error).toBeNull();
}, 180_000);
afterAll(async () => {
  await lib?.cleanup();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('a figure waiting for its photo, exported', () => {
  it('is named in a warning by its number and caption start, as the checklist names it', () => {
    expect(all.warnings).toEqual([{ key: 'exchange.waitingFigureLeftOut', values: { n: '1', caption: '광양항 관제실에서 직원이 하역 장비를…' } }]);
    // The proof alone leaves nothing out, so it warns of nothing.
    expect(pdfOnly.warnings).toEqual([]);
  });

  it('is left out of the web page, text, Markdown, NITF, NewsML-G2 and ninjs, the other photos kept', () => {
    const html = file('article.html');
    for (const text of [html, file('article.txt'), file('article.md'), file('article.nitf.xml'), file('article.newsml.xml'), file('article.ninjs.json')]) {
      expect(text).not.toContain('광양항 관제실');
      expect(text).not.toContain(WAITING_CREDIT);
      for (const kept of KEPT) expect(text).toContain(kept);
    }
    expect(html.match(/<figure>/g)).toHaveLength(2);
    expect(html.match(/<img /g)).toHaveLength(2);
    expect(html).not.toContain('class="photo-waiting"');
  });

  it('leaves every file valid: NITF and NewsML-G2 against their XSDs, ninjs against its schema', () => {
    const nitf = xmllint(file('article.nitf.xml'), NITF_XSD);
    expect(nitf.ok, nitf.errors).toBe(true);
    const newsml = xmllint(file('article.newsml.xml'), NEWSML_XSD);
    expect(newsml.ok, newsml.errors).toBe(true);
    expect(ninjsErrors(JSON.parse(file('article.ninjs.json')))).toEqual([]);
  });

  it('is left out of the DOCX, which LibreOffice opens with the other captions', async () => {
    const bytes = readFileSync(join(dir, 'article.docx'));
    expect(await docxXml(bytes)).not.toContain('광양항 관제실');
    const copy = join(tmp, 'story.docx');
    await writeFile(copy, bytes);
    const profile = join(tmpdir(), `lo-${randomUUID()}`);
    try {
      await new Promise<void>((resolve, reject) =>
        execFile('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, copy], { timeout: 110_000 }, (err, _o, stderr) =>
          err ? reject(new Error(`soffice failed: ${stderr || err.message}`)) : resolve(),
        ),
      );
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
    const text = squeeze(pdfText(join(tmp, 'story.pdf')));
    expect(text).not.toContain(squeeze('광양항 관제실'));
    for (const kept of KEPT) expect(text).toContain(squeeze(kept));
  }, 120_000);

  it('shows in the PDF proof as a framed empty place with its caption and credit', () => {
    const text = squeeze(pdfText(join(dir, 'article.pdf')));
    expect(text).toContain(squeeze('사진 없음 — 사진을 기다리는 자리'));
    expect(text).toContain(squeeze(`${WAITING} [사진=${WAITING_CREDIT}]`));
    for (const kept of KEPT) expect(text).toContain(squeeze(kept));
  });

  it('writes deck lines in the text export with a space after the dash, as list items and English decks are', () => {
    const deck = file('article.txt').split('\n').filter((l) => l.startsWith('-'));
    expect(deck.length).toBeGreaterThan(0);
    for (const line of deck) expect(line).toMatch(/^- \S/);
  });
});
