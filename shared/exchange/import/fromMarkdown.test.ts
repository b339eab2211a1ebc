import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { openSampleLibrary, type SampleLibrary } from '../../../core/exchange/testing/sampleArticles';
import { contentOf, type Article, type DocNode } from '../../model/article';
import { toImportSummary, type ImportSummary } from '../importSummary';
import { toMarkdown } from '../export/toMarkdown';
import { fromMarkdown, readMarkdown } from './fromMarkdown';
import { refusal as failure } from '../testing/refusal';

/** Every link target in a body. */
function hrefs(node: DocNode): string[] {
  const own = (node.marks ?? []).filter((m) => m.type === 'link').map((m) => String(m.attrs?.href));
  return [...own, ...(node.content ?? []).flatMap(hrefs)];
}

const withoutPhotoIds = (s: ImportSummary) => ({ ...s, body: s.body?.map((b) => (b.type === 'figure' ? { ...b, photoId: undefined } : b)) });

describe('fromMarkdown round trip', () => {
  let lib: SampleLibrary;
  beforeAll(async () => {
    lib = await openSampleLibrary();
  });
  afterAll(() => lib.cleanup());

  it('gives back the same summary (caption, credit and alt included) for both samples', async () => {
    for (const article of [lib.ko, lib.en] as Article[]) {
      const md = toMarkdown(await lib.exportOf(article), { photoHref: (p) => `photos/${p.fileName}` });
      const read = readMarkdown(md, 'article.md');
      expect(withoutPhotoIds(toImportSummary(read.article.content))).toEqual(withoutPhotoIds(toImportSummary(contentOf(article))));
      expect(read.figureSources).toEqual(['photos/photo-01.jpg', 'photos/photo-02.jpg']);
      expect(read.article.content.byline.reporters.map((r) => r.role)).toEqual(article.byline.reporters.map((r) => r.role));
      expect(read.article.format).toBe('markdown');
    }
  });

  it('keeps bold, italic, links, quotes and lists as structure, not just text', async () => {
    const back = fromMarkdown(toMarkdown(await lib.exportOf(lib.ko), { photoHref: (p) => `photos/${p.fileName}` }), 'ko.md').content.body;
    const types = back.content.map((n) => n.type);
    expect(types).toEqual(['paragraph', 'paragraph', 'figure', 'heading', 'paragraph', 'blockquote', 'bulletList', 'figure', 'paragraph']);
    const runs = JSON.stringify(back.content.flatMap((n) => n.content ?? []).map((r) => [r.text, r.marks?.map((m) => m.type)]));
    expect(runs).toContain('["리튬과 니켈",["bold"]]');
    expect(runs).toContain('["“배터리 여권”",["italic"]]');
    expect(hrefs(back)).toEqual(['https://www.me.go.kr/']);
  });
});

describe('fromMarkdown on Markdown from elsewhere', () => {
  it('reads common front matter (title, authors, comma tags, lang) and drops the repeated title', () => {
    const md = [
      '---',
      'title: "Port: a new start"',
      'authors:',
      '  - Jane Roe',
      '  - name: Sam Poe',
      '    email: sam@example.org',
      'tags: energy, ports',
      'lang: en-GB',
      'date: 2024-05-01',
      '---',
      '# Port: a new start',
      '',
      'First *para* with __bold__.',
      '',
      '### Smaller heading',
      '',
      '* one',
      '* two',
      '',
      '![Crane at dawn](https://img.example.org/c.jpg)',
      '*The crane at dawn. (Photo: Jane Roe)*',
    ].join('\n');
    const read = readMarkdown(md, 'x.md');
    const s = toImportSummary(read.article.content);
    expect(s).toEqual({
      language: 'en',
      headline: 'Port: a new start',
      byline: { reporters: [{ name: 'Jane Roe' }, { name: 'Sam Poe', email: 'sam@example.org' }] },
      tags: ['energy', 'ports'],
      body: [
        { type: 'paragraph', text: 'First para with bold.' },
        { type: 'heading', text: 'Smaller heading' },
        { type: 'paragraph', text: 'one' },
        { type: 'paragraph', text: 'two' },
        { type: 'figure', caption: 'The crane at dawn.', credit: 'Jane Roe', alt: 'Crane at dawn' },
      ],
    });
    expect(read.figureSources).toEqual(['https://img.example.org/c.jpg']);
    expect(read.article.warnings).toEqual([{ key: 'import.photosNotFetched', values: { count: '1' } }]);
  });

  it('takes the first # heading as headline when there is no front matter, and detects Korean', () => {
    const s = toImportSummary(fromMarkdown('# 항만 도시, 폐선을 배터리로\n\n첫 문단이다.\n\n# 두 번째 큰 제목\n\n끝.', 'k.md').content);
    expect(s).toEqual({
      language: 'ko',
      headline: '항만 도시, 폐선을 배터리로',
      body: [
        { type: 'paragraph', text: '첫 문단이다.' },
        { type: 'heading', text: '두 번째 큰 제목' },
        { type: 'paragraph', text: '끝.' },
      ],
    });
  });
});

describe('fromMarkdown refuses or neutralises hostile input', () => {
  it('never turns raw HTML or javascript: links into script or a live link', () => {
    const md = [
      '# Safe headline',
      '',
      '<script>alert("block")</script>',
      '',
      '<div onclick="evil()"><p>Kept text <a href="javascript:alert(2)">bad link</a></p><script>alert(3)</script></div>',
      '',
      'Inline <script>alert(4)</script> and [click](javascript:alert(5)) and [upper](JAVASCRIPT:alert(6)) and <javascript:alert(7)>.',
      '',
      '[ref link][r] and [ok](https://example.org/) and [mail](mailto:desk@example.org)',
      '',
      '[r]: javascript:alert(8)',
      '',
      '<img src="x" onerror="alert(9)">',
      '',
      '![pic](javascript:alert(10) "A caption")',
    ].join('\n');
    const read = readMarkdown(md, 'evil.md');
    const json = JSON.stringify(read.article.content);
    // Only the visible text of the autolink <javascript:alert(7)> is left, as plain text.
    expect(json.replace('javascript:alert(7)', '')).not.toMatch(/javascript|alert|onclick|onerror|evil|<script|<div|<img/i);
    expect(hrefs(read.article.content.body)).toEqual(['https://example.org/', 'mailto:desk@example.org']);
    const s = toImportSummary(read.article.content);
    expect(s.body?.map((b) => (b.type === 'figure' ? `figure:${b.caption ?? ''}` : b.text))).toEqual([
      'Kept text bad link',
      'Inline and click and upper and javascript:alert(7).',
      'ref link and ok and mail',
      'figure:',
      'figure:A caption',
    ]);
    expect(read.figureSources).toEqual(['x', '']);
  });

  it('calls binary garbage, an empty file and front matter without text "empty"', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 37) % 256));
    // Random bytes decoded as UTF-8: replacement and control characters, no NUL.
    const decoded = new TextDecoder().decode(Uint8Array.from({ length: 400 }, (_, i) => 1 + ((i * 97 + 13) % 255)));
    expect(decoded).not.toContain('\u0000');
    for (const text of [garbage, decoded, '', '   \n\n ', '\u0000\u0001PK\u0003\u0004', '---\ntags: [a]\n---\n\n']) {
      const err = failure(() => fromMarkdown(text, 'g.md'));
      expect(err.code).toBe('importFailed');
      expect(err.params).toEqual({ reason: 'empty', file: 'g.md' });
    }
  });

  it('calls broken front matter malformed', () => {
    expect(failure(() => fromMarkdown('---\ntitle: [unclosed\n---\n\nText', 'b.md')).params).toEqual({ reason: 'malformed', file: 'b.md' });
  });
});
