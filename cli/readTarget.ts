// Reading a file named on the command line, and saying why one could not be read, for every
// `copydesk` command that takes files (import, export's conversions, check).
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ApiError } from '../shared/contract/errors';
import { MAX_IMPORT_BYTES } from '../shared/contract/api';
import type { cliExchangeText } from '../shared/i18n/cliExchangeText';

export async function readTarget(path: string, io: { cwd: string }): Promise<{ name: string; bytes: Uint8Array }> {
  const full = resolve(io.cwd, path);
  const name = basename(full);
  // Sized before it is read: a huge file is refused, not loaded.
  if ((await stat(full)).size > MAX_IMPORT_BYTES) throw new ApiError('importFailed', `${name}: too large`, { reason: 'tooLarge', file: name });
  return { name, bytes: new Uint8Array(await readFile(full)) };
}

export function reasonText(err: ApiError, say: ReturnType<typeof cliExchangeText>): string {
  const reason = String(err.params.reason ?? '');
  if (err.code === 'embargoed') return say.reasons.embargoed(String(err.params.until ?? ''));
  if (/ENOENT/.test(err.message)) return say.reasons.missing;
  if (reason in say.reasons && reason !== 'embargoed' && reason !== 'other') {
    // A refusal that knows what the file lacks names it.
    const lacking = String(err.params.lacking ?? '');
    return lacking in say.lacking ? `${say.reasons[reason as 'empty']}: ${say.lacking[lacking as 'identifier']}` : say.reasons[reason as 'empty'];
  }
  return say.reasons.other(err.message);
}
