// A mend while the database is away (InstanceBus's retry): B hears none of a story's signals, and
// when the gap shows PostgreSQL (the test's own) is stopped, so B's check from the database fails.
// B's reporter stays writable while nothing can be read; once PostgreSQL is back the check is tried
// again, the reporter turns read-only as the step on A had it, and B's live channel is told to
// resync only then (a reload while the database is away would only fail).
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/article';
import { openCollab, type CollabClient } from '../../testing/collabClient';
import { startNewsroom, type Newsroom } from '../../testing/faultChecks';
import { openLive, type LiveClient } from '../../testing/liveClient';
import { startOwnPostgres, type OwnPostgres } from '../../testing/ownPostgres';
import { startTestRedis, type TestRedis } from '../../testing/testRedis';
import { until } from '../../testing/until';
import { BEACON_MS, MEND_RETRY_MS, type Signal } from '../InstanceBus';

const own = await startOwnPostgres();
const redis = 'skip' in own ? own : await startTestRedis();
const skip = 'skip' in own || 'skip' in redis;

/** Stories whose signals B loses on the way. */
const lostOnB = new Set<string>();
const storyOf = (s: Signal): string => (s.kind === 'epochClosed' ? s.id : s.kind === 'sessionsChanged' ? '' : s.event.type === 'article' ? s.event.summary.id : s.event.type === 'removed' ? s.event.id : '');
const logOfB: string[] = [];

describe.skipIf(skip)('a mend from the database while the database is away', () => {
  const pgOwn = own as OwnPostgres;
  let newsroom: Newsroom | null = null;
  const clients: CollabClient[] = [];
  let stream: LiveClient | null = null;
  afterAll(async () => {
    for (const c of clients) c.destroy();
    stream?.close();
    await newsroom?.close();
    await (redis as TestRedis).stop?.();
    await pgOwn.stop?.();
  }, 60_000);

  it('is tried again until the database answers, and only then are clients told to resync', async () => {
    newsroom = await startNewsroom(pgOwn.url, (redis as TestRedis).url, 2, (i) =>
      i === 1 ? { dropSignal: (s: Signal) => lostOnB.has(storyOf(s)), log: (line: string) => void logOfB.push(line) } : {},
    );
    const [a, b] = newsroom.servers;
    const story = await newsroom.call<Article>(a, 'kim', 'createArticle');
    const kimOnB = openCollab(b.url, story.id, newsroom.tokens.kim);
    clients.push(kimOnB);
    await until(() => kimOnB.provider.isSynced && kimOnB.readOnly() === false, 15_000);
    stream = await openLive(b.url, newsroom.tokens.park);
    const resyncs = () => stream!.events.filter((e) => e.type === 'resync').length;

    lostOnB.add(story.id);
    await newsroom.call(a, 'kim', 'transitionArticle', { id: story.id, action: 'send' });
    await pgOwn.stopServer();
    // A's beacon shows B the gap; B's check cannot read the database.
    await until(() => logOfB.some((l) => l.includes('check after unheard signals failed')), BEACON_MS + 15_000);
    expect(kimOnB.readOnly()).toBe(false);
    expect(resyncs()).toBe(0);

    await pgOwn.startServer();
    await until(() => kimOnB.readOnly() === true, 16 * MEND_RETRY_MS + 10_000);
    expect(logOfB.some((l) => /checked again, clients told to reload their lists \(try [2-9]\)/.test(l))).toBe(true);
    await stream.next((e) => e.type === 'resync', 5000);
    expect(resyncs()).toBe(1);
    // The signal itself never reached B's live channel.
    expect(stream.events.filter((e) => e.type === 'article' && e.summary.id === story.id)).toEqual([]);
  }, 120_000);
});
