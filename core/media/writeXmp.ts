// The XMP packet Copydesk writes into an exported photo: caption, creator, credit, copyright,
// headline, alt text and keywords as IPTC Photo Metadata says (dc:description, dc:creator, …).
// An existing packet is edited, not thrown away, so the photographer's date, city and rights
// fields survive; only the properties we write are replaced. Built with @xmldom/xmldom, so every
// value is escaped by the serialiser.
import { crc32 } from 'node:zlib';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import type { PhotoMetadataInput } from './photoMetadata';

/** The APP1 identifier of a standard XMP packet in JPEG. */
export const XMP_JPEG_HEADER = 'http://ns.adobe.com/xap/1.0/\0';

const NS = {
  x: 'adobe:ns:meta/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

type Prefix = 'dc' | 'photoshop' | 'Iptc4xmpCore';
type Kind = 'text' | 'langAlt' | 'seq' | 'bag';

/** What we own in the packet; `LegacyIPTCDigest` is dropped because the IIM it vouched for is rewritten. */
const PROPERTIES: { prefix: Prefix; name: string; kind: Kind; value: (m: PhotoMetadataInput) => string | string[] | undefined }[] = [
  { prefix: 'dc', name: 'description', kind: 'langAlt', value: (m) => m.caption },
  { prefix: 'dc', name: 'creator', kind: 'seq', value: (m) => m.creator },
  { prefix: 'dc', name: 'rights', kind: 'langAlt', value: (m) => m.copyright },
  { prefix: 'dc', name: 'subject', kind: 'bag', value: (m) => m.keywords },
  { prefix: 'photoshop', name: 'Credit', kind: 'text', value: (m) => m.credit },
  { prefix: 'photoshop', name: 'Headline', kind: 'text', value: (m) => m.headline },
  { prefix: 'Iptc4xmpCore', name: 'AltTextAccessibility', kind: 'langAlt', value: (m) => m.altText },
];
const DROPPED = [{ ns: NS.photoshop, name: 'LegacyIPTCDigest' }];

const EMPTY_PACKET = `<x:xmpmeta xmlns:x="${NS.x}"><rdf:RDF xmlns:rdf="${NS.rdf}"><rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>`;

/** Parses XML strictly; anything odd (a DOCTYPE, a broken tag) means we start from an empty packet. */
function parse(xml: string): Document | null {
  if (/<!DOCTYPE/i.test(xml)) return null;
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch {
    return null;
  }
}

/** The existing packet's rdf:RDF inside an x:xmpmeta, or an empty one. */
function startingDocument(existing: string | null): { doc: Document; rdf: Element } {
  const doc = existing ? parse(existing.replace(/^\uFEFF/, '')) : null;
  const rdf = doc?.getElementsByTagNameNS(NS.rdf, 'RDF')[0];
  if (doc && rdf) {
    const meta = doc.getElementsByTagNameNS(NS.x, 'xmpmeta')[0];
    if (meta) return { doc, rdf };
    const fresh = parse(EMPTY_PACKET)!;
    const freshRdf = fresh.getElementsByTagNameNS(NS.rdf, 'RDF')[0];
    freshRdf.parentNode!.replaceChild(fresh.importNode(rdf, true), freshRdf);
    return { doc: fresh, rdf: fresh.getElementsByTagNameNS(NS.rdf, 'RDF')[0] };
  }
  const fresh = parse(EMPTY_PACKET)!;
  return { doc: fresh, rdf: fresh.getElementsByTagNameNS(NS.rdf, 'RDF')[0] };
}

function descriptions(rdf: Element): Element[] {
  const out: Element[] = [];
  for (let n = rdf.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).namespaceURI === NS.rdf && (n as Element).localName === 'Description') out.push(n as Element);
  return out;
}

/** Removes a property in both its element form and its attribute shorthand. */
function removeProperty(desc: Element, ns: string, name: string) {
  desc.removeAttributeNS(ns, name);
  for (let n = desc.firstChild; n; ) {
    const next = n.nextSibling;
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name) desc.removeChild(n);
    n = next;
  }
}

function addProperty(doc: Document, desc: Element, prefix: Prefix, name: string, kind: Kind, value: string | string[]) {
  const prop = doc.createElementNS(NS[prefix], `${prefix}:${name}`);
  const li = (text: string, lang?: string) => {
    const item = doc.createElementNS(NS.rdf, 'rdf:li');
    if (lang) item.setAttributeNS(NS.xml, 'xml:lang', lang);
    item.appendChild(doc.createTextNode(text));
    return item;
  };
  if (kind === 'text') prop.appendChild(doc.createTextNode(value as string));
  else {
    const container = doc.createElementNS(NS.rdf, kind === 'langAlt' ? 'rdf:Alt' : kind === 'seq' ? 'rdf:Seq' : 'rdf:Bag');
    if (kind === 'langAlt') container.appendChild(li(value as string, 'x-default'));
    else for (const v of value as string[]) container.appendChild(li(v));
    prop.appendChild(container);
  }
  desc.appendChild(prop);
}

/** Declares a prefix on the description unless it is already bound there to the same namespace. */
function declare(desc: Element, prefix: Prefix) {
  if (desc.lookupNamespaceURI(prefix) !== NS[prefix]) desc.setAttributeNS(NS.xmlns, `xmlns:${prefix}`, NS[prefix]);
}

/**
 * An XMP packet holding `meta`, built on `existing` (another packet's text) when it parses.
 * Fields left undefined keep the existing value; empty ones are removed.
 */
export function xmpPacket(meta: PhotoMetadataInput, existing: string | null = null): string {
  const { doc, rdf } = startingDocument(existing);
  let descs = descriptions(rdf);
  if (!descs.length) {
    const d = doc.createElementNS(NS.rdf, 'rdf:Description');
    d.setAttributeNS(NS.rdf, 'rdf:about', '');
    rdf.appendChild(d);
    descs = [d];
  }
  for (const d of descs) for (const dropped of DROPPED) removeProperty(d, dropped.ns, dropped.name);
  const target = descs[0];
  for (const p of PROPERTIES) {
    const value = p.value(meta);
    if (value === undefined) continue; // not ours to change this time
    for (const d of descs) removeProperty(d, NS[p.prefix], p.name);
    const cleaned = Array.isArray(value) ? value.map((v) => v.trim()).filter(Boolean) : value.trim();
    if (!cleaned.length) continue;
    declare(target, p.prefix);
    addProperty(doc, target, p.prefix, p.name, p.kind, cleaned);
  }
  const meta_ = doc.getElementsByTagNameNS(NS.x, 'xmpmeta')[0];
  const xml = new XMLSerializer().serializeToString(meta_);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n${xml}\n<?xpacket end="w"?>`;
}

/** The packet text from a JPEG APP1 payload (after the header), or null if it is not standard XMP. */
export function xmpFromApp1(payload: Uint8Array): string | null {
  const header = new TextEncoder().encode(XMP_JPEG_HEADER);
  if (payload.length < header.length || !header.every((b, i) => payload[i] === b)) return null;
  return new TextDecoder('utf-8').decode(payload.subarray(header.length));
}

const PNG_XMP_KEYWORD = 'XML:com.adobe.xmp';

/** A PNG chunk's type and the keyword its data starts with (tEXt/zTXt/iTXt). */
function pngChunkKeyword(data: Uint8Array): string {
  const end = data.indexOf(0);
  return end < 0 ? '' : new TextDecoder('latin1').decode(data.subarray(0, end));
}

/**
 * `png` with its XMP in one uncompressed iTXt chunk before the image data, as the XMP spec says
 * (sharp writes a zTXt that exifr and others do not read). Any older XMP chunk is dropped; every
 * other chunk is copied byte for byte. Null if the chunk structure is broken.
 */
export function pngWithXmp(png: Uint8Array, packet: string): Uint8Array | null {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  const header = Buffer.concat([Buffer.from(`${PNG_XMP_KEYWORD}\0`, 'latin1'), Buffer.from([0, 0, 0, 0]), Buffer.from(packet, 'utf8')]);
  const typeAndData = Buffer.concat([Buffer.from('iTXt', 'latin1'), header]);
  const chunk = Buffer.alloc(8 + header.length + 4);
  chunk.writeUInt32BE(header.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData) >>> 0, 8 + header.length);
  let placed = false;
  let i = 8;
  while (i + 12 <= png.length) {
    const length = view.getUint32(i);
    const end = i + 12 + length;
    if (end > png.length) return null;
    const type = new TextDecoder('latin1').decode(png.subarray(i + 4, i + 8));
    const data = png.subarray(i + 8, i + 8 + length);
    if ((type === 'IDAT' || type === 'IEND') && !placed) {
      parts.push(chunk);
      placed = true;
    }
    const isOldXmp = (type === 'iTXt' || type === 'zTXt' || type === 'tEXt') && pngChunkKeyword(data) === PNG_XMP_KEYWORD;
    if (!isOldXmp) parts.push(png.subarray(i, end));
    i = end;
    if (type === 'IEND') return placed ? new Uint8Array(Buffer.concat(parts)) : null;
  }
  return null;
}
