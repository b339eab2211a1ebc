#!/usr/bin/env node
// `npx copydesk …`. An installed package runs its build (out/cli/copydesk.mjs, made by
// scripts/buildCli.mjs at `npm run build` and before packing): plain JavaScript, no TypeScript
// loader. A development checkout (the TypeScript source and tsx, a devDependency, both present)
// runs the source through tsx instead, so it never runs a stale build; COPYDESK_BUILT=1 makes it
// run the build there too.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../cli/copydesk.ts', import.meta.url));
const built = new URL('../out/cli/copydesk.mjs', import.meta.url);

function hasTsx() {
  try {
    createRequire(import.meta.url).resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

if (process.env.COPYDESK_BUILT !== '1' && existsSync(source) && hasTsx()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source);
} else if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  process.stderr.write('copydesk: this checkout is not built; run `npm run build:cli` (or `npm ci` to install tsx and run from source).\n');
  process.exit(3);
}
