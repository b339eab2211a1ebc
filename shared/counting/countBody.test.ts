import { describe, expect, it } from 'vitest';
import type { DocNode } from '../model/article';
import { defaultSettings } from '../model/settings';
import { emptyContent } from '../model/article';
import { blockTexts, countBlocks, addCounts, emptyCounts } from './countBody';
import { countArticle } from './countArticle';
import { lengthProgress, toSheets } from './sheets';

const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const t = (text: string): DocNode => ({ type: 'text', text });

const doc: DocNode = {
  type: 'doc',
  content: [
    p(t('첫 문단입니다.')),
    { type: 'heading', attrs: { level: 2 }, content: [t('중간제목')] },
    { type: 'blockquote', content: [p(t('인용문'))] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('하나'))] }, { type: 'listItem', content: [p(t('둘'))] }] },
    p(t('줄'), { type: 'hardBreak' }, t('바꿈')),
    { type: 'figure', content: [{ type: 'figureCaption', content: [t('사진 설명')] }] },
  ],
};

describe('body counting', () => {
  it('reads every textblock in order, captions apart, hard break as a space', () => {
    expect(blockTexts(doc)).toEqual({
      body: ['첫 문단입니다.', '중간제목', '인용문', '하나', '둘', '줄 바꿈'],
      captions: ['사진 설명'],
      notes: [],
    });
  });

  it('sums per-block counts; each block is its own grid paragraph', () => {
    const c = countBlocks(blockTexts(doc).body);
    expect(c.chars).toBe(8 + 4 + 3 + 2 + 1 + 4);
    expect(c.words).toBe(2 + 1 + 1 + 1 + 1 + 2);
    expect(c.rows).toBe(6);
    expect(addCounts(c, emptyCounts())).toEqual(c);
  });

  it('gives sheets both ways and progress towards a target', () => {
    const c = { chars: 400, charsNoSpaces: 350, words: 100, rows: 25 };
    expect(toSheets(c)).toEqual({ quick: 2, grid: 2.5 });
    expect(lengthProgress(c, { unit: 'sheets', value: 5 })).toBe(0.5);
    expect(lengthProgress(c, { unit: 'chars', value: 800 })).toBe(0.5);
    expect(lengthProgress(c, { unit: 'words', value: 50 })).toBe(2);
    expect(lengthProgress(c, null)).toBeNull();
  });

  it('counts body, captions and byline apart for an article', () => {
    const content = {
      ...emptyContent('ko'),
      body: doc as never,
      byline: { outlet: '한빛경제', desk: '산업부', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: '' }] },
    };
    const counts = countArticle(content, defaultSettings());
    expect(counts.captions.chars).toBe(5);
    expect(counts.body.chars).toBe(22);
    expect(counts.byline.chars).toBe('[한빛경제=산업부 김하늘 기자]'.length);
  });
});
