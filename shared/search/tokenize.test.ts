import { describe, expect, it } from 'vitest';
import { findMarks, indexTerms, parseQuery } from './tokenize';

describe('indexTerms', () => {
  it('indexes Hangul as overlapping two-syllable pieces, so particles and compounds do not hide words', () => {
    expect([...indexTerms('폐배터리를')]).toEqual(['폐배', '배터', '터리', '리를']);
    expect([...indexTerms('물 값')]).toEqual(['물', '값']);
  });

  it('lowercases Latin words and splits digits from Hangul', () => {
    expect([...indexTerms('K-Battery 2030년')]).toEqual(['k', 'battery', '2030', '년']);
  });

  it('gives the same terms on the fast path and the general one (full-width, other scripts)', () => {
    // Full-width letters take the general (NFKC) path and must land on the same words.
    expect([...indexTerms('ＢＡＴＴＥＲＹ 배터리')]).toEqual([...indexTerms('battery 배터리')]);
    expect([...indexTerms('Café Ünïcode 電池')]).toEqual(['café', 'ünïcode', '電池']);
  });
});

describe('parseQuery', () => {
  it('turns a Hangul word into its pieces, a lone syllable into a syllable part, Latin into prefixes', () => {
    expect(parseQuery('배터리 김 recycl a').parts).toEqual([
      { kind: 'exact', term: '배터' },
      { kind: 'exact', term: '터리' },
      { kind: 'syllable', term: '김' },
      { kind: 'prefix', term: 'recycl' },
      { kind: 'exact', term: 'a' },
    ]);
  });

  it('ignores unfinished jamo from an IME mid-composition', () => {
    expect(parseQuery('배터ㄹ').parts).toEqual([{ kind: 'exact', term: '배터' }]);
  });
});

describe('findMarks', () => {
  it('marks Hangul inside words and Latin at word starts only, merged', () => {
    const q = parseQuery('배터리 recycl');
    const text = '폐배터리를 Recycling, not unrecycled.';
    const marks = findMarks(text, q);
    expect(marks.map(([s, e]) => text.slice(s, e))).toEqual(['배터리', 'Recycl']);
  });
});
