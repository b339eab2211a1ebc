import { describe, it, expect } from 'vitest';
import { hangulShare, languageFromText } from './textLanguage';

describe('languageFromText', () => {
  it('reads Korean copy with Latin words in it as Korean', () => {
    expect(languageFromText('삼성전자는 3일 AI 반도체 HBM4 양산을 시작했다고 밝혔다.')).toBe('ko');
  });

  it('reads English copy with a Korean name as English', () => {
    expect(languageFromText('Kim Ha-neul (김하늘) reported from Seoul on the new chip plant.')).toBe('en');
  });

  it('does not count e-mail addresses or web links as letters', () => {
    const text = '김하늘 기자 sky.kim.reporter@hanbit-economy.example https://www.hanbit-economy.example/articles/2024';
    expect(hangulShare(text)).toBe(1);
    expect(languageFromText(text)).toBe('ko');
  });

  it('is English with no letters at all', () => {
    expect(hangulShare('123 — 456')).toBe(0);
    expect(languageFromText('')).toBe('en');
  });
});
