import { describe, expect, it } from 'vitest';
import type { Body, DocNode } from '../model/article';
import { countOpenNotes, NOTE_MARK, stripNotes } from './notes';
import { inlineText } from '../counting/countBody';

const t = (text: string, note = false): DocNode => ({ type: 'text', text, ...(note ? { marks: [{ type: NOTE_MARK }] } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const doc = (...content: DocNode[]): Body => ({ type: 'doc', content });
const texts = (b: Body) => (b.content ?? []).map((n) => inlineText(n));

describe('editor notes and TK', () => {
  const body = doc(
    p(t('공장은 '), t('(확인 필요: 착공일) ', true), t('내년 3월 착공한다.')),
    p(t('투자액은 TK억원이며 '), t('데스크: 숫자 다시', true), t(', 고용은 TK명이다.')),
    p(t('The plant opens in TK. TKO and STK stay.')),
    { type: 'figure', attrs: { photoId: 'a'.repeat(64) }, content: [{ type: 'figureCaption', content: [t('착공식 TK')] }] },
  );

  it('counts notes (a run of note text is one) and TK tokens in Korean and English, captions included', () => {
    expect(countOpenNotes(body)).toEqual({ notes: 2, tks: 4 });
    expect(countOpenNotes(doc(p(t('깨끗한 원고'))))).toEqual({ notes: 0, tks: 0 });
  });

  it('strips notes and TKs and leaves the spacing tidy', () => {
    const out = stripNotes(body);
    expect(texts(out)).toEqual(['공장은 내년 3월 착공한다.', '투자액은 억원이며, 고용은 명이다.', 'The plant opens in. TKO and STK stay.', '착공식']);
    expect(countOpenNotes(out)).toEqual({ notes: 0, tks: 0 });
    expect(JSON.stringify(out)).not.toContain(NOTE_MARK);
    // The input is left as it was: the stored article keeps its notes.
    expect(countOpenNotes(body)).toEqual({ notes: 2, tks: 4 });
  });

  it('keeps other marks and empty paragraphs valid (no empty text nodes)', () => {
    const out = stripNotes(doc(p({ type: 'text', text: '굵게', marks: [{ type: 'bold' }] }), p(t('메모만', true))));
    expect(out.content).toEqual([p({ type: 'text', text: '굵게', marks: [{ type: 'bold' }] }), { type: 'paragraph', content: [] }]);
  });
});
