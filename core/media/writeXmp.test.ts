import { describe, expect, it } from 'vitest';
import exifr from 'exifr';
import sharp from 'sharp';
import { DOMParser } from '@xmldom/xmldom';
import { pngWithXmp, xmpFromApp1, xmpPacket, XMP_JPEG_HEADER } from './writeXmp';

const META = { caption: 'a < b & "c" 캡션', creator: ['김하늘', 'Dana <D>'], credit: '한빛경제', copyright: '© 한빛', headline: '제목', altText: '대체 텍스트', keywords: ['k1', 'k&2'] };
const DC = 'http://purl.org/dc/elements/1.1/';
const parse = (xml: string) => new DOMParser().parseFromString(xml.replace(/<\?xpacket[^>]*\?>/g, ''), 'text/xml');

describe('xmpPacket', () => {
  it('writes every field with the IPTC types, escaped, and parses as XML', () => {
    const xml = xmpPacket(META);
    expect(xml.startsWith('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>')).toBe(true);
    expect(xml.endsWith('<?xpacket end="w"?>')).toBe(true);
    expect(xml).toContain('a &lt; b &amp; "c" 캡션');
    expect(xml).not.toContain('Dana <D>');
    const doc = parse(xml);
    const desc = doc.getElementsByTagNameNS(DC, 'description')[0];
    expect(desc.getElementsByTagName('rdf:Alt')).toHaveLength(1);
    expect(desc.getElementsByTagName('rdf:li')[0].getAttribute('xml:lang')).toBe('x-default');
    expect(desc.textContent).toBe(META.caption);
    expect(doc.getElementsByTagNameNS(DC, 'creator')[0].getElementsByTagName('rdf:Seq')).toHaveLength(1);
    expect(doc.getElementsByTagNameNS(DC, 'subject')[0].getElementsByTagName('rdf:Bag')).toHaveLength(1);
    expect(doc.getElementsByTagNameNS(DC, 'rights')[0].getElementsByTagName('rdf:Alt')).toHaveLength(1);
  });

  it('edits an existing packet: replaces attribute and element forms of our fields, keeps the rest', () => {
    const existing = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="Old Credit" photoshop:City="Seoul" photoshop:LegacyIPTCDigest="ABC"/>
      <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">Old caption</rdf:li></rdf:Alt></dc:description></rdf:Description>
    </rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const xml = xmpPacket(META, existing);
    expect(xml).not.toContain('Old Credit');
    expect(xml).not.toContain('Old caption');
    expect(xml).not.toContain('LegacyIPTCDigest');
    expect(xml).toContain('photoshop:City="Seoul"');
    expect(xml.match(/<photoshop:Credit>/g)).toHaveLength(1);
    expect(xml.match(/<dc:description>/g)).toHaveLength(1);
  });

  it('starts from an empty packet when the existing one is broken or has a DOCTYPE', () => {
    for (const bad of ['<x:xmpmeta><rdf:RDF', '<!DOCTYPE x [<!ENTITY e "boom">]><x:xmpmeta xmlns:x="adobe:ns:meta/"/>']) {
      const xml = xmpPacket(META, bad);
      expect(xml).not.toContain('boom');
      expect(parse(xml).getElementsByTagNameNS(DC, 'description')[0].textContent).toBe(META.caption);
    }
  });

  it('reads the packet back from an APP1 payload and ignores other APP1s', () => {
    const payload = new Uint8Array(Buffer.concat([Buffer.from(XMP_JPEG_HEADER, 'latin1'), Buffer.from('<x/>')]));
    expect(xmpFromApp1(payload)).toBe('<x/>');
    expect(xmpFromApp1(new Uint8Array(Buffer.from('Exif\0\0MM')))).toBeNull();
  });
});

describe('pngWithXmp', () => {
  it('adds one readable iTXt chunk before IDAT and refuses a broken PNG', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123456' } }).png().toBuffer();
    const out = pngWithXmp(png, xmpPacket(META))!;
    const text = Buffer.from(out).toString('latin1');
    expect(text.indexOf('iTXtXML:com.adobe.xmp')).toBeGreaterThan(0);
    expect(text.indexOf('iTXtXML:com.adobe.xmp')).toBeLessThan(text.indexOf('IDAT'));
    const raw = (await exifr.parse(out, { xmp: true, mergeOutput: false })) as Record<string, Record<string, unknown>>;
    expect(raw.photoshop.Credit).toBe('한빛경제');
    expect(pngWithXmp(png.subarray(0, png.length - 20), 'x')).toBeNull();
  });
});
