// IPTC NITF 3.6 for wire and syndication partners, valid against nitf-3-6.xsd: kicker → `series`,
// headline → `hl1`, deck → `hl2` and `abstract`, byline → `byline` with `person`/`byttl`, outlet
// → `distributor`, tags → `key-list`, embargo → `management-status` + `date.release`,
// corrections → `correction` and a publishable note, e-mail → `body.end/tagline`. Built with
// xmlbuilder2 so user text is always escaped.
import { create } from 'xmlbuilder2';
import { mailtoHref } from '../../../shared/body/linkSafety';
import type { ExportArticle, ExportPhoto } from '../../../shared/exchange/types';
import { xmlSafe } from '../xml/xmlText';
import { appendBlocks, appendInlines, type XMLBuilder } from './nitfBody';
import { appendByline } from './nitfByline';
import { nitfDate } from './nitfDates';

export const NITF_NS = 'http://iptc.org/std/NITF/2006-10-18/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The values nitf-3-6.xsd fixes for the root element. */
export const NITF_VERSION = { version: '-//IPTC//DTD NITF 3.6//EN', 'change.date': 'September 11, 2009', 'change.time': '12:26' } as const;

export interface NitfOptions {
  now: Date;
  /** Where the NITF points for a photo, e.g. `photos/photo-01.jpg`. */
  photoHref(photo: ExportPhoto): string;
}

const CORRECTION_LABEL = { ko: '정정', en: 'Correction' } as const;

function appendHead(nitf: XMLBuilder, a: ExportArticle, now: Date): void {
  const head = nitf.ele('head');
  if (a.headline) head.ele('title').txt(xmlSafe(a.headline));
  // The desk has no NITF element; meta is NITF's place for metadata it does not model.
  if (a.byline.desk.trim()) head.ele('meta', { name: 'desk', content: xmlSafe(a.byline.desk.trim()) });
  const embargoed = a.embargo !== null && Date.parse(a.embargo) > now.getTime();
  const docdata = head.ele('docdata', { 'management-status': embargoed ? 'embargoed' : 'usable' });
  for (const c of a.corrections) docdata.ele('correction', { info: xmlSafe(c.note), 'id-string': a.id });
  docdata.ele('doc-id', { 'id-string': a.id });
  docdata.ele('date.issue', { norm: nitfDate(now) });
  if (a.embargo) docdata.ele('date.release', { norm: nitfDate(new Date(a.embargo)) });
  if (a.byline.outlet.trim()) docdata.ele('doc.copyright', { year: String(now.getUTCFullYear()), holder: xmlSafe(a.byline.outlet.trim()) });
  if (a.tags.length) {
    const keys = docdata.ele('key-list');
    for (const tag of a.tags) keys.ele('keyword', { key: xmlSafe(tag) });
  }
}

function appendBodyHead(body: XMLBuilder, a: ExportArticle): void {
  const bodyHead = body.ele('body.head');
  const hedline = bodyHead.ele('hedline');
  hedline.ele('hl1').txt(xmlSafe(a.headline));
  for (const line of a.deck) hedline.ele('hl2').txt(xmlSafe(line));
  if (a.corrections.length) {
    const content = bodyHead.ele('note', { noteclass: 'editorsnote', type: 'pa' }).ele('body.content');
    for (const c of a.corrections) content.ele('p').txt(xmlSafe(`${CORRECTION_LABEL[a.language]} (${c.at.slice(0, 10)}): ${c.note}`));
  }
  appendByline(bodyHead, a);
  if (a.byline.outlet.trim()) bodyHead.ele('distributor').ele('org').txt(xmlSafe(a.byline.outlet.trim()));
  if (a.dateline) bodyHead.ele('dateline').ele('location').txt(xmlSafe(a.dateline));
  if (a.deck.length) {
    const abstract = bodyHead.ele('abstract');
    for (const line of a.deck) abstract.ele('p').txt(xmlSafe(line));
  }
  if (a.kicker) bodyHead.ele('series', { 'series.name': xmlSafe(a.kicker) });
}

/** The `nitf` element, for the NITF file and for NewsML-G2's inlineXML. */
export function appendNitf(parent: XMLBuilder | null, a: ExportArticle, opts: NitfOptions): XMLBuilder {
  const doc = parent ?? create({ version: '1.0', encoding: 'UTF-8' });
  const nitf = doc.ele(NITF_NS, 'nitf', { ...NITF_VERSION, baselang: a.language }).att(XML_NS, 'xml:lang', a.language);
  appendHead(nitf, a, opts.now);
  const body = nitf.ele('body');
  appendBodyHead(body, a);
  appendBlocks(body.ele('body.content'), a.blocks, { figures: a.figures, photoHref: opts.photoHref });
  if (a.signOff) {
    appendInlines(body.ele('body.end').ele('tagline'), [{ text: a.signOff, href: mailtoHref(a.signOff) ?? undefined }]);
  }
  return doc;
}

export function toNitf(a: ExportArticle, opts: NitfOptions): string {
  return appendNitf(null, a, opts).end({ prettyPrint: false });
}
