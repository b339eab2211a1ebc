import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { EXIFR_OPTIONS, metadataFrom, readPhotoMetadata, type RawMetadata } from './readPhotoMetadata';
import { jpegWithIim, plainJpeg } from './testing/photoFiles';
import { FIXTURE_PHOTO_NAMES, fixturePhoto } from '../../testing/fixturePhotos';
import { corpus, corpusPresent, skipConformance } from '../../testing/referenceCorpus';

const fields = (meta: Awaited<ReturnType<typeof readPhotoMetadata>>) => ({
  caption: meta.caption, creator: meta.creator, credit: meta.credit, copyright: meta.copyright,
  headline: meta.headline, dateCreated: meta.dateCreated, city: meta.city, keywords: meta.keywords,
});

describe('readPhotoMetadata on our fixture photos (testing/fixturePhotos)', () => {
  it('has the traps the reader must handle', async () => {
    const photos = await Promise.all(FIXTURE_PHOTO_NAMES.map(fixturePhoto));
    expect(photos.length).toBeGreaterThanOrEqual(5);
    expect(photos.some((p) => p.iimTruncated.includes('credit'))).toBe(true);
    expect(photos.some((p) => Object.values(p.sources).includes('xmp') && Object.values(p.sources).includes('iim'))).toBe(true);
  });

  for (const name of FIXTURE_PHOTO_NAMES) {
    it(`reads ${name} as its expected values say, each field from the block it should come from`, async () => {
      const photo = await fixturePhoto(name);
      const meta = await readPhotoMetadata(photo.bytes);
      expect(fields(meta), photo.trap).toEqual(photo.expected);
      expect(meta.altText).toBe(photo.altText);
      expect(meta.sources).toEqual(photo.sources);
      expect(meta.iimTruncated).toEqual(photo.iimTruncated);
    });
  }

  it('prefers the full XMP credit over the Latin-1 IIM credit cut at 32 bytes, and says IIM was cut', async () => {
    const photo = await fixturePhoto('freelance-latin1-iim.jpg');
    expect(photo.iim.credit).toBe('Renée Müller Photography (Zürich');
    expect(Buffer.from(photo.iim.credit, 'latin1')).toHaveLength(32);
    // © stored as the single Latin-1 byte A9, with no charset marker to say so.
    expect(photo.iim.copyright).toBe('© 2026 Renée Müller');
    const meta = await readPhotoMetadata(photo.bytes);
    expect(meta.credit).toBe('Renée Müller Photography (Zürich)');
    expect(meta.sources.credit).toBe('xmp');
    expect(meta.iimTruncated).toContain('credit');
    // The city is only in the (Latin-1) IIM: it fills the gap, decoded.
    expect([meta.city, meta.sources.city]).toEqual(['Zürich', 'iim']);
  });
});

describe('IIM of our fixture photos, read as if the file had no XMP', () => {
  for (const name of FIXTURE_PHOTO_NAMES) {
    it(`decodes ${name}'s IIM as its expected values say`, async () => {
      const photo = await fixturePhoto(name);
      const iimOnly = (await exifr.parse(photo.bytes, { ...EXIFR_OPTIONS, xmp: false })) as RawMetadata;
      const meta = metadataFrom(iimOnly);
      // Latin-1 bytes without a marker, UTF-8 with and without one, alike.
      const { dateCreated: _date, ...got } = fields(meta);
      expect(got, photo.trap).toEqual(photo.iim);
      for (const field of Object.keys(meta.sources)) expect(meta.sources[field]).toBe('iim');
    });
  }
});

// The reference corpus: photographers' JPEGs (All Rights Reserved) and IPTC's reference image, with
// values extracted independently and cross-checked against exifr and Superdesk.
const PHOTOS = corpus('fixtures/photos');
type Expected = { xmp?: Record<string, unknown>; iptc_iim?: Record<string, unknown> };
const skipPhotos = skipConformance('photo metadata');
const expected = skipPhotos ? {} : (JSON.parse(readFileSync(join(PHOTOS, 'expected-values.extracted.json'), 'utf8')) as Record<string, Expected>);
const corpusFiles = corpusPresent ? readdirSync(PHOTOS).filter((f) => f.endsWith('.jpg')) : [];

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

describe.skipIf(skipPhotos)('conformance (../shared): readPhotoMetadata on the photographers\' photos', () => {
  it('has expected values for every corpus photo', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(5);
    for (const f of corpusFiles) expect(expected[f], f).toBeDefined();
  });

  for (const file of corpusFiles) {
    it(`reads ${file} as its expected values say`, async () => {
      const meta = await readPhotoMetadata(readFileSync(join(PHOTOS, file)));
      expect(fields(meta)).toEqual(want(expected[file]));
    });
  }

  it('prefers the full XMP credit over the IIM credit cut at 32 bytes, and says IIM was cut', async () => {
    const meta = await readPhotoMetadata(readFileSync(join(PHOTOS, 'iptc-independent-photographer-example.jpg')));
    expect(expected['iptc-independent-photographer-example.jpg'].iptc_iim?.Credit).toBe('©1985 David Riecks: www.riecks.c');
    expect(meta.credit).toBe('©1985 David Riecks: www.riecks.com');
    expect(meta.sources.credit).toBe('xmp');
    expect(meta.iimTruncated).toContain('credit');
  });

  for (const file of corpusFiles) {
    it(`decodes ${file}'s IIM as its expected values say`, async () => {
      const iimOnly = (await exifr.parse(readFileSync(join(PHOTOS, file)), { ...EXIFR_OPTIONS, xmp: false })) as RawMetadata;
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
