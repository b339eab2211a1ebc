import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../shared/contract/dispatch';
import { fsyncDir, fsyncFile, writeFileAtomic, type WriteFs } from './atomicWrite';
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

describe('writing in pieces', () => {
  it('writes the pieces one after another, as one file', async () => {
    const file = join(dir, 'sections.bin');
    await writeFileAtomic(file, [new TextEncoder().encode('{"header":1}\n'), new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
    expect([...(await fs.readFile(file))]).toEqual([...new TextEncoder().encode('{"header":1}\n'), 1, 2, 3, 4]);
    expect(await fs.readdir(dir)).toEqual(['sections.bin']);
  });
});

/** Records what each opened handle was asked to do. */
function recordingFs(log: string[]): Pick<WriteFs, 'open'> {
  return {
    open: (async (path: string, flags: string) => {
      const handle = await fs.open(path, flags);
      log.push(`open ${flags}`);
      return Object.assign(Object.create(handle), {
        sync: async () => (log.push('sync'), handle.sync()),
        close: async () => (log.push('close'), handle.close()),
      });
    }) as WriteFs['open'],
  };
}

describe('the fsync helper', () => {
  it('flushes a file through a handle open for writing (Windows flushes no other), and closes it', async () => {
    const file = join(dir, 'object.gz');
    await fs.writeFile(file, 'x');
    const log: string[] = [];
    await fsyncFile(file, {}, recordingFs(log));
    expect(log).toEqual(['open r+', 'sync', 'close']);
  });

  it('a file removed meanwhile needs no flushing only when the caller says so', async () => {
    const gone = join(dir, 'gone.gz');
    await expect(fsyncFile(gone, { missingOk: true })).resolves.toBeUndefined();
    await expect(fsyncFile(gone)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('flushes a folder read-only and closes it (Windows cannot open one; there it does nothing)', async () => {
    const log: string[] = [];
    await fsyncDir(dir, { ...fs, ...recordingFs(log) });
    expect(log).toEqual(process.platform === 'win32' ? [] : ['open r', 'sync', 'close']);
  });
});
