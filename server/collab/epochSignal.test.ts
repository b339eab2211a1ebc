// A signal that an epoch ended replaces the story's document only when it is of that epoch or an
// older one: a signal arriving late (resent after a Redis outage, InstanceBus.ts) must not throw
// every client out of the epoch that started after it.
import { expect, it } from 'vitest';
import type { Article } from '../../shared/model/article';
import { describeLiveDesk } from '../testing/liveDesk';
import { until } from '../testing/until';

await describeLiveDesk('an epoch-ended signal', { collab: { debounceMs: 100, maxDebounceMs: 500 } }, ({ server, connect, call }) => {
  it('leaves a later epoch open and replaces the epoch it names', async () => {
    const story = await call<Article>('kim', 'createArticle');
    const kim = connect('kim', story.id);
    await until(() => kim.provider.isSynced && kim.messages.some((m) => m.type === 'epoch' && m.epoch === 1));
    kim.type('첫 에포크');
    await until(() => kim.provider.unsyncedChanges === 0);
    // An older epoch's signal: the document and its client stay.
    server.collab.epochClosed(story.id, 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(kim.closes).toBe(0);
    kim.type(' 계속');
    await until(() => kim.provider.unsyncedChanges === 0);
    expect(JSON.stringify(kim.body())).toContain('첫 에포크 계속');
    // Its own epoch's: the client is sent to reload.
    server.collab.epochClosed(story.id, 1);
    await until(() => kim.closes > 0);
  });
});
