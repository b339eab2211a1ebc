// When the database refuses to store (a full disk, a lost connection), the story's clients are
// sent to reload and send again what was not stored; they come back at most once a pause, not
// once per keystroke (a reporter typing five characters a second against a full disk made five
// reconnections a second). Nothing typed meanwhile is acknowledged, and all of it is stored once
// the database takes writes again.
import { expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { describeLiveDesk } from '../testing/liveDesk';
import { until } from '../testing/until';
import type { AppendHook } from './UpdateLog';
import * as Y from 'yjs';
import { readBody } from '../../shared/live/bodyFragment';
import { storedState } from './updateRows';

let failing = false;
const hook: AppendHook = async () => {
  if (failing) throw new Error('could not extend file: No space left on device');
};

await describeLiveDesk('appends the database refuses', { collab: { debounceMs: 100, maxDebounceMs: 500, beforeCommit: (tx, batch) => hook(tx, batch) } }, ({ server, connect, call }) => {
  it('send the clients to reload at most once a second while they last, and lose nothing', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    await until(() => kim.provider.isSynced);
    kim.type('[before]');
    await until(() => kim.provider.unsyncedChanges === 0);
    failing = true;
    const closesAt = kim.closes;
    const started = performance.now();
    const typed: string[] = [];
    // Five keystrokes a second for three seconds, none acknowledged.
    for (let i = 0; i < 15; i++) {
      const text = `[full${i}]`;
      kim.type(text);
      typed.push(text);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seconds = (performance.now() - started) / 1000;
    const reloads = kim.closes - closesAt;
    expect(reloads).toBeGreaterThan(0);
    expect(reloads, `${reloads} reloads in ${seconds.toFixed(1)} s`).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    expect(kim.provider.unsyncedChanges).toBeGreaterThan(0);
    failing = false;
    await until(() => kim.provider.isSynced && kim.provider.unsyncedChanges === 0, 20_000);
    // Everything typed is stored once, in the epoch the client is in now.
    const epoch = kim.messages.filter((m) => m.type === 'epoch').at(-1)!.epoch;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await storedState(server.db, story.id, epoch))!);
    const stored = JSON.stringify(readBody(doc));
    for (const t of ['[before]', ...typed]) expect(stored.split(t), `${t} stored once`).toHaveLength(2);
  });
});
