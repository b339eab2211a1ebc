// Caption, creator, credit, copyright, headline, date, city, keywords and alt text from a photo
// file, read with exifr. XMP wins where both exist (it is Unicode and unlimited); IIM fills the
// gaps, decoded by decodeIim and flagged when a value fills its byte limit.
import exifr from 'exifr';
import { decodeXML } from 'entities';
import { emptyPhotoMetadata, type PhotoMetadata } from '../../shared/model/photo';
import { IIM_LIMITS, decodeIim, iimBytes } from './decodeIim';

/** exifr's output with `mergeOutput: false`: one object per block (dc, photoshop, iptc, …). */
export type RawMetadata = Record<string, Record<string, unknown> | undefined>;

/** What exifr is asked for: XMP and IIM, nothing else. */
export const EXIFR_OPTIONS = { xmp: true, iptc: true, tiff: false, icc: false, jfif: false, ihdr: false, mergeOutput: false, multiSegment: true } as const;

/** exifr leaves XML entities in XMP text (&amp;, &#xA;); a lang-alt arrives as {lang, value} or a list of them. */
function xmpText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return decodeXML(value).trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const preferred = value.find((v) => (v as { lang?: string })?.lang === 'x-default') ?? value[0];
    return xmpText(preferred);
  }
  if (typeof value === 'object' && 'value' in value) return xmpText((value as { value: unknown }).value);
  return '';
}

function xmpList(value: unknown): string[] {
  if (value == null) return [];
  const items = Array.isArray(value) && !(value[0] as { lang?: string })?.lang ? value : [value];
  return items.map(xmpText).filter(Boolean);
}

function iimList(value: unknown): string[] {
  if (value == null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => decodeIim(String(v))).filter(Boolean);
}

/** IIM date 20170713 and time 170100+0000 as ISO 8601. */
function iimDate(date: unknown, time: unknown): string {
  const d = typeof date === 'string' ? date.trim() : '';
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(d);
  if (!m) return d;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const t = typeof time === 'string' ? /^(\d{2})(\d{2})(\d{2})([+-]\d{2})(\d{2})$/.exec(time.trim()) : null;
  return t ? `${iso}T${t[1]}:${t[2]}:${t[3]}${t[4]}:${t[5]}` : iso;
}

export async function readPhotoMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  let raw: RawMetadata | undefined;
  try {
    raw = (await exifr.parse(bytes, EXIFR_OPTIONS)) as RawMetadata | undefined;
  } catch {
    raw = undefined; // no readable metadata is not an error: the photo is still a photo
  }
  return metadataFrom(raw);
}

/** The fields we use, from exifr's raw blocks: XMP first, IIM where XMP has nothing. */
export function metadataFrom(raw: RawMetadata | undefined): PhotoMetadata {
  const out = emptyPhotoMetadata();
  if (!raw) return out;
  const dc = raw.dc ?? {};
  const ps = raw.photoshop ?? {};
  const core = raw.Iptc4xmpCore ?? {};
  const iim = raw.iptc ?? {};

  const xmp = {
    caption: xmpText(dc.description),
    creator: xmpList(dc.creator),
    credit: xmpText(ps.Credit),
    copyright: xmpText(dc.rights),
    headline: xmpText(ps.Headline),
    dateCreated: xmpText(ps.DateCreated),
    city: xmpText(ps.City),
    keywords: xmpList(dc.subject),
    altText: xmpText(core.AltTextAccessibility),
  };
  const iimFields: Record<string, [string, string | string[]]> = {
    caption: ['Caption', iimList(iim.Caption)[0] ?? ''],
    creator: ['Byline', iimList(iim.Byline)],
    credit: ['Credit', iimList(iim.Credit)[0] ?? ''],
    copyright: ['CopyrightNotice', iimList(iim.CopyrightNotice)[0] ?? ''],
    headline: ['Headline', iimList(iim.Headline)[0] ?? ''],
    dateCreated: ['DateCreated', iimDate(iim.DateCreated, iim.TimeCreated)],
    city: ['City', iimList(iim.City)[0] ?? ''],
    keywords: ['Keywords', iimList(iim.Keywords)],
  };

  for (const [field, value] of Object.entries(xmp) as [keyof typeof xmp, string | string[]][]) {
    const fromIim = iimFields[field];
    const hasXmp = Array.isArray(value) ? value.length > 0 : value !== '';
    if (hasXmp) {
      (out as Record<string, unknown>)[field] = value;
      out.sources[field] = 'xmp';
    } else if (fromIim && (Array.isArray(fromIim[1]) ? fromIim[1].length > 0 : fromIim[1] !== '')) {
      (out as Record<string, unknown>)[field] = fromIim[1];
      out.sources[field] = 'iim';
    }
    if (fromIim && isTruncated(iim[fromIim[0]], fromIim[0])) out.iimTruncated.push(field);
  }
  return out;
}

/** A value (or any item of a repeated one) that fills its dataset's byte limit. */
function isTruncated(value: unknown, dataset: string): boolean {
  const limit = IIM_LIMITS[dataset];
  if (!limit || value == null) return false;
  return (Array.isArray(value) ? value : [value]).some((v) => iimBytes(String(v)).length >= limit);
}
