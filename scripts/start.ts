// `npm start`: build, then open Copydesk in Electron. Electron's runtime is downloaded on first
// start; where that cannot happen (no network to GitHub), say so plainly and point to the browser
// mode instead of failing with a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findElectronBinary } from './electronBinary';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);

/** Runs Electron's own installer; returns its error line (not its stack trace) if it failed. */
function download(): string | null {
  console.log('Copydesk: downloading the Electron runtime (first start only)…');
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 10 * 60_000 });
  if (run.status === 0 && !run.error) return null;
  return run.error?.message ?? run.stderr.split('\n').find((line) => /error/i.test(line))?.trim() ?? `exit code ${run.status}`;
}

let binary = findElectronBinary(root);
let downloadError: string | null = null;
if (!binary.found && !binary.overridden) {
  downloadError = download();
  binary = findElectronBinary(root);
}
if (!binary.found) {
  console.error(
    `\nCopydesk cannot open its desktop window here: ${binary.reason}, and it could not be downloaded ` +
      `(${downloadError ? `the download said "${downloadError}"; ` : ''}this machine may have no access to github.com, or ELECTRON_OVERRIDE_DIST_PATH points to the wrong place). ` +
      'Your library is untouched. Run `npm run start:browser` to use the same app in your web browser on this ' +
      'computer (it accepts the same --library <dir> option), or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding ' +
      'an Electron 45 runtime and run `npm start` again.\n',
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary.path, [root, ...args], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
