// One build for the three runtimes. The preload is CommonJS because sandboxed preloads cannot be
// ES modules; main is ESM like the rest of the package.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { appChunkGroup, preloadAppChunk } from './build/preloadAppChunk';
import { dictionaryAssets } from './build/dictionaryAssets';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { main: resolve(__dirname, 'electron/main/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'electron/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), preloadAppChunk('renderer/src/startApp.tsx'), dictionaryAssets()],
    // The copy checker's worker (editor/check) is a module like the rest of the renderer.
    worker: { format: 'es' },
    // hunspell-asm's ES build calls CommonJS modules through `import * as` namespaces (a webpack
    // habit), which no standard bundler makes callable; its CommonJS build works as written.
    resolve: { alias: [{ find: /^hunspell-asm$/, replacement: resolve(__dirname, 'node_modules/hunspell-asm/dist/cjs/index.js') }] },
    build: {
      // The first screen's script is parsed and compiled before any row shows: ship it minified
      // (electron-vite leaves minify off), with source maps for readable stack traces.
      minify: true,
      sourcemap: true,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: { codeSplitting: { groups: [appChunkGroup(resolve(__dirname, 'renderer/src/main.tsx'), resolve(__dirname, 'renderer/src/startApp.tsx'))] } },
      },
    },
  },
});
