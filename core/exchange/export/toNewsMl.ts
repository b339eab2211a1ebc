// IPTC NewsML-G2 2.35 (Power conformance) for agencies and partners that take G2: a newsMessage
// whose itemSet holds a packageItem grouping the story, the text newsItem (metadata plus the
// NITF body inline, the way IPTC's LISTING 22 carries it) and one picture newsItem per photo
// (remoteContent pointing at the photo file, caption, credit line and creator). Valid against
// NewsML-G2_2.35-spec-All-Power.xsd; built with xmlbuilder2 so user text is always escaped.
import { create } from 'xmlbuilder2';
import type { ExportArticle, ExportFigure, ExportPhoto } from '../../../shared/exchange/types';
import { xmlSafe } from '../xml/xmlText';
import type { XMLBuilder } from './nitfBody';
import { appendNitf } from './toNitf';

export const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** The IPTC catalog that defines the qcode schemes used here (ninat:, stat:, drol:, crol:, rnd:, group:). */
const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml';

export interface NewsMlOptions {
  now: Date;
  /** Where the item points for a photo, e.g. `photos/photo-01.jpg`. */
  photoHref(photo: ExportPhoto): string;
}

export const textGuid = (a: ExportArticle) => `urn:copydesk:article:${a.id}`;
export const pictureGuid = (photo: ExportPhoto) => `urn:copydesk:photo:${photo.id}`;
const packageGuid = (a: ExportArticle) => `urn:copydesk:package:${a.id}`;

function startItem(set: XMLBuilder, kind: 'newsItem' | 'packageItem', guid: string, a: ExportArticle): XMLBuilder {
  const item = set
    .ele(kind, { guid, version: String(Math.max(1, a.revision)), standard: 'NewsML-G2', standardversion: '2.35', conformance: 'power' })
    .att(XML_NS, 'xml:lang', a.language);
  item.ele('catalogRef', { href: IPTC_CATALOG });
  const outlet = a.byline.outlet.trim();
  if (outlet) {
    const rights = item.ele('rightsInfo');
    rights.ele('copyrightHolder').ele('name').txt(xmlSafe(outlet));
  }
  return item;
}

function itemMeta(item: XMLBuilder, itemClass: string, a: ExportArticle, now: Date, title: string): void {
  const meta = item.ele('itemMeta');
  meta.ele('itemClass', { qcode: itemClass });
  const outlet = a.byline.outlet.trim();
  const provider = meta.ele('provider', { literal: 'copydesk' });
  if (outlet) provider.ele('name').txt(xmlSafe(outlet));
  meta.ele('versionCreated').txt(now.toISOString());
  meta.ele('firstCreated').txt(new Date(a.createdAt).toISOString());
  const embargoed = a.embargo !== null && Date.parse(a.embargo) > now.getTime();
  if (a.embargo) meta.ele('embargoed').txt(new Date(a.embargo).toISOString());
  meta.ele('pubStatus', { qcode: embargoed ? 'stat:withheld' : 'stat:usable' });
  if (title) meta.ele('title').txt(xmlSafe(title));
  for (const c of a.corrections) meta.ele('edNote').txt(xmlSafe(`${c.at.slice(0, 10)}: ${c.note}`));
}

function textItem(set: XMLBuilder, a: ExportArticle, opts: NewsMlOptions): void {
  const item = startItem(set, 'newsItem', textGuid(a), a);
  itemMeta(item, 'ninat:text', a, opts.now, a.headline);
  const meta = item.ele('contentMeta');
  meta.ele('contentCreated').txt(new Date(a.createdAt).toISOString());
  meta.ele('contentModified').txt(new Date(a.updatedAt).toISOString());
  if (a.dateline) meta.ele('located').ele('name').txt(xmlSafe(a.dateline));
  for (const r of a.byline.reporters) {
    if (!r.name.trim()) continue;
    const creator = meta.ele('creator', { role: 'crol:author' });
    creator.ele('name').txt(xmlSafe(r.name.trim()));
    if (r.email.trim()) creator.ele('personDetails').ele('contactInfo').ele('email').txt(xmlSafe(r.email.trim()));
  }
  meta.ele('language', { tag: a.language });
  for (const tag of a.tags) meta.ele('keyword').txt(xmlSafe(tag));
  if (a.kicker) meta.ele('slugline').txt(xmlSafe(a.kicker));
  meta.ele('headline').txt(xmlSafe(a.headline));
  if (a.dateline) meta.ele('dateline').txt(xmlSafe(a.dateline));
  if (a.bylineText) meta.ele('by').txt(xmlSafe(a.bylineText));
  if (a.deck.length) meta.ele('description', { role: 'drol:summary' }).txt(xmlSafe(a.deck.join(' ')));
  const inline = item.ele('contentSet').ele('inlineXML', { contenttype: 'application/nitf+xml' });
  appendNitf(inline, a, opts);
}

function pictureItem(set: XMLBuilder, a: ExportArticle, photo: ExportPhoto, figure: ExportFigure | undefined, opts: NewsMlOptions): void {
  const item = startItem(set, 'newsItem', pictureGuid(photo), a);
  itemMeta(item, 'ninat:picture', a, opts.now, '');
  const meta = item.ele('contentMeta');
  for (const name of photo.metadata.creator) {
    if (name.trim()) meta.ele('creator', { role: 'crol:photographer' }).ele('name').txt(xmlSafe(name.trim()));
  }
  const credit = figure?.credit.trim() || photo.metadata.credit.trim();
  if (credit) meta.ele('creditline').txt(xmlSafe(credit));
  const caption = figure?.caption.trim() || photo.metadata.caption.trim();
  if (caption) meta.ele('description', { role: 'drol:caption' }).txt(xmlSafe(caption));
  item.ele('contentSet').ele('remoteContent', {
    rendition: 'rnd:web',
    href: xmlSafe(opts.photoHref(photo)),
    contenttype: photo.mimeType,
    width: String(photo.width),
    height: String(photo.height),
  });
}

function packageItem(set: XMLBuilder, a: ExportArticle, opts: NewsMlOptions): void {
  const item = startItem(set, 'packageItem', packageGuid(a), a);
  itemMeta(item, 'ninat:composite', a, opts.now, a.headline);
  item.ele('contentMeta').ele('headline').txt(xmlSafe(a.headline));
  const group = item.ele('groupSet', { root: 'G1' }).ele('group', { id: 'G1', role: 'group:main' });
  const ref = (guid: string, itemClass: string, title: string, description: string, role: string) => {
    const r = group.ele('itemRef', { residref: guid, contenttype: 'application/vnd.iptc.g2.newsitem+xml' });
    r.ele('itemClass', { qcode: itemClass });
    if (title) r.ele('title').txt(xmlSafe(title));
    if (description) r.ele('description', { role }).txt(xmlSafe(description));
  };
  ref(textGuid(a), 'ninat:text', a.headline, a.deck.join(' '), 'drol:summary');
  for (const photo of a.photos) {
    const figure = a.figures.find((f) => f.photo?.id === photo.id);
    ref(pictureGuid(photo), 'ninat:picture', '', figure?.caption.trim() ?? '', 'drol:caption');
  }
}

export function toNewsMl(a: ExportArticle, opts: NewsMlOptions): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const message = doc.ele(NAR_NS, 'newsMessage');
  message.ele('header').ele('sent').txt(opts.now.toISOString());
  const set = message.ele('itemSet');
  packageItem(set, a, opts);
  textItem(set, a, opts);
  for (const photo of a.photos) pictureItem(set, a, photo, a.figures.find((f) => f.photo?.id === photo.id), opts);
  return doc.end({ prettyPrint: false });
}
