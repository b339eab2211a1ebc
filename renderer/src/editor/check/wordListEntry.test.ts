import { describe, expect, it } from 'vitest';
import { wordListEntry } from './wordListEntry';

describe('the word list entry for an underlined word', () => {
  it('takes a Korean word without its particle, keeping short words and English whole', () => {
    expect(wordListEntry('한빛타이탄스가', 'ko')).toBe('한빛타이탄스');
    expect(wordListEntry('노원구에서', 'ko')).toBe('노원구');
    expect(wordListEntry('금통위는', 'ko')).toBe('금통위');
    // One syllable left would not be a word: kept as written.
    expect(wordListEntry('양이', 'ko')).toBe('양이');
    expect(wordListEntry('Southport', 'en')).toBe('Southport');
  });
});
