// A live story's replica on disk (issue 17): a story opened once opens again with the server down,
// what is typed then survives the core being killed with SIGKILL and reaches the server at the
// next start without anyone opening it; and if the desk approved the story meanwhile, those words
// become a late revision on this machine and the approved copy is left as it was.
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { CoreEvent } from '../../../shared/contract/newsroom';
import type { Person } from '../../../shared/model/person';
import type { ArticleContent } from '../../../shared/model/article';
import { BODY_FRAGMENT, readBody } from '../../../shared/live/bodyFragment';
import { openCore, type Core } from '../../createCore';
import { appInfo, tempDir } from '../../testing/tempLibrary';
import { writeBinding } from '../newsroomBinding';
import { LATE_REVISIONS_DIR } from './lateRevisions';
import { ReplicaLog, replicaPath } from './replicaLog';
import { LiveStories } from './LiveStories';
import { startCollabTestServer, until, type CollabTestServer } from './testing/collabTestServer';

/** `until` for a condition read from disk. */
async function eventually(fn: () => Promise<boolean>, ms: number): Promise<void> {
  const started = Date.now();
  while (!(await fn())) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const STORY = 'story-0101';
const TOKEN = 'kim-session-token-0123456789';
const KIM: Person = { id: 'person-kim1', name: '김하늘', role: 'reporter', desk: '', email: '', bylineName: '김하늘', bylineRole: '기자', active: true };
const CONTENT: ArticleContent = {
  language: 'ko',
  kicker: '',
  headline: '첫눈',
  deck: [],
  byline: { outlet: '', desk: '', templateId: '', reporters: [] },
  dateline: '서울',
  tags: [],
  lengthTarget: null,
  deskNote: '',
  embargo: null,
  keptFindings: [],
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '서울 첫눈' }] }] },
};
const root = fileURLToPath(new URL('../../../', import.meta.url));
const typist = fileURLToPath(new URL('./testing/offlineTypist.ts', import.meta.url));

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const firstParagraph = (doc: Y.Doc) => {
  const p = readBody(doc).content?.[0];
  return (p?.content ?? []).map((n) => n.text ?? '').join('');
};

async function core(dir: string): Promise<{ core: Core; events: CoreEvent[] }> {
  const c = await openCore({ libraryDir: dir, appInfo, backupSchedule: false, liveOpenTimeoutMs: 2000 });
  const events: CoreEvent[] = [];
  c.onEvent((e) => events.push(e));
  cleanups.push(() => c.close());
  return { core: c, events };
}

/** A library that opened the story online and typed in it, then quit: its replica holds the story, all of it stored. */
async function openedOnce(): Promise<{ dir: string; server: CollabTestServer; port: number }> {
  const server = await startCollabTestServer({ tokens: new Set([TOKEN]), stories: { [STORY]: CONTENT } });
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  await writeBinding(dir, { server: server.url, token: TOKEN, person: KIM });
  const { core: c } = await core(dir);
  const opened = await dispatch(c.handlers, 'openLiveStory', { actor: KIM.id, id: STORY });
  if (!opened.ok) throw new Error(opened.error.message);
  const window = new Y.Doc();
  Y.applyUpdate(window, new Uint8Array(Buffer.from(opened.value.state, 'base64')));
  let update: Uint8Array | null = null;
  window.once('update', (u: Uint8Array) => (update = u));
  const run = (window.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  run.insert(run.length, ' 온라인');
  await dispatch(c.handlers, 'sendLiveUpdate', { actor: KIM.id, id: STORY, update: Buffer.from(update!).toString('base64') });
  await until(() => firstParagraph(server.stored(STORY)) === '서울 첫눈 온라인');
  await dispatch(c.handlers, 'closeLiveStory', { actor: KIM.id, id: STORY });
  await c.close();
  return { dir, server, port: Number(new URL(server.url).port) };
}

/** Runs the typist with the server down and kills it with SIGKILL once its last word is in the replica's file. */
function typeOfflineAndKill(dir: string, texts: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', typist, dir, STORY, ...texts], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => d.includes('typed') && child.kill('SIGKILL'));
    child.once('error', reject);
    child.once('close', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the typist ended by itself: ${err}`))));
  });
}

describe('a live story’s replica on disk', () => {
  it('lets go of a story refused at its first open: nothing typed, nothing held, the core stays responsive', { timeout: 20_000 }, async () => {
    const server = await startCollabTestServer({ tokens: new Set([TOKEN]), stories: { [STORY]: CONTENT } });
    cleanups.push(() => server.close());
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const live = new LiveStories(() => ({ server: server.url, token: 'a-session-the-server-does-not-know' }), async () => undefined, 5000, dir);
    await expect(live.open(STORY)).rejects.toMatchObject({ code: 'notSignedIn' });
    // A timer still fires: the event loop is not spinning on the refused story (it once re-opened it in a microtask loop).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(live.openCount).toBe(0);
    live.closeAll();
  });

  it('opens the story with the server down; what was typed survives a kill -9 and reaches the server at the next start', { timeout: 60_000 }, async () => {
    const { dir, server, port } = await openedOnce();
    const kept = Y.encodeStateAsUpdate(server.stored(STORY));
    await server.close();

    await typeOfflineAndKill(dir, [' 기차에서', ' 터널 지나']);
    // Unsent, by what the replica itself says.
    const left = await ReplicaLog.open(dir, STORY);
    expect(left!.contents.unsent).toBe(true);
    await left!.replica.close();

    const back = await startCollabTestServer({ tokens: new Set([TOKEN]), stories: { [STORY]: CONTENT }, kept: { [STORY]: kept }, port });
    cleanups.push(() => back.close());
    // Nobody opens the story: the core sends what its replica held unsent as it starts.
    const { core: c } = await core(dir);
    await until(() => firstParagraph(back.stored(STORY)) === '서울 첫눈 온라인 기차에서 터널 지나', 20_000);
    // Stored, the story is let go, and the replica says nothing is unsent.
    await until(() => back.connections(STORY) === 0, 10_000);
    await c.close();
    const after = await ReplicaLog.open(dir, STORY);
    expect(after!.contents.unsent).toBe(false);
    await after!.replica.close();
  });

  it('keeps what was typed offline as a late revision when the desk approved the story meanwhile, and leaves the approved copy as it was', { timeout: 60_000 }, async () => {
    const { dir, server, port } = await openedOnce();
    const kept = Y.encodeStateAsUpdate(server.stored(STORY));
    await server.close();
    await typeOfflineAndKill(dir, [' 승인 뒤에 쓴 말']);

    const back = await startCollabTestServer({ tokens: new Set([TOKEN]), stories: { [STORY]: CONTENT }, kept: { [STORY]: kept }, port });
    cleanups.push(() => back.close());
    back.endEpoch(STORY);
    const { core: c, events } = await core(dir);
    const lateDir = join(dir, LATE_REVISIONS_DIR);
    let files: string[] = [];
    await eventually(async () => (files = (await readdir(lateDir).catch(() => [] as string[])).filter((f) => !f.startsWith('.'))).length > 0, 20_000);
    const late = JSON.parse(await readFile(join(lateDir, files[0]), 'utf8')) as { articleId: string; body: ArticleContent['body'] };
    expect(late.articleId).toBe(STORY);
    expect(JSON.stringify(late.body)).toContain('서울 첫눈 온라인 승인 뒤에 쓴 말');
    expect(firstParagraph(back.stored(STORY))).toBe('서울 첫눈 온라인');
    // The old epoch's replica goes (opened again, the story comes as the server holds it now).
    await eventually(async () => !(await stat(replicaPath(dir, STORY)!).catch(() => null)), 10_000);
    // The story ended for whoever held it: here only the core itself, sending.
    expect(events.filter((e) => e.type === 'liveEnded')).toEqual([{ type: 'liveEnded', id: STORY, reason: 'epoch' }]);
    await c.close();
  });
});
