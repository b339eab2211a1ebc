// Noto Sans KR as inline @font-face CSS (base64 woff2), for pages that must render Korean the same
// everywhere: the PDF proof embeds it so the PDF carries the font, not whatever the OS substitutes.
// Fontsource ships the font in ~120 unicode-range slices; given the text to set, only the slices
// it touches are embedded, which keeps a proof's HTML to a few hundred KB instead of megabytes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../../shared/contract/errors';

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

const fileCache = new Map<string, Promise<string>>();
function base64Of(file: string): Promise<string> {
  let cached = fileCache.get(file);
  if (!cached) {
    cached = readFile(join(fontDir(), 'files', file)).then((b) => b.toString('base64'));
    // A failed read must not stay cached: the next export should try again.
    cached.catch(() => fileCache.delete(file));
    fileCache.set(file, cached);
  }
  return cached;
}

type Range = [number, number];
let slices: Promise<{ name: string; unicodeRange: string; ranges: Range[] }[]> | null = null;

/** Fontsource's unicode.json: slice name (`[12]`, `latin`) → CSS unicode-range. */
function sliceTable() {
  slices ??= readFile(join(fontDir(), 'unicode.json'), 'utf8').then((json) => {
    const table = JSON.parse(json) as Record<string, string>;
    return Object.entries(table).map(([key, unicodeRange]) => ({
      name: key.replace(/^\[(\d+)\]$/, '$1'),
      unicodeRange,
      ranges: unicodeRange.split(',').map((part): Range => {
        const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
      }),
    }));
  });
  return slices;
}

function face(file: string, url: string, weight: number, unicodeRange?: string): string {
  const range = unicodeRange ? `\n  unicode-range: ${unicodeRange};` : '';
  return `@font-face {\n  font-family: '${FAMILY}';\n  font-style: normal;\n  font-weight: ${weight};\n  font-display: block;\n  src: url(${url}) format('woff2');${range}\n}\n/* ${file} */\n`;
}

type Slice = { name: string; unicodeRange?: string };

async function slicesFor(text?: string): Promise<Slice[]> {
  const table = await sliceTable();
  if (text === undefined) return [{ name: 'korean' }, ...table.filter((s) => s.name === 'latin')];
  const codes = new Set<number>();
  for (const ch of text) codes.add(ch.codePointAt(0)!);
  return table.filter((s) => [...codes].some((c) => s.ranges.some(([lo, hi]) => c >= lo && c <= hi)));
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

/**
 * The same font for a web page: the slices its text needs as files in `fonts/` beside the page,
 * and @font-face rules pointing at them, so the page renders alike everywhere without a CDN.
 */
export async function koreanFontFiles(text: string): Promise<{ css: string; files: { path: string; bytes: Uint8Array }[] }> {
  try {
    const chosen = await slicesFor(text);
    const pairs = WEIGHTS.flatMap((weight) => chosen.map((s) => ({ s, weight, file: fontFile(s, weight) })));
    const files = await Promise.all(pairs.map(async ({ file }) => ({ path: `fonts/${file}`, bytes: Buffer.from(await base64Of(file), 'base64') })));
    return { css: pairs.map(({ s, weight, file }) => face(file, `fonts/${file}`, weight, s.unicodeRange)).join(''), files };
  } catch (err) {
    throw fontFailed(err);
  }
}
