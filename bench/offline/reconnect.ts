// Part 1 of the offline bench: edits typed with the server gone reach its database once it is
// back (issue 17: 1,000 offline edits across 10 stories merged in ≤ 1 s, nothing lost). The core
// holds the stories open throughout, as a desktop with its windows open does, and its providers
// find the server again by their own retry schedule (LiveStory.ts, RECONNECT_MAX_DELAY_MS), so
// the time is split: until every story is connected again (the retry schedule), and from its
// connection until the database holds every edit (the merge). The same number of edits typed
// online in one burst, until all are stored, is the baseline measured in the same run.
import { dispatch } from '../../shared/contract/dispatch';
import { RECONNECT_MAX_DELAY_MS } from '../../core/newsroom/live/LiveStory';
import type { BoundDesk, OpenStory } from './boundDesk';
import { windowEdit } from './boundDesk';

/** Each edit's text holds a marker no other edit's does, so the stored text shows each exactly once or not. */
const marker = (n: number) => `〔${n}〕`;
const WORDS = ['도시광산', '배터리', '재활용', '리튬을', '캐는'];

export interface Typed {
  /** Per story, the edit numbers typed into it. */
  edits: Map<string, number[]>;
  /** performance.now() after the last edit was handed to the core. */
  lastAt: number;
  ms: number;
}

/** `count` edits spread round-robin over `stories`, each handed to the core as the window does, numbered from `first`. */
export async function typeEdits(desk: BoundDesk, stories: OpenStory[], count: number, first: number): Promise<Typed> {
  const edits = new Map<string, number[]>(stories.map((s) => [s.id, []]));
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const story = stories[i % stories.length];
    const n = first + i;
    const update = windowEdit(story.window, Math.floor(i / stories.length), ` ${WORDS[n % WORDS.length]}${marker(n)}`);
    const sent = await dispatch(desk.core.handlers, 'sendLiveUpdate', { actor: desk.person.id, id: story.id, update });
    if (!sent.ok) throw new Error(`sendLiveUpdate ${story.id}: ${sent.error.code} ${sent.error.message}`);
    edits.get(story.id)!.push(n);
  }
  const lastAt = performance.now();
  return { edits, lastAt, ms: lastAt - t0 };
}

/** How many of a story's edits its stored text holds exactly once, and how many it holds more than once. */
function tally(text: string, edits: number[]): { once: number; twice: number } {
  let once = 0;
  let twice = 0;
  for (const n of edits) {
    const seen = text.split(marker(n)).length - 1;
    if (seen === 1) once++;
    if (seen > 1) twice++;
  }
  return { once, twice };
}

export interface Stored {
  /** performance.now() at which each story's stored text held all its edits (missing: never within the limit). */
  at: Map<string, number>;
  lost: number;
  doubled: number;
}

/** Polls the server's database until every story holds each of its edits, or `limitMs` passes. */
export async function untilStored(desk: BoundDesk, typed: Typed, limitMs: number): Promise<Stored> {
  const at = new Map<string, number>();
  const started = performance.now();
  const counts = new Map<string, { once: number; twice: number }>();
  while (at.size < typed.edits.size && performance.now() - started < limitMs) {
    for (const [id, edits] of typed.edits) {
      if (at.has(id)) continue;
      const count = tally(await desk.storedText(id), edits);
      counts.set(id, count);
      if (count.once === edits.length) at.set(id, performance.now());
    }
    if (at.size < typed.edits.size) await new Promise((r) => setTimeout(r, 10));
  }
  let lost = 0;
  let doubled = 0;
  for (const [id, edits] of typed.edits) {
    const c = counts.get(id) ?? { once: 0, twice: 0 };
    lost += edits.length - c.once - c.twice;
    doubled += c.twice;
  }
  return { at, lost, doubled };
}

/** When each story said it was connected again after `since` (its first liveStatus with connected). */
function reconnectedAt(desk: BoundDesk, ids: string[], since: number): Map<string, number> {
  const at = new Map<string, number>();
  for (const { at: t, event } of desk.events) {
    if (t < since || event.type !== 'liveStatus' || !event.status.connected || !ids.includes(event.id) || at.has(event.id)) continue;
    at.set(event.id, t);
  }
  return at;
}

/** Stops the server and waits until each story open in the core says it is offline; when it stopped. */
async function serverGone(desk: BoundDesk, ids: string[]): Promise<number> {
  const since = performance.now();
  await desk.stopServer();
  const saysOffline = () => ids.every((id) => desk.events.some(({ at, event }) => at >= since && event.type === 'liveStatus' && event.id === id && !event.status.connected));
  while (!saysOffline()) {
    if (performance.now() - since > 30_000) throw new Error('the stories never said they were offline');
    await new Promise((r) => setTimeout(r, 10));
  }
  return since;
}

const ms = (x: number) => `${Math.round(x)} ms`;
const max = (xs: Iterable<number>) => Math.max(...xs);

export async function reconnect(desk: BoundDesk, stories: OpenStory[], edits: number, holdMs: number): Promise<{ lines: string[]; ok: boolean }> {
  const ids = stories.map((s) => s.id);
  const limit = 60_000;

  // Baseline: the same number of edits typed online in one burst, until the database has them all.
  const online = await typeEdits(desk, stories, edits, 0);
  const onlineStored = await untilStored(desk, online, limit);
  const onlineMs = onlineStored.at.size === ids.length ? max(onlineStored.at.values()) - online.lastAt : NaN;

  // The server goes; once every story says so, the window types; after `holdMs` the server comes
  // back with its database as it was.
  const offlineSince = await serverGone(desk, ids);
  const offline = await typeEdits(desk, stories, edits, edits);
  const rest = holdMs - (performance.now() - offlineSince);
  if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  await desk.startServer();
  const listening = performance.now();
  const stored = await untilStored(desk, offline, limit);
  const connected = reconnectedAt(desk, ids, listening);

  const all = stored.at.size === ids.length && connected.size === ids.length;
  const mergedMs = all ? max(stored.at.values()) - listening : NaN;
  const reconnectMs = all ? max(connected.values()) - listening : NaN;
  // The merge of each story: from its own connection until its edits were all stored.
  const mergeMs = all ? max(ids.map((id) => stored.at.get(id)! - connected.get(id)!)) : NaN;
  const firstConnectMs = all ? Math.min(...connected.values()) - listening : NaN;
  const offlineFor = listening - offlineSince;
  const dominated = reconnectMs > mergeMs ? `the reconnect retry schedule dominates (providers back off up to ${RECONNECT_MAX_DELAY_MS} ms between attempts, so the wait depends on when in that schedule the server returns)` : 'the merge itself dominates';
  const lines = [
    `1. ${edits.toLocaleString('en')} edits across ${stories.length} stories, stories held open in a bound core (the server: newsroom server, acknowledged = stored in the database):`,
    `   online, one burst (baseline)   typed in ${ms(online.ms)}; last edit typed → every edit stored: ${ms(onlineMs)}; lost ${onlineStored.lost}, doubled ${onlineStored.doubled}`,
    `   offline, then the server back  typed in ${ms(offline.ms)} (every story saying offline), the server gone ${(offlineFor / 1000).toFixed(1)} s; server listening → every edit stored (time to merged): ${ms(mergedMs)} (target ≤ 1000 ms); lost ${stored.lost}, doubled ${stored.doubled}`,
    `     of which: server listening → every story reconnected and synced ${ms(reconnectMs)} (first ${ms(firstConnectMs)}); a story's sync → its edits all stored, worst ${ms(mergeMs)} (${(mergeMs / onlineMs).toFixed(2)}× the online burst)`,
    `     ${dominated}`,
  ];
  const restart = await restarted(desk, stories, edits, 2 * edits);
  lines.push(...restart.lines);
  const ok = restart.ok && all && stored.lost === 0 && stored.doubled === 0 && onlineStored.lost === 0 && onlineStored.doubled === 0 && onlineStored.at.size === ids.length;
  return { lines, ok };
}

/**
 * The other way back: the desktop quits with the edits unsent and starts again once the server is
 * up; the core sends what its replicas hold unsent as it starts (LiveStories.sendUnsent), each
 * story on a new connection, so no retry schedule stands in the way. The windows let their stories
 * go first (the core holds each until sent, then quits with it in the replica).
 */
async function restarted(desk: BoundDesk, stories: OpenStory[], edits: number, first: number): Promise<{ lines: string[]; ok: boolean }> {
  await serverGone(desk, stories.map((s) => s.id));
  const offline = await typeEdits(desk, stories, edits, first);
  for (const story of stories) await desk.close(story);
  await desk.quit();
  await desk.startServer();
  const t0 = performance.now();
  await desk.relaunch();
  const opened = performance.now() - t0;
  const stored = await untilStored(desk, offline, 60_000);
  const all = stored.at.size === stories.length;
  const mergedMs = all ? max(stored.at.values()) - t0 : NaN;
  const connected = reconnectedAt(desk, stories.map((s) => s.id), t0);
  const synced = connected.size === stories.length ? `every story synced ${ms(max(connected.values()) - t0)} (first ${ms(Math.min(...connected.values()) - t0)})` : `${connected.size} of ${stories.length} stories said synced`;
  return {
    ok: all && stored.lost === 0 && stored.doubled === 0,
    lines: [
      `   offline, quit, started again with the server up: desktop starting → every edit stored ${ms(mergedMs)} (target ≤ 1000 ms); lost ${stored.lost}, doubled ${stored.doubled}`,
      `     of which: the core open ${ms(opened)}; ${synced}`,
    ],
  };
}
