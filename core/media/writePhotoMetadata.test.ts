import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import exifr from 'exifr';
import sharp from 'sharp';
import { EXIFR_OPTIONS, readPhotoMetadata, type RawMetadata } from './readPhotoMetadata';
import { decodeIim } from './decodeIim';
import { splitJpeg, writePhotoMetadata, type PhotoMetadataInput } from './writePhotoMetadata';
import { XMP_JPEG_HEADER } from './writeXmp';
import { IRB_IIM, parseIrb } from './writeIim';
import { jpegWithIim, plainJpeg } from './testing/photoFiles';
import { FIXTURE_PHOTO_NAMES, fixturePhoto } from '../../testing/fixturePhotos';
import { corpus, corpusPresent, skipConformance } from '../../testing/referenceCorpus';

/** A photo to write into, from our fixtures or (conformance) from the reference corpus. */
interface Source {
  names: readonly string[];
  bytes(name: string): Promise<Uint8Array>;
  /** Text of the file's own caption, which must be gone after we write ours. */
  oldCaption(name: string): Promise<RegExp>;
}
const OWN: Source = {
  names: FIXTURE_PHOTO_NAMES,
  bytes: async (name) => (await fixturePhoto(name)).bytes,
  oldCaption: async (name) => {
    const { expected, iim } = await fixturePhoto(name);
    const old = [expected.caption, iim.caption].filter(Boolean).map((c) => c.slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(old.join('|') || '^$');
  },
};
const PHOTOS = corpus('fixtures/photos');
const CORPUS: Source = {
  names: corpusPresent ? readdirSync(PHOTOS).filter((f) => f.endsWith('.jpg')) : [],
  bytes: async (name) => new Uint8Array(readFileSync(join(PHOTOS, name))),
  oldCaption: async () => /Shown:|ref2017|farmer|Watseka/i,
};

const LONG_CREDIT = '한빛경제신문사진부데스크팀'; // 13 syllables = 39 bytes, over IIM's 32
const META: PhotoMetadataInput = {
  caption: '경북 포항의 한 배터리 재활용 공장에서 작업자가 <모듈> & “배터리”를 옮기고 있다.',
  creator: ['김하늘', '박도윤'],
  credit: LONG_CREDIT,
  copyright: '© 2024 한빛경제',
  headline: '폐배터리 도시광산',
  altText: '배터리 모듈을 옮기는 작업자',
  keywords: ['배터리', '재활용'],
};

const rawPixels = async (b: Uint8Array) => (await sharp(b).raw().toBuffer()).toString('base64');
const segments = (b: Uint8Array) => splitJpeg(b)!.head;
const isXmp = (s: { marker: number; payload: Uint8Array | null }) => s.marker === 0xe1 && !!s.payload && Buffer.from(s.payload.subarray(0, 29)).toString('latin1') === XMP_JPEG_HEADER;
const xmpSegments = (b: Uint8Array) => segments(b).filter(isXmp);
const app13 = (b: Uint8Array) => segments(b).filter((s) => s.marker === 0xed);
const iimOnly = async (b: Uint8Array) => ((await exifr.parse(b, { ...EXIFR_OPTIONS, xmp: false })) as RawMetadata).iptc ?? {};
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => decodeIim(String(x)));

describe('writePhotoMetadata on a JPEG', () => {
  it('round-trips Korean values through XMP, as our reader and exifr read them', async () => {
    const { bytes } = await writePhotoMetadata(await plainJpeg(), META);
    const meta = await readPhotoMetadata(bytes);
    expect({ caption: meta.caption, creator: meta.creator, credit: meta.credit, copyright: meta.copyright, headline: meta.headline, altText: meta.altText, keywords: meta.keywords }).toEqual({
      caption: META.caption, creator: META.creator, credit: LONG_CREDIT, copyright: META.copyright, headline: META.headline, altText: META.altText, keywords: META.keywords,
    });
    expect(meta.sources.caption).toBe('xmp');

    const raw = (await exifr.parse(bytes, EXIFR_OPTIONS)) as RawMetadata;
    expect(raw.photoshop?.Credit).toBe(LONG_CREDIT);
    expect(raw.Iptc4xmpCore?.AltTextAccessibility).toEqual({ lang: 'x-default', value: META.altText });
    expect(raw.dc?.creator).toEqual(META.creator);
  });

  it('writes IIM in UTF-8 with the ESC % G marker, cutting a 39-byte credit at a syllable with a warning', async () => {
    const { bytes, warnings } = await writePhotoMetadata(await plainJpeg(), META);
    expect(warnings).toEqual([{ field: 'credit', reason: 'iimTruncated', bytes: 39, limit: 32 }]);

    const iim = await iimOnly(bytes);
    expect(list(iim.Caption)).toEqual([META.caption]);
    expect(list(iim.Byline)).toEqual(META.creator);
    expect(list(iim.Credit)).toEqual(['한빛경제신문사진부데']); // 10 syllables = 30 bytes, whole syllables only
    expect(list(iim.CopyrightNotice)).toEqual([META.copyright]);
    expect(list(iim.Headline)).toEqual([META.headline]);
    expect(list(iim.Keywords)).toEqual(META.keywords);

    // The record-1 marker itself, read from the resource.
    const irb = Buffer.concat(app13(bytes).map((s) => s.payload!.subarray(14)));
    const block = parseIrb(irb).find((r) => r.id === IRB_IIM)!.data;
    expect(Buffer.from(block.subarray(0, 8)).toString('hex')).toBe('1c015a00031b2547');

    // Our reader still takes the full credit from XMP.
    expect((await readPhotoMetadata(bytes)).credit).toBe(LONG_CREDIT);
  });

  it('re-encodes a Latin-1 IIM value it keeps as UTF-8, so the marker tells the truth', async () => {
    const latin1City = Uint8Array.from(Buffer.from('Zürich', 'latin1'));
    const before = await jpegWithIim([[90, latin1City], [120, Buffer.from('old caption')]]);
    const { bytes } = await writePhotoMetadata(before, META);
    const iim = await iimOnly(bytes);
    expect(Buffer.from(String(iim.City), 'latin1').toString('utf8')).toBe('Zürich');
    expect(list(iim.Caption)).toEqual([META.caption]);
    expect(await rawPixels(bytes)).toBe(await rawPixels(before));
  });

  it('keeps the file\'s headline, alt text and keywords when they are not given', async () => {
    const first = (await writePhotoMetadata(await plainJpeg(), META)).bytes;
    const { bytes } = await writePhotoMetadata(first, { caption: '새 캡션', creator: ['이서준'], credit: '한빛', copyright: '' });
    const meta = await readPhotoMetadata(bytes);
    expect(meta.caption).toBe('새 캡션');
    expect(meta.creator).toEqual(['이서준']);
    expect(meta.headline).toBe(META.headline);
    expect(meta.altText).toBe(META.altText);
    expect(meta.keywords).toEqual(META.keywords);
    expect(meta.copyright).toBe(''); // given empty: removed from both
    expect(xmpSegments(bytes)).toHaveLength(1);
  });

});

/** What writing must do to any real JPEG: run on our fixtures always, on the corpus when it is here. */
function writesInto(source: Source) {
  it('leaves the image data byte-identical: same segments after SOS and same decoded pixels', async () => {
    expect(source.names.length).toBeGreaterThanOrEqual(5);
    for (const file of source.names) {
      const before = await source.bytes(file);
      const { bytes } = await writePhotoMetadata(before, META);
      expect(Buffer.from(splitJpeg(bytes)!.tail).equals(Buffer.from(splitJpeg(before)!.tail)), file).toBe(true);
      expect(await rawPixels(bytes), file).toBe(await rawPixels(before));
      // Quantisation and Huffman tables, frame header, EXIF and ICC: untouched and in order.
      const others = (b: Uint8Array) => segments(b).filter((s) => s.marker !== 0xed && !isXmp(s)).map((s) => `${s.marker}:${Buffer.from(s.payload ?? []).toString('base64')}`);
      expect(others(bytes), file).toEqual(others(before));
    }
  });

  for (const file of source.names) {
    it(`replaces ${file}'s XMP and IIM values instead of adding copies`, async () => {
      const before = await source.bytes(file);
      const original = await readPhotoMetadata(before);
      const { bytes } = await writePhotoMetadata(before, META);

      expect(xmpSegments(bytes)).toHaveLength(1);
      const irb = Buffer.concat(app13(bytes).map((s) => s.payload!.subarray(14)));
      expect(parseIrb(irb).filter((r) => r.id === IRB_IIM)).toHaveLength(1);

      const meta = await readPhotoMetadata(bytes);
      expect(meta.caption).toBe(META.caption);
      expect(meta.creator).toEqual(META.creator);
      expect(meta.credit).toBe(LONG_CREDIT);
      expect(meta.copyright).toBe(META.copyright);
      expect(meta.keywords).toEqual(META.keywords);
      // What we did not write survives: the photographer's date and city.
      expect(meta.dateCreated).toBe(original.dateCreated);
      expect(meta.city).toBe(original.city);

      const iim = await iimOnly(bytes);
      expect(list(iim.Caption)).toEqual([META.caption]);
      expect(list(iim.Byline)).toEqual(META.creator);
      expect(list(iim.Credit)).toEqual(['한빛경제신문사진부데']);
      // Old single values are gone, not left beside ours.
      const raw = (await exifr.parse(bytes, EXIFR_OPTIONS)) as RawMetadata;
      expect(JSON.stringify(raw.dc?.description)).not.toMatch(await source.oldCaption(file));
      expect(list(iim.Caption).join()).not.toMatch(await source.oldCaption(file));
      expect(raw.photoshop?.LegacyIPTCDigest).toBeUndefined();
    });
  }

  it('survives a second write without growing', async () => {
    const once = (await writePhotoMetadata(await source.bytes(source.names[0]), META)).bytes;
    const twice = (await writePhotoMetadata(once, META)).bytes;
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
  });
}

describe('writePhotoMetadata on our fixture photos', () => writesInto(OWN));
describe.skipIf(skipConformance('photo metadata writing'))('conformance (../shared): writePhotoMetadata on the photographers\' photos', () => writesInto(CORPUS));

describe('writePhotoMetadata on other formats', () => {
  const image = () => sharp({ create: { width: 16, height: 12, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 0.5 } } });

  it('writes XMP into a PNG as an iTXt chunk, leaving the image chunks untouched', async () => {
    const png = await image().png().toBuffer();
    const { bytes, warnings } = await writePhotoMetadata(png, META);
    expect(warnings).toEqual([]);
    const meta = await readPhotoMetadata(bytes);
    expect(meta.caption).toBe(META.caption);
    expect(meta.credit).toBe(LONG_CREDIT);
    expect(meta.creator).toEqual(META.creator);
    expect(await rawPixels(bytes)).toBe(await rawPixels(png));
    const idat = (b: Uint8Array) => Buffer.from(b).subarray(Buffer.from(b).indexOf('IDAT') - 4).toString('base64');
    expect(idat(bytes)).toBe(idat(png));
    // Written again: still one XMP chunk.
    const again = (await writePhotoMetadata(bytes, { ...META, caption: '두 번째' })).bytes;
    expect(Buffer.from(again).toString('latin1').split('XML:com.adobe.xmp')).toHaveLength(2);
    expect((await readPhotoMetadata(again)).caption).toBe('두 번째');
  });

  it('writes XMP into a WebP through sharp, with the very same pixels', async () => {
    const webp = await image().webp({ lossless: true }).toBuffer();
    const { bytes, warnings } = await writePhotoMetadata(webp, META);
    expect(warnings).toEqual([]);
    const xmp = (await sharp(bytes).metadata()).xmp?.toString('utf8') ?? '';
    expect(xmp).toContain(LONG_CREDIT);
    expect(xmp).toContain('&lt;모듈&gt; &amp; “배터리”');
    expect(await rawPixels(bytes)).toBe(await rawPixels(webp));
  });

  it('copies a GIF unchanged and says the metadata was not written', async () => {
    const gif = await image().gif().toBuffer();
    const { bytes, warnings } = await writePhotoMetadata(gif, META);
    expect(Buffer.from(bytes).equals(gif)).toBe(true);
    expect(warnings).toEqual([{ field: 'all', reason: 'notWritten', bytes: 0, limit: 0 }]);
  });

  it('copies a JPEG with a broken structure unchanged, with a warning', async () => {
    const broken = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x50, 1, 2, 3]);
    const { bytes, warnings } = await writePhotoMetadata(broken, META);
    expect(bytes).toEqual(broken);
    expect(warnings[0].reason).toBe('notWritten');
  });
});
