import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import type { PhotoInfo } from '../../../shared/model/photo';
import { importFiles, isImageFile } from './importFiles';

const photo = (id: string) => ({ id }) as unknown as PhotoInfo;
const file = (name: string, content = 'x', type = 'image/jpeg') => new File([content], name, { type });

/** A File whose bytes can no longer be read, like one deleted after it was picked. */
function vanished(name: string): File {
  const f = file(name);
  Object.defineProperty(f, 'arrayBuffer', { value: () => Promise.reject(new DOMException('A requested file could not be found', 'NotFoundError')) });
  return f;
}

describe('importFiles', () => {
  it('imports each file in turn and reports progress', async () => {
    const importPhoto = vi.fn(async ({ name }: { name: string; bytes: Uint8Array }) => ({ photo: photo(name), existed: false }));
    const progress: [number, number, string | null][] = [];
    const results = await importFiles([file('a.jpg'), file('b.jpg')], { importPhoto, maxBytes: 100, onProgress: (...p) => progress.push(p) });
    expect(results.map((r) => r.status)).toEqual(['added', 'added']);
    expect(progress).toEqual([[0, 2, 'a.jpg'], [1, 2, 'b.jpg'], [2, 2, null]]);
    expect(importPhoto.mock.calls[0][0].bytes).toEqual(new TextEncoder().encode('x'));
  });

  it('names a file that disappeared mid-import and goes on with the rest', async () => {
    const importPhoto = vi.fn(async ({ name }: { name: string }) => ({ photo: photo(name), existed: false }));
    const results = await importFiles([vanished('gone.jpg'), file('ok.jpg')], { importPhoto, maxBytes: 100 });
    expect(results[0]).toMatchObject({ name: 'gone.jpg', status: 'failed' });
    const err = (results[0] as { error: ApiError }).error;
    expect(err.params).toMatchObject({ file: 'gone.jpg', reason: 'unreadable' });
    expect(results[1].status).toBe('added');
    expect(importPhoto).toHaveBeenCalledTimes(1);
  });

  it('refuses a file over the limit without reading it', async () => {
    const importPhoto = vi.fn();
    const big = file('big.jpg', 'x'.repeat(101));
    const read = vi.spyOn(big, 'arrayBuffer');
    const [result] = await importFiles([big], { importPhoto, maxBytes: 100 });
    expect(result.status).toBe('failed');
    expect(read).not.toHaveBeenCalled();
    expect(importPhoto).not.toHaveBeenCalled();
  });

  it('stops between files when cancelled and says which were not imported', async () => {
    const controller = new AbortController();
    const importPhoto = vi.fn(async ({ name }: { name: string }) => {
      controller.abort(); // the user presses Cancel while the first file is on its way
      return { photo: photo(name), existed: false };
    });
    const results = await importFiles([file('1.jpg'), file('2.jpg'), file('3.jpg')], { importPhoto, maxBytes: 100, signal: controller.signal });
    expect(results.map((r) => r.status)).toEqual(['added', 'cancelled', 'cancelled']);
    expect(importPhoto).toHaveBeenCalledTimes(1);
  });

  it('passes the core’s refusal through as the file’s result', async () => {
    const refusal = new ApiError('photoRejected', 'x', { file: 'a.jpg', reason: 'notImage' });
    const results = await importFiles([file('a.jpg')], { importPhoto: () => Promise.reject(refusal), maxBytes: 100 });
    expect(results).toEqual([{ name: 'a.jpg', status: 'failed', error: refusal }]);
  });

  it('refuses a file that is plainly no image by name and type without reading it or asking the core', async () => {
    const importPhoto = vi.fn();
    const txt = new File(['메모'], 'notes.txt', { type: 'text/plain' });
    const read = vi.spyOn(txt, 'arrayBuffer');
    const [result] = await importFiles([txt], { importPhoto, maxBytes: 100 });
    expect(result.status).toBe('failed');
    expect((result as { error: ApiError }).error).toMatchObject({ code: 'photoRejected', params: { file: 'notes.txt', reason: 'notImage' } });
    expect(importPhoto).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
  });

  it('tells photos from other files in a folder', () => {
    expect(isImageFile({ name: 'IMG_0001.JPG', type: '' })).toBe(true);
    expect(isImageFile({ name: 'scan', type: 'image/png' })).toBe(true);
    expect(isImageFile({ name: 'captions.txt', type: 'text/plain' })).toBe(false);
  });
});
