import { describe, expect, it } from 'vitest';
import { chunkFiles, preloadAppChunk } from './preloadAppChunk';

const chunk = (fileName: string, more: { facadeModuleId?: string; imports?: string[]; isEntry?: boolean; css?: string[] } = {}) => ({
  type: 'chunk',
  fileName,
  facadeModuleId: more.facadeModuleId ?? null,
  imports: more.imports ?? [],
  isEntry: more.isEntry ?? false,
  viteMetadata: { importedCss: new Set(more.css ?? []), importedAssets: new Set() },
});
// The entry asks the core and imports the app; the app shares a chunk with a screen that loads later.
const bundle = Object.fromEntries(
  [
    chunk('assets/index.js', { isEntry: true, facadeModuleId: '/repo/renderer/index.html' }),
    chunk('assets/startApp.js', { facadeModuleId: '/repo/renderer/src/startApp.tsx', imports: ['assets/shared.js', 'assets/index.js'], css: ['assets/startApp.css'] }),
    chunk('assets/shared.js', { imports: ['assets/runtime.js'] }),
    chunk('assets/runtime.js'),
    chunk('assets/ArticleScreen.js', { facadeModuleId: '/repo/renderer/src/article/ArticleScreen.tsx', imports: ['assets/shared.js', 'assets/editor.js'] }),
    chunk('assets/editor.js'),
  ].map((c) => [c.fileName, c]),
) as never;

describe('preloading the app chunk', () => {
  it("names the app's chunk and what it imports, transitively, not the entry nor the screens that load later", () => {
    expect(chunkFiles(bundle, 'renderer/src/startApp.tsx')).toEqual({ scripts: ['assets/startApp.js', 'assets/shared.js', 'assets/runtime.js'], styles: ['assets/startApp.css'] });
  });

  it('preloads the scripts as modules and the CSS as a preload, not a stylesheet that would hold the entry', () => {
    const hook = preloadAppChunk('renderer/src/startApp.tsx').transformIndexHtml as unknown as { handler: (html: string, ctx: { bundle: unknown }) => { attrs: Record<string, unknown> }[] };
    const tags = hook.handler('', { bundle });
    expect(tags.map((t) => [t.attrs.rel, t.attrs.href])).toEqual([
      ['modulepreload', './assets/startApp.js'],
      ['modulepreload', './assets/shared.js'],
      ['modulepreload', './assets/runtime.js'],
      ['preload', './assets/startApp.css'],
    ]);
  });

  it('fails the build when the app is not a chunk of its own (a static import folded it into the entry)', () => {
    expect(() => chunkFiles(bundle, 'renderer/src/missing.tsx')).toThrow(/no chunk is built from renderer\/src\/missing\.tsx/);
  });
});
