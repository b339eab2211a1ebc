// The list's "not sent" / "synced at" per story comes from its replica on disk, and follows the
// file as it changes (the cache is keyed by the file's size and time, never stale).
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempLibrary';
import { ReplicaLog } from './replicaLog';
import { ReplicaStates } from './replicaStates';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('ReplicaStates', () => {
  it('says unsent after a change typed here, then when the server stored it; none for a story without a replica', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const states = new ReplicaStates(dir);
    expect(await states.of('story-1')).toBeNull();

    const { replica } = (await ReplicaLog.open(dir, 'story-1'))!;
    const doc = new Y.Doc();
    let local = false;
    doc.on('update', (u: Uint8Array) => replica.update(u, local));
    doc.getText('t').insert(0, '다른 사람이 쓴 글');
    await replica.flush();
    // Only others' changes: nothing of this machine's to speak of.
    expect(await states.of('story-1')).toBeNull();

    local = true;
    doc.getText('t').insert(0, '서울=');
    await replica.flush();
    expect(await states.of('story-1')).toEqual({ unsent: true, syncedAt: null });

    replica.acked('2026-12-07T10:30:00.000Z');
    await replica.flush();
    expect(await states.of('story-1')).toEqual({ unsent: false, syncedAt: '2026-12-07T10:30:00.000Z' });

    doc.getText('t').insert(0, '또 ');
    await replica.flush();
    expect(await states.of('story-1')).toEqual({ unsent: true, syncedAt: '2026-12-07T10:30:00.000Z' });
    await replica.remove();
    expect(await states.of('story-1')).toBeNull();
    doc.destroy();
  });

  it('gives an id that cannot name a file no state', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    expect(await new ReplicaStates(dir).of('../etc/passwd')).toBeNull();
  });
});
