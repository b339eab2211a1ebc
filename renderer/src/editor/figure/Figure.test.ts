// @vitest-environment jsdom
// The figure's schema without a browser: HTML round trip (copy and paste), what a paste may not
// smuggle in, captions counted apart, and moving a figure past its neighbours.
import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { DOMParser as PMDOMParser, DOMSerializer, Node as PMNode } from '@tiptap/pm/model';
import { EditorState, NodeSelection, TextSelection } from '@tiptap/pm/state';
import { bodyExtensions } from '../extensions';
import { BodyCounter } from '../BodyCounter';
import { moveFigureAt } from './figurePositions';

const schema = getSchema(bodyExtensions(''));
const ID = 'a'.repeat(64);
const doc = PMNode.fromJSON(schema, {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: '첫 문단' }] },
    { type: 'figure', attrs: { photoId: ID, credit: '홍길동 기자', alt: '밭의 농부' }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: '양파를 ' }, { type: 'text', text: '심는', marks: [{ type: 'italic' }] }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: '둘째' }] },
  ],
});

function html(node: PMNode): string {
  const div = document.createElement('div');
  div.append(DOMSerializer.fromSchema(schema).serializeFragment(node.content));
  return div.innerHTML;
}
function parse(markup: string): PMNode {
  const div = document.createElement('div');
  div.innerHTML = markup;
  return PMDOMParser.fromSchema(schema).parse(div);
}

describe('figure', () => {
  it('keeps photo, credit, alt text and an italic caption through HTML (copy and paste)', () => {
    const back = parse(html(doc));
    expect(back.toJSON()).toEqual(doc.toJSON());
  });

  it('does not take a figure from pasted HTML unless it names a photo by id', () => {
    const pasted = parse('<figure data-photo-id="../../etc/passwd"><figcaption>캡션</figcaption></figure><figure><img src="file:///x.jpg"></figure>');
    const types: string[] = [];
    pasted.descendants((n) => void types.push(n.type.name));
    expect(types).not.toContain('figure');
  });

  it('allows no line break or bold in a caption', () => {
    const caption = schema.nodes.figureCaption;
    expect(caption.allowsMarkType(schema.marks.italic)).toBe(true);
    expect(caption.allowsMarkType(schema.marks.link)).toBe(true);
    expect(caption.allowsMarkType(schema.marks.bold)).toBe(false);
    expect(caption.contentMatch.matchType(schema.nodes.hardBreak)).toBeNull();
  });

  it('counts the caption apart from the body', () => {
    const counts = new BodyCounter().count(doc);
    expect(counts.captions.chars).toBe('양파를 심는'.length);
    expect(counts.body.chars).toBe('첫 문단'.length + '둘째'.length);
  });

  it('moves past one block at a time and keeps a node selection on the figure', () => {
    const state = EditorState.create({ doc, selection: NodeSelection.create(doc, doc.child(0).nodeSize) });
    const down = state.tr;
    expect(moveFigureAt(down, doc.child(0).nodeSize, 1)).toBe(true);
    expect(down.doc.content.content.map((n) => n.type.name)).toEqual(['paragraph', 'paragraph', 'figure']);
    expect((down.selection as NodeSelection).node.type.name).toBe('figure');
    expect(moveFigureAt(down, down.doc.child(0).nodeSize + down.doc.child(1).nodeSize, 1)).toBe(false); // already last

    const inCaption = EditorState.create({ doc, selection: TextSelection.create(doc, doc.child(0).nodeSize + 3) });
    const up = inCaption.tr;
    expect(moveFigureAt(up, doc.child(0).nodeSize, -1)).toBe(true);
    expect(up.doc.child(0).type.name).toBe('figure');
    expect(up.selection.$from.parent.type.name).toBe('figureCaption'); // the caret stays in the caption
  });
});
