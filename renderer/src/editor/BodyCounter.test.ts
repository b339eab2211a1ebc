import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { bodyExtensions } from './extensions';
import { BodyCounter } from './BodyCounter';
import { blockTexts, countBlocks } from '../../../shared/counting/countBody';
import { countOpenNotes } from '../../../shared/workflow/notes';
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

  it('counts open notes and TKs per block, as the whole-body count does', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '매출은 TK억원, ' }, { type: 'text', text: '출처 확인', marks: [{ type: 'editorNote' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Opens in TK.' }] },
      ],
    };
    expect(new BodyCounter().count(PMNode.fromJSON(schema, json)).notes).toEqual(countOpenNotes(json));
    expect(countOpenNotes(json)).toEqual({ notes: 1, tks: 2 });
  });

  it('leaves note text out of the length by the shared rule, and counts it apart', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '매출은 늘었다 ' }, { type: 'text', text: '출처 확인 필요', marks: [{ type: 'editorNote' }] }] },
        { type: 'figure', attrs: { photoId: '' }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: '사진' }, { type: 'text', text: '누구?', marks: [{ type: 'editorNote' }] }] }] },
      ],
    };
    const counts = new BodyCounter().count(PMNode.fromJSON(schema, json));
    const texts = blockTexts(json);
    expect(counts.body).toEqual(countBlocks(texts.body));
    expect(counts.body.chars).toBe('매출은 늘었다'.length);
    expect(counts.captions.chars).toBe(2);
    expect(counts.noteText).toEqual(countBlocks(texts.notes));
    expect(counts.noteText.chars).toBe('출처 확인 필요'.length + 3);
  });
});
