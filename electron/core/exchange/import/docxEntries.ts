// Checks that a .docx is a Word document before mammoth unpacks it: a zip with word/document.xml,
// read through the same guarded reader as packages (entry names, counts, declared sizes, ratios,
// and bytes counted while inflating), so a zip bomb never reaches mammoth.
import { ApiError } from '../../../../shared/contract/errors';
import { readZip, ZIP_LIMITS } from '../package/readZip';

export const MAX_DOCX_BYTES = 100 * 1024 * 1024;

/** Word files hold many small parts and no single big one beyond their pictures. */
const DOCX_LIMITS = { ...ZIP_LIMITS, maxEntries: 5000, maxEntryBytes: 50 * 1024 * 1024, maxTotalBytes: 300 * 1024 * 1024 };

/** Throws ApiError('importFailed') with reason notDocx, tooLarge or hostile; returns when mammoth may read it. */
export async function checkDocx(bytes: Uint8Array, file: string): Promise<void> {
  if (bytes.length > MAX_DOCX_BYTES) throw new ApiError('importFailed', `${file}: ${bytes.length} bytes is over the DOCX limit`, { reason: 'tooLarge', file });
  let parts: Map<string, Uint8Array>;
  try {
    parts = await readZip(bytes, file, DOCX_LIMITS);
  } catch (err) {
    // Not a zip at all is "not a Word document"; a zip that fights back keeps its own reason.
    if (err instanceof ApiError && err.params.reason === 'malformed') throw new ApiError('importFailed', `${file}: not a zip archive`, { reason: 'notDocx', file });
    throw err;
  }
  if (!parts.has('word/document.xml')) throw new ApiError('importFailed', `${file}: no word/document.xml`, { reason: 'notDocx', file });
}
