import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, safeFileName, uniqueName } from './safeFileName';

const bytes = (s: string) => new TextEncoder().encode(s).length;
/** No lone surrogate, i.e. no half of a split pair (String#isWellFormed is ES2024). */
const wellFormed = (s: string) => !/\p{Cs}/u.test(s);

/** What every result must satisfy, whatever went in. */
function expectSafe(name: string) {
  expect(name.length).toBeGreaterThan(0);
  expect(name).not.toMatch(/[\p{Cc}<>:"/\\|?*]/u);
  expect(name).not.toMatch(/[. ]$/);
  expect(name).not.toMatch(/^[. ]/);
  expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
  expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  expect(name).toBe(name.normalize('NFC'));
  expect(wellFormed(name)).toBe(true);
}

describe('safeFileName', () => {
  it('keeps a Korean headline readable, replacing only what file systems forbid', () => {
    expect(safeFileName('폐배터리…/리튬: "도시광산"?', 'article')).toBe('폐배터리…_리튬_ _도시광산__');
    expect(safeFileName('Harbor cities race to turn old ferries', 'article')).toBe('Harbor cities race to turn old ferries');
  });

  it('leaves no path separator or traversal', () => {
    for (const input of ['../../etc/passwd', '..\\..\\windows\\system32', '/abs/path', 'C:\\x', 'a/../b', '..', '.', '...', './x']) {
      const out = safeFileName(input, 'fallback');
      expectSafe(out);
      expect(out).not.toContain('/');
      expect(out).not.toContain('\\');
      expect(out).not.toBe('..');
    }
    expect(safeFileName('../../etc/passwd', 'x')).toBe('_.._etc_passwd');
    expect(safeFileName('..', 'fallback')).toBe('fallback');
    expect(safeFileName('C:\\x', 'f')).toBe('C__x');
  });

  it('replaces control characters and Windows-forbidden characters', () => {
    expect(safeFileName('a\u0000b\u0007c\u001fd\u007fe\u0085f', 'x')).toBe('a_b_c_d_e_f');
    expect(safeFileName('a<b>c:d"e|f?g*h', 'x')).toBe('a_b_c_d_e_f_g_h');
    expect(safeFileName('tab\there\nnewline', 'x')).toBe('tab_here_newline');
  });

  it('drops bidi controls that could disguise an extension', () => {
    expect(safeFileName('photo\u202Egpj.exe', 'x')).toBe('photogpj.exe');
  });

  it('trims trailing dots and spaces, and leading ones', () => {
    expect(safeFileName('name. . ', 'x')).toBe('name');
    expect(safeFileName('  .hidden', 'x')).toBe('hidden');
    expect(safeFileName('a   b', 'x')).toBe('a b');
  });

  it('never returns a reserved Windows device name, with or without extension', () => {
    for (const name of ['CON', 'con', 'PRN', 'aux', 'NUL', 'com1', 'COM9', 'lpt1', 'LPT9', 'con.txt', 'Nul.tar.gz', 'COM¹', 'con .txt', 'CONIN$']) {
      const out = safeFileName(name, 'x');
      expectSafe(out);
      expect(out.startsWith('_'), name).toBe(true);
    }
    expect(safeFileName('con.txt', 'x')).toBe('_con.txt');
    // Only the exact device names are reserved.
    expect(safeFileName('console.txt', 'x')).toBe('console.txt');
    expect(safeFileName('com10', 'x')).toBe('com10');
    expect(safeFileName('nullify', 'x')).toBe('nullify');
  });

  it('limits the length in UTF-8 bytes without splitting a Hangul syllable, surrogate pair or emoji', () => {
    const hangul = '가'.repeat(100); // 300 bytes
    const out = safeFileName(hangul, 'x');
    expect(out).toBe('가'.repeat(40));
    expectSafe(out);

    const emoji = `${'a'.repeat(118)}😀b`; // the emoji would straddle byte 120
    expect(safeFileName(emoji, 'x')).toBe('a'.repeat(118));

    const family = `${'a'.repeat(110)}👨‍👩‍👧`; // one grapheme of 18 bytes
    expect(safeFileName(family, 'x')).toBe('a'.repeat(110));

    for (const input of ['한'.repeat(200), `${'x'.repeat(119)}한글`, '𝒜'.repeat(80), `${'기사'.repeat(70)}.docx`]) expectSafe(safeFileName(input, 'f'));
  });

  it('keeps a short extension when shortening', () => {
    const out = safeFileName(`${'기사'.repeat(70)}.docx`, 'x');
    expect(out.endsWith('.docx')).toBe(true);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(out.startsWith('기사기사')).toBe(true);
  });

  it('normalises to NFC, so decomposed Hangul (as macOS writes it) becomes syllables', () => {
    const decomposed = '한글'.normalize('NFD');
    expect(decomposed.length).toBe(6);
    expect(safeFileName(decomposed, 'x')).toBe('한글');
  });

  it('falls back when nothing readable is left', () => {
    expect(safeFileName('', 'article')).toBe('article');
    expect(safeFileName('???', 'article')).toBe('article');
    expect(safeFileName('   ', 'article')).toBe('article');
    expect(safeFileName('', '')).toBe('untitled');
    expect(safeFileName('', 'a/b')).toBe('a_b');
  });

  it('gives a safe result for a battery of hostile inputs', () => {
    const inputs = ['', ' ', '.', '..', '...', '/', '\\', 'a/b\\c', 'CON', 'con.', 'con ', '\u0000', '\u202e', '😀'.repeat(50), 'ﬁ'.repeat(200), `${'a'.repeat(200)}.jpg`, '가\u0301'.repeat(60)];
    for (const input of inputs) expectSafe(safeFileName(input, 'fallback'));
  });
});

describe('uniqueName', () => {
  it('returns the name itself when free, and records it', () => {
    const taken = new Set<string>();
    expect(uniqueName('photo.jpg', taken)).toBe('photo.jpg');
    expect(taken.has('photo.jpg')).toBe(true);
  });

  it('adds (2), (3)… before the extension', () => {
    const taken = new Set<string>();
    expect(['a.txt', 'a.txt', 'a.txt'].map((n) => uniqueName(n, taken))).toEqual(['a.txt', 'a (2).txt', 'a (3).txt']);
    expect(uniqueName('README', new Set(['README']))).toBe('README (2)');
  });

  it('compares case- and normalisation-insensitively', () => {
    expect(uniqueName('Photo.JPG', new Set(['photo.jpg']))).toBe('Photo (2).JPG');
    expect(uniqueName('한글.txt', new Set(['한글.txt'.normalize('NFD')]))).toBe('한글 (2).txt');
  });

  it('stays within the byte limit when the suffix is added', () => {
    const long = safeFileName(`${'가'.repeat(60)}.pdf`, 'x');
    const taken = new Set([long]);
    const next = uniqueName(long, taken);
    expect(next).not.toBe(long);
    expect(next.endsWith(' (2).pdf')).toBe(true);
    expect(bytes(next)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(wellFormed(next)).toBe(true);
  });
});
