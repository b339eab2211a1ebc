// @vitest-environment jsdom
// The core's body schema (shared/body) and the editor's TipTap schema are one schema: the same
// nodes, content, marks and attributes. And what the normaliser lets through always loads in the
// editor, while what the editor writes passes the normaliser untouched.
import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { bodyExtensions } from './extensions';
import { BODY_MARKS, BODY_NODES, MARK_ORDER, MAX_BODY_DEPTH, isNodeName, type NodeSpec } from '../../../shared/body/bodySchema';
import { normaliseBody } from '../../../shared/body/normaliseBody';
import { bodyDepth } from '../../../shared/body/bodyDepth';
import { deepestBlock } from './DepthLimit';

const schema = getSchema(bodyExtensions('', { captionPlaceholder: '', mediaBase: '/media/', t: (k: string) => k, platform: 'linux', onReplace: () => undefined }));

const CONTENT: Record<NodeSpec['holds'], string | undefined> = {
  blocks: 'block+',
  inline: 'inline*',
  text: 'text*',
  listItems: 'listItem+',
  itemBlocks: 'paragraph block*',
  caption: 'figureCaption',
  none: undefined,
};

describe('the shared body schema and the editor schema', () => {
  it('have the same nodes, with the same content, place and attributes', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(Object.keys(BODY_NODES).sort());
    for (const [name, type] of Object.entries(schema.nodes)) {
      if (!isNodeName(name)) throw new Error(name);
      const spec: NodeSpec = BODY_NODES[name];
      expect(type.spec.content || undefined, name).toBe(CONTENT[spec.holds]);
      expect(type.isInline, name).toBe(spec.place === 'inline');
      const inBlockGroup = (type.spec.group ?? '').split(' ').includes('block');
      expect(inBlockGroup, name).toBe(spec.place === 'block' && !['doc', 'listItem', 'figureCaption'].includes(name));
      expect(type.spec.marks, name).toBe(spec.marks?.join(' '));
      expect(Object.keys(type.spec.attrs ?? {}).sort(), name).toEqual(Object.keys(spec.attrs).sort());
    }
  });

  it('have the same marks, in the same rank order, with the same attributes', () => {
    expect(Object.keys(schema.marks)).toEqual(MARK_ORDER);
    for (const [name, type] of Object.entries(schema.marks)) {
      expect(Object.keys(type.spec.attrs ?? {}).sort(), name).toEqual(Object.keys(BODY_MARKS[name as keyof typeof BODY_MARKS].attrs).sort());
    }
  });

  it('keep the editor\'s default attribute values (except a heading\'s, which the editor only writes as level 2)', () => {
    for (const [name, type] of Object.entries(schema.nodes)) {
      const spec: NodeSpec = BODY_NODES[name as keyof typeof BODY_NODES];
      for (const [attr, a] of Object.entries(type.spec.attrs ?? {})) {
        if (spec.fixed && attr in spec.fixed) continue;
        expect(spec.attrs[attr]((a as { default: unknown }).default), `${name}.${attr}`).toEqual((a as { default: unknown }).default);
      }
    }
    const link = schema.marks.link.spec.attrs ?? {};
    for (const attr of ['target', 'rel', 'class', 'title']) {
      expect(BODY_MARKS.link.attrs[attr]((link[attr] as { default: unknown }).default), attr).toEqual((link[attr] as { default: unknown }).default);
    }
  });
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'figure', 'figureCaption', 'text', 'hardBreak', 'doc', 'script', 'div', 'span'];
const MARKS = [
  { type: 'link', attrs: { href: 'https://example.com/', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } },
  { type: 'link', attrs: { href: 'javascript:alert(1)' } },
  { type: 'link', attrs: { href: 'mailto:desk@example.org', class: 'x' } },
  { type: 'bold' },
  { type: 'italic', attrs: { style: 'x' } },
  { type: 'editorNote' },
  { type: 'strike' },
];
const ATTRS = [undefined, { level: 2 }, { level: 7 }, { start: 4, type: 'a' }, { start: 1.5 }, { photoId: 'b'.repeat(64), credit: 'c', alt: 'a', fromFile: { caption: '', credit: '', alt: '' } }, { photoId: '../x', onclick: 'y' }, 'nonsense'];

function hostileTree(rand: () => number, depth: number): unknown {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const type = depth > 7 ? pick(['text', 'hardBreak']) : pick(TYPES);
  if (type === 'text') {
    const marks = rand() < 0.5 ? Array.from({ length: Math.floor(rand() * 3) }, () => pick(MARKS)) : undefined;
    return { type, text: pick(['가', 'b', '', ' c ']), ...(marks ? { marks } : {}) };
  }
  const node: Record<string, unknown> = { type };
  const attrs = pick(ATTRS);
  if (attrs !== undefined) node.attrs = attrs;
  if (type !== 'hardBreak' && rand() < 0.9) node.content = Array.from({ length: Math.floor(rand() * 4) }, () => hostileTree(rand, depth + 1));
  return node;
}

describe('normaliseBody and the editor', () => {
  it('whatever goes in, the normalised body loads in the editor, and the editor\'s copy of it passes unchanged', () => {
    const rand = random(12);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const raw = { type: 'doc', content: Array.from({ length: 1 + Math.floor(rand() * 4) }, () => hostileTree(rand, 1)) };
      const { body } = normaliseBody(raw);
      const node = PMNode.fromJSON(schema, body);
      node.descendants((n) => {
        seen.add(n.type.name);
        for (const m of n.marks) seen.add(`mark:${m.type.name}`);
      });
      expect(() => node.check(), JSON.stringify(raw)).not.toThrow();
      const again = normaliseBody(node.toJSON());
      expect(again.changed, JSON.stringify(raw)).toBe(false);
      expect(again.body).toEqual(node.toJSON());
    }
    // The trees exercised every node and mark of the schema.
    expect([...seen].sort()).toEqual([...Object.keys(BODY_NODES).filter((n) => n !== 'doc'), ...MARK_ORDER.map((m) => `mark:${m}`)].sort());
  });

  it('a body 995 quotes deep loads in the editor flattened to the limit', () => {
    let inner: unknown = { type: 'paragraph', content: [{ type: 'text', text: '바닥' }] };
    for (let i = 0; i < 995; i++) inner = { type: 'blockquote', content: [inner] };
    const { body } = normaliseBody({ type: 'doc', content: [inner] });
    const node = PMNode.fromJSON(schema, body);
    node.check();
    expect(deepestBlock(node.content)).toBe(MAX_BODY_DEPTH);
    expect(bodyDepth(body)).toBe(MAX_BODY_DEPTH);
    expect(node.textContent).toBe('바닥');
  });
});
