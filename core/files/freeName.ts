// A file name not taken yet in a folder: `name.ext`, then `name (2).ext`, `name (3).ext`… as a
// desktop names a second copy. Nothing is overwritten by an export or a backup copied out.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function freeName(dir: string, base: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${base}${ext}` : `${base} (${n})${ext}`);
    const taken = await stat(path).then(
      () => true,
      () => false,
    );
    if (!taken) return path;
  }
}
