import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { ExportArticle } from '../../../shared/exchange/types';
import { openSampleLibrary, SECRET_DESK_NOTE, SECRET_NOTE, type SampleLibrary } from '../testing/sampleArticles';
import { domWindow } from '../import/htmlDom';
import { articlePageText, toArticleHtml } from './toArticleHtml';

const VNU_JAR = join(process.cwd(), 'node_modules/vnu-jar/build/dist/vnu.jar');
const photoSrc = (p: { fileName: string }) => `photos/${p.fileName}`;
const NOW = new Date('2025-03-04T00:30:00Z');

let lib: SampleLibrary;
let ko: ExportArticle;
let en: ExportArticle;
let tmp: string;

beforeAll(async () => {
  lib = await openSampleLibrary();
  ko = await lib.exportOf(lib.ko);
  en = await lib.exportOf(lib.en);
  tmp = await mkdtemp(join(tmpdir(), 'copydesk-html-'));
});
afterAll(async () => {
  await lib?.cleanup();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const dom = (html: string) => domWindow(html).document;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The Nu validator's errors for each file (it reports on stderr, and exits 1 when it finds any). */
function vnuErrors(files: string[]): Promise<{ url: string; message: string }[]> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { maxBuffer: 1 << 24 }, (_err, stdout, stderr) => {
      try {
        resolve((JSON.parse(stderr || stdout) as { messages: { url: string; message: string; type: string }[] }).messages);
      } catch (e) {
        reject(new Error(`vnu gave no JSON: ${stderr} ${String(e)}`));
      }
    });
  });
}

describe('toArticleHtml', () => {
  it('writes pages the W3C Nu validator accepts, in Korean and English', async () => {
    const files = [join(tmp, 'ko.html'), join(tmp, 'en.html')];
    await writeFile(files[0], toArticleHtml(ko, { photoSrc, now: NOW }));
    await writeFile(files[1], toArticleHtml({ ...en, corrections: [{ at: '2025-03-05T08:00:00.000Z', by: 'desk', note: 'An earlier version misnamed the ferry.' }] }, { photoSrc, now: NOW }));
    expect(await vnuErrors(files)).toEqual([]);
  }, 120_000);

  it('has no serious or critical accessibility violations (axe-core in Chromium)', async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
      for (const a of [ko, en]) {
        // axe needs a real context (it opens a helper page in it).
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.setContent(toArticleHtml(a, { photoSrc, now: NOW }));
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${a.language}: ${v.id}`);
        expect(bad).toEqual([]);
        // axe ran real checks, so an empty list means something.
        expect(results.passes.length).toBeGreaterThan(10);
        await context.close();
      }
    } finally {
      await browser?.close();
    }
  }, 60_000);

  it('marks up the Korean article semantically', () => {
    const doc = dom(toArticleHtml(ko, { photoSrc, now: NOW }));
    expect(doc.documentElement.lang).toBe('ko');
    expect(doc.querySelectorAll('article').length).toBe(1);
    expect(text(doc.querySelector('article > header > h1'))).toBe(ko.headline);
    expect(doc.querySelectorAll('h1').length).toBe(1);
    expect(text(doc.querySelector('header p.kicker'))).toBe('테크인사이드');
    expect(Array.from(doc.querySelectorAll('header p.deck')).map(text)).toEqual(ko.deck);
    const byline = doc.querySelector('header p.byline');
    expect(text(byline)).toBe(ko.bylineText);
    expect(byline?.querySelector('a[rel="author"]')?.getAttribute('href')).toBe('mailto:sky@hanbit-econ.example');
    expect(doc.querySelector('header time')?.getAttribute('datetime')).toBe(NOW.toISOString());
    expect(Array.from(doc.querySelectorAll('h2')).map(text)).toEqual(['회수율이 승부처']);
    expect(text(doc.querySelector('blockquote p'))).toBe('누가 더 많은 폐배터리를 확보하느냐가 경쟁력을 가를 것');
    expect(Array.from(doc.querySelectorAll('.article-body ul > li')).map(text)).toEqual(['리튬 회수율 80%대', '니켈 회수율 95%']);
    expect(text(doc.querySelector('.article-body strong'))).toBe('리튬과 니켈');
    expect(text(doc.querySelector('.article-body em'))).toBe('“배터리 여권”');
    expect(doc.querySelector('.article-body a')?.getAttribute('href')).toBe('https://www.me.go.kr/');

    const figures = Array.from(doc.querySelectorAll('figure'));
    expect(figures.length).toBe(2);
    const img = figures[0].querySelector('img')!;
    expect(img.getAttribute('src')).toBe('photos/photo-01.jpg');
    expect(img.getAttribute('alt')).toBe('배터리 모듈을 옮기는 작업자');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual([String(ko.photos[0].width), String(ko.photos[0].height)]);
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(text(figures[0].querySelector('figcaption'))).toBe('경북 포항의 한 배터리 재활용 공장에서 작업자가 배터리 모듈을 옮기고 있다. [사진=김하늘 기자]');
    expect(text(figures[1].querySelector('figcaption .credit'))).toBe('[사진=한빛경제 사진부]');

    expect(text(doc.querySelector('footer address a'))).toBe('sky@hanbit-econ.example');
    expect(Array.from(doc.querySelectorAll('footer ul.tags li')).map(text)).toEqual(['배터리', '재활용', '도시광산']);
  });

  it('opens the English body with the dateline and keeps links and ampersands intact', () => {
    const doc = dom(toArticleHtml(en, { photoSrc, now: NOW }));
    expect(doc.documentElement.lang).toBe('en');
    const first = doc.querySelector('.article-body > p');
    expect(text(first).startsWith('PORT AVERY — The last passenger ferry')).toBe(true);
    expect(doc.querySelector('.article-body a')?.getAttribute('href')).toBe('https://example.org/notice?a=1&b=2');
    expect(text(doc.querySelector('.article-body')).includes(' & details <here>.')).toBe(true);
    expect(Array.from(doc.querySelectorAll('.article-body ol > li')).map(text)).toEqual(['Sprinklers on every deck', 'Flooding system']);
    expect(text(doc.querySelector('figure figcaption'))).toBe('Workers install battery racks on the car deck of the former ferry Lund Star. (Photo: Ines Okafor/Coastline Herald)');
  });

  it('does not open the body with the dateline when the byline template already printed it', () => {
    const doc = dom(toArticleHtml({ ...en, datelineInByline: true }, { photoSrc, now: NOW }));
    expect(text(doc.querySelector('.article-body > p')).startsWith('The last passenger ferry')).toBe(true);
    expect(doc.querySelector('.article-body .dateline')).toBeNull();
  });

  it('embeds NewsArticle JSON-LD that parses', () => {
    const doc = dom(toArticleHtml(ko, { photoSrc, now: NOW }));
    const scripts = doc.querySelectorAll('script');
    expect(scripts.length).toBe(1);
    expect(scripts[0].getAttribute('type')).toBe('application/ld+json');
    const ld = JSON.parse(scripts[0].textContent ?? '');
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(ko.headline);
    expect(ld.alternativeHeadline).toContain('2030년 전기차 폐배터리');
    expect(ld.author.map((p: { '@type': string; name: string }) => `${p['@type']}:${p.name}`)).toEqual(['Person:김하늘', 'Person:박도윤']);
    expect(ld.datePublished).toBe(NOW.toISOString());
    expect(ld.dateModified).toBe(NOW.toISOString());
    expect(ld.image.map((i: { url: string }) => i.url)).toEqual(['photos/photo-01.jpg', 'photos/photo-02.jpg']);
    expect(ld.keywords).toEqual(['배터리', '재활용', '도시광산']);
    expect(ld.inLanguage).toBe('ko');
    expect(ld.articleSection).toBe('테크인사이드');
    expect(ld.publisher).toEqual({ '@type': 'Organization', name: '한빛경제' });
  });

  it('shows corrections as a notice and dates the page modified at the last one', () => {
    const at = '2025-03-05T08:00:00.000Z';
    const doc = dom(toArticleHtml({ ...en, corrections: [{ at, by: 'desk', note: 'An earlier version misnamed the ferry.' }] }, { photoSrc, now: NOW }));
    const notice = doc.querySelector('section.corrections');
    expect(text(notice?.querySelector('h2'))).toBe('Correction');
    expect(text(notice?.querySelector('li'))).toContain('An earlier version misnamed the ferry.');
    const ld = JSON.parse(doc.querySelector('script')?.textContent ?? '');
    expect(ld.dateModified).toBe(at);
    expect(ld.correction[0].text).toBe('An earlier version misnamed the ferry.');
  });

  it('never shows editor’s notes, TKs or the note to the desk', () => {
    for (const a of [ko, en]) {
      const html = toArticleHtml(a, { photoSrc, now: NOW });
      for (const secret of [SECRET_NOTE, SECRET_DESK_NOTE, 'check with port', 'Desk: lawyer']) expect(html).not.toContain(secret);
      expect(text(dom(html).body)).not.toMatch(/\bTK\b|TK억원/);
    }
  });

  it('embeds font CSS only when given one, and refuses CSS that would close the style element', () => {
    const face = "@font-face { font-family: 'Noto Sans KR'; src: url(data:font/woff2;base64,AAAA) format('woff2'); }";
    expect(toArticleHtml(ko, { photoSrc, now: NOW })).not.toContain('@font-face');
    expect(dom(toArticleHtml(ko, { photoSrc, now: NOW, fontCss: face })).querySelector('style')?.textContent).toContain(face);
    expect(() => toArticleHtml(ko, { photoSrc, fontCss: '</style><script>alert(1)</script>' })).toThrow(expect.objectContaining({ code: 'exportFailed', params: { reason: 'renderFailed' } }));
  });

  it('lists every character the page shows, for picking font slices, and no notes', () => {
    const text = articlePageText({ ...ko, corrections: [{ at: '2025-03-05T08:00:00.000Z', by: 'desk', note: '수치를 바로잡았습니다' }] });
    for (const part of [ko.kicker, ko.headline, ...ko.deck, ko.bylineText, '[사진=김하늘 기자]', '회수율이 승부처', '니켈 회수율 95%', '입력', '바로잡습니다', '수치를 바로잡았습니다', '0123456789']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain(SECRET_NOTE);
    expect(text).not.toContain(SECRET_DESK_NOTE);
  });

  it('escapes hostile text and refuses javascript: links', () => {
    const attack = '</script><script>alert(1)</script>';
    const img = '<img src=x onerror=alert(1)>';
    const hostile: ExportArticle = {
      ...ko,
      headline: attack,
      kicker: '</style><b>k</b>',
      deck: [img],
      bylineText: `${attack} 김하늘`,
      tags: ['"><script>alert(2)</script>'],
      byline: { ...ko.byline, reporters: [{ name: '김하늘', role: '기자', email: '"><script>alert(3)</script>' }] },
      blocks: [
        { type: 'paragraph', inlines: [{ text: 'click', href: 'javascript:alert(1)' }, { text: ' and ' }, { text: 'this', href: 'JaVaScRiPt:alert(2)' }, { text: img }] },
        { type: 'figure', index: 0 },
      ],
      figures: [{ ...ko.figures[0], caption: img, alt: '" onerror="alert(1)', credit: attack }],
    };
    const html = toArticleHtml(hostile, { photoSrc, now: NOW });
    const doc = dom(html);
    const scripts = Array.from(doc.querySelectorAll('script'));
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
    const ld = JSON.parse(scripts[0].textContent ?? '');
    expect(ld.headline).toBe(attack);
    expect(ld.image[0].caption).toBe(img);
    expect(text(doc.querySelector('h1'))).toBe(attack);
    expect(text(doc.querySelector('figcaption'))).toContain(img);
    expect(doc.querySelectorAll('img').length).toBe(1);
    expect(doc.querySelector('img')?.getAttribute('onerror')).toBeNull();
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('" onerror="alert(1)');
    expect(doc.querySelectorAll('[onerror], b, style ~ style').length).toBe(0);
    expect(Array.from(doc.querySelectorAll('a')).map((a) => a.getAttribute('href')).filter((h) => !h?.startsWith('mailto:'))).toEqual([]);
    expect(html.toLowerCase()).not.toContain('href="javascript');
    expect(text(doc.querySelector('.article-body p'))).toContain('click and this');
  });
});
