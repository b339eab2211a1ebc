// One folder per exported article, named for people (`2026-11-27 <headline>`), and never someone
// else's: a marker file records which article a folder holds, so a re-export replaces only its own
// folder and a same-named story or a folder we did not make gets `(2)`. Files are written into a
// private temporary folder and swapped in, so an interrupted export leaves the old folder or none.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { safeFileName } from '../../shared/exchange/safeFileName';
import type { ExportFile } from '../../shared/exchange/types';
import { joinInside } from '../files/insideFolder';

const MARKER = '.copydesk-export.json';

/** Whose export a folder holds: null when there is no such folder, '' when it is not one of ours. */
async function ownerOf(folder: string): Promise<string | null> {
  const exists = await stat(folder).then(() => true, () => false);
  if (!exists) return null;
  try {
    const marker = JSON.parse(await readFile(join(folder, MARKER), 'utf8')) as { id?: unknown };
    return typeof marker.id === 'string' ? marker.id : '';
  } catch {
    return '';
  }
}

/** The day in the machine's time zone, as a desk would write it (a story saved 08:00 in Seoul is that day's). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A folder name in `outDir` for this article; `taken` (lower-cased) holds names used earlier in the same batch. */
export async function folderFor(outDir: string, article: { id: string; headline: string; updatedAt: string }, taken: Set<string>): Promise<string> {
  const day = localDay(article.updatedAt);
  const base = safeFileName(`${day} ${article.headline}`, `${day} ${article.id.slice(0, 8)}`);
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (taken.has(name.toLowerCase())) continue;
    // Reserved before looking, so articles exported side by side never pick the same name.
    taken.add(name.toLowerCase());
    const owner = await ownerOf(join(outDir, name));
    if (owner === null || owner === article.id) return name;
  }
}

export async function writeFolder(folder: string, articleId: string, files: ExportFile[]): Promise<void> {
  const partial = `${folder}.${randomUUID().slice(0, 8)}.partial`;
  try {
    const all = [...files, { path: MARKER, bytes: new TextEncoder().encode(JSON.stringify({ id: articleId })) }];
    const paths = all.map((file) => {
      const path = joinInside(partial, file.path);
      if (!path) throw new ApiError('exportFailed', `unsafe path ${file.path}`, { reason: 'writeFailed' });
      return path;
    });
    for (const dir of new Set(paths.map((p) => dirname(p)))) await mkdir(dir, { recursive: true });
    await Promise.all(all.map((file, i) => writeFile(paths[i], file.bytes)));
    await rm(folder, { recursive: true, force: true });
    await rename(partial, folder);
  } catch (err) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}
