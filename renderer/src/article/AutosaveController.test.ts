import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { emptyContent, type ArticleContent } from '../../../shared/model/article';
import { AutosaveController, type SaveState } from './AutosaveController';

let states: SaveState['status'][];
let content: ArticleContent;
beforeEach(() => {
  vi.useFakeTimers();
  states = [];
  content = emptyContent('ko');
});
afterEach(() => vi.useRealTimers());

function controller(save: (rev: number, c: ArticleContent) => Promise<{ revision: number; updatedAt: string }>) {
  return new AutosaveController({ save, getContent: () => content, onState: (s) => states.push(s.status), revision: 3, savedAt: 'x', delayMs: 500, retryMs: [1000, 2000] });
}
const ok = (rev: number) => Promise.resolve({ revision: rev + 1, updatedAt: new Date().toISOString() });

describe('AutosaveController', () => {
  it('saves once, 500 ms after the last change', async () => {
    const save = vi.fn(ok);
    const c = controller(save);
    c.markDirty();
    await vi.advanceTimersByTimeAsync(300);
    c.markDirty();
    await vi.advanceTimersByTimeAsync(300);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(250);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith(3, content);
    expect(c.status).toBe('saved');
    expect(states).toEqual(['dirty', 'saving', 'saved']);
  });

  it('keeps one save in flight and saves again for changes made meanwhile, on the new revision', async () => {
    let release!: () => void;
    const save = vi.fn((rev: number) => new Promise<{ revision: number; updatedAt: string }>((r) => (release = () => r({ revision: rev + 1, updatedAt: 'y' }))));
    const c = controller(save);
    c.markDirty();
    await vi.advanceTimersByTimeAsync(500);
    c.markDirty(); // typed during the save
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls.map((call) => call[0])).toEqual([3, 4]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(c.status).toBe('saved');
  });

  it('flush saves immediately and resolves when it is on disk', async () => {
    const save = vi.fn(ok);
    const c = controller(save);
    c.markDirty();
    await c.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(c.status).toBe('saved');
    await c.flush(); // nothing unsaved: no second save
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('retries with backoff after a failure and keeps the change unsaved until it succeeds', async () => {
    const save = vi.fn().mockRejectedValueOnce(new ApiError('diskFull', 'full')).mockRejectedValueOnce(new ApiError('diskFull', 'full')).mockImplementation(ok);
    const c = controller(save);
    c.markDirty();
    await vi.advanceTimersByTimeAsync(500);
    expect(c.status).toBe('failed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(c.status).toBe('failed');
    await vi.advanceTimersByTimeAsync(1999);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    expect(c.status).toBe('saved');
  });

  for (const refusal of [new ApiError('conflict', 'stale'), new ApiError('forbidden', 'now in review', { reason: 'readOnly' })]) {
    it(`stops for good on a ${refusal.code} (retrying cannot help; the screen shows both versions)`, async () => {
      const save = vi.fn().mockRejectedValue(refusal);
      const c = controller(save);
      c.markDirty();
      await vi.advanceTimersByTimeAsync(500);
      expect(c.status).toBe('conflict');
      c.markDirty();
      await vi.advanceTimersByTimeAsync(60_000);
      await c.flush();
      expect(save).toHaveBeenCalledTimes(1);
    });
  }
});
