// What the page loads before the library can show: the entry chunk, the app it imports at once
// (startApp.tsx, which the page preloads beside the entry: build/preloadAppChunk.ts), and what
// they import statically. The entry itself holds only start-up's questions to the core, so they
// leave before React and the screens are fetched. The editor (TipTap, ProseMirror), history,
// backups and settings wait for their screens (App.tsx loads them lazily), so a static import that
// drags them in fails here. So do zod's schemas: building them costs tens of milliseconds of
// start-up, and the first screen needs only the codes and constants beside them
// (shared/contract/apiError.ts, model/articleStatus.ts…). And the web font's CSS comes after the
// first screen (renderer/src/webFont.ts).
// esbuild splits at dynamic imports as Vite does; only the static import graph matters.
import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const ENTRY = 'renderer/src/main.tsx';
const APP = 'renderer/src/startApp.tsx';
let meta: Metafile;

beforeAll(async () => {
  const root = resolve(import.meta.dirname, '../..');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    splitting: true,
    format: 'esm',
    jsx: 'automatic',
    write: false,
    outdir: 'out/first-load-test',
    metafile: true,
    logLevel: 'silent',
    loader: { '.css': 'empty', '.woff': 'empty', '.woff2': 'empty' },
  });
  meta = result.metafile;
});

/** Source files in the outputs the page needs at start: the chunks of these modules and their static imports, transitively. */
function firstLoadInputs(modules = [ENTRY, APP]): string[] {
  const outputs = meta.outputs;
  const loaded = new Set(modules.map((m) => Object.keys(outputs).find((o) => outputs[o].entryPoint === m)!));
  for (const out of loaded) {
    for (const im of outputs[out].imports) if (im.kind === 'import-statement' && im.path in outputs) loaded.add(im.path);
  }
  return [...loaded].flatMap((o) => Object.keys(outputs[o].inputs));
}

/** Every file the entry reaches by static imports, CSS included (the outputs above leave CSS out: it loads empty here). */
function staticImports(): string[] {
  const reached = new Set([ENTRY]);
  for (const f of reached) {
    for (const im of meta.inputs[f]?.imports ?? []) if (im.kind === 'import-statement') reached.add(im.path);
  }
  return [...reached];
}

const allInputs = () => Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
const LATER = [/node_modules\/zod\//, /node_modules\/@tiptap\//, /node_modules\/prosemirror-/, /renderer\/src\/(editor|history|backups|settings)\//, /renderer\/src\/article\/ArticleScreen/];

describe('the first load', () => {
  it('holds the library screen', () => {
    expect(firstLoadInputs()).toContain('renderer/src/library/LibraryScreen.tsx');
  });

  it("starts with an entry that holds start-up's questions and the early first page, not React or the screens", () => {
    const entry = firstLoadInputs([ENTRY]);
    expect(entry).toEqual(expect.arrayContaining(['renderer/src/boot.ts', 'renderer/src/library/earlyPage.ts']));
    expect(entry.filter((f) => /node_modules\/(react|react-dom|i18next)\/|renderer\/src\/(App|library\/LibraryScreen)\.tsx/.test(f))).toEqual([]);
  });

  it('holds none of the editor, history, backups or settings code, nor zod', () => {
    const early = firstLoadInputs().filter((f) => LATER.some((re) => re.test(f)));
    expect(early).toEqual([]);
  });

  it('still bundles that code, for when its screen opens', () => {
    const all = allInputs();
    for (const re of LATER) expect(all.some((f) => re.test(f)), String(re)).toBe(true);
  });

  it("leaves the web font's CSS for after the first screen", () => {
    expect(staticImports().filter((f) => f.includes('@fontsource/'))).toEqual([]);
    expect(meta.inputs['renderer/src/webFont.ts'].imports.some((im) => im.path.endsWith('node_modules/@fontsource/noto-sans-kr/400.css'))).toBe(true);
  });
});
