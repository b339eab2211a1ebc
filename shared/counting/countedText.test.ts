import { describe, expect, it } from 'vitest';
import type { DocNode } from '../model/article';
import { emptyContent } from '../model/article';
import { defaultSettings } from '../model/settings';
import { blockTexts, countBlocks, countedText } from './countBody';
import { countArticle } from './countArticle';
import { stripNotes } from '../workflow/notes';

const t = (text: string): DocNode => ({ type: 'text', text });
const note = (text: string): DocNode => ({ type: 'text', text, marks: [{ type: 'editorNote' }] });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

describe('countedText: what counts toward length', () => {
  it('leaves editor\'s-note text out and gives it apart', () => {
    expect(countedText(p(t('매출은 3억원이며 '), note('출처 확인 필요'), t(' 고용은 늘었다.')))).toEqual({ text: '매출은 3억원이며 고용은 늘었다.', notes: '출처 확인 필요' });
  });

  it('drops the space a note leaves before punctuation or at either edge', () => {
    expect(countedText(p(t('이며 '), note('메모'), t(', 고용은')))).toEqual({ text: '이며, 고용은', notes: '메모' });
    expect(countedText(p(note('앞 메모'), t(' 본문')))).toEqual({ text: '본문', notes: '앞 메모' });
    expect(countedText(p(t('본문 '), note('뒤 메모')))).toEqual({ text: '본문', notes: '뒤 메모' });
    expect(countedText(p(note('메모만')))).toEqual({ text: '', notes: '메모만' });
  });

  it('keeps text without notes as it is, a hard break reading as a space', () => {
    expect(countedText(p(t('줄'), { type: 'hardBreak' }, t('바꿈')))).toEqual({ text: '줄 바꿈', notes: '' });
  });

  it('counts what the published body has, character for character', () => {
    const body = { type: 'doc', content: [p(t('매출은 3억원이며 '), note('출처 확인'), t(', 고용은 늘었다.'))] } as DocNode;
    const published = blockTexts(stripNotes(body as never) as DocNode).body;
    expect(blockTexts(body).body).toEqual(published);
  });

  it('keeps note text out of the article\'s body, caption and 매수 figures, and counts it apart', () => {
    const withNote = { type: 'doc', content: [p(t('가나다 '), note('메모 서른두 자')), { type: 'figure', content: [{ type: 'figureCaption', content: [t('사진'), note('캡션 메모')] }] }] } as DocNode;
    const without = { type: 'doc', content: [p(t('가나다')), { type: 'figure', content: [{ type: 'figureCaption', content: [t('사진')] }] }] } as DocNode;
    const counts = (body: DocNode) => countArticle({ ...emptyContent('ko'), body: body as never }, defaultSettings());
    expect(counts(withNote).body).toEqual(counts(without).body);
    expect(counts(withNote).captions).toEqual(counts(without).captions);
    expect(counts(withNote).notes.chars).toBe('메모 서른두 자'.length + '캡션 메모'.length);
    expect(countBlocks(blockTexts(withNote).body).chars).toBe(3);
  });
});
