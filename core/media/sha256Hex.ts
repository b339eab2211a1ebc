// A photo's id and a package file's checksum: the SHA-256 of the bytes as lower-case hex. One
// function, so the photo store, the DOCX importer and the package format can never disagree.
import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
