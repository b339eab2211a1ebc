import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../shared/contract/dispatch';
import { writeFileAtomic, type WriteFs } from './atomicWrite';
import { tempDir } from './testing/tempLibrary';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** Opens and writes like the real fs but fails the write itself with `code`, as a full or read-only disk would. */
function failingFs(code: string): WriteFs {
  return {
    ...fs,
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await fs.open(path, flags, mode);
      return Object.assign(Object.create(handle), {
        writeFile: async (data: string) => {
          await handle.writeFile(String(data).slice(0, 5)); // a partial write reached the temp file
          throw Object.assign(new Error(`${code}: simulated`), { code });
        },
        close: () => handle.close(),
      });
    }) as WriteFs['open'],
  };
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp files', async () => {
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await fs.readFile(file, 'utf8')).toBe('two');
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });

  for (const code of ['ENOSPC', 'EROFS']) {
    it(`${code}: fails, keeps the old file intact, cleans up`, async () => {
      const file = join(dir, 'a.json');
      await writeFileAtomic(file, 'the good version');
      await expect(writeFileAtomic(file, 'the new version', failingFs(code))).rejects.toMatchObject({ code });
      expect(await fs.readFile(file, 'utf8')).toBe('the good version');
      expect(await fs.readdir(dir)).toEqual(['a.json']);
    });
  }

  it('reports a full disk to the user as diskFull, a read-only one as readOnly', async () => {
    const handlers = {
      getSettings: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
      getAppInfo: async () => {
        throw Object.assign(new Error('read-only'), { code: 'EROFS' });
      },
    } as never;
    expect(await dispatch(handlers, 'getSettings', {})).toMatchObject({ ok: false, error: { code: 'diskFull' } });
    expect(await dispatch(handlers, 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'readOnly' } });
  });
});
