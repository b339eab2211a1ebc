import { describe, expect, it } from 'vitest';
import type { Body, DocNode } from '../model/article';
import { countOpenNotes, NOTE_MARK, openMarksIn, stripNotes } from './notes';
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

describe('openMarksIn: the one rule for what is open in a textblock', () => {
  const run = (text: string | null, note = false) => ({ text, note });

  it('finds TK as a token in Korean and English, not inside a Latin word', () => {
    expect(openMarksIn([run('사망자 TK명, 배터리TK, TKO, STK, in TK.')])).toEqual([
      { kind: 'tk', from: 4, to: 6 },
      { kind: 'tk', from: 12, to: 14 },
      { kind: 'tk', from: 29, to: 31 },
    ]);
  });

  it('gives a run of note text as one note and never looks for TK inside a note', () => {
    expect(openMarksIn([run('앞 '), run('메모 TK ', true), run('확인', true), run(' 뒤 TK')])).toEqual([
      { kind: 'note', from: 2, to: 10 },
      { kind: 'tk', from: 13, to: 15 },
    ]);
  });

  it('counts a leaf as one position and lets it split notes and words', () => {
    // "A" then a hard break then "TK": the break is not a letter, so the TK stands alone.
    expect(openMarksIn([run('메모', true), run(null), run('메모', true), run('A'), run(null), run('TK')])).toEqual([
      { kind: 'note', from: 0, to: 2 },
      { kind: 'note', from: 3, to: 5 },
      { kind: 'tk', from: 7, to: 9 },
    ]);
  });

  it('reads across text runs: a bold "A" before "TK" makes a word, not a TK', () => {
    expect(openMarksIn([run('A'), run('TK')])).toEqual([]);
    expect(openMarksIn([run('T'), run('K')])).toEqual([{ kind: 'tk', from: 0, to: 2 }]);
  });

  it('is what the count and the strip use: a TK split over two runs is counted and removed', () => {
    const body = doc(p(t('투자액 '), { type: 'text', text: 'T', marks: [{ type: 'bold' }] }, t('K억원')));
    expect(countOpenNotes(body)).toEqual({ notes: 0, tks: 1 });
    expect(texts(stripNotes(body))).toEqual(['투자액 억원']);
  });
});
