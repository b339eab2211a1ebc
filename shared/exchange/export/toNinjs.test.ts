import { describe, it, expect } from 'vitest';
import { useSampleExports, SECRET_DESK_NOTE, SECRET_NOTE } from '../../../core/exchange/testing/sampleArticles';
import { ninjsErrors } from '../../../core/exchange/testing/ninjsValidator';
import { countText } from '../../counting/countText';
import type { ExportArticle } from '../types';
import { toNinjs } from './toNinjs';

let ko: ExportArticle;
let en: ExportArticle;
const now = new Date('2030-01-01T00:00:00Z');
const photoHref = (p: { fileName: string }) => `photos/${p.fileName}`;

useSampleExports((s) => ({ ko, en } = s));

type Doc = Record<string, unknown> & { headlines: { role: string; value: string }[]; bodies: { role: string; contentType: string; value: string; charCount: number; wordCount: number }[] };

describe('toNinjs', () => {
  it('writes both sample articles as valid ninjs 3.1', () => {
    for (const a of [ko, en]) expect(ninjsErrors(toNinjs(a, { now, photoHref }))).toEqual([]);
  });

  it('maps the English story field by field', () => {
    const doc = toNinjs(en, { now, photoHref }) as Doc;
    expect(doc.uri).toBe(`urn:copydesk:article:${en.id}`);
    expect(doc).toMatchObject({ type: 'text', version: String(en.revision), firstCreated: en.createdAt, versionCreated: en.updatedAt, pubStatus: 'usable', language: 'en' });
    expect(doc.headlines).toEqual([
      { role: 'main', value: 'Harbor cities race to turn old ferries into floating battery banks' },
      { role: 'kicker', value: 'Business | Energy' },
      { role: 'subheadline', value: 'Retired car ferries are being refitted as grid storage along the coast' },
    ]);
    expect(doc.by).toBe('By Dana Whitfield and Marco Ilves');
    expect(doc.people).toEqual([
      { name: 'Dana Whitfield', rel: 'author', contactInfo: [{ type: 'email', role: 'work', value: 'dana.whitfield@coastline-herald.example' }] },
      { name: 'Marco Ilves', rel: 'author' },
    ]);
    expect(doc.infoSources).toEqual([{ name: 'Coastline Herald', role: 'publisher' }]);
    expect(doc.subjects).toEqual([{ name: 'Energy storage' }, { name: 'Shipping' }]);
    expect(doc.located).toBe('PORT AVERY');
    expect(doc).not.toHaveProperty('embargoedUntil');

    const [text, html] = doc.bodies;
    expect(text).toMatchObject({ role: 'main', contentType: 'text/plain' });
    expect(html).toMatchObject({ role: 'richtext', contentType: 'text/html' });
    expect(text.value.split('\n\n')[0]).toBe('The last passenger ferry on the Avery-Lund crossing made its final run in March. By autumn it was back in the harbor, its car deck stacked with battery racks.');
    expect(text.value.endsWith('dana.whitfield@coastline-herald.example')).toBe(true);
    expect(text.charCount).toBe(countText(text.value).chars);
    expect(text.wordCount).toBe(countText(text.value).words);
    expect(text.wordCount).toBe(79);
    // Built HTML escapes text and attributes, keeps marks, headings, lists and figures.
    expect(html.value).toContain(' &amp; details &lt;here&gt;.');
    expect(html.value).toContain('<a href="https://example.org/notice?a=1&amp;b=2">port notice</a>');
    expect(html.value).toContain('<h2>Fire risk</h2>');
    expect(html.value).toContain('<ol><li>Sprinklers on every deck</li>');
    expect(html.value).toContain('<strong>battery racks</strong>');
    expect(html.value).toContain(
      '<figure data-association="figure-1"><img src="photos/photo-01.jpg" alt="Battery racks on a ferry deck"><figcaption>Workers install battery racks on the car deck of the former ferry Lund Star. (Photo: Ines Okafor/Coastline Herald)</figcaption></figure>',
    );
  });

  it('turns every figure into a picture association with caption, credit and rendition', () => {
    const doc = toNinjs(en, { now, photoHref }) as Doc & { associations: Record<string, unknown>[] };
    expect(doc.associations).toHaveLength(2);
    const [first, second] = doc.associations;
    const photo = en.figures[0].photo!;
    expect(first).toMatchObject({
      name: 'figure-1',
      uri: `urn:copydesk:photo:${photo.id}`,
      type: 'picture',
      by: 'Ines Okafor/Coastline Herald',
      descriptions: [
        { role: 'caption', contentType: 'text/plain', value: 'Workers install battery racks on the car deck of the former ferry Lund Star.' },
        { role: 'alt', contentType: 'text/plain', value: 'Battery racks on a ferry deck' },
      ],
      renditions: [{ name: 'original', title: 'photos/photo-01.jpg', contentType: 'image/jpeg', width: photo.width, height: photo.height }],
    });
    // The photo file's own copyright travels with it.
    expect(first.copyrightNotice).toBe('©2026 Coastline Herald, all rights reserved');
    expect(second).toMatchObject({ name: 'figure-2', by: 'Coastline Herald' });
  });

  it('writes an absolute photo URL as the rendition href (a relative path is not a URI)', () => {
    const doc = toNinjs(en, { now, photoHref: (p) => `https://cdn.example.org/${p.fileName}` }) as Doc & { associations: { renditions: object[] }[] };
    expect(doc.associations[0].renditions[0]).toMatchObject({ name: 'original', href: 'https://cdn.example.org/photo-01.jpg' });
    expect(ninjsErrors(doc)).toEqual([]);
    const broken = structuredClone(doc);
    broken.associations[0].renditions[0] = { name: 'original', href: 'photos/photo-01.jpg' };
    expect(ninjsErrors(broken).join()).toContain('must match format "uri"');
  });

  it('maps the Korean byline, desk, kicker and deck', () => {
    const doc = toNinjs(ko, { now, photoHref }) as Doc;
    expect(doc.by).toBe(ko.bylineText);
    expect(doc.by).toContain('김하늘');
    expect(doc.infoSources).toEqual([
      { name: '한빛경제', role: 'publisher' },
      { name: '산업부', role: 'desk' },
    ]);
    expect(doc.headlines.filter((h) => h.role === 'subheadline').map((h) => h.value)).toEqual(['2030년 전기차 폐배터리 연 10만개 쏟아져', '완성차ㆍ배터리ㆍ소재사 삼파전']);
    expect(doc.headlines.find((h) => h.role === 'kicker')?.value).toBe('테크인사이드');
    expect(doc.bodies[1].value).toContain('<blockquote><p>누가 더 많은 폐배터리를 확보하느냐가 경쟁력을 가를 것</p></blockquote>');
  });

  it('never carries editor notes, TKs or the note to the desk', () => {
    for (const a of [ko, en]) {
      const json = JSON.stringify(toNinjs(a, { now, photoHref }));
      for (const secret of [SECRET_NOTE, SECRET_DESK_NOTE, 'check with port', 'lawyer to read', 'TK']) expect(json).not.toContain(secret);
      expect(json).not.toContain('edNote');
    }
  });

  it('is withheld with embargoedUntil while embargoed, usable after, canceled when spiked', () => {
    const embargo = '2030-06-01T09:00:00.000Z';
    const held = toNinjs({ ...en, embargo }, { now, photoHref });
    expect(held).toMatchObject({ pubStatus: 'withheld', embargoedUntil: embargo });
    expect(ninjsErrors(held)).toEqual([]);
    expect(toNinjs({ ...en, embargo }, { now: new Date('2030-06-02T00:00:00Z'), photoHref })).toMatchObject({ pubStatus: 'usable', embargoedUntil: embargo });
    expect(toNinjs({ ...en, status: 'spiked' }, { now, photoHref }).pubStatus).toBe('canceled');
  });

  it('uses the HTML body it is given, and carries corrections as descriptions', () => {
    const doc = toNinjs({ ...en, corrections: [{ at: '2030-01-02T00:00:00.000Z', by: 'Desk', note: 'Fixed the capacity.' }] }, { now, photoHref, bodyHtml: '<p>Given</p>' }) as Doc;
    expect(doc.bodies[1].value).toBe('<p>Given</p>');
    expect(doc.descriptions).toEqual([{ role: 'correction', contentType: 'text/plain', value: '2030-01-02T00:00:00.000Z Fixed the capacity.' }]);
    expect(ninjsErrors(doc)).toEqual([]);
  });

  it('fails validation once a required property is removed (the check has teeth)', () => {
    const { uri: _uri, ...doc } = toNinjs(en, { now, photoHref });
    expect(ninjsErrors(doc).join()).toContain("must have required property 'uri'");
    const bad = toNinjs(en, { now, photoHref }) as Doc & { associations: Record<string, unknown>[] };
    delete bad.associations[0].name;
    expect(ninjsErrors(bad).length).toBeGreaterThan(0);
  });
});
