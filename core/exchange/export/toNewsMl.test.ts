import { describe, it, expect } from 'vitest';
import { XMLSerializer } from '@xmldom/xmldom';
import type { ExportArticle } from '../../../shared/exchange/types';
import { useSampleExports, SECRET_DESK_NOTE, SECRET_NOTE } from '../testing/sampleArticles';
import { NEWSML_XSD, NITF_XSD, xmllint } from '../testing/xmllint';
import { parseXmlSafely } from '../xml/parseXmlSafely';
import { attrOf, childElements, descendants, pathOf, textOf } from '../xml/xmlDom';
import { toNewsMl } from './toNewsMl';

const now = new Date('2025-03-04T05:06:07Z');
const opts = { now, photoHref: (p: { fileName: string }) => `photos/${p.fileName}` };
const parse = (xml: string) => parseXmlSafely(new TextEncoder().encode(xml), 'out.xml').documentElement;
const itemClass = (item: Element) => attrOf(pathOf(item, 'itemMeta', 'itemClass'), 'qcode');

let ko: ExportArticle;
let en: ExportArticle;
useSampleExports((s) => ({ ko, en } = s));

describe('toNewsMl', () => {
  it('is valid NewsML-G2 2.35 for both sample stories, its inline NITF valid NITF 3.6, and the validator really checks', () => {
    for (const a of [ko, en]) {
      const xml = toNewsMl(a, opts);
      expect(xmllint(xml, NEWSML_XSD)).toEqual({ ok: true, errors: expect.stringContaining('validates') });
      const nitf = descendants(parse(xml), 'nitf')[0];
      expect(xmllint(new XMLSerializer().serializeToString(nitf as never), NITF_XSD).ok).toBe(true);
      // Items inside itemSet are checked too: an undeclared element in the text item fails.
      expect(xmllint(xml.replace('<slugline>', '<sluglinez>').replace('</slugline>', '</sluglinez>'), NEWSML_XSD).ok).toBe(false);
    }
  });

  it('packages a text item with the NITF body inline and one picture item per photo', () => {
    const root = parse(toNewsMl(ko, opts));
    expect(textOf(pathOf(root, 'header', 'sent'))).toBe('2025-03-04T05:06:07.000Z');
    const items = childElements(pathOf(root, 'itemSet')!);
    expect(items.map(itemClass)).toEqual(['ninat:composite', 'ninat:text', 'ninat:picture', 'ninat:picture']);
    expect(ko.photos).toHaveLength(2);
    const [pkg, text, ...pictures] = items;
    const refs = descendants(pkg, 'itemRef').map((r) => attrOf(r, 'residref'));
    expect(refs).toEqual([text, ...pictures].map((i) => attrOf(i, 'guid')));

    const meta = pathOf(text, 'contentMeta')!;
    expect(textOf(pathOf(meta, 'headline'))).toBe(ko.headline);
    expect(textOf(pathOf(meta, 'slugline'))).toBe('테크인사이드');
    expect(childElements(meta, 'keyword').map(textOf)).toEqual(['배터리', '재활용', '도시광산']);
    expect(attrOf(pathOf(meta, 'language'), 'tag')).toBe('ko');
    expect(childElements(meta, 'creator').map((c) => textOf(pathOf(c, 'name')))).toEqual(['김하늘', '박도윤']);
    expect(textOf(pathOf(meta, 'by'))).toBe('[한빛경제=산업부 김하늘ㆍ박도윤 기자]');
    const inline = pathOf(text, 'contentSet', 'inlineXML')!;
    expect(attrOf(inline, 'contenttype')).toBe('application/nitf+xml');
    expect(textOf(descendants(inline, 'hl1')[0])).toBe(ko.headline);

    const first = pictures[0];
    expect(textOf(pathOf(first, 'contentMeta', 'creditline'))).toBe('김하늘 기자');
    expect(textOf(pathOf(first, 'contentMeta', 'description'))).toBe('경북 포항의 한 배터리 재활용 공장에서 작업자가 배터리 모듈을 옮기고 있다.');
    const remote = pathOf(first, 'contentSet', 'remoteContent')!;
    expect([attrOf(remote, 'href'), attrOf(remote, 'contenttype'), attrOf(remote, 'width')]).toEqual(['photos/photo-01.jpg', 'image/jpeg', String(ko.photos[0].width)]);
    expect(textOf(pathOf(pictures[1], 'contentMeta', 'creditline'))).toBe('한빛경제 사진부');
  });

  it('carries the photographer from the photo file as creator', () => {
    const root = parse(toNewsMl(en, opts));
    const pictures = childElements(pathOf(root, 'itemSet')!).filter((i) => itemClass(i) === 'ninat:picture');
    expect(pictures).toHaveLength(en.photos.length);
    const creators = pictures.map((p) => descendants(p, 'creator').map((c) => textOf(pathOf(c, 'name'))));
    expect(creators).toEqual(en.photos.map((p) => p.metadata.creator.filter((c) => c.trim())));
    expect(creators.flat().length).toBeGreaterThan(0);
  });

  it('holds an embargoed story back and leaves out notes, TKs and the desk note', () => {
    const xml = toNewsMl({ ...en, embargo: '2025-03-05T00:00:00.000Z' }, opts);
    expect(xmllint(xml, NEWSML_XSD).ok).toBe(true);
    const text = childElements(pathOf(parse(xml), 'itemSet')!)[1];
    expect(attrOf(pathOf(text, 'itemMeta', 'pubStatus'), 'qcode')).toBe('stat:withheld');
    expect(textOf(pathOf(text, 'itemMeta', 'embargoed'))).toBe('2025-03-05T00:00:00.000Z');
    for (const secret of [SECRET_NOTE, SECRET_DESK_NOTE, 'check with port', 'lawyer to read']) expect(xml).not.toContain(secret);
  });
});
