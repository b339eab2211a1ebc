// `npm run start:browser`: the same app in a local browser, for machines where the Electron
// runtime cannot be downloaded. Listens on 127.0.0.1 only; the printed address carries the token.
import { homedir } from 'node:os';
import { defaultExportDir, resolveLibraryDir } from '../core/libraryLocation';
import { ApiError } from '../shared/contract/errors';
import { cliLanguage, cliText } from '../shared/i18n/cliText';
import { launchBrowserHost } from './launchBrowserHost';

function portArg(argv: string[]): number | undefined {
  const i = argv.indexOf('--port');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice(7);
  return value ? Number(value) : undefined;
}

async function main() {
  const argv = process.argv.slice(2);
  const say = cliText(cliLanguage(process.env, Intl.DateTimeFormat().resolvedOptions().locale));
  const libraryDir = resolveLibraryDir(argv, process.env, process.platform, homedir(), process.cwd());
  let host;
  try {
    host = await launchBrowserHost({ libraryDir, port: portArg(argv), exportDir: defaultExportDir(homedir()) });
  } catch (err) {
    if (err instanceof ApiError && err.params.reason === 'libraryLocked') {
      console.error(say.locked(libraryDir));
    } else {
      console.error(say.failed((err as Error).message));
    }
    process.exit(1);
  }
  const stop = async () => {
    await host.close();
    process.exit(0);
  };
  // Before the address: Ctrl+C pressed the moment it shows must still close the library cleanly.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`\n${say.running(libraryDir, host.url)}`);
}

void main();
