import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { bodyExtensions } from './extensions';
import { BodyCounter } from './BodyCounter';
import { blockTexts, countBlocks } from '../../../shared/counting/countBody';
import { koreanParagraphs, paragraphsToDoc } from '../../../bench/koreanText';

const schema = getSchema(bodyExtensions(''));

describe('BodyCounter', () => {
  it('gives the same figures as counting from scratch', () => {
    const json = paragraphsToDoc(koreanParagraphs(800));
    const doc = PMNode.fromJSON(schema, json);
    expect(new BodyCounter().count(doc).body).toEqual(countBlocks(blockTexts(json).body));
  });

  it('recounts only the edited paragraph after a keystroke', () => {
    const json = paragraphsToDoc(koreanParagraphs(2000));
    let state = EditorState.create({ schema, doc: PMNode.fromJSON(schema, json) });
    const counter = new BodyCounter();
    const first = counter.count(state.doc);
    const blocks = counter.counted;
    expect(blocks).toBe(json.content.length);
    state = state.apply(state.tr.insertText('가', 5));
    const second = counter.count(state.doc);
    expect(counter.counted - blocks).toBe(1);
    expect(second.body.chars).toBe(first.body.chars + 1);
  });
});
