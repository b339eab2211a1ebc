// Reads a package zip from memory without trusting it, by the one zip entry checker
// (core/zip/checkedZip.ts, shared with the backup archive reader): every name and declared size is
// checked from the central directory before anything is inflated.
import { ApiError } from '../../../shared/contract/errors';
import { PACKAGE_ZIP_LIMITS, type ZipLimits } from '../../../shared/exchange/limits/inputLimits';
import { checkedEntries, inflateEntry, openZip, type ZipFailure } from '../../zip/checkedZip';

export const ZIP_LIMITS: ZipLimits = PACKAGE_ZIP_LIMITS;
export type { ZipLimits };

const REASON = { unreadable: 'badPackage', hostile: 'hostile', tooLarge: 'tooLarge', broken: 'malformed' } as const;

/** The zip's files by path (folders left out). Throws ApiError('importFailed', …, { reason, file }). */
export async function readZip(bytes: Uint8Array, file: string, limits: ZipLimits = ZIP_LIMITS): Promise<Map<string, Uint8Array>> {
  const failure: ZipFailure = (kind, message) => new ApiError('importFailed', message, { reason: REASON[kind], file });
  const zip = await openZip({ bytes }, failure);
  try {
    const entries = [];
    for await (const e of checkedEntries(zip, limits, failure)) entries.push(e);
    const out = new Map<string, Uint8Array>();
    for (const { name, entry } of entries) out.set(name, new Uint8Array(await inflateEntry(zip, name, entry, failure)));
    return out;
  } finally {
    zip.close();
  }
}
