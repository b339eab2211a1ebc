import { describe, expect, it } from 'vitest';
import type { DocNode } from '../model/article';
import { figuresIn, photoIdsIn } from './figures';
import { figureWarnings } from './figureWarnings';
import { renderCaption } from './renderCaption';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const fig = (photoId: string, caption: string, credit = '', alt = ''): DocNode => ({
  type: 'figure',
  attrs: { photoId, credit, alt },
  content: [{ type: 'figureCaption', content: caption ? [{ type: 'text', text: caption }] : [] }],
});

describe('figures', () => {
  const body: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }, fig(A, '시민들이 ', '홍길동 기자'), fig(B, '', '', '설명'), fig(A, '다시')] };

  it('lists figures in order with caption, credit and alt', () => {
    expect(figuresIn(body)).toEqual([
      { index: 0, photoId: A, caption: '시민들이', credit: '홍길동 기자', alt: '' },
      { index: 1, photoId: B, caption: '', credit: '', alt: '설명' },
      { index: 2, photoId: A, caption: '다시', credit: '', alt: '' },
    ]);
  });

  it('names each photo once', () => {
    expect(photoIdsIn(body)).toEqual([A, B]);
  });

  it('warns about what is missing and about small photos', () => {
    const [first, second] = figuresIn(body);
    expect(figureWarnings(first, { width: 800 }, 1000)).toEqual(['noAlt', 'tooSmall']);
    expect(figureWarnings(second, { width: 4000 }, 1000)).toEqual(['noCaption', 'noCredit']);
    expect(figureWarnings(second, null, 1000)).toEqual(['noCaption', 'noCredit', 'missingPhoto']);
    // A figure imported from web copy, waiting for its photo: "no photo", not "not in the library".
    expect(figureWarnings({ ...second, photoId: '', caption: '부두의 크레인', credit: '한빛경제', alt: '' }, null, 1000)).toEqual(['noPhoto', 'noAlt']);
  });
});

describe('renderCaption', () => {
  it('adds the house credit shape in Korean and English', () => {
    expect(renderCaption('시민들이 광장을 메웠다.', '홍길동 기자', '[사진={credit}]')).toBe('시민들이 광장을 메웠다. [사진=홍길동 기자]');
    expect(renderCaption('Crowds filled the square.', 'Dana Whitfield/Hanbit Economy', '(Photo: {credit})')).toBe('Crowds filled the square. (Photo: Dana Whitfield/Hanbit Economy)');
  });

  it('prints no empty credit', () => {
    expect(renderCaption('캡션', '  ', '[사진={credit}]')).toBe('캡션');
    expect(renderCaption('', '홍길동', '[사진={credit}]')).toBe('[사진=홍길동]');
  });
});
