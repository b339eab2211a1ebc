import { describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent, type DocNode } from '../model/article';
import { diffArticles, diffText, type Part } from './diff';

const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const article = (headline: string, ...paragraphs: string[]): ArticleContent => ({ ...emptyContent('ko'), headline, body: { type: 'doc', content: paragraphs.map(p) } });
const marked = (parts: Part[], change: 'added' | 'removed') => parts.filter((x) => x.change === change).map((x) => x.text.trim()).filter(Boolean);

describe('article diff', () => {
  it('marks changed Korean words (eojeol) and leaves the rest alone', () => {
    const parts = diffText('공장은 내년 3월 착공한다.', '공장은 내년 5월 착공할 예정이다.');
    // Intl.Segmenter splits 3월 into 3 and 월, so only the digit is marked; 공장은 내년 is untouched.
    expect(marked(parts, 'removed')).toEqual(['3', '착공한다']);
    expect(marked(parts, 'added')).toEqual(['5', '착공할 예정이다']);
    expect(parts.filter((x) => x.change !== 'added').map((x) => x.text).join('')).toBe('공장은 내년 3월 착공한다.');
    expect(parts.filter((x) => x.change !== 'removed').map((x) => x.text).join('')).toBe('공장은 내년 5월 착공할 예정이다.');
  });

  it('marks changed English words', () => {
    const parts = diffText('The plant opens in March.', 'The plant opens in May, officials said.');
    expect(marked(parts, 'removed')).toEqual(['March']);
    expect(marked(parts, 'added')).toEqual(['May, officials said']);
  });

  it('compares field by field and paragraph by paragraph', () => {
    const before = article('배터리 공장 착공', '첫 문단.', '둘째 문단은 그대로.', '지울 문단.');
    const after = { ...article('폐배터리 공장 착공', '첫 문단을 고쳤다.', '둘째 문단은 그대로.', '새 문단.', '덧붙인 문단.'), tags: ['배터리'] };
    const diff = diffArticles(before, after);
    expect(diff.same).toBe(false);
    expect(diff.fields.map((f) => f.field)).toEqual(['headline', 'tags']);
    expect(diff.fields[0]).toMatchObject({ before: '배터리 공장 착공', after: '폐배터리 공장 착공' });
    expect(diff.blocks.map((b) => b.change)).toEqual(['changed', 'same', 'changed', 'added']);
    expect(marked(diff.blocks[0].parts, 'added')).toEqual(['문단을 고쳤다']);
    expect(diff.blocks[0].parts[0]).toEqual({ text: '첫 ', change: 'same' });
    expect(diff.blocks[3].parts).toEqual([{ text: '덧붙인 문단.', change: 'added' }]);
  });

  it('sees a changed dateline, photo credit or alt text', () => {
    const figure = (credit: string, alt: string): DocNode => ({ type: 'figure', attrs: { photoId: 'a'.repeat(64), credit, alt }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: '공장 부지' }] }] });
    const withFigure = (credit: string, alt: string, dateline = '울산'): ArticleContent => ({ ...article('제목', '문단.'), dateline, body: { type: 'doc', content: [p('문단.'), figure(credit, alt)] } });
    const credit = diffArticles(withFigure('김하늘 기자', '공장 부지'), withFigure('한빛경제 김하늘 기자', '공장 부지'));
    expect(credit.same).toBe(false);
    expect(credit.blocks.filter((b) => b.change !== 'same')).toEqual([{ change: 'changed', kind: 'figureCredit', parts: expect.any(Array) }]);
    expect(marked(credit.blocks.find((b) => b.change === 'changed')!.parts, 'added')).toEqual(['한빛경제']);
    const alt = diffArticles(withFigure('김하늘 기자', ''), withFigure('김하늘 기자', '흙이 드러난 부지'));
    expect(alt.blocks.filter((b) => b.change !== 'same')).toEqual([{ change: 'added', kind: 'figureAlt', parts: [{ text: '흙이 드러난 부지', change: 'added' }] }]);
    const dateline = diffArticles(withFigure('김하늘 기자', ''), withFigure('김하늘 기자', '', '세종'));
    expect(dateline.fields.map((f) => f.field)).toEqual(['dateline']);
  });

  it('finds nothing between identical versions', () => {
    const a = article('같다', '문단');
    expect(diffArticles(a, structuredClone(a))).toMatchObject({ same: true, fields: [] });
  });
});
