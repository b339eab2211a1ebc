// Imports files one at a time through the API, reporting progress and stopping between files when
// cancelled (the file in flight finishes: the core never stores half a photo). Every file gets a
// result: its photo, or the error that names it.
import { ApiError } from '../../../shared/contract/errors';
import type { PhotoInfo } from '../../../shared/model/photo';
import { hasImageExtension, isClearlyNotImage } from '../../../shared/photos/photoFileName';

export type ImportResult =
  | { name: string; status: 'added'; photo: PhotoInfo; existed: boolean }
  | { name: string; status: 'failed'; error: unknown }
  | { name: string; status: 'cancelled' };

export interface ImportOptions {
  importPhoto(input: { name: string; bytes: Uint8Array }): Promise<{ photo: PhotoInfo; existed: boolean }>;
  maxBytes: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number, current: string | null): void;
}

/** Files tried when a whole folder is imported; other files in it are left alone. */
export function isImageFile(file: { name: string; type: string }): boolean {
  return file.type.startsWith('image/') || hasImageExtension(file.name);
}

function nameOf(file: File): string {
  return (file.webkitRelativePath || file.name || 'photo').slice(-255);
}

export async function importFiles(files: readonly File[], opts: ImportOptions): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const [i, file] of files.entries()) {
    const name = nameOf(file);
    if (opts.signal?.aborted) {
      results.push({ name, status: 'cancelled' });
      continue;
    }
    opts.onProgress?.(i, files.length, name);
    try {
      // Checked before reading, so a 2 GB video dropped by mistake is never loaded into memory.
      if (isClearlyNotImage(file)) throw new ApiError('photoRejected', `${name}: not an image`, { file: name, reason: 'notImage' });
      if (file.size > opts.maxBytes) throw new ApiError('photoRejected', `${name}: too large`, { file: name, reason: 'tooLarge', limitMB: Math.round(opts.maxBytes / 1048576) });
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        // The file was moved or deleted after it was chosen, or the disk went away.
        throw new ApiError('photoRejected', `${name}: unreadable`, { file: name, reason: 'unreadable' });
      }
      const { photo, existed } = await opts.importPhoto({ name: file.name || name, bytes });
      results.push({ name, status: 'added', photo, existed });
    } catch (error) {
      results.push({ name, status: 'failed', error });
    }
  }
  opts.onProgress?.(files.length, files.length, null);
  return results;
}
