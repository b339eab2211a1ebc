import { describe, it, expect } from 'vitest';
import { bodyFromBlocks } from './bodyFromBlocks';
import { simpleHtmlBlocks } from './simpleHtmlBlocks';

describe('simpleHtmlBlocks + bodyFromBlocks', () => {
  it('keeps paragraphs, headings, quotes, nested lists and marks; decodes entities; collapses spaces', () => {
    const { blocks, figures } = simpleHtmlBlocks(
      '<h1>Title</h1><p>A &amp; B <b>bold</b> <i>it</i>  <a href="https://x.org/?a=1&amp;b=2">link</a><br>next</p>' +
        '<blockquote><p>Quote</p></blockquote><ul><li>one<li>two<ol><li>inner</li></ol></li></ul><h3>Sub</h3>',
    );
    expect(figures).toEqual([]);
    const body = bodyFromBlocks(blocks, figures);
    expect(body.content.map((n) => n.type)).toEqual(['heading', 'paragraph', 'blockquote', 'bulletList', 'heading']);
    expect(body.content[1].content).toEqual([
      { type: 'text', text: 'A & B ' },
      { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'it', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://x.org/?a=1&b=2' } }] },
      { type: 'hardBreak' },
      { type: 'text', text: 'next' },
    ]);
    const list = body.content[3];
    expect(list.content).toHaveLength(2);
    expect(list.content?.[1].content?.map((n) => n.type)).toEqual(['paragraph', 'orderedList']);
  });

  it('lifts a figure out of a quote to the top level, after it, with caption and credit', () => {
    const { blocks, figures } = simpleHtmlBlocks('<blockquote><p>Q</p><figure><img src="a.jpg" alt="Alt"><span class="credit">Jo/AP</span><figcaption>Cap</figcaption></figure></blockquote><p>After</p>');
    expect(figures).toEqual([{ caption: 'Cap', alt: 'Alt', credit: 'Jo/AP', src: 'a.jpg', refs: [] }]);
    const body = bodyFromBlocks(blocks, [{ caption: 'Cap', credit: 'Jo/AP', alt: 'Alt' }]);
    expect(body.content.map((n) => n.type)).toEqual(['blockquote', 'figure', 'paragraph']);
    expect(body.content[1].attrs).toMatchObject({ photoId: '', credit: 'Jo/AP', alt: 'Alt' });
  });

  it('drops script, style and head content and unsafe links, and survives unclosed tags', () => {
    const { blocks } = simpleHtmlBlocks('<head><title>T</title></head><p>ok <a href="vbscript:x">v</a><script>bad()</script><style>.x{}</style><p>unclosed <b>bold');
    const json = JSON.stringify(bodyFromBlocks(blocks, []));
    expect(json).not.toMatch(/bad\(\)|vbscript|\.x\{|"T"/);
    expect(json).toContain('"text":"unclosed "');
    expect(json).toContain('{"type":"text","text":"bold","marks":[{"type":"bold"}]}');
  });
});
