import { describe, expect, it } from 'vitest';
import { BodySchema, type DocNode } from '../model/article';
import { MAX_BODY_DEPTH, MAX_BODY_NODES, MAX_BODY_TEXT } from './bodySchema';
import { bodyDepth, bodyShape } from './bodyDepth';
import { normaliseBody } from './normaliseBody';

const ID = 'a'.repeat(64);
const text = (t: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: DocNode[]): DocNode => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });
const doc = (...content: DocNode[]) => ({ type: 'doc' as const, content });

/** Every node type and mark in one body, as the editor writes it. */
const editorBody = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('중간제목')] },
  p(
    text('링크', [{ type: 'link', attrs: { href: 'https://example.com/a', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } }, { type: 'bold' }]),
    text(' 보통 '),
    text('메모', [{ type: 'italic' }, { type: 'editorNote' }]),
    { type: 'hardBreak' },
    text('끝'),
  ),
  { type: 'blockquote', content: [p(text('인용'))] },
  {
    type: 'orderedList',
    attrs: { start: 3, type: null },
    content: [{ type: 'listItem', content: [p(text('하나')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('안쪽'))] }] }] }],
  },
  {
    type: 'figure',
    attrs: { photoId: ID, credit: '홍길동 기자', alt: '밭', fromFile: { caption: '', credit: '', alt: '' } },
    content: [{ type: 'figureCaption', content: [text('양파를 '), text('심는', [{ type: 'italic' }])] }],
  },
  p(),
);

function nest(levels: number, wrapper: (inner: DocNode) => DocNode, inner: DocNode = p(text('바닥'))): DocNode {
  let node = inner;
  for (let i = 0; i < levels; i++) node = wrapper(node);
  return node;
}
const quote = (inner: DocNode): DocNode => ({ type: 'blockquote', content: [inner] });

function allTypes(body: unknown): Set<string> {
  const seen = new Set<string>();
  const stack = [body as DocNode];
  while (stack.length) {
    const n = stack.pop()!;
    seen.add(n.type);
    for (const m of n.marks ?? []) seen.add(`mark:${m.type}`);
    stack.push(...(n.content ?? []));
  }
  return seen;
}
function textOf(body: unknown): string {
  let out = '';
  const walk = (n: DocNode) => {
    if (n.text) out += n.text;
    (n.content ?? []).forEach(walk);
  };
  walk(body as DocNode);
  return out;
}

describe('normaliseBody', () => {
  it('leaves a body the editor wrote exactly as it is', () => {
    const { body, changed } = normaliseBody(editorBody);
    expect(body).toEqual(editorBody);
    expect(changed).toBe(false);
  });

  it('drops script nodes, javascript: links, unknown marks and attributes, keeping the text', () => {
    const crafted = {
      type: 'doc',
      content: [
        { type: 'script', content: [text('alert(1)')] },
        p(
          text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
          text(' data', [{ type: 'link', attrs: { href: 'data:text/html,<b>' } }, { type: 'highlight' }]),
          text(' ok', [{ type: 'link', attrs: { href: 'https://ok.example', onclick: 'x()', class: 'editor-note' } }]),
        ),
        { type: 'paragraph', attrs: { style: 'display:none' }, content: [{ type: 'iframe', attrs: { src: 'https://evil' }, content: [text(' inner')] }] },
        { type: 'figure', attrs: { photoId: '../../etc/passwd', credit: 5, alt: 'a' }, content: [{ type: 'figureCaption' }] },
      ],
    };
    const { body, changed } = normaliseBody(crafted);
    expect(changed).toBe(true);
    expect([...allTypes(body)].sort()).toEqual(['doc', 'figure', 'figureCaption', 'mark:link', 'paragraph', 'text']);
    expect(JSON.stringify(body)).not.toMatch(/javascript:|data:|onclick|editor-note|style|passwd|iframe|script/);
    expect(textOf(body)).toBe('alert(1)click data ok inner');
    expect(body.content[1].content![1]).toEqual(text(' ok', [{ type: 'link', attrs: { href: 'https://ok.example' } }]));
    expect(body.content[3].attrs).toEqual({ alt: 'a' });
  });

  it('cuts an absurdly long credit or alt text instead of dropping it', () => {
    const credit = '사'.repeat(20_000);
    const { body, changed } = normaliseBody(doc({ type: 'figure', attrs: { photoId: ID, credit, alt: 'a', fromFile: { caption: '', credit, alt: '' } }, content: [{ type: 'figureCaption' }] }));
    expect(changed).toBe(true);
    expect(body.content[0].attrs).toEqual({ photoId: ID, credit: credit.slice(0, 10_000), alt: 'a', fromFile: { caption: '', credit: credit.slice(0, 10_000), alt: '' } });
  });

  it('rewraps children the schema forbids', () => {
    const { body } = normaliseBody({
      type: 'doc',
      content: [
        text('loose'),
        { type: 'bulletList', content: [p(text('not an item')), { type: 'listItem', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('x'))] }] }] }] },
        { type: 'blockquote', content: [] },
        { type: 'figure', attrs: { photoId: ID } },
        { type: 'figure', content: [{ type: 'figureCaption', content: [text('a'), { type: 'hardBreak' }, text('b', [{ type: 'bold' }])] }] },
        p(text('a'), { type: 'blockquote', content: [p(text('b'))] }, text('', [{ type: 'bold' }])),
        { type: 'listItem', content: [p(text('stray item'))] },
        { type: 'orderedList', content: [] },
        { type: 'heading', attrs: { level: 1 }, content: [text('h')] },
      ],
    });
    expect(body.content).toEqual([
      p(text('loose')),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(text('not an item'))] },
          { type: 'listItem', content: [p(), { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('x'))] }] }] },
        ],
      },
      { type: 'blockquote', content: [p()] },
      { type: 'figure', attrs: { photoId: ID }, content: [{ type: 'figureCaption' }] },
      { type: 'figure', content: [{ type: 'figureCaption', content: [text('a b')] }] },
      p(text('ab')),
      p(text('stray item')),
      { type: 'heading', attrs: { level: 2 }, content: [text('h')] },
    ]);
    expect(BodySchema.safeParse(body).success).toBe(true);
  });

  it('turns anything that is not a body into an empty one', () => {
    for (const raw of [null, 42, 'doc', [], { type: 'doc' }, { type: 'doc', content: 'x' }, { type: 'doc', content: [null, 1, 'a'] }]) {
      expect(normaliseBody(raw).body).toEqual(doc(p()));
    }
  });

  it('flattens quotes nested past the limit to exactly the limit, keeping every paragraph', () => {
    const deep = doc(nest(995, (inner) => ({ type: 'blockquote', content: [p(text('·')), inner] })));
    const { body, changed } = normaliseBody(deep);
    expect(changed).toBe(true);
    expect(bodyDepth(body)).toBe(MAX_BODY_DEPTH);
    expect(textOf(body)).toBe('·'.repeat(995) + '바닥');
    expect(BodySchema.safeParse(body).success).toBe(true);
  });

  it('flattens lists nested past the limit, keeping every item', () => {
    const deep = doc(nest(200, (inner) => ({ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('·')), inner] }] })));
    const { body } = normaliseBody(deep);
    expect(bodyDepth(body)).toBeLessThanOrEqual(MAX_BODY_DEPTH);
    expect(textOf(body)).toBe('·'.repeat(200) + '바닥');
  });

  it('never overflows the stack: 100,000 levels of quotes, unknown wrappers and inline wrappers', () => {
    for (const wrap of [quote, (inner: DocNode): DocNode => ({ type: 'div', content: [inner] })]) {
      const { body } = normaliseBody(doc(nest(100_000, wrap)));
      expect(bodyDepth(body)).toBeLessThanOrEqual(MAX_BODY_DEPTH);
      expect(textOf(body)).toBe('바닥');
    }
    const inline = normaliseBody(doc(p(nest(100_000, (inner) => ({ type: 'span', content: [inner] }), text('안'))))).body;
    expect(inline).toEqual(doc(p(text('안'))));
    expect(bodyShape(doc(nest(100_000, quote))).depth).toBe(100_001);
  });

  it('stops a body at its node and text budget', () => {
    const many = normaliseBody({ type: 'doc', content: Array.from({ length: MAX_BODY_NODES }, () => p(text('x'))) });
    expect(many.changed).toBe(true);
    expect(bodyShape(many.body).nodes).toBeLessThanOrEqual(MAX_BODY_NODES + 1);
    const long = normaliseBody(doc(p(text('가'.repeat(MAX_BODY_TEXT + 10))), p(text('after'))));
    expect(long.changed).toBe(true);
    expect(textOf(long.body).length).toBe(MAX_BODY_TEXT);
  });

  it('is idempotent', () => {
    const once = normaliseBody(doc(nest(50, quote), text('x'), { type: 'bulletList', content: [p(text('y'))] })).body;
    const twice = normaliseBody(once);
    expect(twice.body).toEqual(once);
    expect(twice.changed).toBe(false);
  });
});

describe('BodySchema', () => {
  it('refuses absurdly deep or huge bodies before recursing (no stack overflow)', () => {
    expect(BodySchema.safeParse(doc(nest(100_000, quote))).success).toBe(false);
    expect(BodySchema.safeParse(doc(nest(100, quote))).success).toBe(true);
    expect(BodySchema.safeParse({ type: 'doc', content: Array.from({ length: 200_001 }, () => p()) }).success).toBe(false);
  });
});
