// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { cleanPastedHtml, pastedImages } from './pasteCleaning';
import { DATA_IMAGE, GOOGLE_DOCS, HWP, WEB_PAGE, WORD } from './testing/clipboardSamples';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;
const tags = (html: string) => new Set(Array.from(parse(html).querySelectorAll('*')).map((e) => e.localName));
const texts = (html: string, selector: string) => Array.from(parse(html).querySelectorAll(selector)).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

/** Nothing of the source's furniture may survive, whatever the source. */
function expectNoCruft(clean: string) {
  expect(clean).not.toMatch(/style=|class=|<span|<font|<o:p|<!--|mso-|<script|on\w+=|<iframe|<meta|<style|<table|<div/i);
  for (const tag of tags(clean)) expect(['p', 'h2', 'blockquote', 'ul', 'ol', 'li', 'figure', 'figcaption', 'img', 'strong', 'em', 'a', 'br']).toContain(tag);
}

describe('cleanPastedHtml', () => {
  it('Word: keeps the heading, bold, italic, link and rebuilds the mso- paragraph lists; drops o:p spacers and conditional comments', () => {
    const clean = cleanPastedHtml(WORD);
    expectNoCruft(clean);
    expect(texts(clean, 'h2')).toEqual(['Port Avery 항만 자동화']);
    expect(texts(clean, 'strong')).toEqual(['굵은 글씨']);
    expect(texts(clean, 'em')).toEqual(['기울임']);
    expect(parse(clean).querySelector('a')?.getAttribute('href')).toBe('https://example.com/report');
    // The bulleted list nests its level-2 item; the numbered one becomes an <ol>; bullets glyphs are gone.
    const ul = parse(clean).querySelector('ul')!;
    expect(Array.from(ul.children).map((li) => li.firstChild?.textContent?.trim())).toEqual(['첫째 항목', '둘째 항목']);
    expect(ul.querySelector('li > ul > li')?.textContent?.trim()).toBe('하위 항목');
    expect(texts(clean, 'ol > li')).toEqual(['하나', '둘']);
    expect(clean).not.toMatch(/[·§]|1\.\s/);
    // The &nbsp; spacer paragraphs are dropped, not kept as empty lines.
    expect(Array.from(parse(clean).querySelectorAll('p')).every((p) => p.textContent!.trim() !== '')).toBe(true);
  });

  it('Google Docs: the docs-internal-guid <b> is not bold; font-weight:700 and font-style:italic spans are', () => {
    const clean = cleanPastedHtml(GOOGLE_DOCS);
    expectNoCruft(clean);
    expect(texts(clean, 'strong')).toEqual(['굵게']);
    expect(texts(clean, 'em')).toEqual(['기울임']);
    expect(parse(clean).querySelector('h2 strong, li strong')).toBeNull();
    expect(texts(clean, 'h2')).toEqual(['중간제목']);
    expect(texts(clean, 'ul > li')).toEqual(['항목 하나', '항목 둘']);
    // Docs' redirector is taken off: the story links to the page itself.
    expect(parse(clean).querySelector('a')?.getAttribute('href')).toBe('https://example.org/');
  });

  it('HWP: quoted style values still decide bold/italic; table cells become paragraphs; the nbsp line goes', () => {
    const clean = cleanPastedHtml(HWP);
    expectNoCruft(clean);
    expect(texts(clean, 'strong')).toEqual(['굵은 첫 줄']);
    expect(texts(clean, 'em')).toEqual(['기울인 말']);
    expect(texts(clean, 'p')).toEqual(['굵은 첫 줄', '본문 첫 문단입니다. 기울인 말로 끝납니다.', '표 안의 글']);
    expect(clean).not.toContain('한컴바탕');
  });

  it('web page: scripts, handlers, iframes, forms, hidden text, tracking pixels and javascript: links are gone; content stays', () => {
    const clean = cleanPastedHtml(WEB_PAGE);
    expectNoCruft(clean);
    expect(clean).not.toMatch(/alert|javascript:|pixel\.example|ads\.example|Subscribe|hidden seo|srcset|target=|svg/i);
    expect(texts(clean, 'h2')).toEqual(['Port Avery votes to automate']);
    // The javascript: link keeps its text without the link.
    expect(texts(clean, 'p')[0]).toBe('By Dana Whitfield · full story');
    expect(Array.from(parse(clean).querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['https://example.com/full']);
    expect(parse(clean).querySelector('figure img')?.getAttribute('src')).toBe('https://cdn.example.com/cranes.jpg');
    expect(texts(clean, 'figcaption')).toEqual(['Cranes at dawn (Photo: Dana Whitfield)']);
    expect(texts(clean, 'blockquote p')).toEqual(['“We did it,” she said.']);
    expect(texts(clean, 'ol > li')).toEqual(['First point', 'Second point']);
  });

  it('keeps the editor’s own figures (data-photo-id, credit, alt) so copy and paste inside the body keeps the photo', () => {
    const id = 'a'.repeat(64);
    const clean = cleanPastedHtml(`<figure data-photo-id="${id}" data-credit="연합뉴스" data-alt="항구" class="figure" onclick="x()"><img src="/media/${id}"><figcaption class="figure__caption">크레인</figcaption></figure><p data-photo-id="${id}">text</p>`);
    const figure = parse(clean).querySelector('figure')!;
    expect([figure.getAttribute('data-photo-id'), figure.getAttribute('data-credit'), figure.getAttribute('data-alt')]).toEqual([id, '연합뉴스', '항구']);
    expect(parse(clean).querySelector('p')?.hasAttribute('data-photo-id')).toBe(false);
  });

  it('refuses (pastes nothing) above the size limit', () => {
    expect(cleanPastedHtml(`<p>${'가'.repeat(21 * 1024 * 1024)}</p>`)).toBe('');
  });

  it('still yields the text of malformed HTML', () => {
    const clean = cleanPastedHtml('<p>unclosed <b>bold <i>both</p><td>cell<div>tail</span></li></table>');
    expect(parse(clean).textContent).toContain('unclosed bold both');
    expect(parse(clean).textContent).toContain('cell');
    expect(parse(clean).textContent).toContain('tail');
    expect(texts(clean, 'strong')[0]).toContain('bold');
  });
});

describe('pastedImages', () => {
  it('lists the clipboard-only images (data: and blob:), not web images or tracking pixels', () => {
    expect(pastedImages(WEB_PAGE)).toEqual([DATA_IMAGE, 'blob:https://example.com/6f1c3b1e-0c1a-4f5e-9b1a-3c2d1e0f9a8b']);
  });

  it('ignores tiny data: placeholders and non-image data: URIs', () => {
    expect(pastedImages('<p><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"><img src="data:text/html;base64,PHNjcmlwdD4="></p>')).toEqual([]);
  });
});

describe('isOwnCopy', () => {
  it('recognises a copy from our own editor only by its first element', async () => {
    const { isOwnCopy } = await import('./pasteCleaning');
    expect(isOwnCopy('<meta charset="utf-8"><p data-pm-slice="1 1 []">본문 <span data-editor-note="">메모</span></p>')).toBe(true);
    expect(isOwnCopy('<html><body><!--StartFragment--><p data-pm-slice="0 0 []">x</p></body></html>')).toBe(true);
    expect(isOwnCopy('<p style="color:red">page</p><p data-pm-slice="1 1 []">hidden marker</p>')).toBe(false);
    expect(isOwnCopy('<p class="MsoNormal">Word</p>')).toBe(false);
  });
});

