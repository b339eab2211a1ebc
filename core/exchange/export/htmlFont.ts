// Noto Sans KR as inline @font-face CSS (base64 woff2), for pages that must render Korean the same
// everywhere: the PDF proof embeds it so the PDF carries the font, not whatever the OS substitutes.
// Fontsource ships the font in ~120 unicode-range slices; given the text to set, only the slices
// it touches are embedded, which keeps a proof's HTML to a few hundred KB instead of megabytes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';

const FAMILY = 'Noto Sans KR';
const WEIGHTS = [400, 700] as const;

let packageDir: string | null = null;
function fontDir(): string {
  if (!packageDir) {
    // The package's exports map only CSS files, so resolve one of those and take its folder.
    const require = createRequire(import.meta.url);
    packageDir = dirname(require.resolve('@fontsource/noto-sans-kr/korean-400.css'));
  }
  return packageDir;
}

const fileCache = new Map<string, Promise<Buffer>>();
function bytesOf(file: string): Promise<Buffer> {
  let cached = fileCache.get(file);
  if (!cached) {
    cached = readFile(join(fontDir(), 'files', file));
    // A failed read must not stay cached: the next export should try again.
    cached.catch(() => fileCache.delete(file));
    fileCache.set(file, cached);
  }
  return cached;
}
const base64Of = async (file: string) => (await bytesOf(file)).toString('base64');

type Range = [number, number];
type SliceInfo = { name: string; unicodeRange: string; ranges: Range[] };
let slices: Promise<{ list: SliceInfo[]; byCode: Map<number, number[]> }> | null = null;

/**
 * Fontsource's unicode.json: slice name (`[12]`, `latin`) → CSS unicode-range, plus which slices
 * cover each code point, so picking slices for an article is one lookup per distinct character.
 */
function sliceTable() {
  slices ??= readFile(join(fontDir(), 'unicode.json'), 'utf8').then((json) => {
    const table = JSON.parse(json) as Record<string, string>;
    const list = Object.entries(table).map(([key, unicodeRange]) => ({
      name: key.replace(/^\[(\d+)\]$/, '$1'),
      unicodeRange,
      ranges: unicodeRange.split(',').map((part): Range => {
        const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
      }),
    }));
    const byCode = new Map<number, number[]>();
    list.forEach((slice, i) => {
      for (const [lo, hi] of slice.ranges) for (let c = lo; c <= hi; c++) (byCode.get(c) ?? byCode.set(c, []).get(c)!).push(i);
    });
    return { list, byCode };
  });
  return slices;
}

function face(file: string, url: string, weight: number, unicodeRange?: string): string {
  const range = unicodeRange ? `\n  unicode-range: ${unicodeRange};` : '';
  return `@font-face {\n  font-family: '${FAMILY}';\n  font-style: normal;\n  font-weight: ${weight};\n  font-display: block;\n  src: url(${url}) format('woff2');${range}\n}\n/* ${file} */\n`;
}

type Slice = { name: string; unicodeRange?: string };

async function slicesFor(text?: string): Promise<Slice[]> {
  const { list, byCode } = await sliceTable();
  if (text === undefined) return [{ name: 'korean' }, ...list.filter((s) => s.name === 'latin')];
  const chosen = new Set<number>();
  for (const ch of new Set(text)) for (const i of byCode.get(ch.codePointAt(0)!) ?? []) chosen.add(i);
  return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
}

const fontFile = (s: Slice, weight: number) => `noto-sans-kr-${s.name}-${weight}-normal.woff2`;

function fontFailed(err: unknown): ApiError {
  return new ApiError('exportFailed', `Korean font files could not be read: ${err instanceof Error ? err.message : String(err)}`, { reason: 'renderFailed' });
}

/**
 * @font-face rules embedding Noto Sans KR (400 and 700). With `text`, only the slices covering its
 * characters; without, the whole Korean and Latin subsets (about 1.1 MB of font).
 */
export async function koreanFontCss(text?: string): Promise<string> {
  try {
    const chosen = await slicesFor(text);
    const rules = await Promise.all(WEIGHTS.flatMap((weight) => chosen.map(async (s) => face(fontFile(s, weight), `data:font/woff2;base64,${await base64Of(fontFile(s, weight))}`, weight, s.unicodeRange))));
    return rules.join('');
  } catch (err) {
    throw fontFailed(err);
  }
}

/** The font's licence as Fontsource ships it; the OFL asks that it travel with the font files. */
export const FONT_LICENCE_FILE = 'fonts/OFL.txt';

/**
 * The same font for a web page: the slices its text needs as files in the page's own `fonts/`
 * folder, the OFL licence beside them, and @font-face rules pointing at them relatively, so the
 * page's folder renders alike everywhere, moved or mailed alone, without a CDN.
 */
export async function koreanFontFiles(text: string): Promise<{ css: string; files: { path: string; bytes: Uint8Array }[] }> {
  try {
    const chosen = await slicesFor(text);
    const pairs = WEIGHTS.flatMap((weight) => chosen.map((s) => ({ s, weight, file: fontFile(s, weight) })));
    const files = await Promise.all(pairs.map(async ({ file }) => ({ path: `fonts/${file}`, bytes: new Uint8Array(await bytesOf(file)) })));
    const licence = { path: FONT_LICENCE_FILE, bytes: new Uint8Array(await readFile(join(fontDir(), 'LICENSE'))) };
    return { css: pairs.map(({ s, weight, file }) => face(file, `fonts/${file}`, weight, s.unicodeRange)).join(''), files: [...files, licence] };
  } catch (err) {
    throw fontFailed(err);
  }
}
