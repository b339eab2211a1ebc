import { describe, it, expect } from 'vitest';
import { creditText, splitCaptionCredit } from './htmlCaptionCredit';

describe('splitCaptionCredit', () => {
  it('splits the credit shapes newsrooms print', () => {
    expect(splitCaptionCredit('부산항의 크레인 [사진=연합뉴스]')).toEqual({ caption: '부산항의 크레인', credit: '연합뉴스' });
    expect(splitCaptionCredit('부두의 아침 (사진=김하늘 기자)')).toEqual({ caption: '부두의 아침', credit: '김하늘 기자' });
    expect(splitCaptionCredit('Cranes at dawn (Photo: Dana Whitfield)')).toEqual({ caption: 'Cranes at dawn', credit: 'Dana Whitfield' });
    expect(splitCaptionCredit('(Credit: Nasa)')).toEqual({ caption: '', credit: 'Nasa' });
    expect(splitCaptionCredit('Protesters in Seoul. Photo by Ezra Acayan')).toEqual({ caption: 'Protesters in Seoul.', credit: 'Ezra Acayan' });
    expect(splitCaptionCredit('The harbour at night © Reuters')).toEqual({ caption: 'The harbour at night', credit: 'Reuters' });
  });

  it('leaves a caption without a credit alone', () => {
    expect(splitCaptionCredit('A photographer (left) with the mayor')).toEqual({ caption: 'A photographer (left) with the mayor', credit: '' });
  });
});

describe('creditText', () => {
  it('drops the label of a credit element', () => {
    expect(creditText(' Photo: AP ')).toBe('AP');
    expect(creditText('(사진=연합뉴스)')).toBe('연합뉴스');
    expect(creditText('Anthony Wallace / AFP - Getty Images')).toBe('Anthony Wallace / AFP - Getty Images');
    expect(creditText('Photographer Joe')).toBe('Photographer Joe');
  });
});
