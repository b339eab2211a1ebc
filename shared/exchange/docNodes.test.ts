import { describe, it, expect } from 'vitest';
import { BodySchema } from '../model/article';
import { figureNode, listItemNode } from './docNodes';

describe('figureNode', () => {
  it('builds a schema-valid figure from text parts', () => {
    const node = figureNode({ photoId: 'a'.repeat(64), caption: '시민들이 걷고 있다', credit: '연합뉴스', alt: 'people' });
    expect(node).toEqual({
      type: 'figure',
      attrs: { photoId: 'a'.repeat(64), credit: '연합뉴스', alt: 'people', fromFile: { caption: '', credit: '', alt: '' } },
      content: [{ type: 'figureCaption', content: [{ type: 'text', text: '시민들이 걷고 있다' }] }],
    });
    expect(BodySchema.safeParse({ type: 'doc', content: [node] }).success).toBe(true);
  });

  it('keeps inline caption content and leaves an empty caption empty', () => {
    const runs = [{ type: 'text', text: 'Rain', marks: [{ type: 'italic' }] }];
    expect(figureNode({ caption: runs }).content).toEqual([{ type: 'figureCaption', content: runs }]);
    expect(figureNode({}).content).toEqual([{ type: 'figureCaption', content: [] }]);
    expect(figureNode({}).attrs).toMatchObject({ photoId: '', credit: '', alt: '' });
  });
});

describe('listItemNode', () => {
  it('opens every item with a paragraph', () => {
    const p = { type: 'paragraph', content: [{ type: 'text', text: 'one' }] };
    const list = { type: 'bulletList', content: [listItemNode([p])] };
    expect(listItemNode([p]).content).toEqual([p]);
    expect(listItemNode([list]).content).toEqual([{ type: 'paragraph' }, list]);
  });
});
