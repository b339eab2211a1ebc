import { describe, it, expect } from 'vitest';
import { refusalReason } from '../../../shared/exchange/testing/refusal';
import { htmlToBody } from './htmlToBody';
import { BodySchema, type DocNode } from '../../../shared/model/article';
import { toImportSummary } from '../../../shared/exchange/importSummary';
import { emptyContent } from '../../../shared/model/article';

const summary = (html: string) => toImportSummary({ ...emptyContent('ko'), body: htmlToBody(html).body }).body;
const types = (nodes: DocNode[] = []): string[] => nodes.map((n) => n.type);

describe('htmlToBody', () => {
  it('builds our node and mark names exactly', () => {
    const { body } = htmlToBody('<h1>제목</h1><p><b>굵게</b> <i>기울임</i> <a href="https://example.com">링크</a><br>다음 줄</p><blockquote><p>인용</p></blockquote>');
    expect(BodySchema.safeParse(body).success).toBe(true);
    expect(body.content[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '제목' }] });
    expect(body.content[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '굵게', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' ' },
        { type: 'text', text: '기울임', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' ' },
        { type: 'text', text: '링크', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: '다음 줄' },
      ],
    });
    expect(body.content[2]).toEqual({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '인용' }] }] });
  });

  it('wraps loose text in paragraphs, splits on double line breaks and drops empty paragraphs', () => {
    expect(summary('loose text<p> </p><p>&nbsp;</p><div>one<br><br>two</div><p><br></p>')).toEqual([
      { type: 'paragraph', text: 'loose text' },
      { type: 'paragraph', text: 'one' },
      { type: 'paragraph', text: 'two' },
    ]);
  });

  it('collapses whitespace across marks the way a browser shows it', () => {
    const { body } = htmlToBody('<p>\n  a  <b> b </b>  c\n</p>');
    expect(body.content[0].content).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'text', text: 'b ', marks: [{ type: 'bold' }] },
      { type: 'text', text: 'c' },
    ]);
  });

  it('keeps nested lists and gives every list item a leading paragraph', () => {
    const { body } = htmlToBody('<ul><li>a<ul><li>a1</li></ul></li><li><ol><li>b1</li></ol></li></ul><ol><li>one</li></ol>');
    const [ul, ol] = body.content;
    expect(types([ul, ol])).toEqual(['bulletList', 'orderedList']);
    expect(types(ul.content![0].content)).toEqual(['paragraph', 'bulletList']);
    expect(types(ul.content![1].content)).toEqual(['paragraph', 'orderedList']);
    expect(ul.content![0].content![1].content![0].type).toBe('listItem');
  });

  it('turns images into figures with caption, credit and alt; photoIds come from resolveImage', () => {
    const id = 'b'.repeat(64);
    const { body, images } = htmlToBody(
      '<figure><img src="cid:1" alt="항구 크레인"><figcaption>부산항의 크레인 [사진=연합뉴스]</figcaption></figure><p>본문 <img src="https://x.example/a.jpg" alt="(Credit: Nasa)"> 계속</p>',
      { resolveImage: (src) => (src === 'cid:1' ? id : '') },
    );
    expect(body.content[0]).toEqual({
      type: 'figure',
      attrs: { photoId: id, credit: '연합뉴스', alt: '항구 크레인', fromFile: { caption: '', credit: '', alt: '' } },
      content: [{ type: 'figureCaption', content: [{ type: 'text', text: '부산항의 크레인' }] }],
    });
    expect(types(body.content)).toEqual(['figure', 'paragraph', 'figure', 'paragraph']);
    expect(images).toEqual([
      { src: 'cid:1', alt: '항구 크레인', caption: '부산항의 크레인', credit: '연합뉴스' },
      { src: 'https://x.example/a.jpg', alt: '', caption: '', credit: 'Nasa' },
    ]);
  });

  it('lifts figures out of quotes and lists to the top level, after the block', () => {
    const { body } = htmlToBody('<blockquote><p>q</p><img src="https://x.example/a.jpg"></blockquote><ul><li>i<img src="https://x.example/b.jpg"></li></ul>');
    expect(types(body.content)).toEqual(['blockquote', 'figure', 'bulletList', 'figure']);
    expect(JSON.stringify(body.content[0])).not.toContain('figure');
  });

  it('a caption line after a photo (图注：/사진설명:) becomes its caption', () => {
    expect(summary('<p><img src="https://x.example/a.jpg"></p><p>사진설명: 부두의 아침 (사진=김하늘 기자)</p><p>본문</p>')).toEqual([
      { type: 'figure', caption: '부두의 아침', credit: '김하늘 기자' },
      { type: 'paragraph', text: '본문' },
    ]);
  });

  it('captions keep no bold and no line breaks (the schema allows only text, italic and links there)', () => {
    const { body } = htmlToBody('<figure><img src="https://x.example/a.jpg"><figcaption><b>굵은</b> 캡션<br>둘째 줄</figcaption></figure>');
    expect(body.content[0].content).toEqual([{ type: 'figureCaption', content: [{ type: 'text', text: '굵은 캡션 둘째 줄' }] }]);
  });

  it('malformed HTML still yields its text; hostile parts do not', () => {
    expect(summary('<p>첫 <b>문단<p>둘째 <i>문단</td></tr><li>항목<script>alert(1)</script><div><span>끝')).toEqual([
      { type: 'paragraph', text: '첫 문단' },
      { type: 'paragraph', text: '둘째 문단' },
      { type: 'paragraph', text: '항목' },
      { type: 'paragraph', text: '끝' },
    ]);
  });

  it('deep inline nesting within the markup limit is read as one run; past it the HTML is refused before DOMPurify walks it', async () => {
    const nested = (n: number) => '<b><span>'.repeat(n) + '깊은 글' + '</span></b>'.repeat(n);
    const { body } = htmlToBody(`<p>${nested(120)}</p>`);
    expect(body.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: '깊은 글', marks: [{ type: 'bold' }] }] }]);
    expect(await refusalReason(() => htmlToBody(`<p>${nested(500)}</p>`, { file: 'deep.html' }))).toBe('tooDeep');
  });

  it('an empty or all-furniture document is one empty paragraph (callers refuse it as empty)', () => {
    expect(htmlToBody('<script>x</script><style>p{}</style><!-- c -->').body).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('a "Photo: …" or "… (사진=…)" line right after a photo is its caption and credit, not a paragraph (issue 20)', () => {
    expect(summary('<figure><img src="https://img.example/a.jpg"></figure><p>Photo: Tam Oduya/Ledger</p><p>The story goes on.</p>')).toEqual([
      { type: 'figure', credit: 'Tam Oduya/Ledger' },
      { type: 'paragraph', text: 'The story goes on.' },
    ]);
    expect(summary('<figure><img src="https://img.example/b.jpg"></figure><p>부두의 전력 공급 장치. (사진=새벽일보 DB)</p><p>기사는 이어진다.</p>')).toEqual([
      { type: 'figure', caption: '부두의 전력 공급 장치.', credit: '새벽일보 DB' },
      { type: 'paragraph', text: '기사는 이어진다.' },
    ]);
    // Not after a photo: the same line is the story's.
    expect(summary('<p>Intro.</p><p>Photo: Tam Oduya/Ledger</p>')).toEqual([
      { type: 'paragraph', text: 'Intro.' },
      { type: 'paragraph', text: 'Photo: Tam Oduya/Ledger' },
    ]);
  });

  it('a figure with no picture and no words (a lazy-load stand-in) is not created; one with words is (issue 20)', () => {
    const spacer = 'https://static.riverside.example/img/spacer.gif';
    expect(summary(`<figure><img src="${spacer}"></figure><p>Text.</p><p><img src="${spacer}"></p>`)).toEqual([{ type: 'paragraph', text: 'Text.' }]);
    expect(summary(`<figure><img src="${spacer}"><figcaption>Gates at dawn</figcaption></figure>`)).toEqual([{ type: 'figure', caption: 'Gates at dawn' }]);
    expect(summary('<figure><img src="https://img.riverside.example/gates.jpg"></figure>')).toEqual([{ type: 'figure' }]);
  });
});
