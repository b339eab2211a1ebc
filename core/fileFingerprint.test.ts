import { stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintOf, sameFile } from './fileFingerprint';
import { tempDir } from './testing/tempLibrary';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('the file-changed check', () => {
  it('an untouched file is the same; a new time or a new size is a change', async () => {
    const file = join(dir, 'a.json');
    await writeFile(file, '{"v":1}');
    const known = fingerprintOf(await stat(file));
    expect(sameFile(known, fingerprintOf(await stat(file)))).toBe(true);

    const at = new Date(known.mtimeMs + 5000);
    await utimes(file, at, at);
    expect(sameFile(known, fingerprintOf(await stat(file)))).toBe(false);

    // Same length, the old time put back by the editing tool: the size still has to match.
    await writeFile(file, '{"v":22}');
    const old = new Date(known.mtimeMs);
    await utimes(file, old, old);
    expect(sameFile(known, fingerprintOf(await stat(file)))).toBe(false);
  });

  it('a file or a memory of it that is missing counts as changed', () => {
    const fp = { size: 1, mtimeMs: 2 };
    expect(sameFile(null, fp)).toBe(false);
    expect(sameFile(fp, undefined)).toBe(false);
    expect(sameFile(fp, { ...fp })).toBe(true);
  });

  it('keeps only size and time from a stat', async () => {
    const file = join(dir, 'b.json');
    await writeFile(file, 'x');
    expect(Object.keys(fingerprintOf(await stat(file))).sort()).toEqual(['mtimeMs', 'size']);
  });
});
