// `npm start`: build, then open Copydesk in Electron. Electron's runtime is downloaded on first
// start; where that cannot happen (no network to GitHub), say so plainly and point to the browser
// mode instead of failing with a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cliLanguage, cliText } from '../shared/i18n/cliText';
import { findElectronBinary } from './electronBinary';
import { CORE_V8_FLAGS } from '../core/coreV8Flags';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const say = cliText(cliLanguage(process.env, Intl.DateTimeFormat().resolvedOptions().locale));

/** Runs Electron's own installer; returns its error line (not its stack trace) if it failed. */
function download(): string | null {
  console.log(say.downloading);
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
  console.error(`\n${say.noElectron(binary.reason, downloadError)}\n`);
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The core runs in Electron's main process: its V8 flags go on Electron's command line.
const child = spawn(binary.path, [`--js-flags=${CORE_V8_FLAGS.join(' ')}`, root, ...args], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
