// A live story's stored updates are merged into one row every so often (compactEpoch), while
// people keep typing and another instance may compact the same story at the same moment. The
// merge runs outside any lock, so the rows appended meanwhile must stay, and of two compactions
// of the same rows only one may write: otherwise typed words vanish from what is stored.
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Article } from '../../shared/model/article';
import { readBody } from '../../shared/live/bodyFragment';
import { describeLiveDesk } from '../testing/liveDesk';
import { until } from '../testing/until';
import { compactEpoch, storedState } from './updateRows';

await describeLiveDesk('compacting a live story while it is typed in', { collab: { debounceMs: 100, maxDebounceMs: 500, compactAfter: 1_000_000 } }, ({ server, connect, call }) => {
  it('keeps every acknowledged edit through compactions racing each other and the typing', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    const park = connect('park', story.id);
    await until(() => kim.provider.isSynced && park.provider.isSynced);
    const rowCount = async () => (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM collab_updates WHERE article_id = $1 AND epoch = 1', [story.id]))[0].n;
    let compacted = 0;
    let racing = true;
    // Two compactors (as two instances would be) going all the time (the server's own is off here).
    const compactors = [0, 1].map(async () => {
      while (racing) {
        compacted += await compactEpoch(server.db, story.id, 1);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    });
    const typed: string[] = [];
    // In bursts, a few milliseconds apart: appends land while a compaction is between its read and its write.
    for (let i = 0; i < 200; i++) {
      const [who, text] = i % 2 ? [park, `[p${i}]`] : [kim, `[k${i}]`];
      who.type(text);
      typed.push(text);
      await new Promise((resolve) => setTimeout(resolve, i % 10 === 9 ? 20 : 1));
    }
    await until(() => kim.provider.unsyncedChanges === 0 && park.provider.unsyncedChanges === 0);
    await until(() => compacted > 0);
    racing = false;
    await Promise.all(compactors);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await storedState(server.db, story.id, 1))!);
    const stored = JSON.stringify(readBody(doc));
    for (const text of typed) expect(stored.split(text), `${text} stored once`).toHaveLength(2);
    expect(stored).toBe(JSON.stringify(kim.body()));
    // One more compaction leaves a single row holding it all.
    await compactEpoch(server.db, story.id, 1);
    expect(await rowCount()).toBe(1);
    const again = new Y.Doc();
    Y.applyUpdate(again, (await storedState(server.db, story.id, 1))!);
    expect(JSON.stringify(readBody(again))).toBe(stored);
  });
});
