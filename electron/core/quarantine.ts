// Damaged files are moved aside, never deleted: a person may still want what is in them.
import { mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';

export async function quarantine(libraryDir: string, file: string, now: Date): Promise<string> {
  const dir = join(libraryDir, 'quarantine');
  await mkdir(dir, { recursive: true });
  const target = join(dir, `${basename(file)}.${now.toISOString().replace(/[:.]/g, '-')}`);
  await rename(file, target);
  return target;
}
