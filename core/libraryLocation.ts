// Where the library lives. Electron and the browser host must agree without Electron's
// app.getPath, so the OS app-data rules are spelled out here (they match Electron's `appData`).
import { join, resolve } from 'node:path';

export const APP_FOLDER = 'Copydesk';

export function appDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

export function defaultLibraryDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  return join(appDataDir(platform, env, home), APP_FOLDER, 'Library');
}

/** `--library DIR` (or `--library=DIR`) wins, then COPYDESK_LIBRARY, then the OS default. */
export function resolveLibraryDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
  cwd: string,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--library' && argv[i + 1]) return resolve(cwd, argv[i + 1]);
    if (arg.startsWith('--library=')) return resolve(cwd, arg.slice('--library='.length));
  }
  if (env.COPYDESK_LIBRARY) return resolve(cwd, env.COPYDESK_LIBRARY);
  return defaultLibraryDir(platform, env, home);
}

/** Exports go where people look for documents, not into the hidden app-data folder. */
export function defaultExportDir(home: string): string {
  return join(home, 'Documents', 'Copydesk Exports');
}
