// The append log: records come back as appended; a torn or damaged tail is cut without losing a
// record before it; appends made together share one fsync and none is acknowledged before one
// covering it; a compaction stopped at any step leaves the old log or the new one, whole.
import * as realFs from 'node:fs/promises';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WriteFs } from '../atomicWrite';
import { tempDir } from '../testing/tempLibrary';
import { AppendLog } from './appendLog';
import { encodeFrame, LOG_HEADER, parseLog } from './appendLogFormat';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function logPath(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return join(dir, 'test.log');
}

const text = (records: Uint8Array[]) => records.map((r) => Buffer.from(r).toString('utf8'));
const bytes = (s: string) => Buffer.from(s, 'utf8');

async function writeLog(path: string, records: string[]): Promise<void> {
  const { log } = await AppendLog.open(path);
  for (const r of records) await log.append(bytes(r));
  await log.close();
}

async function readBack(path: string) {
  const { log, records, tail } = await AppendLog.open(path);
  await log.close();
  return { records: text(records), tail };
}

describe('round trip', () => {
  it('gives back every record, byte for byte and in order, empty and large ones included', async () => {
    const path = await logPath();
    const big = Buffer.alloc(70_000, 0xab);
    const { log, records } = await AppendLog.open(path);
    expect(records).toEqual([]); // a missing file is an empty log
    await log.append(bytes('첫 기록'));
    await log.append(new Uint8Array(0));
    await log.append(big);
    await log.close();
    await expect(log.append(bytes('late'))).rejects.toThrow('closed'); // never written to a file let go of
    const back = await AppendLog.open(path);
    await back.log.close();
    expect(back.tail).toBeNull();
    expect(back.records.map((r) => Buffer.from(r))).toEqual([bytes('첫 기록'), Buffer.alloc(0), big]);
    expect(back.log.records).toBe(3);
  });
});

describe('a torn tail', () => {
  it('cut at every byte of the last record: the earlier records read back, the tail is dropped, the next append lands cleanly', async () => {
    const path = await logPath();
    await writeLog(path, ['하나', 'two', '셋째 기록']);
    const whole = await readFile(path);
    const lastStart = whole.length - encodeFrame(bytes('셋째 기록')).length;
    for (let cut = lastStart; cut < whole.length; cut++) {
      await writeFile(path, whole.subarray(0, cut));
      const opened = await AppendLog.open(path);
      expect(text(opened.records), `cut at ${cut}`).toEqual(['하나', 'two']);
      expect(opened.tail?.reason ?? null, `cut at ${cut}`).toBe(cut === lastStart ? null : 'torn');
      expect((await readFile(path)).length, `cut at ${cut}`).toBe(lastStart); // cut off on open
      await opened.log.append(bytes('다음'));
      await opened.log.close();
      expect(await readBack(path), `cut at ${cut}`).toEqual({ records: ['하나', 'two', '다음'], tail: null });
    }
  });

  it('a log cut inside its header is an empty log that takes appends', async () => {
    const path = await logPath();
    await writeFile(path, LOG_HEADER.subarray(0, 5));
    const opened = await AppendLog.open(path);
    expect(opened.records).toEqual([]);
    expect(opened.tail?.reason).toBe('torn');
    await opened.log.append(bytes('a'));
    await opened.log.close();
    expect(await readBack(path)).toEqual({ records: ['a'], tail: null });
  });
});

describe('damage', () => {
  it('a flipped byte in the middle record: the records before it are kept, the damage is reported, and nothing after it comes back later', async () => {
    const path = await logPath();
    await writeLog(path, ['first', 'middle', 'last']);
    const whole = await readFile(path);
    const middleStart = LOG_HEADER.length + encodeFrame(bytes('first')).length;
    for (const at of [middleStart + 4, middleStart + 8, middleStart + 10]) {
      // The CRC field, then the payload's first and third bytes.
      const damaged = Buffer.from(whole);
      damaged[at] ^= 0x20;
      await writeFile(path, damaged);
      const opened = await AppendLog.open(path);
      expect(text(opened.records)).toEqual(['first']);
      expect(opened.tail).toMatchObject({ reason: 'checksum', offset: middleStart });
      // The dropped bytes are handed over, for a caller that keeps damaged data aside.
      expect(Buffer.from(opened.tail!.dropped)).toEqual(damaged.subarray(middleStart));
      await opened.log.append(bytes('after'));
      await opened.log.close();
      expect(await readBack(path)).toEqual({ records: ['first', 'after'], tail: null });
    }
  });

  it('a file that is not a log is reported and replaced by a log on the first append', async () => {
    const path = await logPath();
    await writeFile(path, '{"op":"put"}\n');
    const opened = await AppendLog.open(path);
    expect(opened.records).toEqual([]);
    expect(opened.tail?.reason).toBe('header');
    await opened.log.append(bytes('new'));
    await opened.log.close();
    expect(await readBack(path)).toEqual({ records: ['new'], tail: null });
  });

  it('zero-filled records never read as records', () => {
    const zeros = Buffer.concat([LOG_HEADER, Buffer.alloc(64)]);
    expect(parseLog(zeros)).toMatchObject({ records: [], validBytes: LOG_HEADER.length, tail: { reason: 'checksum' } });
  });
});

/**
 * node:fs/promises watched: bytes written through append handles, and how many of them an fsync
 * had covered when it returned. `gate` holds an fsync until the test lets it go.
 */
function spyFs() {
  const spy = { written: 0, durable: 0, syncs: 0, gate: null as Promise<void> | null };
  const fs: WriteFs = {
    ...realFs,
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await realFs.open(path, flags, mode);
      if (flags !== 'a') return handle;
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'write') {
            return async (...args: Parameters<typeof handle.write>) => {
              const r = await (target.write as (...a: unknown[]) => Promise<{ bytesWritten: number }>)(...args);
              spy.written += r.bytesWritten;
              return r;
            };
          }
          if (prop === 'datasync' || prop === 'sync') {
            return async () => {
              const covers = spy.written; // what was written when the fsync started
              spy.syncs++;
              await spy.gate;
              await target[prop]();
              spy.durable = Math.max(spy.durable, covers);
            };
          }
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as WriteFs['open'],
  };
  return { fs, spy };
}

describe('batched fsync', () => {
  it('appends made together share one fsync, and each resolves only once an fsync covering it has returned', async () => {
    const path = await logPath();
    const { fs, spy } = spyFs();
    const { log } = await AppendLog.open(path, { fs });
    const N = 40;
    const payloads = Array.from({ length: N }, (_, i) => bytes(`기록 ${i} `.repeat(i + 1)));
    // Where each record ends among the bytes appended (the header is written apart, atomically).
    const ends: number[] = [];
    payloads.reduce((at, p) => (ends.push(at + encodeFrame(p).length), at + encodeFrame(p).length), 0);
    const covered: number[] = [];
    await Promise.all(payloads.map((p, i) => log.append(p).then(() => (covered[i] = spy.durable))));
    for (let i = 0; i < N; i++) expect(covered[i], `record ${i}`).toBeGreaterThanOrEqual(ends[i]);
    expect(spy.syncs).toBeGreaterThan(0);
    expect(spy.syncs).toBeLessThan(N);

    // Appends made while an fsync runs wait for it and then share the next one.
    const before = spy.syncs;
    let release!: () => void;
    spy.gate = new Promise((r) => (release = r));
    const first = log.append(bytes('while syncing'));
    while (spy.syncs === before) await new Promise((r) => setImmediate(r)); // the first one's fsync has started
    const more = Array.from({ length: 10 }, (_, i) => log.append(bytes(`queued ${i}`)));
    release();
    await Promise.all([first, ...more]);
    expect(spy.syncs - before).toBe(2);
    await log.close();
    expect((await readBack(path)).records).toHaveLength(N + 11);
  });

  it('`durable: false` appends are written without an fsync; flush() makes them durable with one', async () => {
    const path = await logPath();
    const { fs, spy } = spyFs();
    const { log } = await AppendLog.open(path, { fs });
    for (let i = 0; i < 5; i++) await log.append(bytes(`quick ${i}`), { durable: false });
    expect(spy.syncs).toBe(0);
    expect((await readBack(path)).records).toHaveLength(5); // in the file already: a killed process keeps them
    await log.flush();
    expect(spy.syncs).toBe(1);
    expect(spy.durable).toBe(spy.written);
    await log.flush(); // nothing new: no fsync
    expect(spy.syncs).toBe(1);
    await log.close();
  });

  it('a failed write is cut off before the next append, so no record follows a torn one', async () => {
    const path = await logPath();
    let fail = false;
    const fs: WriteFs = {
      ...realFs,
      open: (async (p: string, flags: string, mode?: number) => {
        const handle = await realFs.open(p, flags, mode);
        if (flags !== 'a') return handle;
        return new Proxy(handle, {
          get(target, prop) {
            if (prop === 'write' && fail) {
              return async (data: Buffer) => {
                await target.write(data.subarray(0, 7)); // part lands, as on a full disk
                throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
              };
            }
            const value = Reflect.get(target, prop, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      }) as WriteFs['open'],
    };
    const { log } = await AppendLog.open(path, { fs });
    await log.append(bytes('kept'));
    fail = true;
    await expect(log.append(bytes('refused'))).rejects.toMatchObject({ code: 'ENOSPC' });
    fail = false;
    await log.append(bytes('after'));
    await log.close();
    expect(await readBack(path)).toEqual({ records: ['kept', 'after'], tail: null });
  });
});

/**
 * node:fs/promises that dies at its `failAt`-th call once armed: that call and every later one
 * throw, as if the process had been killed there (nothing after that step reaches the disk).
 */
function dyingFs(failAt: number) {
  const state = { armed: false, calls: 0, died: false };
  const step = (name: string) => {
    if (!state.armed) return;
    if (state.died || state.calls++ === failAt) {
      state.died = true;
      throw new Error(`killed at ${name}`);
    }
  };
  const wrapHandle = (handle: realFs.FileHandle) =>
    new Proxy(handle, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          step(`handle.${String(prop)}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const fs: WriteFs = {
    open: (async (...args: Parameters<typeof realFs.open>) => {
      step('open');
      return wrapHandle(await realFs.open(...args));
    }) as WriteFs['open'],
    rename: async (...args) => (step('rename'), realFs.rename(...args)),
    unlink: async (...args) => (step('unlink'), realFs.unlink(...args)),
    link: async (...args) => (step('link'), realFs.link(...args)),
    copyFile: async (...args) => (step('copyFile'), realFs.copyFile(...args)),
  };
  return { fs, state };
}

describe('compaction', () => {
  const OLD = ['old 1', 'old 2', 'old 3', 'old 4'];
  const NEW = ['merged 1-4', 'new tail'];

  it('stopped at any step, leaves the old log or the new one, each whole', async () => {
    const outcomes = new Set<string>();
    for (let failAt = 0; ; failAt++) {
      const path = await logPath();
      await writeLog(path, OLD);
      const { fs, state } = dyingFs(failAt);
      const { log } = await AppendLog.open(path, { fs });
      state.armed = true;
      const done = await log.compact(() => NEW.map(bytes)).then(() => true, () => false);
      const after = await readBack(path);
      expect(after.tail, `killed at step ${failAt}`).toBeNull();
      expect([OLD, NEW], `killed at step ${failAt}`).toContainEqual(after.records);
      outcomes.add(after.records[0]);
      if (done) {
        expect(after.records).toEqual(NEW);
        break;
      }
      expect(failAt).toBeLessThan(50); // every step was tried
    }
    // Early deaths kept the old log, late ones (after the rename) the new one.
    expect(outcomes).toEqual(new Set(['old 1', 'merged 1-4']));
  });

  it('appends before it go into what it replaces, appends after it into the new log; a failed one leaves the old log appendable', async () => {
    const path = await logPath();
    const { log } = await AppendLog.open(path);
    await log.append(bytes('a'));
    const seen: string[][] = [];
    const before = log.append(bytes('b'));
    const compacted = log.compact(async () => {
      seen.push(text((await AppendLog.open(path)).records)); // 'b' was written before the snapshot was asked for
      return [bytes('ab')];
    });
    const after = log.append(bytes('c'));
    await Promise.all([before, compacted, after]);
    expect(seen).toEqual([['a', 'b']]);
    expect(log.records).toBe(2);
    await expect(log.compact(() => { throw new Error('snapshot failed'); })).rejects.toThrow('snapshot failed');
    await log.append(bytes('d'));
    await log.close();
    expect(await readBack(path)).toEqual({ records: ['ab', 'c', 'd'], tail: null });
  });
});
