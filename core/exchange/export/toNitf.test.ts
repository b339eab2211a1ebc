import { describe, it, expect } from 'vitest';
import type { ExportArticle } from '../../../shared/exchange/types';
import { useSampleExports, SECRET_DESK_NOTE, SECRET_NOTE } from '../testing/sampleArticles';
import { NITF_XSD, xmllint } from '../testing/xmllint';
import { parseXmlSafely } from '../xml/parseXmlSafely';
import { attrOf, childElements, descendants, pathOf, textOf } from '../xml/xmlDom';
import { NITF_NS, toNitf } from './toNitf';

const now = new Date('2025-03-04T05:06:07Z');
const opts = { now, photoHref: (p: { fileName: string }) => `photos/${p.fileName}` };
const parse = (xml: string) => parseXmlSafely(new TextEncoder().encode(xml), 'out.xml').documentElement;
const texts = (root: Element, name: string) => descendants(root, name).map(textOf);

let ko: ExportArticle;
let en: ExportArticle;
useSampleExports((s) => ({ ko, en } = s));

describe('toNitf', () => {
  it('is valid NITF 3.6 for both sample stories, and the validator really checks', () => {
    for (const a of [ko, en]) {
      const xml = toNitf(a, opts);
      expect(xmllint(xml, NITF_XSD)).toEqual({ ok: true, errors: expect.stringContaining('validates') });
      const mutated = xml.replace('<hl1>', '<hl9>').replace('</hl1>', '</hl9>');
      expect(xmllint(mutated, NITF_XSD).ok).toBe(false);
    }
  });

  it('maps the Korean story: hl1, deck hl2, 중간제목, series, byline persons, photos, tagline, keywords', () => {
    const root = parse(toNitf(ko, opts));
    expect(root.namespaceURI).toBe(NITF_NS);
    expect(attrOf(root, 'lang')).toBe('ko');
    const bodyHead = pathOf(root, 'body', 'body.head')!;
    expect(textOf(pathOf(bodyHead, 'hedline', 'hl1'))).toBe('폐배터리에서 리튬 캐는 ‘도시광산’…재활용 경쟁 불붙었다');
    expect(childElements(pathOf(bodyHead, 'hedline')!, 'hl2').map(textOf)).toEqual(['2030년 전기차 폐배터리 연 10만개 쏟아져', '완성차ㆍ배터리ㆍ소재사 삼파전']);
    expect(attrOf(pathOf(bodyHead, 'series'), 'series.name')).toBe('테크인사이드');
    const byline = pathOf(bodyHead, 'byline')!;
    expect(textOf(byline)).toBe('[한빛경제=산업부 김하늘ㆍ박도윤 기자]');
    expect(texts(byline, 'person')).toEqual(['김하늘', '박도윤']);
    expect(texts(byline, 'byttl')).toEqual(['기자']);
    expect(textOf(pathOf(bodyHead, 'distributor'))).toBe('한빛경제');
    const content = pathOf(root, 'body', 'body.content')!;
    expect(childElements(content, 'hl2').map(textOf)).toEqual(['회수율이 승부처']);
    expect(texts(content, 'media-caption')).toEqual(['경북 포항의 한 배터리 재활용 공장에서 작업자가 배터리 모듈을 옮기고 있다.', '재활용 공정을 설명하는 연구원']);
    expect(texts(content, 'media-producer')).toEqual(['김하늘 기자', '한빛경제 사진부']);
    const ref = descendants(content, 'media-reference')[0];
    expect([attrOf(ref, 'source'), attrOf(ref, 'mime-type'), attrOf(ref, 'width'), attrOf(ref, 'alternate-text')]).toEqual([
      'photos/photo-01.jpg',
      'image/jpeg',
      String(ko.photos[0].width),
      '배터리 모듈을 옮기는 작업자',
    ]);
    expect(texts(content, 'em')).toEqual(['리튬과 니켈', '“배터리 여권”']);
    expect(attrOf(descendants(content, 'a')[0], 'href')).toBe('https://www.me.go.kr/');
    expect(texts(pathOf(content, 'bq', 'block')!, 'p')).toEqual(['누가 더 많은 폐배터리를 확보하느냐가 경쟁력을 가를 것']);
    expect(texts(pathOf(content, 'ul')!, 'li')).toEqual(['리튬 회수율 80%대', '니켈 회수율 95%']);
    const tagline = pathOf(root, 'body', 'body.end', 'tagline')!;
    expect(attrOf(descendants(tagline, 'a')[0], 'href')).toBe('mailto:sky@hanbit-econ.example');
    const docdata = pathOf(root, 'head', 'docdata')!;
    expect(descendants(docdata, 'keyword').map((k) => attrOf(k, 'key'))).toEqual(['배터리', '재활용', '도시광산']);
    expect(attrOf(pathOf(docdata, 'doc-id'), 'id-string')).toBe(ko.id);
    expect(attrOf(pathOf(docdata, 'date.issue'), 'norm')).toBe('20250304T050607Z');
    expect(attrOf(docdata, 'management-status')).toBe('usable');
    expect(pathOf(docdata, 'date.release')).toBeNull();
  });

  it('maps the English story: dateline, byline with its unprinted role, ordered list, escaped text', () => {
    const root = parse(toNitf(en, opts));
    const bodyHead = pathOf(root, 'body', 'body.head')!;
    expect(textOf(pathOf(bodyHead, 'dateline', 'location'))).toBe('PORT AVERY');
    const byline = pathOf(bodyHead, 'byline')!;
    expect(texts(byline, 'person')).toEqual(['Dana Whitfield', 'Marco Ilves']);
    expect(texts(byline, 'byttl')).toEqual(['Energy reporter']);
    expect(texts(pathOf(bodyHead, 'abstract')!, 'p')).toEqual(['Retired car ferries are being refitted as grid storage along the coast']);
    const content = pathOf(root, 'body', 'body.content')!;
    expect(texts(pathOf(content, 'ol')!, 'li')).toEqual(['Sprinklers on every deck', 'Flooding system']);
    expect(childElements(content, 'p').map(textOf)).toContain('"We already had the hull," said Petra Holm, who runs the project. See the port notice & details <here>.');
    expect(attrOf(descendants(content, 'a')[0], 'href')).toBe('https://example.org/notice?a=1&b=2');
    expect(attrOf(pathOf(root, 'body', 'body.end', 'tagline', 'a'), 'href')).toBe('mailto:dana.whitfield@coastline-herald.example');
  });

  it('leaves out editor’s notes, TKs and the note to the desk', () => {
    for (const a of [ko, en]) {
      const xml = toNitf(a, opts);
      for (const secret of [SECRET_NOTE, SECRET_DESK_NOTE, 'check with port', 'lawyer to read']) expect(xml).not.toContain(secret);
      expect(textOf(parse(xml))).not.toMatch(/\bTK/);
    }
  });

  it('marks an embargoed copy and carries corrections, still valid', () => {
    const held = { ...en, embargo: '2025-03-05T00:00:00.000Z', corrections: [{ at: '2025-03-01T10:00:00.000Z', by: 'desk', note: 'Fixed the <ferry> name & date' }] };
    const xml = toNitf(held, opts);
    expect(xmllint(xml, NITF_XSD).ok).toBe(true);
    const docdata = pathOf(parse(xml), 'head', 'docdata')!;
    expect(attrOf(docdata, 'management-status')).toBe('embargoed');
    expect(attrOf(pathOf(docdata, 'date.release'), 'norm')).toBe('20250305T000000Z');
    expect(attrOf(pathOf(docdata, 'correction'), 'info')).toBe('Fixed the <ferry> name & date');
    const past = pathOf(parse(toNitf({ ...held, embargo: '2025-03-01T00:00:00.000Z' }, opts)), 'head', 'docdata')!;
    expect(attrOf(past, 'management-status')).toBe('usable');
  });

  it('stays valid XML when user text holds characters XML cannot carry', () => {
    const odd = { ...en, headline: 'Bad\u0001 ]]> <b>&amp;', kicker: '\uFFFF', figures: en.figures.map((f) => ({ ...f, photo: null })) };
    const xml = toNitf(odd, opts);
    expect(xmllint(xml, NITF_XSD).ok).toBe(true);
    expect(textOf(pathOf(parse(xml), 'body', 'body.head', 'hedline', 'hl1'))).toBe('Bad ]]> <b>&amp;');
  });
});
