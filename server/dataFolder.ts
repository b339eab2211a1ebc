// What the server keeps in its --data folder: the lock that makes it the folder's only server,
// and the embedded PGlite database (when no --database URL is given).
import { join, resolve } from 'node:path';

/** PGlite's own folder inside --data. */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

/** --data when given, else COPYDESK_SERVER_DATA, else `copydesk-newsroom` in the home folder. */
export function resolveDataDir(given: string | undefined, env: NodeJS.ProcessEnv, home: string, cwd: string): string {
  const dir = given ?? env.COPYDESK_SERVER_DATA;
  return dir ? resolve(cwd, dir) : join(home, 'copydesk-newsroom');
}
