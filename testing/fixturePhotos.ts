// The project's own test photos, made on the spot: real JPEGs from sharp (noise, so pixels differ,
// with EXIF and an ICC profile a writer must leave alone), carrying IPTC IIM and XMP the way
// newsroom files do, traps included — Latin-1 IIM with no charset marker, UTF-8 IIM with and
// without it, a credit cut at IIM's 32 bytes with the full text in XMP, XMP and IIM that disagree.
// The IIM is built by hand here because our own writer (core/media/writeIim) refuses to write
// Latin-1 or leave the marker out. Each photo comes with the values a reader must find in it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { irbWithIim } from '../core/media/writeIim';
import { XMP_JPEG_HEADER } from '../core/media/writeXmp';

export interface PhotoValues {
  caption: string;
  creator: string[];
  credit: string;
  copyright: string;
  headline: string;
  dateCreated: string;
  city: string;
  keywords: string[];
}

type Charset = 'utf8' | 'latin1';
interface IimSpec {
  charset: Charset;
  /** Record 1:90 ESC % G, the "this is UTF-8" marker. */
  marker: boolean;
  values: Partial<PhotoValues>;
  /** Byte cap per field, as old software cut values to IIM's limits. */
  cut?: Partial<Record<keyof PhotoValues, number>>;
}
interface PhotoSpec {
  name: string;
  trap: string;
  width: number;
  height: number;
  seed: number;
  xmp?: Partial<PhotoValues> & { altText?: string };
  iim?: IimSpec;
}

export interface FixturePhoto {
  name: string;
  /** The trap this file carries, in a sentence. */
  trap: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  /** What readPhotoMetadata must give: XMP first, IIM where XMP is silent. */
  expected: PhotoValues;
  /** The XMP alt text ('' when none: IIM has no such field). */
  altText: string;
  /** Which block each non-empty field comes from. */
  sources: Partial<Record<keyof PhotoValues | 'altText', 'xmp' | 'iim'>>;
  /** What the IIM alone decodes to (empty values where the file has no IIM). */
  iim: Omit<PhotoValues, 'dateCreated'>;
  /** Fields whose IIM value was cut at its byte limit. */
  iimTruncated: (keyof PhotoValues)[];
}

const FREELANCE_CREDIT = 'Renée Müller Photography (Zürich)'; // 33 Latin-1 bytes: one over IIM's 32

const SPECS: PhotoSpec[] = [
  {
    name: 'staff-xmp-and-iim.jpg',
    trap: 'a staff photo as Photoshop saves it: XMP and UTF-8 IIM (with its marker and digest) that agree; no alt text',
    width: 1500,
    height: 1000,
    seed: 1,
    xmp: {
      caption: 'A farmer plants onion seedlings after ploughing a field outside Port Avery.',
      creator: ['Ines Okafor'],
      credit: 'Coastline Herald',
      copyright: '©2026 Coastline Herald, all rights reserved',
      headline: 'Onion planting begins',
      dateCreated: '2026-04-12T09:30:00+09:00',
      city: 'Port Avery',
      keywords: ['farming', 'onions'],
    },
    iim: {
      charset: 'utf8',
      marker: true,
      values: {
        caption: 'A farmer plants onion seedlings after ploughing a field outside Port Avery.',
        creator: ['Ines Okafor'],
        credit: 'Coastline Herald',
        copyright: '©2026 Coastline Herald, all rights reserved',
        headline: 'Onion planting begins',
        dateCreated: '2026-04-12T09:30:00+09:00',
        city: 'Port Avery',
        keywords: ['farming', 'onions'],
      },
    },
  },
  {
    name: 'freelance-latin1-iim.jpg',
    trap: 'a freelancer’s file: Latin-1 IIM without the charset marker (© as one byte), its credit cut at 32 bytes and an older caption, XMP with the full credit and no city',
    width: 800,
    height: 600,
    seed: 2,
    xmp: {
      caption: 'Swans on the Limmat at dawn, seen from the Münsterbrücke.',
      creator: ['Renée Müller'],
      credit: FREELANCE_CREDIT,
      copyright: '© 2026 Renée Müller',
      keywords: ['Zürich', 'swans'],
    },
    iim: {
      charset: 'latin1',
      marker: false,
      values: {
        caption: 'Schwäne auf der Limmat (first caption, replaced in XMP)',
        creator: ['Renée Müller'],
        credit: FREELANCE_CREDIT,
        copyright: '© 2026 Renée Müller',
        dateCreated: '2026-03-01T06:45:00+01:00',
        city: 'Zürich',
        keywords: ['Zürich', 'swans'],
      },
      cut: { credit: 32 },
    },
  },
  {
    name: 'iim-only-utf8-marker.jpg',
    trap: 'IIM only, Korean UTF-8 with the ESC % G marker',
    width: 640,
    height: 480,
    seed: 3,
    iim: {
      charset: 'utf8',
      marker: true,
      values: {
        caption: '광화문 광장에 모인 시민들이 촛불을 들고 있다.',
        creator: ['김하늘'],
        credit: '한빛경제',
        copyright: '© 2026 한빛경제',
        headline: '주말 촛불 집회',
        dateCreated: '2026-11-27T19:30:00+09:00',
        city: '서울',
        keywords: ['집회', '광화문'],
      },
    },
  },
  {
    name: 'iim-only-utf8-no-marker.jpg',
    trap: 'IIM only, Korean UTF-8 written without the marker (what many Korean tools do)',
    width: 480,
    height: 640,
    seed: 4,
    iim: {
      charset: 'utf8',
      marker: false,
      values: {
        caption: '부산항 신항 자동화 부두에서 무인 크레인이 컨테이너를 옮기고 있다.',
        creator: ['박도윤', '이서준'],
        credit: '한빛경제 사진부',
        headline: '자동화 부두 첫 가동',
        dateCreated: '2026-11-04T10:00:00+09:00',
        city: '부산',
        keywords: ['항만'],
      },
    },
  },
  {
    name: 'xmp-only.jpg',
    trap: 'XMP only, Korean, with alt text and XML-special characters',
    width: 1024,
    height: 768,
    seed: 5,
    xmp: {
      caption: '재활용 공정을 설명하는 연구원 <왼쪽> & 견학 온 학생들',
      creator: ['Coastline Herald'],
      credit: 'Coastline Herald',
      copyright: 'publicDomain',
      headline: '도시광산 견학',
      dateCreated: '2026-05-20',
      keywords: ['배터리', '재활용', '견학'],
      altText: '설명하는 연구원과 학생들',
    },
  },
];

export const FIXTURE_PHOTO_NAMES: readonly string[] = SPECS.map((s) => s.name);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const alt = (v: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${esc(v)}</rdf:li></rdf:Alt>`;
const list = (kind: 'Seq' | 'Bag', v: string[]) => `<rdf:${kind}>${v.map((x) => `<rdf:li>${esc(x)}</rdf:li>`).join('')}</rdf:${kind}>`;

/** An XMP packet as Photoshop writes one (with the LegacyIPTCDigest a rewrite must drop). */
function xmpPacket(x: NonNullable<PhotoSpec['xmp']>): string {
  const attrs = [
    x.credit && `photoshop:Credit="${esc(x.credit)}"`,
    x.headline && `photoshop:Headline="${esc(x.headline)}"`,
    x.city && `photoshop:City="${esc(x.city)}"`,
    x.dateCreated && `photoshop:DateCreated="${esc(x.dateCreated)}"`,
    'photoshop:LegacyIPTCDigest="0123456789ABCDEF0123456789ABCDEF"',
  ].filter(Boolean);
  const elements = [
    x.caption && `<dc:description>${alt(x.caption)}</dc:description>`,
    x.creator && `<dc:creator>${list('Seq', x.creator)}</dc:creator>`,
    x.copyright && `<dc:rights>${alt(x.copyright)}</dc:rights>`,
    x.keywords && `<dc:subject>${list('Bag', x.keywords)}</dc:subject>`,
    x.altText && `<Iptc4xmpCore:AltTextAccessibility>${alt(x.altText)}</Iptc4xmpCore:AltTextAccessibility>`,
  ].filter(Boolean);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" ${attrs.join(' ')}>
${elements.join('\n')}
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
}

const DATASETS: [keyof PhotoValues, number][] = [
  ['keywords', 25],
  ['dateCreated', 55],
  ['creator', 80],
  ['city', 90],
  ['headline', 105],
  ['credit', 110],
  ['copyright', 116],
  ['caption', 120],
];

function dataset(record: number, number: number, value: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([0x1c, record, number, value.length >> 8, value.length & 0xff]), value]);
}

/** IIM date 2026-04-12T09:30:00+09:00 as datasets 2:55 (20260412) and 2:60 (093000+0900). */
function iimDateTime(iso: string): [string, string] {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-]\d{2}):(\d{2})$/.exec(iso)!;
  return [`${m[1]}${m[2]}${m[3]}`, `${m[4]}${m[5]}${m[6]}${m[7]}${m[8]}`];
}

/** The IIM block bytes, and what each field decodes back to after any cut. */
function iimOf(spec: IimSpec): { block: Uint8Array; decoded: Partial<PhotoValues>; cut: (keyof PhotoValues)[] } {
  const parts: Buffer[] = [];
  if (spec.marker) parts.push(dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])));
  parts.push(dataset(2, 0, Buffer.from([0, 4])));
  const decoded: Partial<PhotoValues> = {};
  const cut: (keyof PhotoValues)[] = [];
  for (const [field, number] of DATASETS) {
    const value = spec.values[field];
    if (value === undefined) continue;
    if (field === 'dateCreated') {
      const [d, t] = iimDateTime(value as string);
      parts.push(dataset(2, 55, Buffer.from(d)), dataset(2, 60, Buffer.from(t)));
      decoded.dateCreated = value as string;
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    for (const v of values) {
      let bytes = Buffer.from(v, spec.charset);
      const limit = spec.cut?.[field];
      if (limit !== undefined && bytes.length > limit) {
        bytes = bytes.subarray(0, limit); // Latin-1 here: one byte per character, so the cut is clean
        cut.push(field);
      }
      parts.push(dataset(2, number, bytes));
      out.push(bytes.toString(spec.charset));
    }
    (decoded as Record<string, unknown>)[field] = Array.isArray(value) ? out : out[0];
  }
  return { block: new Uint8Array(Buffer.concat(parts)), decoded, cut };
}

function segment(marker: number, payload: Uint8Array): Buffer {
  const len = Buffer.alloc(2);
  len.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), len, payload]);
}

/** `jpeg` with `segments` inserted after its own APPn segments (JFIF, EXIF, ICC), where editors put theirs. */
function withSegments(jpeg: Buffer, segments: Buffer[]): Buffer {
  let at = 2;
  while (jpeg[at] === 0xff && jpeg[at + 1] >= 0xe0 && jpeg[at + 1] <= 0xef) at += 2 + jpeg.readUInt16BE(at + 2);
  return Buffer.concat([jpeg.subarray(0, at), ...segments, jpeg.subarray(at)]);
}

const EMPTY: PhotoValues = { caption: '', creator: [], credit: '', copyright: '', headline: '', dateCreated: '', city: '', keywords: [] };
const present = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '');

async function make(spec: PhotoSpec): Promise<FixturePhoto> {
  const base = await sharp({ create: { width: spec.width, height: spec.height, channels: 3, background: { r: 40 * spec.seed, g: 120, b: 90 }, noise: { type: 'gaussian', mean: 110 + spec.seed, sigma: 6 } } })
    .withExif({ IFD0: { Artist: 'Copydesk test fixture', Copyright: 'Copydesk test fixture', Software: 'sharp' } })
    .withIccProfile('srgb')
    .jpeg({ quality: 80 })
    .toBuffer();
  const segments: Buffer[] = [];
  if (spec.xmp) segments.push(segment(0xe1, Buffer.concat([Buffer.from(XMP_JPEG_HEADER, 'latin1'), Buffer.from(xmpPacket(spec.xmp), 'utf8')])));
  const iim = spec.iim ? iimOf(spec.iim) : null;
  if (iim) segments.push(segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), irbWithIim(null, iim.block)])));

  const expected: PhotoValues = { ...EMPTY };
  const sources: FixturePhoto['sources'] = {};
  for (const field of Object.keys(EMPTY) as (keyof PhotoValues)[]) {
    const fromXmp = spec.xmp?.[field];
    const fromIim = iim?.decoded[field];
    if (present(fromXmp)) [expected[field] as unknown, sources[field]] = [fromXmp, 'xmp'];
    else if (present(fromIim)) [expected[field] as unknown, sources[field]] = [fromIim, 'iim'];
  }
  if (spec.xmp?.altText) sources.altText = 'xmp';
  const { dateCreated: _date, ...iimEmpty } = EMPTY;
  const { dateCreated: _d, ...iimValues } = { ...EMPTY, ...(iim?.decoded ?? {}) };
  return {
    name: spec.name,
    trap: spec.trap,
    bytes: new Uint8Array(withSegments(base, segments)),
    width: spec.width,
    height: spec.height,
    expected,
    altText: spec.xmp?.altText ?? '',
    sources,
    iim: { ...iimEmpty, ...iimValues },
    iimTruncated: iim?.cut ?? [],
  };
}

let made: Promise<FixturePhoto[]> | null = null;

/** Every fixture photo, made once per test process. */
export function fixturePhotos(): Promise<FixturePhoto[]> {
  made ??= Promise.all(SPECS.map(make));
  return made;
}

export async function fixturePhoto(name: string): Promise<FixturePhoto> {
  const photo = (await fixturePhotos()).find((p) => p.name === name);
  if (!photo) throw new Error(`no fixture photo named ${name}`);
  return photo;
}

/** Writes the fixture photos into `dir` (for tests that hand a browser a file path); returns their paths by name. */
export async function writeFixturePhotos(dir: string): Promise<Record<string, string>> {
  await mkdir(dir, { recursive: true });
  const paths: Record<string, string> = {};
  for (const photo of await fixturePhotos()) {
    paths[photo.name] = join(dir, photo.name);
    await writeFile(paths[photo.name], photo.bytes);
  }
  return paths;
}
