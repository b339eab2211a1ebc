// The window's live document against a fake core: it starts from the opened state, sends what a
// frame's edits produced as one update (one call at a time), applies the core's updates and
// presence without sending them back, relays its own presence (at most every PRESENCE_MS, the
// last always), follows the status, and on destroy sends what is left, clears its presence and
// closes the story.
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../../shared/contract/newsroom';
import { ApiError } from '../../../../shared/contract/apiError';
import { BODY_FRAGMENT } from '../../../../shared/live/bodyFragment';
import type { LiveStatus } from '../../../../shared/contract/liveStory';
import { fromBase64, toBase64 } from './base64';
import { openLiveDocument, PRESENCE_MS, type LiveBridge, type LiveDocument } from './LiveDocument';

const ID = 'story-0001';

/** The core's side: its replica, the calls the window made, the frames it asked for. */
function fakeCore() {
  const replica = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('서울 첫눈')]);
  replica.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const listeners = new Set<(event: CoreEvent) => void>();
  const frames: (() => void)[] = [];
  let hold: Promise<void> | null = null;
  let refuse: ApiError | null = null;
  /** What sendLiveUpdate answers: the core's status once its replica holds the change. */
  let answer: LiveStatus | null = null;
  const bridge: LiveBridge = {
    call: (async (method: string, input: Record<string, unknown>) => {
      calls.push({ method, input });
      if (method === 'openLiveStory') return { state: toBase64(Y.encodeStateAsUpdate(replica)), readOnly: false, unsynced: 0, connected: true, seq: 1 };
      if (hold) await hold;
      if (refuse) throw refuse;
      if (method === 'sendLiveUpdate') {
        Y.applyUpdate(replica, fromBase64(input.update as string), 'window');
        return answer;
      }
      return null;
    }) as LiveBridge['call'],
    onEvent: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    schedule: (send) => void frames.push(send),
  };
  return {
    replica,
    calls,
    bridge,
    sent: (method: string) => calls.filter((c) => c.method === method),
    push: (event: CoreEvent) => listeners.forEach((l) => l(event)),
    listeners,
    /** Runs the frames asked for so far, then lets the calls they made settle. */
    frame: async () => {
      for (const send of frames.splice(0)) send();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    holdCalls: () => {
      let release = () => undefined as void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => {
        hold = null;
        release();
      };
    },
    refuseWith: (err: ApiError | null) => (refuse = err),
    answerWith: (status: LiveStatus) => (answer = status),
  };
}

const textOf = (doc: Y.Doc) => ((doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).toString();
const typeInto = (doc: Y.Doc, text: string) => {
  const run = (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  run.insert(run.length, text);
};

/** The live document's clock for its presence (performance.now), moved by hand: nothing falls due while a test runs slowly. */
let now = 0;
beforeEach(() => {
  now = 1_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

let opened: LiveDocument[] = [];
afterEach(() => {
  for (const live of opened) live.discard();
  opened = [];
  vi.restoreAllMocks();
});
async function open(core: ReturnType<typeof fakeCore>) {
  const live = await openLiveDocument(ID, { bridge: core.bridge });
  opened.push(live);
  await core.frame(); // the window's first presence
  core.calls.length = 0;
  return live;
}

describe('a live document in the window', () => {
  it('starts from the opened state and sends one frame’s edits as one update', async () => {
    const core = fakeCore();
    const live = await open(core);
    expect(textOf(live.doc)).toBe('서울 첫눈');
    expect(live.status).toEqual({ readOnly: false, unsynced: 0, connected: true, seq: 1 });

    typeInto(live.doc, ',');
    typeInto(live.doc, ' 오후');
    typeInto(live.doc, '에 그쳐');
    expect(core.sent('sendLiveUpdate')).toEqual([]);
    await core.frame();
    expect(core.sent('sendLiveUpdate')).toHaveLength(1);
    expect(textOf(core.replica)).toBe('서울 첫눈, 오후에 그쳐');
  });

  it('applies the core’s updates with the core as origin and sends none of them back', async () => {
    const core = fakeCore();
    const live = await open(core);
    const origins: unknown[] = [];
    live.doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    const before = Y.encodeStateVector(core.replica);
    typeInto(core.replica, ' (다른 기자)');
    core.push({ type: 'liveUpdate', id: ID, update: toBase64(Y.encodeStateAsUpdate(core.replica, before)) });
    core.push({ type: 'liveUpdate', id: 'story-9999', update: toBase64(Y.encodeStateAsUpdate(new Y.Doc())) });
    await core.frame();
    expect(textOf(live.doc)).toBe('서울 첫눈 (다른 기자)');
    expect(origins).toEqual(['core']);
    expect(core.calls).toEqual([]);
    // Another person's words are not this window's change; its own are.
    expect(live.changedHere).toBe(false);
    typeInto(live.doc, '.');
    expect(live.changedHere).toBe(true);
  });

  it('holds the core’s changes while held (an IME composition) and applies them, in order, once released', async () => {
    const core = fakeCore();
    const live = await open(core);
    live.hold();
    // Held twice (a composition that starts again before the first release): only the last release lets them in.
    live.hold();
    let before = Y.encodeStateVector(core.replica);
    typeInto(core.replica, ' 1');
    core.push({ type: 'liveUpdate', id: ID, update: toBase64(Y.encodeStateAsUpdate(core.replica, before)) });
    before = Y.encodeStateVector(core.replica);
    typeInto(core.replica, ' 2');
    core.push({ type: 'liveUpdate', id: ID, update: toBase64(Y.encodeStateAsUpdate(core.replica, before)) });
    // This window's own typing goes on meanwhile.
    typeInto(live.doc, '!');
    expect(textOf(live.doc)).toBe('서울 첫눈!');
    live.release();
    expect(textOf(live.doc)).toBe('서울 첫눈!');
    live.release();
    expect(textOf(live.doc)).toMatch(/^서울 첫눈(! 1 2| 1 2!)$/);
    await core.frame();
    // And what it typed reached the core, merged with what the core had.
    expect(textOf(core.replica)).toBe(textOf(live.doc));
  });

  it('keeps one call in flight and sends what piled up meanwhile merged', async () => {
    const core = fakeCore();
    const live = await open(core);
    const release = core.holdCalls();
    typeInto(live.doc, '1');
    await core.frame();
    typeInto(live.doc, '2');
    await core.frame();
    typeInto(live.doc, '3');
    await core.frame();
    expect(core.sent('sendLiveUpdate')).toHaveLength(1);
    release();
    await live.flush();
    expect(core.sent('sendLiveUpdate')).toHaveLength(2);
    expect(textOf(core.replica)).toBe('서울 첫눈123');
  });

  it('relays presence both ways and follows the core’s status', async () => {
    const core = fakeCore();
    const live = await open(core);
    now += PRESENCE_MS;
    live.awareness.setLocalStateField('user', { name: '김하늘', color: '#c33' });
    await core.frame();
    const [presence] = core.sent('sendLiveAwareness');
    const seen = new Awareness(new Y.Doc());
    applyAwarenessUpdate(seen, fromBase64(presence.input.update as string), 'test');
    expect(seen.getStates().get(live.doc.clientID)).toEqual({ user: { name: '김하늘', color: '#c33' } });

    const other = new Awareness(new Y.Doc());
    other.setLocalState({ user: { name: '박바다', color: '#33c' } });
    core.push({ type: 'liveAwareness', id: ID, update: toBase64(encodeAwarenessUpdate(other, [other.clientID])) });
    await core.frame();
    expect(live.awareness.getStates().get(other.clientID)).toEqual({ user: { name: '박바다', color: '#33c' } });
    expect(core.sent('sendLiveAwareness')).toHaveLength(1);
    seen.destroy();
    other.destroy();

    const heard: unknown[] = [];
    live.onStatus((s) => heard.push(s));
    core.push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 2, connected: false, seq: 2 } });
    expect(live.status).toEqual({ readOnly: false, unsynced: 2, connected: false, seq: 2 });
    // A change refused as read-only (the access changed while it travelled) turns the status read-only.
    core.refuseWith(new ApiError('forbidden', 'read-only', { reason: 'readOnly' }));
    typeInto(live.doc, '!');
    await core.frame();
    expect(live.status.readOnly).toBe(true);
    // The refused change waits in the window: it counts as unsynced.
    expect(heard).toEqual([{ readOnly: false, unsynced: 2, connected: false, seq: 2 }, { readOnly: true, unsynced: 3, connected: false, seq: 2 }]);
    // Writable again: the refused change goes (the replica needs every change, or later ones wait there).
    core.refuseWith(null);
    core.push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 0, connected: true, seq: 3 } });
    await core.frame();
    expect(textOf(core.replica)).toBe('서울 첫눈!');
  });

  it('keeps the newest status when the open’s answer arrives after a newer event (they travel on different channels)', async () => {
    const core = fakeCore();
    const open = openLiveDocument(ID, { bridge: core.bridge });
    // The core's "everything stored" is pushed before the open's answer (which said 1 waiting) arrives.
    core.push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 0, connected: true, seq: 5 } });
    const live = await open;
    opened.push(live);
    expect(live.status).toEqual({ readOnly: false, unsynced: 0, connected: true, seq: 5 });
    // And an older event after a newer one changes nothing.
    core.push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 3, connected: true, seq: 4 } });
    expect(live.status.unsynced).toBe(0);
  });

  it('says stored only once its own changes are in the core and the core says them stored, whichever word comes first', async () => {
    const core = fakeCore();
    const live = await open(core);
    // What the listeners heard, as "stored" or not, each change once.
    const stored: boolean[] = [];
    live.onStatus((s) => stored.at(-1) !== (s.connected && s.unsynced === 0) && stored.push(s.connected && s.unsynced === 0));
    // Typed: not in the core yet, so not stored, though the core has nothing unsynced.
    typeInto(live.doc, ', 오후');
    expect(live.status.unsynced).toBe(1);
    expect(stored).toEqual([false]);
    // On its way: still not stored.
    const release = core.holdCalls();
    core.answerWith({ readOnly: false, unsynced: 1, connected: true, seq: 3 });
    await core.frame();
    expect(live.status.unsynced).toBe(1);
    // The core's word that it had stored everything before this change crosses the answer: it is older, and ignored.
    release();
    await live.flush();
    core.push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 0, connected: true, seq: 2 } });
    expect(live.status).toEqual({ readOnly: false, unsynced: 1, connected: true, seq: 3 });
    expect(stored).toEqual([false]);
    // The server stored it.
    core.push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 0, connected: true, seq: 4 } });
    expect(stored).toEqual([false, true]);
    expect(live.status).toEqual({ readOnly: false, unsynced: 0, connected: true, seq: 4 });
  });

  it('keeps a change the core could not take and sends it first with the next', async () => {
    const core = fakeCore();
    const errors: unknown[] = [];
    const live = await openLiveDocument(ID, { bridge: core.bridge, onError: (err) => errors.push(err) });
    opened.push(live);
    core.refuseWith(new ApiError('offline', 'no server', { server: 'x' }));
    typeInto(live.doc, ' 하나');
    await core.frame();
    expect(errors).toMatchObject([{ code: 'offline' }]);
    core.refuseWith(null);
    typeInto(live.doc, ' 둘');
    await core.frame();
    expect(textOf(core.replica)).toBe('서울 첫눈 하나 둘');
  });

  it('says its presence again when the core is connected again, after the core dropped it', async () => {
    const core = fakeCore();
    const live = await open(core);
    now += PRESENCE_MS;
    live.awareness.setLocalStateField('user', { name: '김하늘', color: '#c33' });
    await core.frame();
    // The core's connection closed: it removed everyone but itself, this window included, and says so.
    const coreSide = new Awareness(new Y.Doc());
    applyAwarenessUpdate(coreSide, fromBase64(core.sent('sendLiveAwareness')[0].input.update as string), 'window');
    removeAwarenessStates(coreSide, [live.doc.clientID], 'provider');
    core.push({ type: 'liveAwareness', id: ID, update: toBase64(encodeAwarenessUpdate(coreSide, [live.doc.clientID])) });
    core.push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 0, connected: false, seq: 2 } });
    core.push({ type: 'liveStatus', id: ID, status: { readOnly: false, unsynced: 0, connected: true, seq: 3 } });
    await core.frame();
    await live.flush();
    // Its last word is the window's presence, with a clock the core takes over its removal.
    const last = core.sent('sendLiveAwareness').at(-1)!;
    applyAwarenessUpdate(coreSide, fromBase64(last.input.update as string), 'window');
    expect(coreSide.getStates().get(live.doc.clientID)).toEqual({ user: { name: '김하늘', color: '#c33' } });
    coreSide.destroy();
  });

  it('sends its presence at most every PRESENCE_MS while it keeps changing, and its last change always', async () => {
    const core = fakeCore();
    const live = await open(core); // its first presence went out just now
    // Typing: every frame a change and the caret moved with it.
    for (let i = 0; i < 5; i++) {
      now += 10;
      typeInto(live.doc, String(i));
      live.awareness.setLocalStateField('cursor', i);
      await core.frame();
    }
    expect(core.sent('sendLiveUpdate')).toHaveLength(5);
    expect(core.sent('sendLiveAwareness')).toHaveLength(0);
    // Once PRESENCE_MS has passed since the last, the latest presence goes, once.
    now += PRESENCE_MS;
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_MS));
    await core.frame();
    const presence = core.sent('sendLiveAwareness');
    expect(presence).toHaveLength(1);
    const seen = new Awareness(new Y.Doc());
    applyAwarenessUpdate(seen, fromBase64(presence[0].input.update as string), 'test');
    expect(seen.getStates().get(live.doc.clientID)).toEqual({ cursor: 4 });
    seen.destroy();
    // A caret moved long after the last goes at once.
    now += 10 * PRESENCE_MS;
    live.awareness.setLocalStateField('cursor', 9);
    await core.frame();
    expect(core.sent('sendLiveAwareness')).toHaveLength(2);
  });

  it('on destroy sends what is left, clears its presence, closes the story and stops listening', async () => {
    const core = fakeCore();
    const live = await open(core);
    typeInto(live.doc, '.');
    await live.destroy();
    expect(core.calls.map((c) => c.method)).toEqual(['sendLiveUpdate', 'sendLiveAwareness', 'closeLiveStory']);
    expect(textOf(core.replica)).toBe('서울 첫눈.');
    const seen = new Awareness(new Y.Doc());
    applyAwarenessUpdate(seen, fromBase64(core.calls[1].input.update as string), 'test');
    expect(seen.getStates().has(live.doc.clientID)).toBe(false);
    expect(core.listeners.size).toBe(0);
    seen.destroy();
  });

  it('when the core ends the story it stops sending, says why, and destroy does not close a story opened again', async () => {
    const core = fakeCore();
    const live = await open(core);
    const reasons: unknown[] = [];
    live.onEnded((reason) => reasons.push(reason));
    typeInto(live.doc, ' 미처 못 보낸');
    core.push({ type: 'liveEnded', id: ID, reason: 'epoch' });
    expect(reasons).toEqual(['epoch']);
    expect(live.ended).toBe('epoch');
    expect(live.status.connected).toBe(false);
    typeInto(live.doc, ' 더');
    await core.frame();
    // What was typed is still in the window's document, for the screen to keep aside.
    expect(textOf(live.doc)).toBe('서울 첫눈 미처 못 보낸 더');
    await live.destroy();
    expect(core.calls).toEqual([]);
  });

  it('a refused open leaves nothing listening', async () => {
    const core = fakeCore();
    const bridge: LiveBridge = { ...core.bridge, call: (async () => Promise.reject(new ApiError('offline', 'no server', { server: 'x' }))) as LiveBridge['call'] };
    await expect(openLiveDocument(ID, { bridge })).rejects.toMatchObject({ code: 'offline' });
    expect(core.listeners.size).toBe(0);
  });
});
