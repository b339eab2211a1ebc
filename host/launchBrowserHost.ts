// Opens the core on a library folder and serves it with the built renderer: what
// `npm run start:browser`, the end-to-end suite and the typing benchmark all start.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openCore } from '../core/createCore';
import { startHost, type HostHandle } from './startHost';

const ROOT = resolve(import.meta.dirname, '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function launchBrowserHost(opts: { libraryDir: string; port?: number; rendererDir?: string; exportDir?: string }): Promise<HostHandle> {
  const rendererDir = opts.rendererDir ?? RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The app is not built (${join(rendererDir, 'index.html')} is missing): run \`npm run build\` first.`);
  }
  const core = await openCore({
    libraryDir: opts.libraryDir,
    appInfo: { version: appVersion(), platform: process.platform, host: 'browser', systemLocale: Intl.DateTimeFormat().resolvedOptions().locale, mediaBase: '/media/' },
    exportDir: opts.exportDir,
  });
  try {
    const host = await startHost({ handlers: core.handlers, rendererDir, mediaFile: core.mediaFile, events: core.onEvent, port: opts.port });
    return { ...host, close: async () => { await host.close(); await core.close(); } };
  } catch (err) {
    await core.close();
    throw err;
  }
}
