// "Show in folder" after an export: the file manager is the desktop's (Electron's shell, handed in
// by the main process); the core only decides which paths may be shown — ones inside the export
// folder or the library, never anything else a caller names. Without a file manager (the browser
// host) it answers `shown: false` and the renderer offers the path to copy instead.
import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { isInside } from '../files/insideFolder';

export type RevealPath = (path: string) => void;

/** Links resolved on both sides, so a link inside the export folder cannot point the file manager elsewhere. */
export async function revealInFolder(path: string, roots: string[], reveal: RevealPath | undefined): Promise<{ shown: boolean }> {
  if (!isAbsolute(path)) throw new ApiError('forbidden', `not an absolute path: ${path}`, { reason: 'outsideFolders' });
  const real = await realpath(resolve(path)).catch(() => {
    throw new ApiError('fileMissing', `nothing at ${path}`, { path });
  });
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => resolve(r))));
  if (!realRoots.some((root) => isInside(root, real))) throw new ApiError('forbidden', `${path} is outside the export folder and the library`, { reason: 'outsideFolders' });
  if (!reveal) return { shown: false };
  reveal(real);
  return { shown: true };
}
