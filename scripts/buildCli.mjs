// Builds the `copydesk` command (and with it the newsroom server) into out/cli/ as plain
// JavaScript, so it runs with no TypeScript loader: `npm ci --omit=dev && npx copydesk server`.
// npm packages stay imports (installed beside it); the search worker is built beside it, where
// core/search/searchThread.ts looks for it. Run by `npm run build`, `npm run server` and `prepack`.
import { build } from 'esbuild';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'out', 'cli');

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: [join(ROOT, 'cli/copydesk.ts')], outfile: join(OUT, 'copydesk.mjs') }),
  build({ ...common, entryPoints: [join(ROOT, 'core/search/searchWorker.ts')], outfile: join(OUT, 'searchWorker.mjs') }),
  // Proves imported house-style rule sets for the newsroom server (core/style/proveRuleSet.ts looks beside itself).
  build({ ...common, entryPoints: [join(ROOT, 'core/style/ruleSetWorker.ts')], outfile: join(OUT, 'ruleSetWorker.mjs') }),
]);
