// Whether the Electron binary is on this machine. Checked by looking, never by launching the
// `electron` package, which would try to download the binary.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronUnavailableReason(root = process.cwd()): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = join(override, relative || 'electron');
    return existsSync(bin) ? null : `ELECTRON_OVERRIDE_DIST_PATH is set but ${bin} does not exist`;
  }
  if (relative && existsSync(join(pkg, 'dist', relative))) return null;
  return 'no Electron binary on this machine (node_modules/electron/dist is empty and it cannot be downloaded here); the same specs ran against the browser host';
}
