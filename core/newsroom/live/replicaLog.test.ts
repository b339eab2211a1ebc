// The replica log reads back what was written: every change in order, whether anything typed here
// is still unsent (an `acked` record clears it), the epoch; compaction keeps the document and
// waits while something is unsent; an id that cannot name a file gets no replica.
import { appendFile } from 'node:fs/promises';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempLibrary';
import { COMPACT_AFTER, ReplicaLog, replicaPath, storyIdOfReplica } from './replicaLog';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function library(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

/** A document whose every change goes to the replica, `local` deciding how each is recorded. */
function typing(replica: ReplicaLog) {
  const doc = new Y.Doc();
  let local = true;
  doc.on('update', (u: Uint8Array) => replica.update(u, local));
  const text = doc.getText('t');
  return {
    doc,
    type: (s: string, mine = true) => {
      local = mine;
      text.insert(text.length, s);
    },
  };
}

const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return doc.getText('t').toString();
};

describe('the replica log', () => {
  it('reads back every change, whether one typed here is unsent, and the epoch', async () => {
    const dir = await library();
    const first = (await ReplicaLog.open(dir, 'story-1'))!;
    expect(first.contents).toEqual({ updates: [], unsent: false, epoch: null, syncedAt: null });
    first.replica.epoch(3);
    const w = typing(first.replica);
    w.type('서버에서 온 글 ', false);
    w.type('내 글');
    await first.replica.close();

    const second = (await ReplicaLog.open(dir, 'story-1'))!;
    expect(textOf(second.contents.updates)).toBe('서버에서 온 글 내 글');
    expect(second.contents).toMatchObject({ unsent: true, epoch: 3 });
    second.replica.acked('2026-12-07T08:12:00.000Z');
    await second.replica.close();
    expect((await ReplicaLog.open(dir, 'story-1'))!.contents).toMatchObject({ unsent: false, syncedAt: '2026-12-07T08:12:00.000Z' });
  });

  it('cuts a torn last record and keeps everything before it', async () => {
    const dir = await library();
    const { replica } = (await ReplicaLog.open(dir, 'story-2'))!;
    typing(replica).type('살아남는 글');
    await replica.close();
    await appendFile(replicaPath(dir, 'story-2')!, Buffer.from([0, 0, 0, 9, 1, 2]));
    const again = (await ReplicaLog.open(dir, 'story-2'))!;
    expect(textOf(again.contents.updates)).toBe('살아남는 글');
    await again.replica.close();
  });

  it('compacts to the document once it is long and nothing is unsent, never while something is', async () => {
    const dir = await library();
    const { replica } = (await ReplicaLog.open(dir, 'story-3'))!;
    replica.epoch(2);
    const w = typing(replica);
    for (let i = 0; i < COMPACT_AFTER; i++) w.type('가');
    replica.maybeCompact(() => Y.encodeStateAsUpdate(w.doc));
    await replica.flush();
    // Unsent: not compacted.
    let read = (await ReplicaLog.open(dir, 'story-3'))!;
    expect(read.contents.updates.length).toBe(COMPACT_AFTER);
    await read.replica.close();

    replica.acked('2026-12-07T08:13:00.000Z');
    replica.maybeCompact(() => Y.encodeStateAsUpdate(w.doc));
    await replica.close();
    read = (await ReplicaLog.open(dir, 'story-3'))!;
    expect(read.contents.updates.length).toBe(1);
    expect(read.contents).toMatchObject({ unsent: false, epoch: 2, syncedAt: '2026-12-07T08:13:00.000Z' });
    expect(textOf(read.contents.updates)).toBe('가'.repeat(COMPACT_AFTER));
    await read.replica.close();
  });

  it('gives no replica to an id that cannot name a file, and knows its own files', async () => {
    const dir = await library();
    expect(await ReplicaLog.open(dir, '../escape')).toBeNull();
    expect(replicaPath(dir, 'a/b')).toBeNull();
    expect(storyIdOfReplica('story-1.ylog')).toBe('story-1');
    expect(storyIdOfReplica('.story-1.ylog.tmp')).toBeNull();
  });

  it('tells once, at the first write that fails (the story then says its words are not kept here)', async () => {
    const dir = await library();
    const { replica } = (await ReplicaLog.open(dir, 'story-fail'))!;
    const told: Error[] = [];
    replica.onFailed = (err) => told.push(err);
    // A log closed under the story stands in for a disk that refuses writes.
    await replica.close();
    const { doc, type } = typing(replica);
    type('서울');
    type('=연합');
    await new Promise((r) => setTimeout(r, 50));
    expect(replica.failed).toBeInstanceOf(Error);
    expect(told).toEqual([replica.failed]);
    doc.destroy();
  });
});
