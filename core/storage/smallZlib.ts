// gzip and gunzip for the library's small files (an article's version, a backup object: a few KB):
// done at once on this thread below SMALL_BYTES, where handing them to the thread pool and back
// costs more than the work itself (a restore of 10,000 articles made 30,000 such round trips);
// larger ones on the pool, so a big document never holds this thread up.
import { promisify } from 'node:util';
import { constants, gunzip as gunzipCb, gunzipSync, gzip as gzipCb, gzipSync, type ZlibOptions } from 'node:zlib';

export const SMALL_BYTES = 64 * 1024;
const gzipAsync = promisify(gzipCb);
const gunzipAsync = promisify(gunzipCb);

/** `options.level`: FAST for files written in bulk (a restore's thousands of versions), where speed counts more than a few KB. */
export async function gzip(data: string | Uint8Array, options: ZlibOptions = {}): Promise<Buffer> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return bytes.byteLength <= SMALL_BYTES ? gzipSync(bytes, options) : gzipAsync(bytes, options);
}

export const FAST: ZlibOptions = { level: constants.Z_BEST_SPEED };

/** `options.maxOutputLength` bounds what it may inflate to, on either path. */
export async function gunzip(gz: Uint8Array, options: ZlibOptions = {}): Promise<Buffer> {
  // Deflate inflates at most about 1,000:1, so 16 KB in is at most ~16 MB out on this thread (a
  // hostile archive's object); `maxOutputLength` holds on both paths.
  return gz.byteLength <= SMALL_BYTES / 4 ? gunzipSync(gz, options) : gunzipAsync(gz, options);
}
