import { describe, expect, it } from 'vitest';
import { NOUN_PARTICLES, endsWithFinalConsonant, particleAfter, withoutParticle } from './particles';

describe('Korean particles after a headline', () => {
  it('chooses 을/를, 은/는, 이/가 from the last syllable’s final consonant', () => {
    expect(particleAfter('부산항 자동화 부두 내년 문 연다', '을를')).toBe('를');
    expect(particleAfter('폐배터리 공장 착공', '을를')).toBe('을');
    expect(particleAfter('수소', '은는')).toBe('는');
    expect(particleAfter('도시광산', '은는')).toBe('은');
    expect(particleAfter('수출', '이가')).toBe('이');
    expect(particleAfter('반도체 호황 온다', '이가')).toBe('가');
  });

  it('reads digits as they are said: 1 일, 2 이, 3 삼, … 10 십', () => {
    expect(particleAfter('2만톤 규모 1', '을를')).toBe('을'); // 일
    expect(particleAfter('시즌 2', '을를')).toBe('를'); // 이
    expect(particleAfter('3', '을를')).toBe('을'); // 삼
    expect(particleAfter('4', '을를')).toBe('를'); // 사
    expect(particleAfter('5', '이가')).toBe('가'); // 오
    expect(particleAfter('6', '을를')).toBe('을'); // 육
    expect(particleAfter('7', '을를')).toBe('을'); // 칠
    expect(particleAfter('8', '을를')).toBe('을'); // 팔
    expect(particleAfter('9', '을를')).toBe('를'); // 구
    expect(particleAfter('2030', '을를')).toBe('을'); // 이천삼십
    expect(particleAfter('100', '은는')).toBe('은'); // 백
  });

  it('reads past closing quotes, brackets and end punctuation', () => {
    expect(particleAfter('“반도체”', '을를')).toBe('를');
    expect(particleAfter('청주에 2만톤 규모…', '을를')).toBe('를');
    expect(particleAfter('착공(종합)', '을를')).toBe('을');
    expect(particleAfter('출판했다. ', '이가')).toBe('가');
  });

  it('keeps the written-out pair when the ending has no sure reading (Latin, symbols, nothing)', () => {
    expect(particleAfter('Port Avery opens', '을를')).toBe('을(를)');
    expect(particleAfter('AI', '은는')).toBe('은(는)');
    expect(particleAfter('50%', '이가')).toBe('이(가)');
    expect(particleAfter('', '을를')).toBe('을(를)');
    expect(endsWithFinalConsonant('…')).toBeNull();
  });
});

describe('the noun before a particle', () => {
  it('takes the particle off a word as written, the longest that fits', () => {
    expect(withoutParticle('노원구에서')).toBe('노원구');
    expect(withoutParticle('한빛타이탄스가')).toBe('한빛타이탄스');
    expect(withoutParticle('서울역으로')).toBe('서울역');
    expect(withoutParticle('대표단으로서')).toBe('대표단');
    expect(withoutParticle('금통위는')).toBe('금통위');
  });

  it('leaves a word with no particle, or one that would keep too little', () => {
    expect(withoutParticle('대통령')).toBeNull();
    expect(withoutParticle('양이')).toBeNull();
    expect(withoutParticle('양이', 1)).toBe('양');
    expect(withoutParticle('')).toBeNull();
  });

  it('lists the particles longest first', () => {
    const lengths = NOUN_PARTICLES.map((p) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});
