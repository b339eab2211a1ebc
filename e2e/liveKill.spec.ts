// Kill -9 the newsroom server while two people type in one live story (issue 16): a reporter
// composing Korean through a real IME in the first paragraph and an editor typing in the second,
// each through the app on a browser host of their own. Each window keeps a record, taken in the
// page, of its own paragraph at every moment its live-sync badge turns to "stored" (the server
// acknowledges an update only once it is in the database). After the kill the server is opened
// again on the same data, first where no window can reach it: every text a window saw stored is in
// the document there, as the windows left it. Then on its own port: without a reload or a click
// both windows reconnect by themselves, send what they typed meanwhile, and end with the same body,
// which the server's article row holds too.
import { createServer } from 'node:net';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { bodyEditor, blockTexts } from './support/editor';
import { Ime } from './support/ime';
import { open } from './support/desk';
import { restartNewsroomServer, startNewsroomServer, type NewsroomServer } from './support/newsroomServer';
import { connectAs, machine, storyId, storyOnServer, texts } from './support/newsroomDesk';
import { collabUrl } from '../shared/contract/liveProtocol';
import { BODY_FRAGMENT } from '../shared/live/bodyFragment';

const SHOTS = 'test-results/shots/live-kill';
const HEADLINE = '정전 대비 훈련';
const REPORTER = { login: 'kim', name: '김하늘', password: 'kim password 1' };
const EDITOR = { login: 'park', name: '박데스크', password: 'park password 1' };
/** Words each window has seen stored before the kill: the kill lands among acknowledged and unacknowledged edits. */
const ACKED_BEFORE_KILL = 3;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The story's live document as the server holds it: each paragraph's text, read by a client that writes nothing. */
async function serverDocument(server: NewsroomServer, id: string): Promise<string[]> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl(server.url), WebSocketPolyfill: WebSocket as never });
  const provider = new HocuspocusProvider({ name: id, token: server.tokens.park, document: doc, websocketProvider: socket });
  provider.attach();
  try {
    await expect.poll(() => provider.isSynced, { timeout: 15_000 }).toBe(true);
    return doc.getXmlFragment(BODY_FRAGMENT).toArray().map((p) => (p as Y.XmlElement).toArray().map((t) => t.toString()).join(''));
  } finally {
    provider.destroy();
    socket.destroy();
  }
}

/**
 * From now on the page records its paragraph `index` (from the editor's own Y.Doc) each time the
 * live-sync badge is rendered saying "stored": the badge and the document change in the same task
 * (a keystroke makes the badge say unsynced before it renders again), so a record is text the
 * window had seen acknowledged. Read with `ackedTexts`.
 */
async function recordAcknowledged(page: Page, index: number): Promise<void> {
  await page.evaluate(
    ({ index, fragment }) => {
      type Ext = { name: string; options: { document: Y.Doc } };
      const el = document.querySelector('[data-testid=body-editor] .ProseMirror') as HTMLElement & { editor: { extensionManager: { extensions: Ext[] } } };
      const doc = el.editor.extensionManager.extensions.find((e) => e.name === 'collaboration')!.options.document;
      const own = () => {
        const p = doc.getXmlFragment(fragment).get(index) as Y.XmlElement | undefined;
        return p ? p.toArray().map((t) => t.toString()).join('') : '';
      };
      const records: string[] = [];
      (window as unknown as { ackedTexts: string[] }).ackedTexts = records;
      const look = () => {
        if (document.querySelector('[data-testid=live-sync]')?.getAttribute('data-stored') !== 'true') return;
        const text = own();
        if (records.at(-1) !== text) records.push(text);
      };
      // Only a render of the badge counts (its attribute set, or the badge put in anew): the editor's
      // own DOM changes at a keystroke come before the badge is rendered unsynced.
      const badgeRendered = (m: MutationRecord) =>
        m.type === 'attributes' || Array.from(m.addedNodes).some((n) => n instanceof Element && (n.matches('[data-testid=live-sync]') || n.querySelector('[data-testid=live-sync]')));
      look();
      new MutationObserver((records) => records.some(badgeRendered) && look()).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stored'] });
    },
    { index, fragment: BODY_FRAGMENT },
  );
}

const ackedTexts = (page: Page) => page.evaluate(() => (window as unknown as { ackedTexts: string[] }).ackedTexts);

test('kill -9 the newsroom server while two people type live: every edit a window saw stored survives, and both windows reconnect by themselves', async ({ host, hostBrowser, uiLocale }) => {
  test.skip(host === 'electron', 'two machines are two browser hosts, each in its own browser context');
  test.setTimeout(90_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-live-kill-server-'));
  const place = { dataDir, port: await freePort() };
  let server = (await startNewsroomServer(
    'pglite',
    [
      [REPORTER.login, { name: REPORTER.name, role: 'reporter', desk: '사회부', bylineRole: '기자' }],
      [EDITOR.login, { name: EDITOR.name, role: 'editor', desk: '사회부' }],
    ],
    place,
  )) as NewsroomServer;
  const cleanups: (() => Promise<unknown>)[] = [() => server.stop(), () => rm(dataDir, { recursive: true, force: true })];
  await mkdir('test-results/shots', { recursive: true });
  try {
    const { page: reporter } = await machine(hostBrowser!, uiLocale, cleanups, { width: 1400, height: 900 });
    const { page: editor } = await machine(hostBrowser!, uiLocale, cleanups, { width: 1400, height: 900 });
    await connectAs(reporter, server.url, REPORTER);
    await connectAs(editor, server.url, EDITOR);

    // ——— The reporter starts a story of two paragraphs; the editor opens it. The reporter writes in the first, the editor in the second. ———
    await reporter.getByTestId('new-article').click();
    await reporter.getByTestId('field-headline').fill(HEADLINE);
    await bodyEditor(reporter).click();
    const ime = await Ime.attach(reporter);
    await ime.type('기자');
    await reporter.keyboard.press('Enter');
    await ime.type('데스크');
    await expect(reporter.getByTestId('live-sync')).toHaveAttribute('data-stored', 'true');
    const id = await storyId(server, 'kim', HEADLINE);
    await open(editor, HEADLINE);
    await expect.poll(() => blockTexts(editor)).toEqual(['기자', '데스크']);
    await reporter.keyboard.press('Control+Home');
    await reporter.keyboard.press('End');
    await ime.settle();
    await bodyEditor(editor).click();
    await editor.keyboard.press('Control+End');
    await recordAcknowledged(reporter, 0);
    await recordAcknowledged(editor, 1);

    // ——— Both type word after word; once each has seen a few of its words stored, the server is killed mid-typing. ———
    let typing = true;
    const typist = async (word: (n: number) => Promise<void>) => {
      for (let n = 1; typing; n++) await word(n);
    };
    const typists = Promise.all([
      typist((n) => ime.type(` 김${n}`)),
      typist(async (n) => {
        await editor.keyboard.insertText(` 박${n}`);
        await editor.waitForTimeout(100); // the pace of a person, not a flood of keystrokes
      }),
    ]);
    const words = async (page: Page) => ((await ackedTexts(page)).at(-1) ?? '').split(' ').length - 1;
    await expect.poll(async () => Math.min(await words(reporter), await words(editor)), { timeout: 30_000 }).toBeGreaterThanOrEqual(ACKED_BEFORE_KILL);
    await server.kill();
    const killed = Date.now();
    // Read after the process is gone: no acknowledgement can come from a dead server.
    const acked = { reporter: (await ackedTexts(reporter)).at(-1)!, editor: (await ackedTexts(editor)).at(-1)! };
    typing = false;
    await typists;
    await expect(reporter.getByTestId('live-sync')).toHaveAttribute('data-connected', 'false');
    await expect(editor.getByTestId('live-sync')).toHaveAttribute('data-connected', 'false');
    // What each window shows of its own paragraph: typed, partly unacknowledged, all to be kept.
    const typed = { reporter: (await blockTexts(reporter))[0], editor: (await blockTexts(editor))[1] };
    expect(typed.reporter.startsWith(acked.reporter)).toBe(true);
    expect(typed.editor.startsWith(acked.editor)).toBe(true);
    console.log(`live-kill: seen stored before the kill ${JSON.stringify(acked)}; shown ${JSON.stringify(typed)}`);

    // ——— Opened again on the same data where no window reaches it: everything a window saw stored is in the document. ———
    const aside = await restartNewsroomServer(server, { dataDir, port: await freePort() });
    try {
      const [first, second] = await serverDocument(aside, id);
      expect(first.startsWith(acked.reporter), `server has "${first}", the reporter saw "${acked.reporter}" stored`).toBe(true);
      expect(second.startsWith(acked.editor), `server has "${second}", the editor saw "${acked.editor}" stored`).toBe(true);
    } finally {
      await aside.stop();
    }

    // ——— On its own port again: both windows reconnect by themselves and send what they typed meanwhile. ———
    server = await restartNewsroomServer(server, place);
    const restarted = Date.now();
    for (const page of [reporter, editor]) {
      await expect(page.getByTestId('live-sync')).toHaveAttribute('data-connected', 'true', { timeout: 40_000 });
      await expect(page.getByTestId('live-sync')).toHaveAttribute('data-stored', 'true');
    }
    console.log(`live-kill: both windows connected and stored ${Date.now() - restarted} ms after the restart (the server was down ${restarted - killed} ms)`);
    const final = [typed.reporter, typed.editor];
    await expect.poll(() => blockTexts(reporter)).toEqual(final);
    await expect.poll(() => blockTexts(editor)).toEqual(final);
    // Each sees the other in the story again (the restarted server knew nobody's presence).
    await expect(reporter.getByTestId('live-person')).toHaveText([EDITOR.name]);
    await expect(editor.getByTestId('live-person')).toHaveText([REPORTER.name]);
    await reporter.screenshot({ path: `${SHOTS}-reporter.png` });
    await editor.screenshot({ path: `${SHOTS}-editor.png` });
    // The server's article row takes the body on its debounce.
    await expect.poll(async () => texts((await storyOnServer(server, 'park', id)).body), { timeout: 15_000 }).toEqual(final);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
