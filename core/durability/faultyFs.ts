// Test helper: node:fs/promises with a full or read-only disk switched on and off, for vi.mock.
// It wraps the real module (passed in, so this file never imports the mocked one) and fails the
// calls a real kernel would fail:
//   ENOSPC  writes store part of their bytes, then fail; new names (link, mkdir, copy) fail;
//           freeing calls (unlink, rename, rm) still work — that is how space comes back.
//   EROFS   every change fails, including writes through files opened before (the kernel
//           remounts a failing disk read-only under a running app).
//   EACCES  every change that opens or names a file fails; files opened before keep working,
//           since permission is checked at open.
// Only paths for which `faults.match` answers true fail, so a test can fill the disk at the
// exact step of a save it wants to examine.
import type * as Fs from 'node:fs/promises';

type FsModule = typeof Fs;
export type FaultCode = 'ENOSPC' | 'EROFS' | 'EACCES';

export const faults: { code: FaultCode | null; match: (path: string) => boolean; hits: number } = { code: null, match: () => true, hits: 0 };

export function failWrites(code: FaultCode, match: (path: string) => boolean = () => true): void {
  Object.assign(faults, { code, match, hits: 0 });
}

export function clearFaults(): void {
  faults.code = null;
}

function active(path: unknown): FaultCode | null {
  if (faults.code === null || !faults.match(String(path))) return null;
  faults.hits++;
  return faults.code;
}

function fault(code: FaultCode, call: string, path: unknown): NodeJS.ErrnoException {
  const text = { ENOSPC: 'no space left on device', EROFS: 'read-only file system', EACCES: 'permission denied' }[code];
  return Object.assign(new Error(`${code}: ${text}, ${call} '${String(path)}'`), { code, errno: -1, syscall: call, path: String(path) });
}

const writesTo = (flags: unknown) => typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & 3) !== 0;

/** Half of what was asked lands before the failure, as a write that ran out of room part-way would. */
function partial(data: unknown): string | Uint8Array {
  if (typeof data === 'string') return data.slice(0, Math.floor(data.length / 2));
  if (data instanceof Uint8Array) return data.subarray(0, Math.floor(data.length / 2));
  return '';
}

function wrapHandle(handle: Fs.FileHandle, path: unknown, openedDuringFault: boolean): Fs.FileHandle {
  const failing = (name: 'write' | 'writeFile' | 'appendFile') =>
    async (data: unknown, ...rest: unknown[]) => {
      const code = active(path);
      // Permission was granted at open: a file opened before the folder turned read-only still writes.
      if (code && !(code === 'EACCES' && !openedDuringFault)) {
        if (code === 'ENOSPC') await (handle[name] as (d: unknown) => Promise<unknown>).call(handle, partial(data));
        throw fault(code, name, path);
      }
      return (handle[name] as (...a: unknown[]) => Promise<unknown>).call(handle, data, ...rest);
    };
  return new Proxy(handle, {
    get(target, prop) {
      if (prop === 'write' || prop === 'writeFile' || prop === 'appendFile') return failing(prop);
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function faultyFs(real: FsModule): FsModule {
  const changes = (name: 'link' | 'copyFile' | 'mkdir' | 'rename' | 'unlink' | 'rm' | 'truncate', freesSpace: boolean) =>
    (async (...args: unknown[]) => {
      const path = name === 'link' || name === 'copyFile' || name === 'rename' ? args[1] : args[0];
      const code = active(path) ?? (name === 'rename' || name === 'unlink' || name === 'rm' ? active(args[0]) : null);
      // `mkdir -p` of a folder that is already there changes nothing, so it succeeds on any disk.
      const nothingToDo = name === 'mkdir' && (await real.stat(String(path)).then((s) => s.isDirectory(), () => false));
      if (code && !(code === 'ENOSPC' && freesSpace) && !nothingToDo) throw fault(code, name, path);
      return (real[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as never;
  const writesFile = (name: 'writeFile' | 'appendFile') =>
    (async (path: unknown, data: unknown, ...rest: unknown[]) => {
      const code = active(path);
      if (code) {
        if (code === 'ENOSPC') await (real[name] as (...a: unknown[]) => Promise<unknown>)(path, partial(data), ...rest);
        throw fault(code, name, path);
      }
      return (real[name] as (...a: unknown[]) => Promise<unknown>)(path, data, ...rest);
    }) as never;
  const wrapped: Partial<FsModule> = {
    open: (async (path: Parameters<FsModule['open']>[0], flags?: string | number, mode?: number) => {
      const writing = writesTo(flags ?? 'r');
      const code = writing ? active(path) : null;
      // A full disk still opens (and creates) files: it is the bytes that do not fit.
      if (code && code !== 'ENOSPC') throw fault(code, 'open', path);
      return wrapHandle(await real.open(path, flags, mode), path, faults.code !== null);
    }) as FsModule['open'],
    writeFile: writesFile('writeFile'),
    appendFile: writesFile('appendFile'),
    link: changes('link', false),
    copyFile: changes('copyFile', false),
    mkdir: changes('mkdir', false),
    rename: changes('rename', true),
    unlink: changes('unlink', true),
    rm: changes('rm', true),
    truncate: changes('truncate', true),
  };
  return { ...real, ...wrapped, default: { ...real, ...wrapped } } as FsModule;
}
