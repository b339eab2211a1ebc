import { describe, expect, it } from 'vitest';
import { appChunkGroup, chunkFiles, preloadAppChunk } from './preloadAppChunk';

const chunk = (fileName: string, more: { facadeModuleId?: string; moduleIds?: string[]; imports?: string[]; isEntry?: boolean; css?: string[] } = {}) => ({
  type: 'chunk',
  fileName,
  facadeModuleId: more.facadeModuleId ?? null,
  moduleIds: more.moduleIds ?? (more.facadeModuleId ? [more.facadeModuleId] : []),
  imports: more.imports ?? [],
  isEntry: more.isEntry ?? false,
  viteMetadata: { importedCss: new Set(more.css ?? []), importedAssets: new Set() },
});
// The entry asks the core and imports the app; the app shares a chunk with a screen that loads later.
const chunks = [
  chunk('assets/index.js', { isEntry: true, facadeModuleId: '/repo/renderer/index.html' }),
  chunk('assets/startApp.js', { facadeModuleId: '/repo/renderer/src/startApp.tsx', imports: ['assets/shared.js', 'assets/index.js'], css: ['assets/startApp.css'] }),
  chunk('assets/shared.js', { imports: ['assets/runtime.js'] }),
  chunk('assets/runtime.js'),
  chunk('assets/ArticleScreen.js', { facadeModuleId: '/repo/renderer/src/article/ArticleScreen.tsx', imports: ['assets/shared.js', 'assets/editor.js'] }),
  chunk('assets/editor.js'),
];
const bundleOf = (list: ReturnType<typeof chunk>[]) => Object.fromEntries(list.map((c) => [c.fileName, c])) as never;
const bundle = bundleOf(chunks);

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

  it('finds the app in the chunk appChunkGroup gathered it in, which has no facade', () => {
    const gathered = bundleOf(chunks.map((c) => (c.fileName === 'assets/startApp.js' ? chunk('assets/startApp.js', { moduleIds: ['/repo/node_modules/react-dom/index.js', '/repo/renderer/src/startApp.tsx'], imports: ['assets/runtime.js'] }) : c)));
    expect(chunkFiles(gathered, 'renderer/src/startApp.tsx').scripts).toEqual(['assets/startApp.js', 'assets/runtime.js']);
  });

  it('fails the build when the app is not a chunk of its own (a static import folded it into the entry)', () => {
    expect(() => chunkFiles(bundle, 'renderer/src/missing.tsx')).toThrow(/no chunk is built from renderer\/src\/missing\.tsx/);
  });
});

describe("the app's chunk group", () => {
  // main.tsx → boot.ts → api.ts; startApp.tsx → App.tsx → api.ts, react; the bundler's runtime is a virtual module.
  const imports: Record<string, string[]> = {
    '/r/main.tsx': ['/r/boot.ts', '\0vite/preload-helper.js'],
    '/r/boot.ts': ['/r/api.ts'],
    '/r/api.ts': [],
    '/r/startApp.tsx': ['/r/App.tsx', '\0rolldown/runtime.js'],
    '/r/App.tsx': ['/r/api.ts', '/r/node_modules/react/index.js'],
    '/r/node_modules/react/index.js': [],
    '/r/Editor.tsx': ['/r/node_modules/react/index.js'],
  };
  const graph = { getModuleInfo: (id: string) => ({ importedIds: imports[id] ?? [] }) };

  it("gathers what the app reaches statically, but not what the entry holds, the bundler's own modules, or lazy screens", () => {
    const group = appChunkGroup('/r/main.tsx', '/r/startApp.tsx');
    const named = Object.keys(imports).concat('\0rolldown/runtime.js').filter((id) => group.name(id, graph) !== null);
    expect(named).toEqual(['/r/startApp.tsx', '/r/App.tsx', '/r/node_modules/react/index.js']);
    expect(group.includeDependenciesRecursively).toBe(false);
  });
});
