import { describe, it, expect } from 'vitest';
import { FONT_LICENCE_FILE, koreanFontCss, koreanFontFiles } from './htmlFont';

const faces = (css: string) => [...css.matchAll(/@font-face \{([^}]*)\}/g)].map((m) => m[1]);
const woff2 = (face: string) => Buffer.from(/base64,([A-Za-z0-9+/=]+)\)/.exec(face)![1], 'base64');

describe('koreanFontCss', () => {
  it('embeds only the Noto Sans KR slices the text needs, in 400 and 700', async () => {
    const css = await koreanFontCss('가');
    const rules = faces(css);
    // '가' lives in exactly one slice, once per weight.
    expect(rules.length).toBe(2);
    expect(rules.map((r) => /font-weight: (\d+)/.exec(r)![1]).sort()).toEqual(['400', '700']);
    for (const rule of rules) {
      expect(rule).toContain("font-family: 'Noto Sans KR'");
      expect(rule).toMatch(/unicode-range: [^;]*U\+/);
      expect(woff2(rule).subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
  });

  it('covers every character of mixed text, and more text needs more slices', async () => {
    const few = faces(await koreanFontCss('가'));
    const many = faces(await koreanFontCss('폐배터리에서 리튬 캐는 ‘도시광산’ Harbor cities ㆍ 2030년'));
    expect(many.length).toBeGreaterThan(few.length);
    expect(many.some((r) => /unicode-range: U\+0000-00FF/.test(r))).toBe(true);
  });

  it('embeds the whole Korean and Latin subsets when given no text', async () => {
    const rules = faces(await koreanFontCss());
    expect(rules.length).toBe(4);
    // The Korean subset has no unicode-range: it answers for every glyph it has.
    expect(rules.filter((r) => !r.includes('unicode-range')).length).toBe(2);
    expect(woff2(rules[0]).length).toBeGreaterThan(300_000);
  });
});

describe('koreanFontFiles', () => {
  it('puts the needed slices in the page folder as woff2 files and points the CSS at them relatively', async () => {
    const { css, files } = await koreanFontFiles('가 Harbor');
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]);
    const fonts = files.filter((f) => f.path !== FONT_LICENCE_FILE);
    expect(urls.sort()).toEqual(fonts.map((f) => f.path).sort());
    // Every slice comes in both weights; '가' alone would need one slice, Latin adds at least one more.
    expect(fonts.filter((f) => f.path.includes('-400-')).length).toBe(fonts.length / 2);
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    expect((await koreanFontFiles('가')).files.length).toBe(3);
    for (const f of fonts) {
      // Inside the folder: no `../`, no absolute or file: path, nothing from node_modules.
      expect(f.path).toMatch(/^fonts\/noto-sans-kr-[a-z0-9]+-(400|700)-normal\.woff2$/);
      expect(Buffer.from(f.bytes).subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    expect(css).not.toContain('base64');
  });

  it('puts the font’s OFL licence beside the fonts, as the licence asks of a copy', async () => {
    const { files } = await koreanFontFiles('가');
    const licence = files.find((f) => f.path === FONT_LICENCE_FILE);
    expect(FONT_LICENCE_FILE).toBe('fonts/OFL.txt');
    expect(Buffer.from(licence!.bytes).toString('utf8')).toContain('SIL Open Font License, Version 1.1');
  });
});
