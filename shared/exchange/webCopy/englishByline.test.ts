import { describe, it, expect } from 'vitest';
import { parseEnglishByline } from './englishByline';

const names = (line: string) => parseEnglishByline(line)?.reporters.map((r) => r.name);

describe('parseEnglishByline', () => {
  it('reads "By A and B" and "By A, B and C"', () => {
    expect(names('By Dana Whitfield and Marco Ilves')).toEqual(['Dana Whitfield', 'Marco Ilves']);
    expect(names('By Kim Min-ji, Hyunjoo Jin and Joyce Lee')).toEqual(['Kim Min-ji', 'Hyunjoo Jin', 'Joyce Lee']);
  });

  it('takes an outlet after a comma or bar and a title as the role', () => {
    expect(parseEnglishByline('By JANE DOE, Associated Press')).toEqual({ outlet: 'Associated Press', reporters: [{ name: 'JANE DOE', role: '', email: '' }], places: [] });
    expect(parseEnglishByline('By Dana Whitfield | Coastline Herald')?.outlet).toBe('Coastline Herald');
    expect(parseEnglishByline('By Jane Doe, AP Business Writer')?.reporters).toEqual([{ name: 'Jane Doe', role: 'AP Business Writer', email: '' }]);
  });

  it('drops a date printed after the names', () => {
    expect(names('By Dana Whitfield, Nov. 3, 2026')).toEqual(['Dana Whitfield']);
  });

  it('is no byline when the words are not names', () => {
    expect(parseEnglishByline('By the numbers: how ferries store power')).toBeNull();
    expect(parseEnglishByline('By autumn it was back in the harbor.')).toBeNull();
    expect(parseEnglishByline('Bylines are hard')).toBeNull();
  });

  it('reads "Name in City", with or without By, and keeps the places', () => {
    expect(parseEnglishByline('Dana Whitfield in Port Avery and Marco Ilves in Lund')).toEqual({
      outlet: '',
      reporters: [
        { name: 'Dana Whitfield', role: '', email: '' },
        { name: 'Marco Ilves', role: '', email: '' },
      ],
      places: ['Port Avery', 'Lund'],
    });
    expect(parseEnglishByline('By Priya Raman in Lund')).toMatchObject({ reporters: [{ name: 'Priya Raman' }], places: ['Lund'] });
  });

  it('is no byline when a line without By merely has "in" in it', () => {
    expect(parseEnglishByline('Floods in Lund')).toBeNull();
    expect(parseEnglishByline('Dana Whitfield and Marco Ilves')).toBeNull();
    expect(parseEnglishByline('Dock workers in Lund vote to end strike')).toBeNull();
  });
});
