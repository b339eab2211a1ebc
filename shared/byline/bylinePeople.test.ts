import { describe, expect, it } from 'vitest';
import { bylinePeople, fromLastFirst, isSentence, mergePeople, personKey } from './bylinePeople';

const names = (statement: string, role = '') => bylinePeople(statement, role).people.map((p) => p.name);

describe('bylinePeople: one byline statement as people', () => {
  it('splits names joined by "and", "및", other languages\' "and", commas and &', () => {
    expect(names('By Dana Whitfield and Marco Ilves')).toEqual(['Dana Whitfield', 'Marco Ilves']);
    expect(names('Lena Berg och Olle Strand')).toEqual(['Lena Berg', 'Olle Strand']);
    expect(names('Von Jana Koch und Tim Roth')).toEqual(['Jana Koch', 'Tim Roth']);
    expect(names('Dana Whitfield, Marco Ilves & Ines Okafor')).toEqual(['Dana Whitfield', 'Marco Ilves', 'Ines Okafor']);
    expect(names('Compiled by Renée Lund')).toEqual(['Renée Lund']);
    expect(names('Reporting by Lena Berg; editing by Olle Strand')).toEqual(['Lena Berg', 'Olle Strand']);
    expect(names("Frances d'Emilio and Ludwig van Hove")).toEqual(["Frances d'Emilio", 'Ludwig van Hove']);
  });

  it('reads a Korean role after the names: each name a person, the role shared by the names before it', () => {
    expect(bylinePeople('정태오 기자').people).toEqual([{ name: '정태오', role: '기자' }]);
    expect(bylinePeople('김하늘ㆍ박도윤 기자').people).toEqual([
      { name: '김하늘', role: '기자' },
      { name: '박도윤', role: '기자' },
    ]);
    expect(bylinePeople('문채원 특파원').people).toEqual([{ name: '문채원', role: '특파원' }]);
  });

  it('takes an agency code after a slash as the outlet, not part of the name', () => {
    expect(bylinePeople('Ines Okafor/KNT')).toEqual({ people: [{ name: 'Ines Okafor', role: '' }], outlet: 'KNT', sentence: '' });
    // Not a name before the slash: left as it was (initials of a desk, a photographer's code).
    expect(names('gr/bp')).toEqual(['gr/bp']);
  });

  it('gives a title after a comma to the names before it, and a spaced "/ Outlet" as the role', () => {
    expect(bylinePeople('By Sam Lister, Harbour Press Political Correspondent').people).toEqual([{ name: 'Sam Lister', role: 'Harbour Press Political Correspondent' }]);
    expect(bylinePeople('By Ian Jones and Ana Ruiz, Coastline Press').people).toEqual([
      { name: 'Ian Jones', role: 'Coastline Press' },
      { name: 'Ana Ruiz', role: 'Coastline Press' },
    ]);
    expect(bylinePeople('Geir Lund / Faktasjekk.no').people).toEqual([{ name: 'Geir Lund', role: 'Faktasjekk.no' }]);
  });

  it('makes no reporter of a placeholder or an organisation (which may be the outlet)', () => {
    for (const p of ['No Author', 'Staff', 'admin', 'By Staff', 'Staff Writer', 'Anonymous']) expect(bylinePeople(p), p).toEqual({ people: [], outlet: '', sentence: '' });
    expect(bylinePeople('Harbour Valley News')).toEqual({ people: [], outlet: 'Harbour Valley News', sentence: '' });
    expect(bylinePeople('Dana Whitfield and Staff')).toEqual({ people: [{ name: 'Dana Whitfield', role: '' }], outlet: '', sentence: '' });
  });

  it('hands back a sentence in the byline slot whole, with no reporter', () => {
    const s = 'Work starts in September and should be done by Christmas.';
    expect(bylinePeople(s)).toEqual({ people: [], outlet: '', sentence: s });
    expect(isSentence('재교육은 내년 3월부터 진행된다.')).toBe(true);
    expect(isSentence('이서준 및 한지우 기자')).toBe(false);
    expect(isSentence('By BERNARD LUND')).toBe(false);
  });

  it('knows "Smith, John", "JOHN SMITH" and "John Smith" are one person, and keeps the written form once', () => {
    expect(personKey('Whitfield, Dana')).toBe(personKey('DANA WHITFIELD'));
    expect(fromLastFirst('Whitfield, Dana')).toBe('Dana Whitfield');
    const people = mergePeople([{ name: 'DANA WHITFIELD' }, { name: 'MARCO ILVES' }], [{ name: 'Dana Whitfield' }, { name: 'Ines Okafor' }]);
    expect(people.map((p) => p.name)).toEqual(['Dana Whitfield', 'MARCO ILVES', 'Ines Okafor']);
  });
});
