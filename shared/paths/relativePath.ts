// The one rule for a relative path that names a file inside a folder, in forward slashes: an
// entry of a package or a backup archive, a path in an export folder, a URL path under the
// renderer folder (app:// and the browser host). Pure text, so the zip readers, the writers and the
// file servers agree; core/files/insideFolder.ts joins such a path onto a real folder.

/** Longest path accepted (a zip entry name, an export file, an asset URL are all far shorter). */
export const MAX_RELATIVE_PATH = 255;

export type RelativePathProblem = 'length' | 'backslash' | 'absolute' | 'drive' | 'control' | 'traversal';

/**
 * Why `path` may not name a file inside a folder, or null if it may: relative, forward slashes,
 * no `.`/`..`/empty segments, no drive letter, no control characters (zip-slip and friends).
 */
export function relativePathProblem(path: string): RelativePathProblem | null {
  if (!path || path.length > MAX_RELATIVE_PATH) return 'length';
  if (path.includes('\\')) return 'backslash';
  if (path.startsWith('/')) return 'absolute';
  if (/^[a-zA-Z]:/.test(path)) return 'drive';
  if (/\p{Cc}/u.test(path)) return 'control';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'traversal';
  return null;
}
