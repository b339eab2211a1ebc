// Which words of a paragraph go to the dictionary, and where they stand (UTF-16 offsets, as the
// editor counts). Pure: no dictionary needed.
import { describe, expect, it } from 'vitest';
import { spellWords } from './spellWords';

const texts = (text: string, language: 'ko' | 'en') => spellWords(text, language).map((w) => w.text);

describe('spellWords, Korean', () => {
  it('gives each eojeol’s Hangul with its offset, leaving punctuation, quotes and a lone syllable (고) out', () => {
    const text = '대통령은 “설겆이를 했다”고 말했다.';
    expect(spellWords(text, 'ko')).toEqual([
      { offset: 0, length: 4, text: '대통령은' },
      { offset: 6, length: 4, text: '설겆이를' },
      { offset: 11, length: 2, text: '했다' },
      { offset: 16, length: 3, text: '말했다' },
    ]);
    for (const w of spellWords(text, 'ko')) expect(text.slice(w.offset, w.offset + w.length)).toBe(w.text);
  });

  it('counts offsets in UTF-16 code units: an emoji before a word counts two', () => {
    expect(spellWords('😀 대퉁령', 'ko')).toEqual([{ offset: 3, length: 3, text: '대퉁령' }]);
  });

  it('leaves out pieces with digits or Latin, links, addresses, jamo and one-syllable words', () => {
    const text = '11월 수출이 612억달러로 늘었다. KT는 AI가 석 달 ㅋㅋ www.example.com 기사@example.com 참고';
    expect(texts(text, 'ko')).toEqual(['수출이', '늘었다', '참고']);
  });

  it('takes a 2–4-syllable word before a title as a name, alone or in a chain joined by ㆍ or ·', () => {
    expect(texts('[한빛경제=산업부 김하늘ㆍ박도윤 기자]', 'ko')).toEqual(['한빛경제', '산업부', '기자']);
    expect(texts('최윤호 장관은 남궁현·윤재민 위원장과 만났다', 'ko')).toEqual(['장관은', '위원장과', '만났다']);
    // Without a title after it the same word is checked: a misspelling before a verb is not a name.
    expect(texts('김하늘 만났다', 'ko')).toEqual(['김하늘', '만났다']);
    // The next word must be the title (with 들 and a particle at most), not a word that starts like one (양 → 양형은).
    expect(texts('업황이 양형은 무겁다', 'ko')).toEqual(['업황이', '양형은', '무겁다']);
    expect(texts('박도윤 기자들의 몫', 'ko')).toEqual(['기자들의']);
  });
});

describe('spellWords, English', () => {
  it('gives words with their offsets; an apostrophe stays in the word, a hyphen splits it', () => {
    expect(spellWords('The council’s well-known vote', 'en')).toEqual([
      { offset: 0, length: 3, text: 'The' },
      { offset: 4, length: 9, text: 'council’s' },
      { offset: 14, length: 4, text: 'well' },
      { offset: 19, length: 5, text: 'known' },
      { offset: 25, length: 4, text: 'vote' },
    ]);
  });

  it('leaves out names mid-sentence, acronyms, inner capitals, one letter, digits, links and addresses', () => {
    const text = 'Council member Rosa Ibarra of NATO used an iPhone at 11 p.m. on the 3rd, see https://example.org or mail dana@example.org now.';
    expect(texts(text, 'en')).toEqual(['Council', 'member', 'of', 'used', 'an', 'at', 'on', 'the', 'see', 'or', 'mail', 'now']);
  });

  it('checks a capitalised word at a sentence start, unless the next word is capitalised too (a name)', () => {
    expect(texts('Recieve it. “Priya Raman said so.', 'en')).toEqual(['Recieve', 'it', 'said', 'so']);
  });

  it('skips Hangul in English copy', () => {
    expect(texts('The word 며칠 means a few days', 'en')).toEqual(['The', 'word', 'means', 'few', 'days']);
  });
});
