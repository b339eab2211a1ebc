// The linear scanners in front of the parsers: they count what the parser would build (so real
// files pass) and stop early on hostile ones.
import { describe, expect, it } from 'vitest';
import { jsonDepth } from './jsonDepth';
import { markdownNesting } from './markdownNesting';
import { markdownInlineDepth } from './markdownInlineDepth';
import { markupDepth } from './markupDepth';

describe('markupDepth', () => {
  it('counts elements as the DOM nests them', () => {
    expect(markupDepth('<html><body><div><p>a <b>b</b></p></div></body></html>', true)).toBe(5);
    expect(markupDepth('<a><b><c/></b></a>', false)).toBe(2);
    expect(markupDepth('<blockquote>'.repeat(300), true)).toBe(300);
  });

  it('knows left-out end tags, void elements, raw text, comments and quoted attributes', () => {
    // 1,000 paragraphs, list items and cells without end tags are siblings, not 1,000 levels.
    expect(markupDepth('<div>' + '<p>text'.repeat(1000) + '</div>', true)).toBe(2);
    expect(markupDepth('<ul>' + '<li>item'.repeat(1000) + '</ul>', true)).toBe(2);
    expect(markupDepth('<table>' + '<tr><td>a<td>b'.repeat(500) + '</table>', true)).toBe(3);
    expect(markupDepth('<p>' + '<br><img src=x><hr>'.repeat(500), true)).toBe(1);
    expect(markupDepth(`<script>${'<div>'.repeat(1000)}</script><p>x</p>`, true)).toBe(1);
    expect(markupDepth(`<!-- ${'<div>'.repeat(1000)} --><p>x</p>`, true)).toBe(1);
    expect(markupDepth(`<div title="a > b ${'<div>'.repeat(10)}">x</div>`, true)).toBe(1);
    expect(markupDepth(`<x><![CDATA[${'<y>'.repeat(100)}]]></x>`, false)).toBe(1);
    expect(markupDepth('a < b and 3<4', true)).toBe(0);
  });

  it('stops as soon as it passes the limit', () => {
    const deep = '<div>'.repeat(1_000_000);
    const t = performance.now();
    expect(markupDepth(deep, true, 256)).toBe(257);
    expect(performance.now() - t).toBeLessThan(200);
  });
});

describe('jsonDepth', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{\\"]]]"}')).toBe(1);
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('"x"')).toBe(0);
  });

  it('stops past the limit', () => {
    expect(jsonDepth('['.repeat(100_000), 256)).toBe(257);
  });
});

describe('markdownNesting', () => {
  it('counts list indentation, quote markers and markers on one line', () => {
    expect(markdownNesting('# Title\n\nplain text\n').depth).toBe(0);
    expect(markdownNesting('- a\n  - b\n    - c\n').depth).toBe(3);
    expect(markdownNesting('> a\n>> b\n> > > c\n').depth).toBe(3);
    expect(markdownNesting('- - - - x\n').depth).toBe(4);
    expect(markdownNesting('1. a\n   1) b\n').depth).toBe(2);
  });

  it('counts a lazy continuation as deep as its line and fenced code as deep as its fence', () => {
    expect(markdownNesting('>>>>>>>>>> deep\nlazy line\n').work).toBe(10 * 'lazy line'.length + 10 * '>>>>>>>>>> deep'.length);
    const fenced = '```\n' + '        indented code\n'.repeat(10) + '```\n';
    expect(markdownNesting(fenced).depth).toBe(0);
  });

  it('weighs text by how deep it sits', () => {
    const flat = 'word '.repeat(1000);
    const deep = '>'.repeat(50) + ' ' + flat;
    expect(markdownNesting(deep).work).toBeGreaterThan(50 * flat.length);
    expect(markdownNesting(flat).work).toBe(0);
  });
});

describe('markdownInlineDepth', () => {
  it('counts emphasis that nests, not emphasis side by side, list markers or arithmetic', () => {
    expect(markdownInlineDepth('*a* **b** _c_ ~~d~~ '.repeat(1000))).toBe(1);
    expect(markdownInlineDepth('*a _b **c** b_ a*')).toBe(3);
    expect(markdownInlineDepth('- item\n* item\n2*3*4 and snake_case_name')).toBe(0);
    expect(markdownInlineDepth('*a _b '.repeat(2500) + 'x' + ' b_ a*'.repeat(2500), 256)).toBe(257);
  });

  it('starts again at each paragraph', () => {
    expect(markdownInlineDepth('*a '.repeat(100) + '\n\n' + '*b '.repeat(100))).toBe(100);
  });
});
