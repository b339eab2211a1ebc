// The search index's worker, bundled beside the benches' own bundles (.bench/), where the core
// looks for it (core/search/searchThread.ts): without it they would measure the index in the
// core's thread, not the app.
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');

export async function bundleSearchWorker(): Promise<void> {
  await build({ entryPoints: [join(ROOT, 'core/search/searchWorker.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(ROOT, '.bench', 'searchWorker.mjs'), logLevel: 'warning' });
}
