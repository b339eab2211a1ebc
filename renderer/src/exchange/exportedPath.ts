// Where an export result is on disk, as the person would paste it: the article's folder when one
// article was written, else the export folder. The core gives the folder and each article's folder
// name; the separator follows the folder's own (Windows paths have no '/').
import type { ExportResult } from '../../../shared/contract/api';

export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('/') || !dir.includes('\\') ? '/' : '\\';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

export function exportedPath(dir: string, results: ExportResult[]): string {
  const written = results.filter((r) => !r.error);
  return written.length === 1 ? joinPath(dir, written[0].folder) : dir;
}
