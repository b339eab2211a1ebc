// Live stories through the app's own contract: bound cores join a Hocuspocus document for a story
// (a small one in the test, checking the token and schema as the newsroom server does), windows
// start from the replica's state and exchange updates and presence with the core as events, the
// workflow's read-only message reaches the window, and closing, unbinding or a refusal releases
// the connection. The token stays in the core.
import { createServer, type Socket } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { CoreEvent } from '../../../shared/contract/newsroom';
import type { Person } from '../../../shared/model/person';
import type { ArticleContent, Body } from '../../../shared/model/article';
import { BODY_FRAGMENT, LIVE_SCHEMA_VERSION, readBody } from '../../../shared/live/bodyFragment';
import { fieldFragment, readFieldsPartial, type LiveMeta } from '../../../shared/live/articleFields';
import { LATE_REVISIONS_DIR } from './lateRevisions';
import { openCore, type Core } from '../../createCore';
import { appInfo, tempDir } from '../../testing/tempLibrary';
import { writeBinding } from '../newsroomBinding';
import { startCollabTestServer, until, type CollabTestServer } from './testing/collabTestServer';

const STORY = 'story-0001';
const OTHER = 'story-0002';
const APPROVED = 'story-0003';
const LATE = 'story-0004';
const BODY: Body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '서울 첫눈' }] }] };
const META: LiveMeta = {
  language: 'ko',
  kicker: '',
  headline: '첫눈',
  deck: [],
  byline: { outlet: '한빛일보', desk: '사회부', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: '' }] },
  dateline: '서울',
  tags: ['날씨'],
  lengthTarget: null,
  deskNote: '',
  embargo: null,
  keptFindings: [],
};
const CONTENT: ArticleContent = { ...META, body: BODY };
const TOKENS = { kim: 'kim-session-token-0123456789', park: 'park-session-token-0123456789' };

const person = (id: string, name: string): Person => ({ id, name, role: 'reporter', desk: '', email: '', bylineName: name, bylineRole: '기자', active: true });
const KIM = person('person-kim1', '김하늘');
const PARK = person('person-park1', '박바다');

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** A bound core and what it pushed, as a window would see it. */
interface Desk {
  core: Core;
  actor: string;
  events: CoreEvent[];
  token: string;
}

/** A window's document for one story: starts from the opened state, takes the core's updates. */
function windowDoc(state: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes(state), 'core');
  return doc;
}

/** Appends text to the first paragraph (of the body, or of another fragment: a field) and returns the update it made. */
function type(doc: Y.Doc, text: string, fragment = BODY_FRAGMENT): string {
  let update: Uint8Array | null = null;
  const grab = (u: Uint8Array) => (update = u);
  doc.on('update', grab);
  const paragraph = doc.getXmlFragment(fragment).get(0) as Y.XmlElement;
  const run = paragraph.get(0) as Y.XmlText;
  run.insert(run.length, text);
  doc.off('update', grab);
  return b64(update!);
}

const liveUpdates = (desk: Desk, id: string) => desk.events.filter((e) => e.type === 'liveUpdate' && e.id === id) as Extract<CoreEvent, { type: 'liveUpdate' }>[];
const statuses = (desk: Desk, id: string) => desk.events.filter((e) => e.type === 'liveStatus' && e.id === id) as Extract<CoreEvent, { type: 'liveStatus' }>[];

describe('live stories held by the core', () => {
  let server: CollabTestServer;
  const cleanups: (() => Promise<void>)[] = [];
  const answers: unknown[] = [];
  const allEvents: CoreEvent[] = [];

  beforeAll(async () => {
    server = await startCollabTestServer({ tokens: new Set(Object.values(TOKENS)), stories: { [STORY]: CONTENT, [OTHER]: CONTENT, [APPROVED]: CONTENT, [LATE]: CONTENT } });
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await server?.close();
  });

  async function boundDesk(who: Person, token: string, at = server.url): Promise<Desk> {
    const { dir, cleanup } = await tempDir();
    await writeBinding(dir, { server: at, token, person: who });
    const core = await openCore({ libraryDir: dir, appInfo, backupSchedule: false, liveOpenTimeoutMs: 3000 });
    const events: CoreEvent[] = [];
    core.onEvent((e) => {
      events.push(e);
      allEvents.push(e);
    });
    cleanups.push(async () => {
      await core.close();
      await cleanup();
    });
    return { core, actor: who.id, events, token };
  }

  /** A contract call as the window makes it, through the validating dispatch; its answer is kept for the token check. */
  async function call(desk: Desk, method: 'openLiveStory' | 'sendLiveUpdate' | 'sendLiveAwareness' | 'closeLiveStory', input: Record<string, unknown>) {
    const answer = await dispatch(desk.core.handlers, method, { actor: desk.actor, ...input });
    answers.push(answer);
    return answer;
  }

  async function open(desk: Desk, id = STORY) {
    const answer = await call(desk, 'openLiveStory', { id });
    if (!answer.ok) throw new Error(`open failed: ${answer.error.code} ${answer.error.message}`);
    return answer.value as { state: string; readOnly: boolean; unsynced: number; connected: boolean };
  }

  it('two cores converge on one story, each window starting from the server’s document', async () => {
    const kim = await boundDesk(KIM, TOKENS.kim);
    const park = await boundDesk(PARK, TOKENS.park);
    const kimOpened = await open(kim);
    expect(kimOpened).toMatchObject({ readOnly: false, connected: true });
    const kimWindow = windowDoc(kimOpened.state);
    expect(readBody(kimWindow)).toEqual(readBody(server.stored(STORY)));
    expect(readBody(kimWindow).content[0]).toMatchObject({ type: 'paragraph', content: [{ text: '서울 첫눈' }] });
    // The fields beside the body come in the same state.
    expect(readFieldsPartial(kimWindow)).toEqual(META);
    const parkWindow = windowDoc((await open(park)).state);

    // Kim types: the update reaches Park's window as a liveUpdate, and the server's copy.
    // The answer is the story's status with the change held and on its way: not yet stored.
    expect(await call(kim, 'sendLiveUpdate', { id: STORY, update: type(kimWindow, ', 오후에 그쳐') })).toMatchObject({ ok: true, value: { readOnly: false, connected: true, unsynced: 1 } });
    await until(() => liveUpdates(park, STORY).length > 0);
    for (const e of liveUpdates(park, STORY)) Y.applyUpdate(parkWindow, bytes(e.update), 'core');
    expect(readBody(parkWindow)).toEqual(readBody(kimWindow));
    expect(readBody(server.stored(STORY))).toEqual(readBody(kimWindow));
    // Kim's only window already has its own change: nothing came back to it.
    expect(liveUpdates(kim, STORY)).toEqual([]);
    // Stored (acknowledged): the status says nothing is waiting any more.
    await until(() => statuses(kim, STORY).at(-1)?.status.unsynced === 0);
    expect(statuses(kim, STORY).at(-1)!.status).toMatchObject({ readOnly: false, unsynced: 0, connected: true });

    // And back: Park types at the same time as Kim; both windows end with both sentences.
    const parkEdit = type(parkWindow, ' (박)');
    const kimEdit = type(kimWindow, ' (김)');
    await Promise.all([call(park, 'sendLiveUpdate', { id: STORY, update: parkEdit }), call(kim, 'sendLiveUpdate', { id: STORY, update: kimEdit })]);
    await until(() => liveUpdates(kim, STORY).length > 0 && liveUpdates(park, STORY).length > 1);
    await until(() => {
      for (const e of liveUpdates(kim, STORY)) Y.applyUpdate(kimWindow, bytes(e.update), 'core');
      for (const e of liveUpdates(park, STORY)) Y.applyUpdate(parkWindow, bytes(e.update), 'core');
      return JSON.stringify(readBody(kimWindow)) === JSON.stringify(readBody(parkWindow)) && JSON.stringify(readBody(kimWindow)).includes('(박)');
    });
    const text = JSON.stringify(readBody(kimWindow));
    expect(text).toContain('(김)');
    expect(text).toContain('(박)');
    expect(readBody(server.stored(STORY))).toEqual(readBody(kimWindow));

    // Presence: Kim's window says who it is; Park's window learns it through both cores.
    const kimPresence = new Awareness(kimWindow);
    kimPresence.setLocalState({ user: { name: '김하늘', color: '#c33' } });
    expect(await call(kim, 'sendLiveAwareness', { id: STORY, update: b64(encodeAwarenessUpdate(kimPresence, [kimWindow.clientID])) })).toEqual({ ok: true, value: null });
    const parkPresence = new Awareness(parkWindow);
    await until(() => {
      for (const e of park.events) if (e.type === 'liveAwareness' && e.id === STORY) applyAwarenessUpdate(parkPresence, bytes(e.update), 'core');
      return parkPresence.getStates().has(kimWindow.clientID);
    });
    expect(parkPresence.getStates().get(kimWindow.clientID)).toEqual({ user: { name: '김하늘', color: '#c33' } });
    kimPresence.destroy();
    parkPresence.destroy();

    // The workflow makes the copy read-only for everyone: the window hears it, and a change is refused.
    server.setReadOnly(STORY, true);
    await until(() => statuses(park, STORY).at(-1)?.status.readOnly === true);
    const refused = await call(park, 'sendLiveUpdate', { id: STORY, update: type(parkWindow, '!') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'readOnly' } } });
    server.setReadOnly(STORY, false);
    await until(() => statuses(park, STORY).at(-1)?.status.readOnly === false);

    // Closing releases the server's document, once the last window of a core lets go.
    expect(server.connections(STORY)).toBe(2);
    await open(kim); // a second window of Kim's
    expect(await call(kim, 'closeLiveStory', { id: STORY })).toEqual({ ok: true, value: null });
    expect(server.connections(STORY)).toBe(2);
    await call(kim, 'closeLiveStory', { id: STORY });
    await until(() => server.connections(STORY) === 1);
    expect(await call(kim, 'sendLiveUpdate', { id: STORY, update: type(kimWindow, '?') })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    await call(park, 'closeLiveStory', { id: STORY });
    await until(() => server.connections(STORY) === 0);

    // The token went to the server (as each core's own signed-in person), without a browser Origin, with the schema version.
    expect(new Set(server.tokensSeen)).toEqual(new Set([TOKENS.kim, TOKENS.park]));
    expect(server.upgrades.every((u) => u.origin === undefined && u.url === `/collab?schema=${LIVE_SCHEMA_VERSION}`)).toBe(true);
  }, 30_000);

  it('keeps changes the server dropped after a step as a late revision on this machine, and lets the story go to be opened again as the server holds it', async () => {
    const kim = await boundDesk(KIM, TOKENS.kim);
    const window = windowDoc((await open(kim, LATE)).state);
    // The step has made the copy read-only on the server; its message is still on the way when Kim types.
    server.setReadOnly(LATE, true, false);
    expect(await call(kim, 'sendLiveUpdate', { id: LATE, update: type(window, ' 늦은 문장') })).toMatchObject({ ok: true });
    expect(await call(kim, 'sendLiveUpdate', { id: LATE, update: type(window, ' 늦은 제목', fieldFragment('headline')) })).toMatchObject({ ok: true });
    server.setReadOnly(LATE, true);
    await until(() => kim.events.some((e) => e.type === 'liveEnded' && e.id === LATE), 8000);
    expect(kim.events.find((e) => e.type === 'liveEnded' && e.id === LATE)).toEqual({ type: 'liveEnded', id: LATE, reason: 'lateRevision' });
    // Kept on this machine, whole, with who and when; the newsroom's copy does not have it.
    const dir = join(kim.core.libraryDir, LATE_REVISIONS_DIR);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const kept = JSON.parse(await readFile(join(dir, files[0]), 'utf8')) as { articleId: string; personId: string; body: Body; fields: Partial<LiveMeta> };
    expect(kept).toMatchObject({ articleId: LATE, personId: KIM.id });
    expect(JSON.stringify(kept.body)).toContain('서울 첫눈 늦은 문장');
    // The fields as the replica had them, the late headline too.
    expect(kept.fields).toEqual({ ...META, headline: '첫눈 늦은 제목' });
    expect(JSON.stringify(readBody(server.stored(LATE)))).not.toContain('늦은 문장');
    // Opened again, the window gets the server's copy.
    const again = windowDoc((await open(kim, LATE)).state);
    expect(JSON.stringify(readBody(again))).not.toContain('늦은 문장');
    expect(JSON.stringify(readBody(again))).toContain('서울 첫눈');
  }, 20_000);

  it('echoes a window’s change to the core’s other windows on the story', async () => {
    const kim = await boundDesk(KIM, TOKENS.kim);
    const first = windowDoc((await open(kim, OTHER)).state);
    const second = windowDoc((await open(kim, OTHER)).state);
    await call(kim, 'sendLiveUpdate', { id: OTHER, update: type(first, ' 둘째 창') });
    await until(() => liveUpdates(kim, OTHER).length > 0);
    for (const e of liveUpdates(kim, OTHER)) Y.applyUpdate(second, bytes(e.update), 'core');
    expect(readBody(second)).toEqual(readBody(first));
    await call(kim, 'closeLiveStory', { id: OTHER });
    await call(kim, 'closeLiveStory', { id: OTHER });
    await until(() => server.connections(OTHER) === 0);
  });

  it('unbinding leaves every story; an unknown session and an unreachable server are refused as such', async () => {
    const kim = await boundDesk(KIM, TOKENS.kim);
    await open(kim, OTHER);
    expect(server.connections(OTHER)).toBe(1);
    await dispatch(kim.core.handlers, 'disconnectNewsroom', {});
    await until(() => server.connections(OTHER) === 0);
    expect(kim.events.filter((e) => e.type === 'liveEnded')).toEqual([{ type: 'liveEnded', id: OTHER, reason: 'notSignedIn' }]);
    // Unbound now: a local library's own person is told there is no newsroom, by each live method.
    const admin = await dispatch(kim.core.handlers, 'savePerson', { actor: null, person: { name: '관리자', role: 'admin', desk: '', email: '', bylineName: '관리자', bylineRole: '기자', active: true } });
    if (!admin.ok) throw new Error(admin.error.message);
    const local = { ...kim, actor: admin.value.id };
    for (const [method, input] of [['openLiveStory', {}], ['sendLiveUpdate', { update: 'AAA=' }], ['sendLiveAwareness', { update: 'AAA=' }], ['closeLiveStory', {}]] as const) {
      expect(await call(local, method, { id: OTHER, ...input })).toMatchObject({ ok: false, error: { code: 'notSignedIn' } });
    }

    const stranger = await boundDesk(PARK, 'revoked-session-token-0123456789');
    expect(await call(stranger, 'openLiveStory', { id: OTHER })).toMatchObject({ ok: false, error: { code: 'notSignedIn' } });
    expect(server.connections(OTHER)).toBe(0);

    const nowhere = await boundDesk(PARK, TOKENS.park, 'http://127.0.0.1:9');
    expect(await call(nowhere, 'openLiveStory', { id: OTHER })).toMatchObject({ ok: false, error: { code: 'offline', params: { server: 'http://127.0.0.1:9' } } });
  });

  it('says when the server goes away, and an edit made meanwhile reaches it once the connection is back by itself', async () => {
    const first = await startCollabTestServer({ tokens: new Set([TOKENS.kim]), stories: { [STORY]: CONTENT } });
    const port = Number(new URL(first.url).port);
    const kim = await boundDesk(KIM, TOKENS.kim, first.url);
    const window = windowDoc((await open(kim)).state);
    await first.close();
    const kept = Y.encodeStateAsUpdate(first.stored(STORY));
    await until(() => statuses(kim, STORY).at(-1)?.status.connected === false);
    expect(await call(kim, 'sendLiveUpdate', { id: STORY, update: type(window, ' (끊긴 사이)') })).toMatchObject({ ok: true, value: { connected: false } });
    // The same address again (a restarted server that kept the story): the provider reconnects and syncs.
    const again = await startCollabTestServer({ tokens: new Set([TOKENS.kim]), kept: { [STORY]: kept }, port });
    cleanups.push(() => again.close());
    await until(() => statuses(kim, STORY).at(-1)?.status.connected === true);
    await until(() => JSON.stringify(readBody(again.stored(STORY))).includes('(끊긴 사이)'));
    expect(readBody(again.stored(STORY))).toEqual(readBody(window));
    // The reconnection named the epoch the first server had given the replica.
    expect(again.upgrades.map((u) => u.url)).toEqual([`/collab?schema=${LIVE_SCHEMA_VERSION}&epoch=1`]);
  });

  it('signing out with changes the server never acknowledged keeps them as a late revision on this machine', async () => {
    const first = await startCollabTestServer({ tokens: new Set([TOKENS.kim]), stories: { [STORY]: CONTENT } });
    const kim = await boundDesk(KIM, TOKENS.kim, first.url);
    const window = windowDoc((await open(kim)).state);
    await first.close();
    await until(() => statuses(kim, STORY).at(-1)?.status.connected === false);
    expect(await call(kim, 'sendLiveUpdate', { id: STORY, update: type(window, ' (보내지 못한 문장)') })).toMatchObject({ ok: true, value: { connected: false } });
    await dispatch(kim.core.handlers, 'disconnectNewsroom', {});
    await until(() => kim.events.some((e) => e.type === 'liveEnded'));
    expect(kim.events.filter((e) => e.type === 'liveEnded')).toEqual([{ type: 'liveEnded', id: STORY, reason: 'notSignedIn' }]);
    const dir = join(kim.core.libraryDir, LATE_REVISIONS_DIR);
    let files: string[] = [];
    for (let i = 0; i < 200 && files.length === 0; i++) {
      // A file being written atomically shows first as its hidden temp file.
      files = (await readdir(dir).catch(() => [] as string[])).filter((f) => !f.startsWith('.'));
      if (files.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(files).toHaveLength(1);
    const [file] = files;
    const kept = JSON.parse(await readFile(join(dir, file), 'utf8')) as { articleId: string; body: Body; fields: Partial<LiveMeta> };
    expect(kept.articleId).toBe(STORY);
    expect(JSON.stringify(kept.body)).toContain('서울 첫눈 (보내지 못한 문장)');
    expect(kept.fields.headline).toBe(META.headline);
  });

  it('an ended epoch ends the story for its windows; opening it again gives the new copy', async () => {
    const kim = await boundDesk(KIM, TOKENS.kim);
    const window = windowDoc((await open(kim, APPROVED)).state);
    await call(kim, 'sendLiveUpdate', { id: APPROVED, update: type(window, ' (승인 전)') });
    await until(() => JSON.stringify(readBody(server.stored(APPROVED))).includes('(승인 전)'));
    server.endEpoch(APPROVED);
    await until(() => kim.events.some((e) => e.type === 'liveEnded'));
    expect(kim.events.filter((e) => e.type === 'liveEnded')).toEqual([{ type: 'liveEnded', id: APPROVED, reason: 'epoch' }]);
    // The old replica takes nothing more (its changes would be doubled into the new epoch).
    expect(await call(kim, 'sendLiveUpdate', { id: APPROVED, update: type(window, ' (늦게)') })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    const reopened = windowDoc((await open(kim, APPROVED)).state);
    expect(readBody(reopened)).toEqual(readBody(server.stored(APPROVED)));
    expect(JSON.stringify(readBody(reopened))).toContain('(승인 전)');
    expect(JSON.stringify(readBody(reopened))).not.toContain('(늦게)');
    expect(server.upgrades.at(-1)!.url).toBe(`/collab?schema=${LIVE_SCHEMA_VERSION}`);
    await call(kim, 'closeLiveStory', { id: APPROVED });
    await until(() => server.connections(APPROVED) === 0);
  });

  it('a session ended on the server ends the core’s live stories', async () => {
    const token = 'lee-session-token-0123456789';
    const own = await startCollabTestServer({ tokens: new Set([token]), stories: { [STORY]: CONTENT } });
    cleanups.push(() => own.close());
    const lee = await boundDesk(person('person-lee01', '이바다'), token, own.url);
    await open(lee);
    own.revoke(token);
    // The live channel drops, is refused on its retry (about a second later): signed out.
    await until(() => lee.events.some((e) => e.type === 'liveEnded'), 10_000);
    expect(lee.events.filter((e) => e.type === 'liveEnded')).toEqual([{ type: 'liveEnded', id: STORY, reason: 'notSignedIn' }]);
    expect(lee.events).toContainEqual({ type: 'connection', state: 'signedOut' });
    await until(() => own.connections(STORY) === 0);
    expect(await call(lee, 'openLiveStory', { id: STORY })).toMatchObject({ ok: false, error: { code: 'notSignedIn' } });
  });

  it('lets go of a story whose connection is still being made, without an uncaught error', async () => {
    // A server that takes the TCP connection and never answers the WebSocket handshake.
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const at = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    const kim = await boundDesk(KIM, TOKENS.kim, at);
    const opening = call(kim, 'openLiveStory', { id: STORY });
    await until(() => held.length > 0);
    expect(await call(kim, 'closeLiveStory', { id: STORY })).toEqual({ ok: true, value: null });
    expect(await opening).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // The socket's 'error' for a handshake cut short comes on the next tick: give it one.
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('core.close leaves the story; no answer or event carried a token', async () => {
    const park = await boundDesk(PARK, TOKENS.park);
    await open(park, OTHER);
    await until(() => server.connections(OTHER) === 1);
    await park.core.close();
    await until(() => server.connections(OTHER) === 0);
    expect(allEvents.filter((e) => e.type === 'liveUpdate').length).toBeGreaterThan(3);
    const said = JSON.stringify(answers) + JSON.stringify(allEvents);
    for (const token of [...Object.values(TOKENS), 'revoked-session-token-0123456789']) expect(said).not.toContain(token);
  });
});
