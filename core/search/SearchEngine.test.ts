// The index's owner handles its messages strictly in turn: an update posted while the index is
// being written waits for the write and is then seen by the query posted after it, and a load
// answers which live articles it lacks or holds stale and drops those no longer live.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../testing/tempLibrary';
import { SearchEngine } from './SearchEngine';
import type { SearchReply } from './searchProtocol';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

function engine() {
  const replies: SearchReply[] = [];
  let wake: () => void = () => undefined;
  const e = new SearchEngine((r) => {
    replies.push(r);
    wake();
  });
  /** The reply to request `q`, once it comes. */
  const answer = async (q: number) => {
    for (;;) {
      const r = replies.find((x) => 'q' in x && x.q === q);
      if (r) return r;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  return { e, answer, order: () => replies.map((r) => ('q' in r ? r.q : 0)) };
}

const live = (ids: string[], sizes: number[]) => ({ ids, slots: Int32Array.from(ids, (_, i) => i), sizes: Float64Array.from(sizes), mtimes: Float64Array.from(sizes) });
const fields = (text: string) => [{ field: 'body' as const, text }];

it('applies an update posted during a write before the query posted after it, answering in order', async () => {
  const { e, answer, order } = engine();
  e.post({ t: 'load', q: 1, path: join(dir, 'search.bin'), live: live([], []) });
  e.post({ t: 'put', id: 'a', fields: fields('금리'), fp: { size: 1, mtimeMs: 1 }, slot: 0, count: true });
  e.post({ t: 'persist', q: 2 });
  e.post({ t: 'put', id: 'b', fields: fields('금리 환율'), fp: { size: 2, mtimeMs: 2 }, slot: 1, count: true });
  e.post({ t: 'search', q: 3, text: '환율' });
  const hits = await answer(3);
  expect(hits.t === 'hits' && [...hits.slots.subarray(0, hits.count)]).toEqual([1]);
  expect(order()).toEqual([1, 2, 3]);
});

it('loads the written index again, drops what is gone and names what is stale or missing', async () => {
  const first = engine();
  first.e.post({ t: 'load', q: 1, path: join(dir, 'search.bin'), live: live([], []) });
  first.e.post({ t: 'put', id: 'a', fields: fields('금리'), fp: { size: 1, mtimeMs: 1 }, slot: 0, count: true });
  first.e.post({ t: 'put', id: 'b', fields: fields('환율'), fp: { size: 2, mtimeMs: 2 }, slot: 1, count: true });
  first.e.post({ t: 'close', q: 2 });
  await first.answer(2);

  const next = engine();
  // a unchanged, b changed on disk (size 3), b2 new; then a goes.
  next.e.post({ t: 'load', q: 1, path: join(dir, 'search.bin'), live: live(['a', 'b', 'b2'], [1, 3, 4]) });
  const checked = await next.answer(1);
  expect(checked).toMatchObject({ t: 'checked', fromDisk: true, stale: ['b', 'b2'] });
  next.e.post({ t: 'reconcile', q: 2, live: live(['b'], [3]) });
  expect(await next.answer(2)).toMatchObject({ t: 'checked', stale: ['b'], stats: { documents: 1 } });
  next.e.post({ t: 'search', q: 3, text: '금리' });
  const hits = await next.answer(3);
  expect(hits.t === 'hits' && hits.count).toBe(0);
});
