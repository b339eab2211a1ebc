// Where the Electron binary is, found by looking on disk. Never `require('electron')`: that
// starts a download, which hangs or fails on machines without network access to GitHub.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string; overridden: boolean };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = join(override, relative || 'electron');
    return existsSync(bin) ? { found: true, path: bin } : { found: false, overridden: true, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${bin} does not exist` };
  }
  if (!existsSync(pkg)) return { found: false, overridden: false, reason: 'the electron package is not installed (run npm install)' };
  if (relative && existsSync(join(pkg, 'dist', relative))) return { found: true, path: join(pkg, 'dist', relative) };
  return { found: false, overridden: false, reason: 'the Electron runtime has not been downloaded into node_modules/electron/dist' };
}
