// Checks that a .docx is a Word document before mammoth unpacks it: a zip whose directory lists
// word/document.xml, with a sane number of parts and a sane unpacked size (declared sizes: enough
// to stop an honest-looking zip bomb before anything is inflated).
import yauzl from 'yauzl';
import { ApiError } from '../../../../shared/contract/errors';

export const MAX_DOCX_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5000;
const MAX_UNPACKED_BYTES = 500 * 1024 * 1024;

function listEntries(bytes: Uint8Array): Promise<{ names: string[]; unpacked: number } | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      const names: string[] = [];
      let unpacked = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        unpacked += entry.uncompressedSize;
        // Stop reading the directory early once it is clearly too big; the caller refuses it.
        if (names.length > MAX_ENTRIES || unpacked > MAX_UNPACKED_BYTES) {
          zip.close();
          resolve({ names, unpacked });
        } else zip.readEntry();
      });
      zip.on('end', () => resolve({ names, unpacked }));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}

/** Throws ApiError('importFailed') with reason notDocx, tooLarge or hostile; returns when mammoth may read it. */
export async function checkDocx(bytes: Uint8Array, file: string): Promise<void> {
  if (bytes.length > MAX_DOCX_BYTES) throw new ApiError('importFailed', `${file}: ${bytes.length} bytes is over the DOCX limit`, { reason: 'tooLarge', file });
  const listing = await listEntries(bytes);
  if (!listing) throw new ApiError('importFailed', `${file}: not a zip archive`, { reason: 'notDocx', file });
  if (listing.names.length > MAX_ENTRIES || listing.unpacked > MAX_UNPACKED_BYTES) {
    throw new ApiError('importFailed', `${file}: ${listing.names.length} parts, ${listing.unpacked} bytes unpacked`, { reason: 'hostile', file });
  }
  if (!listing.names.includes('word/document.xml')) throw new ApiError('importFailed', `${file}: no word/document.xml`, { reason: 'notDocx', file });
}
