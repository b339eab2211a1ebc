// Part 3 of the offline bench, the core side of part 2's keystroke: what a keystroke costs in a
// story opened offline from its replica on disk, against an unconnected library's. Measured in
// this process, not in the editor (part 2, browserOfflineTyping.ts, is what a person feels):
// one keystroke is the window's edit to its Y.Doc, encoded, and handed to the core
// (sendLiveUpdate: the request checked, the update applied to the story's replica, appended to its
// log, fsync'd in batches). The baseline, in the same run, is the same keystroke with no replica
// log and no server: the window's edit applied to an in-memory copy of the document. An unconnected
// library sends the core nothing per keystroke (its autosave is debounced), so this baseline is
// what the keystroke costs anyway; the ratio is what the replica adds to it. Keystrokes come 5 ms
// apart, so the log's batched fsyncs run between them as they do between a person's keystrokes;
// rounds of the two take turns so machine noise hits both. A third row, the baseline plus the same
// log's append alone, says how much of the difference is the disk log and how much the core call.
import * as Y from 'yjs';
import { dispatch } from '../../shared/contract/dispatch';
import { percentile } from '../stats';
import type { BoundDesk, OpenStory } from './boundDesk';
import { bodyText, windowEdit } from './boundDesk';
import { readBody } from '../../shared/live/bodyFragment';
import { ReplicaLog } from '../../core/newsroom/live/replicaLog';

const SYLLABLES = '폐배터리에서리튬을캐는도시광산재활용경쟁이불붙었다';
const PAUSE_MS = 5;

const pause = () => new Promise((r) => setTimeout(r, PAUSE_MS));

async function replicaRound(desk: BoundDesk, story: OpenStory, keys: number, from: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < keys; i++) {
    const t0 = performance.now();
    const update = windowEdit(story.window, 0, SYLLABLES[(from + i) % SYLLABLES.length]);
    const sent = await dispatch(desk.core.handlers, 'sendLiveUpdate', { actor: desk.person.id, id: story.id, update });
    samples.push(performance.now() - t0);
    if (!sent.ok) throw new Error(`sendLiveUpdate ${story.id}: ${sent.error.code} ${sent.error.message}`);
    await pause();
  }
  return samples;
}

/** The baseline's keystroke; with `log`, the same plus the replica log's append (no core call: what the log alone adds). */
async function memoryRound(window: Y.Doc, copy: Y.Doc, keys: number, from: number, log?: ReplicaLog): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < keys; i++) {
    const t0 = performance.now();
    const update = windowEdit(window, 0, SYLLABLES[(from + i) % SYLLABLES.length]);
    const bytes = new Uint8Array(Buffer.from(update, 'base64'));
    Y.applyUpdate(copy, bytes);
    log?.update(bytes, true);
    samples.push(performance.now() - t0);
    await pause();
  }
  return samples;
}

/**
 * `id` was opened online before and let go (its replica on disk holds it, all stored); the server
 * is down now. Opens it from the replica and types `rounds` × `keys` keystrokes each way.
 */
export async function offlineTyping(desk: BoundDesk, id: string, rounds: number, keys: number): Promise<{ lines: string[]; ok: boolean }> {
  const { story, connected } = await desk.open(id);
  const window = new Y.Doc();
  Y.applyUpdate(window, Y.encodeStateAsUpdate(story.window));
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(story.window));
  // For the third row: the same log, on its own (in the library's replica folder, a story of its own).
  const logged = { window: new Y.Doc(), copy: new Y.Doc(), log: (await ReplicaLog.open(desk.libraryDir, 'bench-log-only'))!.replica };
  Y.applyUpdate(logged.window, Y.encodeStateAsUpdate(story.window));
  Y.applyUpdate(logged.copy, Y.encodeStateAsUpdate(story.window));
  const samples = { replica: [] as number[], memory: [] as number[], logOnly: [] as number[] };
  const round = (side: keyof typeof samples, n: number, from: number) =>
    side === 'replica' ? replicaRound(desk, story, n, from) : side === 'memory' ? memoryRound(window, copy, n, from) : memoryRound(logged.window, logged.copy, n, from, logged.log);
  const sides = ['replica', 'memory', 'logOnly'] as const;
  // A warm-up round each (JIT, the log's first appends), not counted.
  for (const side of sides) await round(side, 20, 0);
  for (let r = 0; r < rounds; r++) {
    // Each round in another order, so no side always follows the same one.
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(r + k) % sides.length];
      samples[side].push(...(await round(side, keys, r * keys)));
    }
  }
  await logged.log.remove();
  logged.window.destroy();
  logged.copy.destroy();
  // Every keystroke reached the core's replica: opened again (still offline), it reads as the window does.
  const shown = bodyText(readBody(story.window));
  await desk.close(story);
  const again = await desk.open(id);
  const kept = bodyText(readBody(again.story.window)) === shown;
  await desk.close(again.story);
  window.destroy();
  copy.destroy();
  const row = (name: string, s: number[]) => `   ${name.padEnd(52)} p50 ${percentile(s, 50).toFixed(3).padStart(7)} ms   p95 ${percentile(s, 95).toFixed(3).padStart(7)} ms   (n=${s.length})`;
  const [r50, r95, m50, m95] = [percentile(samples.replica, 50), percentile(samples.replica, 95), percentile(samples.memory, 50), percentile(samples.memory, 95)];
  const [l50, l95] = [percentile(samples.logOnly, 50), percentile(samples.logOnly, 95)];
  return {
    ok: !connected && sides.every((side) => samples[side].length === rounds * keys) && kept,
    lines: [
      `3. the core side of an offline keystroke: one syllable in a ~600-word story, ${rounds} rounds × ${keys} keystrokes each way, ${PAUSE_MS} ms apart, taking turns:`,
      row('no replica log, no server (in-memory copy: baseline)', samples.memory),
      row('the baseline + the replica log append (no core call)', samples.logOnly),
      row(`opened offline from its replica (${connected ? 'CONNECTED: wrong' : 'server down'}), log on disk`, samples.replica),
      `   every keystroke in the replica when opened again offline: ${kept ? 'yes' : 'NO'}`,
      `   ratio replica/baseline: p50 ${(r50 / m50).toFixed(2)}×, p95 ${(r95 / m95).toFixed(2)}× (the core's share of part 2's keystroke, not the issue's ≤ 1.1×, which is part 2's); absolute extra p95 ${(r95 - m95).toFixed(3)} ms per keystroke`,
      `   of which the log append alone: p50 ${(l50 / m50).toFixed(2)}×, p95 ${(l95 / m95).toFixed(2)}×; the rest is the core call (request check, base64, status)`,
    ],
  };
}
