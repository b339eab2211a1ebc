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

function face(file: string, base64: string, weight: number, unicodeRange?: string): string {
  const range = unicodeRange ? `\n  unicode-range: ${unicodeRange};` : '';
  return `@font-face {\n  font-family: '${FAMILY}';\n  font-style: normal;\n  font-weight: ${weight};\n  font-display: block;\n  src: url(data:font/woff2;base64,${base64}) format('woff2');${range}\n}\n/* ${file} */\n`;
}

/**
 * @font-face rules embedding Noto Sans KR (400 and 700). With `text`, only the slices covering its
 * characters; without, the whole Korean and Latin subsets (about 1.1 MB of font).
 */
export async function koreanFontCss(text?: string): Promise<string> {
  try {
    const table = await sliceTable();
    let chosen: { name: string; unicodeRange?: string }[];
    if (text === undefined) {
      chosen = [{ name: 'korean' }, ...table.filter((s) => s.name === 'latin')];
    } else {
      const codes = new Set<number>();
      for (const ch of text) codes.add(ch.codePointAt(0)!);
      chosen = table.filter((s) => [...codes].some((c) => s.ranges.some(([lo, hi]) => c >= lo && c <= hi)));
    }
    const rules = await Promise.all(
      WEIGHTS.flatMap((weight) =>
        chosen.map(async (s) => {
          const file = `noto-sans-kr-${s.name}-${weight}-normal.woff2`;
          return face(file, await base64Of(file), weight, s.unicodeRange);
        }),
      ),
    );
    return rules.join('');
  } catch (err) {
    throw new ApiError('exportFailed', `Korean font files could not be read: ${err instanceof Error ? err.message : String(err)}`, { reason: 'renderFailed' });
  }
}
