import { describe, expect, it } from 'vitest';
import { countText, graphemesOf } from './countText';

describe('countText', () => {
  it('counts Korean and English characters with and without spaces, and words', () => {
    expect(countText('폐배터리에서 리튬 캐는 도시광산')).toEqual({ chars: 17, charsNoSpaces: 14, words: 4 });
    expect(countText('Urban mining is back.')).toEqual({ chars: 21, charsNoSpaces: 18, words: 4 });
    expect(countText('')).toEqual({ chars: 0, charsNoSpaces: 0, words: 0 });
  });

  it('counts grapheme clusters, not UTF-16 units', () => {
    const family = '👨‍👩‍👧‍👦'; // four people joined by ZWJ: 11 UTF-16 units
    expect(family.length).toBe(11);
    expect(countText(family).chars).toBe(1);
    expect(countText('🇰🇷🇺🇸').chars).toBe(2); // two flags
    expect(countText('👍🏽').chars).toBe(1); // skin tone modifier
    expect(countText('café'.normalize('NFD')).chars).toBe(4); // e + combining acute
    const nfdHan = '한'.normalize('NFD'); // ᄒ + ᅡ + ᆫ
    expect(nfdHan.length).toBe(3);
    expect(countText(nfdHan + '글'.normalize('NFD'))).toEqual({ chars: 2, charsNoSpaces: 2, words: 1 });
  });

  it('treats every Unicode space as a space', () => {
    expect(countText('가\u00a0나\u3000다\t라')).toEqual({ chars: 7, charsNoSpaces: 4, words: 4 });
    expect(countText('  두  칸  ')).toEqual({ chars: 8, charsNoSpaces: 2, words: 2 });
  });
});

describe('countText fast path', () => {
  it('gives the segmenter\'s numbers for plain Korean and English copy', () => {
    const text = '다 쓴 전기차 배터리에서 리튬과 니켈을\u00a0다시 뽑아낸다. Harbor cities race, 3,000 homes…\t“인용” 10만개';
    const segments = [...new Intl.Segmenter('ko', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
    const spaces = segments.filter((s) => /^\s+$/u.test(s)).length;
    const words = text.split(/\s+/u).filter(Boolean).length;
    expect(countText(text)).toEqual({ chars: segments.length, charsNoSpaces: segments.length - spaces, words });
  });
});


describe('graphemesOf', () => {
  const segmenter = new Intl.Segmenter('ko', { granularity: 'grapheme' });
  const bySegmenter = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

  it('splits plain copy unit by unit exactly as the segmenter does', () => {
    // Every Latin-1 and Hangul syllable next to its neighbours: any pair that joined would show.
    const latin = Array.from({ length: 0x300 - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const hangul = Array.from({ length: 0xd7a4 - 0xac00 }, (_, i) => String.fromCharCode(0xac00 + i)).join('');
    for (const text of [latin, hangul, '다 쓴 전기차 배터리에서 리튬과 니켈을\u00a0다시 뽑아낸다. 3,000 homes…\t“인용”\n']) {
      expect(graphemesOf(text)).toEqual(bySegmenter(text));
    }
  });

  it('keeps clusters whole where units join', () => {
    for (const text of ['가족 👨‍👩‍👧‍👦 사진', '🇰🇷🇺🇸', '👍🏽 좋아요', 'café'.normalize('NFD'), '한글'.normalize('NFD'), 'a\r\nb']) {
      expect(graphemesOf(text)).toEqual(bySegmenter(text));
    }
    expect(graphemesOf('한글'.normalize('NFD'))).toHaveLength(2);
  });
});
