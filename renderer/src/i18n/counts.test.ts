import { describe, expect, it } from 'vitest';
import { formatCount } from './counts';

describe('formatCount', () => {
  it('writes whole counts exactly as Intl.NumberFormat does, in Korean and in English', () => {
    const values = [0, 7, 999, 1000, 1234, 12_345, 100_000, 1_234_567, -1234, -999, Number.MAX_SAFE_INTEGER];
    for (const language of ['ko', 'en', 'ko-KR', 'en-US']) {
      for (const n of values) expect(formatCount(language, n), `${language} ${n}`).toBe(new Intl.NumberFormat(language).format(n));
    }
  });

  it('leaves fractions and other languages to Intl', () => {
    expect(formatCount('ko', 1234.5)).toBe(new Intl.NumberFormat('ko').format(1234.5));
    expect(formatCount('de', 1234567)).toBe('1.234.567');
  });
});
