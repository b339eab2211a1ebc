// `npm run start:browser`: the same app in a local browser, for machines where the Electron
// runtime cannot be downloaded. Listens on 127.0.0.1 only; the printed address carries the token.
import { homedir } from 'node:os';
import { resolveLibraryDir } from '../core/libraryLocation';
import { ApiError } from '../../shared/contract/errors';
import { launchBrowserHost } from './launchBrowserHost';

function portArg(argv: string[]): number | undefined {
  const i = argv.indexOf('--port');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice(7);
  return value ? Number(value) : undefined;
}

async function main() {
  const argv = process.argv.slice(2);
  const libraryDir = resolveLibraryDir(argv, process.env, process.platform, homedir(), process.cwd());
  let host;
  try {
    host = await launchBrowserHost({ libraryDir, port: portArg(argv) });
  } catch (err) {
    if (err instanceof ApiError && err.params.reason === 'libraryLocked') {
      console.error(`Copydesk: the library ${libraryDir} is already open in another Copydesk window or browser host. Close it, or choose another folder with --library <dir>.`);
    } else {
      console.error(`Copydesk could not start: ${(err as Error).message}`);
    }
    process.exit(1);
  }
  console.log(`\nCopydesk is running in browser mode.\n  Library: ${libraryDir}\n  Open:    ${host.url}\n\n(Only this machine can reach it; the token in the address is new every run. Ctrl+C stops it.)\n`);
  const stop = async () => {
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
