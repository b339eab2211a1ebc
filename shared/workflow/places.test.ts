import { describe, expect, it } from 'vitest';
import type { ArticleContent, DocNode } from '../model/article';
import { NOTE_MARK } from './notes';
import { excerpt, figurePlaces, openMarkPlaces } from './places';
import { checklistPlaces } from './checklist';

const t = (text: string, note = false): DocNode => ({ type: 'text', text, ...(note ? { marks: [{ type: NOTE_MARK }] } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', ...(content.length ? { content } : {}) });
const fig = (caption: string, attrs: Record<string, string>): DocNode => ({
  type: 'figure',
  attrs: { photoId: 'a'.repeat(64), credit: '', alt: '', ...attrs },
  content: [{ type: 'figureCaption', ...(caption ? { content: [t(caption)] } : {}) }],
});
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
/** An article around a body, for the checklist (no rule set: house style finds nothing here). */
const copy = (body: DocNode) => ({ language: 'ko' as const, headline: '', deck: [], body: body as ArticleContent['body'], keptFindings: [] });

describe('places of what the checklist finds', () => {
  const body = doc(
    p(t('공장은 내년 3월 착공한다.')), // 0..17
    p(), // 17..19: empty, not counted as a paragraph
    fig('착공식이 열릴 공장 부지 전경을 드론으로 찍은 사진', { credit: '김하늘 기자', alt: '부지 전경' }),
    { type: 'blockquote', content: [p(t('투자액은 TK억원이며 '), t('데스크: 숫자 다시', true), t('.'))] },
    fig('', { alt: '폐배터리' }),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('고용 '), { type: 'hardBreak' }, t('TK명'))] }] },
  );

  it('names each note and TK by its paragraph (number and start), skipping empty paragraphs, with ProseMirror positions', () => {
    const marks = openMarkPlaces(body);
    expect(marks.map((m) => [m.mark, m.text, m.block])).toEqual([
      ['tk', 'TK', { kind: 'paragraph', n: 2, start: '투자액은 TK억원이며 데스크: 숫자…' }],
      ['note', '데스크: 숫자 다시', { kind: 'paragraph', n: 2, start: '투자액은 TK억원이며 데스크: 숫자…' }],
      ['tk', 'TK', { kind: 'paragraph', n: 3, start: '고용 TK명' }],
    ]);
    // doc: p(0..17) p(17..19) figure(19..51: its caption holds 28 characters); the blockquote opens
    // at 51, its paragraph at 52, its text at 53; "투자액은 " is 5 characters, "…이며 " 12.
    expect(marks[0]).toMatchObject({ from: 58, to: 60 });
    expect(marks[1]).toMatchObject({ from: 65, to: 75 });
  });

  it('names a TK in a caption by its photo', () => {
    const marks = openMarkPlaces(doc(fig('착공식 TK', { credit: 'c', alt: 'a' })));
    expect(marks).toEqual([{ kind: 'mark', mark: 'tk', text: 'TK', from: 6, to: 8, block: { kind: 'caption', figure: 1, start: '착공식 TK' } }]);
  });

  it('names each photo missing a field by its number in the body and the start of its caption', () => {
    expect(figurePlaces(body, 'credit')).toEqual([
      { kind: 'figure', figure: 2, caption: '', pos: 78, field: 'credit' },
    ]);
    expect(figurePlaces(body, 'caption').map((f) => f.figure)).toEqual([2]);
    expect(figurePlaces(body, 'alt')).toEqual([]);
    const noCredit = doc(fig('착공식이 열릴 공장 부지 전경을 드론으로 찍은 사진', {}));
    expect(checklistPlaces('photoCredit', copy(noCredit), {})).toEqual([{ kind: 'figure', figure: 1, caption: '착공식이 열릴 공장 부지 전경을 드론…', pos: 0, field: 'credit' }]);
  });

  it('names a figure still waiting for its photo (web copy brings them), and only that one', () => {
    const waiting = doc(fig('공장 부지', { credit: 'c', alt: 'a' }), fig('기다리는 사진', { photoId: '', credit: 'c', alt: 'a' }));
    expect(checklistPlaces('photo', copy(waiting), {})).toEqual([{ kind: 'figure', figure: 2, caption: '기다리는 사진', pos: expect.any(Number), field: 'photo' }]);
    expect(checklistPlaces('photo', copy(doc(fig('공장 부지', {}))), {})).toEqual([]);
  });

  it('points the other items at their fields', () => {
    expect(checklistPlaces('headline', copy(body), {})).toEqual([{ kind: 'field', field: 'headline' }]);
    expect(checklistPlaces('length', copy(body), {})).toEqual([{ kind: 'field', field: 'lengthTarget' }]);
    expect(checklistPlaces('openNotes', copy(body), {})).toHaveLength(3);
  });

  it('cuts an excerpt on one line at 20 characters, never inside a surrogate pair', () => {
    expect(excerpt('  짧은\n문단  ')).toBe('짧은 문단');
    expect(excerpt('가'.repeat(25))).toBe(`${'가'.repeat(20)}…`);
    expect(excerpt('😀'.repeat(21))).toBe(`${'😀'.repeat(20)}…`);
  });
});
