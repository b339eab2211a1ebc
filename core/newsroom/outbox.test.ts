// The outbox keeps steps taken offline on disk in order (they survive a restart), sends them in
// that order once the server is back, leaves them waiting while it is still unreachable, and keeps
// each answer as the step's result: applied, or refused and why. A file that does not read is set
// aside, not lost.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import { tempDir } from '../testing/tempLibrary';
import { Outbox, OUTBOX_FILE, type QueuedStep } from './outbox';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function library(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

const step = (id: string, action: 'send' | 'recall', headline: string) => ({ id, action, headline, note: '', override: false });

describe('the outbox', () => {
  it('keeps steps across a restart, sends them in order once the server answers, and keeps what became of each', async () => {
    const dir = await library();
    const clock = { t: Date.parse('2026-12-07T08:00:00Z') };
    const now = () => new Date((clock.t += 1000));
    const first = await Outbox.open(dir, now);
    await first.add(step('story-0001-aaaa', 'send', '기차 안에서 쓴 기사'));
    await first.add(step('story-0002-bbbb', 'send', '터널 속 기사'));

    // The app restarts: both steps are still there, in order.
    const outbox = await Outbox.open(dir, now);
    expect(outbox.state().pending.map((s) => [s.id, s.action, s.headline])).toEqual([
      ['story-0001-aaaa', 'send', '기차 안에서 쓴 기사'],
      ['story-0002-bbbb', 'send', '터널 속 기사'],
    ]);
    const events: number[] = [];
    outbox.onChange((s) => events.push(s.pending.length));

    // Still offline: nothing is sent past the first, nothing is dropped.
    const tried: string[] = [];
    await outbox.drain(async (s) => {
      tried.push(s.id);
      throw new ApiError('offline', 'no server', { server: 'http://x' });
    });
    expect(tried).toEqual(['story-0001-aaaa']);
    expect(outbox.state().pending).toHaveLength(2);

    // Back: the first goes through, the second is refused (the desk approved that story meanwhile).
    const sent: QueuedStep[] = [];
    await outbox.drain(async (s) => {
      sent.push(s);
      if (s.id === 'story-0002-bbbb') throw new ApiError('forbidden', 'approved meanwhile', { reason: 'state' });
    });
    expect(sent.map((s) => s.id)).toEqual(['story-0001-aaaa', 'story-0002-bbbb']);
    const { pending, results } = outbox.state();
    expect(pending).toEqual([]);
    expect(results.map((r) => [r.id, r.ok, r.error])).toEqual([
      ['story-0001-aaaa', true, undefined],
      ['story-0002-bbbb', false, { code: 'forbidden', reason: 'state' }],
    ]);
    expect(events).toEqual([1, 0]);
    // Nothing waits on disk any more.
    expect((await Outbox.open(dir, now)).state().pending).toEqual([]);
  });

  it('keeps every step while the session has ended, and empties when the folder is unbound', async () => {
    const dir = await library();
    const outbox = await Outbox.open(dir);
    await outbox.add(step('story-0001-aaaa', 'send', '하나'));
    await outbox.add(step('story-0002-bbbb', 'recall', '둘'));
    await outbox.drain(async () => Promise.reject(new ApiError('notSignedIn', 'session ended')));
    expect(outbox.state()).toMatchObject({ pending: [{ id: 'story-0001-aaaa' }, { id: 'story-0002-bbbb' }], results: [] });
    await outbox.clear();
    expect(outbox.state()).toEqual({ pending: [], results: [] });
    expect((await Outbox.open(dir)).state().pending).toEqual([]);
  });

  it('sets an unreadable file aside and starts empty', async () => {
    const dir = await library();
    await writeFile(join(dir, OUTBOX_FILE), '{"version":1,"steps":[{"id":');
    const outbox = await Outbox.open(dir);
    expect(outbox.state().pending).toEqual([]);
    expect(await readFile(join(dir, `${OUTBOX_FILE}.unreadable`), 'utf8')).toBe('{"version":1,"steps":[{"id":');
  });
});
