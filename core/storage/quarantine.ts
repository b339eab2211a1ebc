// Damaged files are moved aside, never deleted: a person may still want what is in them.
import { lstat, mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';

export async function quarantine(libraryDir: string, file: string, now: Date): Promise<string> {
  const dir = join(libraryDir, 'quarantine');
  await mkdir(dir, { recursive: true });
  const stem = join(dir, `${basename(file)}.${now.toISOString().replace(/[:.]/g, '-')}`);
  // rename replaces silently, so a second damaged copy of the same file in the same millisecond
  // (a crash loop, a test clock) gets its own name instead of overwriting the first.
  let target = stem;
  for (let n = 2; await exists(target); n++) target = `${stem}-${n}`;
  await rename(file, target);
  return target;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
