// Maps a URL path to a file inside the renderer folder, or null for anything that could escape it.
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

export function staticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = normalize(decoded.replace(/^\/+/, ''));
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  const full = resolve(root, rel);
  const inside = relative(root, full);
  if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return full;
}
