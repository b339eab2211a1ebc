// The last good copy beside a file (`.bak`) and the kept original of an upgraded file are made by
// keepCopy: the copy is replaced in one rename, so there is always a whole one, and a disk that
// refuses leaves the earlier copy as it was.
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepCopy, type WriteFs } from '../atomicWrite';
import { tempDir } from '../testing/tempLibrary';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const refusing = (code: string, call: 'link' | 'copyFile'): WriteFs => ({
  ...fs,
  [call]: async () => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  },
});

describe('keepCopy', () => {
  it('replaces the earlier copy with the file as it is now, leaving no temp file', async () => {
    await fs.writeFile(join(dir, 'a.json'), 'version 2');
    await fs.writeFile(join(dir, 'a.json.bak'), 'version 1');
    expect(await keepCopy(join(dir, 'a.json'), join(dir, 'a.json.bak'))).toBe(true);
    expect(await fs.readFile(join(dir, 'a.json.bak'), 'utf8')).toBe('version 2');
    expect((await fs.readdir(dir)).sort()).toEqual(['a.json', 'a.json.bak']);
  });

  it('without the file (a new article), keeps nothing and leaves the earlier copy alone', async () => {
    await fs.writeFile(join(dir, 'a.json.bak'), 'version 1');
    expect(await keepCopy(join(dir, 'a.json'), join(dir, 'a.json.bak'))).toBe(false);
    expect(await fs.readFile(join(dir, 'a.json.bak'), 'utf8')).toBe('version 1');
  });

  it('without the file, takes away no temp file it never made (one call, not two, per new article)', async () => {
    const unlinked: string[] = [];
    const counting: WriteFs = { ...fs, unlink: async (p) => void unlinked.push(String(p)) };
    expect(await keepCopy(join(dir, 'a.json'), join(dir, 'a.json.bak'), counting)).toBe(false);
    expect(unlinked).toEqual([]);
  });

  it('a copy that fails part-way (no hard links, then a full disk) leaves no temp file', async () => {
    await fs.writeFile(join(dir, 'a.json'), 'version 2');
    const halfCopy: WriteFs = {
      ...refusing('EPERM', 'link'),
      copyFile: async (_from, to) => {
        await fs.writeFile(to, 'vers');
        throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
      },
    };
    await expect(keepCopy(join(dir, 'a.json'), join(dir, 'a.json.bak'), halfCopy)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });

  for (const code of ['EROFS', 'EACCES', 'ENOSPC']) {
    it(`${code}: fails, and the earlier copy is untouched`, async () => {
      await fs.writeFile(join(dir, 'a.json'), 'version 2');
      await fs.writeFile(join(dir, 'a.json.bak'), 'version 1');
      await expect(keepCopy(join(dir, 'a.json'), join(dir, 'a.json.bak'), refusing(code, 'link'))).rejects.toMatchObject({ code });
      expect(await fs.readFile(join(dir, 'a.json.bak'), 'utf8')).toBe('version 1');
      expect((await fs.readdir(dir)).sort()).toEqual(['a.json', 'a.json.bak']);
    });
  }

  it('on a file system without hard links, copies instead', async () => {
    await fs.writeFile(join(dir, 'a.json'), 'version 2');
    expect(await keepCopy(join(dir, 'a.json'), join(dir, 'a.json.bak'), refusing('EPERM', 'link'))).toBe(true);
    expect(await fs.readFile(join(dir, 'a.json.bak'), 'utf8')).toBe('version 2');
  });

  it('`link: false` makes a copy that damage in place to the file does not reach', async () => {
    await fs.writeFile(join(dir, 'people.json'), 'the people');
    await keepCopy(join(dir, 'people.json'), join(dir, 'people.json.bak'), undefined, { link: false });
    await fs.writeFile(join(dir, 'people.json'), '\u0000\u0000\u0000'); // same inode, overwritten
    expect(await fs.readFile(join(dir, 'people.json.bak'), 'utf8')).toBe('the people');
  });
});
