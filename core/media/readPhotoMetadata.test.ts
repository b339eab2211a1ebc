import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { EXIFR_OPTIONS, metadataFrom, readPhotoMetadata, type RawMetadata } from './readPhotoMetadata';
import { jpegWithIim, plainJpeg } from './testing/photoFiles';

const FIXTURES = join(__dirname, '../../../shared/fixtures/photos');
type Expected = { xmp?: Record<string, unknown>; iptc_iim?: Record<string, unknown> };
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected-values.extracted.json'), 'utf8')) as Record<string, Expected>;

/** What each field should read as, from the fixture's own expected values: XMP first, then IIM. */
function want(e: Expected) {
  const x = e.xmp ?? {};
  const i = e.iptc_iim ?? {};
  const first = (...v: unknown[]) => (v.find((s) => s !== undefined && s !== '') ?? '') as string;
  const list = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  const iimDate = typeof i.DateCreated === 'string' ? i.DateCreated.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3') : undefined;
  return {
    caption: first(x['dc:description'], i['Caption-Abstract']),
    creator: list(x['dc:creator']) ?? list(i['By-line']) ?? [],
    credit: first(x['photoshop:Credit'], i.Credit),
    copyright: first(x['dc:rights'], i.CopyrightNotice),
    headline: first(x['photoshop:Headline'], i.Headline),
    dateCreated: first(x['photoshop:DateCreated'], iimDate),
    city: first(x['photoshop:City'], i.City),
    keywords: list(x['dc:subject']) ?? list(i.Keywords) ?? [],
  };
}

describe('readPhotoMetadata on the fixture photos', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.jpg'));

  it('has expected values for every fixture photo', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(expected[f], f).toBeDefined();
  });

  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.jpg'))) {
    it(`reads ${file} as its expected values say`, async () => {
      const meta = await readPhotoMetadata(readFileSync(join(FIXTURES, file)));
      const w = want(expected[file]);
      expect({
        caption: meta.caption, creator: meta.creator, credit: meta.credit, copyright: meta.copyright,
        headline: meta.headline, dateCreated: meta.dateCreated, city: meta.city, keywords: meta.keywords,
      }).toEqual(w);
    });
  }

  it('prefers the full XMP credit over the IIM credit cut at 32 bytes, and says IIM was cut', async () => {
    const meta = await readPhotoMetadata(readFileSync(join(FIXTURES, 'iptc-independent-photographer-example.jpg')));
    expect(expected['iptc-independent-photographer-example.jpg'].iptc_iim?.Credit).toBe('©1985 David Riecks: www.riecks.c');
    expect(meta.credit).toBe('©1985 David Riecks: www.riecks.com');
    expect(meta.sources.credit).toBe('xmp');
    expect(meta.iimTruncated).toContain('credit');
  });
});

describe('IIM of the fixture photos, read as if the file had no XMP', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.jpg'))) {
    it(`decodes ${file}'s IIM as its expected values say`, async () => {
      const iimOnly = (await exifr.parse(readFileSync(join(FIXTURES, file)), { ...EXIFR_OPTIONS, xmp: false })) as RawMetadata;
      const meta = metadataFrom(iimOnly);
      const i = expected[file].iptc_iim ?? {};
      const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
      // Latin-1 bytes (the © in the independent photographer's file) and UTF-8 alike.
      expect({ caption: meta.caption, creator: meta.creator, credit: meta.credit, copyright: meta.copyright, headline: meta.headline, city: meta.city, keywords: meta.keywords }).toEqual({
        caption: i['Caption-Abstract'] ?? '',
        creator: list(i['By-line']),
        credit: i.Credit ?? '',
        copyright: i.CopyrightNotice ?? '',
        headline: i.Headline ?? '',
        city: i.City ?? '',
        keywords: list(i.Keywords),
      });
      for (const field of Object.keys(meta.sources)) expect(meta.sources[field]).toBe('iim');
    });
  }
});

describe('readPhotoMetadata on IIM-only files', () => {
  const enc = (s: string, charset: 'utf8' | 'latin1') => new Uint8Array(Buffer.from(s, charset));

  it('decodes Latin-1 IIM written without a charset marker', async () => {
    const file = await jpegWithIim([
      [120, enc('Café crème au marché, Zürich', 'latin1')],
      [80, enc('Jürgen Müller', 'latin1')],
      [116, enc('© 2024 Agence Française', 'latin1')],
    ]);
    const meta = await readPhotoMetadata(file);
    expect(meta.caption).toBe('Café crème au marché, Zürich');
    expect(meta.creator).toEqual(['Jürgen Müller']);
    expect(meta.copyright).toBe('© 2024 Agence Française');
    expect(meta.sources).toMatchObject({ caption: 'iim', creator: 'iim', copyright: 'iim' });
  });

  it('decodes UTF-8 Korean IIM, with and without the marker', async () => {
    for (const utf8Marker of [true, false]) {
      const file = await jpegWithIim(
        [
          [120, enc('광화문 광장에 모인 시민들', 'utf8')],
          [110, enc('한빛경제', 'utf8')],
          [90, enc('서울', 'utf8')],
          [25, enc('집회', 'utf8')],
          [25, enc('광화문', 'utf8')],
          [55, enc('20261127', 'utf8')],
          [60, enc('143000+0900', 'utf8')],
        ],
        { utf8Marker },
      );
      const meta = await readPhotoMetadata(file);
      expect(meta.caption).toBe('광화문 광장에 모인 시민들');
      expect(meta.credit).toBe('한빛경제');
      expect(meta.city).toBe('서울');
      expect(meta.keywords).toEqual(['집회', '광화문']);
      expect(meta.dateCreated).toBe('2026-11-27T14:30:00+09:00');
    }
  });

  it('flags a Korean credit cut at the 32-byte IIM limit', async () => {
    // 10 syllables = 30 bytes, then 2 bytes of a third-byte-less syllable would be invalid UTF-8: cut on a boundary.
    const full = '한빛경제신문사진부홍길동기자';
    const cut = Buffer.from(full, 'utf8').subarray(0, 30);
    const file = await jpegWithIim([[110, new Uint8Array(Buffer.concat([cut, Buffer.from('AB')]))]]);
    const meta = await readPhotoMetadata(file);
    expect(meta.credit).toBe('한빛경제신문사진부홍AB');
    expect(meta.iimTruncated).toEqual(['credit']);
  });

  it('returns empty metadata for a photo that has none', async () => {
    const meta = await readPhotoMetadata(await plainJpeg());
    expect(meta.caption).toBe('');
    expect(meta.creator).toEqual([]);
    expect(meta.sources).toEqual({});
  });
});
