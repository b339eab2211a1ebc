// The one path-traversal guard for files the app serves, reveals or writes by a name it was given:
// the renderer over app:// and over the browser host, "show in folder", an export folder's files.
// A name passes the pure-text rule (shared/paths/relativePath.ts) and the joined path must still
// be inside the folder; callers that follow links compare real paths with `isInside`.
import { isAbsolute, join, relative, sep } from 'node:path';
import { relativePathProblem } from '../../shared/paths/relativePath';

/** True when `path` is `root` itself or inside it. Both absolute; realpath both first where links may lead out. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** `root` joined with a relative path in forward slashes, or null if the path may not name a file inside it. */
export function joinInside(root: string, relPath: string): string | null {
  if (relativePathProblem(relPath)) return null;
  const full = join(root, ...relPath.split('/'));
  return full !== root && isInside(root, full) ? full : null;
}

/**
 * The file a URL's path names inside `root` (percent-decoded; `/` names `index` when given), or
 * null for anything that could leave it: `..` or `.` segments, backslashes, NUL, a drive letter.
 */
export function fileForUrlPath(root: string, urlPath: string, index?: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const rel = decoded.replace(/^\/+/, '');
  if (rel === '' && index) return joinInside(root, index);
  return joinInside(root, rel);
}
