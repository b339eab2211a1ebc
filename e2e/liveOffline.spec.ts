// Offline on the road (issue 17): a reporter's machine loses the newsroom server (the relay between
// them is cut; the server stays up). The story already open keeps taking Korean typed through the
// IME and says it is offline; the app is then killed outright (SIGKILL) with those words unsent.
// Started again with no connection, the list and the story are there and the story shows every
// word; when the connection is back the words reach the server without anyone doing anything, and
// the badge says stored. After each step, what the screen shows is checked against the disk (the
// story's replica) or the server.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { bodyEditor, blockTexts, caretTo } from './support/editor';
import { Ime } from './support/ime';
import { open } from './support/desk';
import { startHostProcess, type HostProcess } from './support/hostProcess';
import { startCutProxy } from './support/cutProxy';
import { startNewsroomServer, type NewsroomServer } from './support/newsroomServer';
import { connectAs, REPORTER, storyId, storyOnServer, texts } from './support/newsroomDesk';
import { parseLog } from '../core/storage/appendLogFormat';
import { readBody } from '../shared/live/bodyFragment';
import { REPLICAS_DIR } from '../core/newsroom/live/replicaLog';

const SHOTS = 'test-results/shots/live-offline';
const HEADLINE = '기차 안에서 쓴 기사';
const ONLINE = '첫 문장은 사무실에서 썼다.';
const OFFLINE = ' 둘째 문장은 터널 속에서 썼다.';

/**
 * The story's first paragraph as its replica on disk holds it, read without opening the log for
 * writing (the app has it open): every good record, torn tail ignored.
 */
async function onDisk(dir: string, id: string): Promise<string> {
  const bytes = await readFile(join(dir, REPLICAS_DIR, `${id}.ylog`)).catch(() => new Uint8Array());
  const updates = parseLog(bytes)
    .records.filter((r) => r[0] === 0x55 || r[0] === 0x4c)
    .map((r) => r.subarray(1));
  if (!updates.length) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return texts(readBody(doc))[0] ?? '';
}

const badge = (page: Page) => page.getByTestId('live-sync');

test('offline: the open story keeps every word through a cut connection and a kill -9, reopens with no connection, and reaches the server once it is back', async ({ host, hostBrowser, uiLocale }) => {
  test.skip(host === 'electron', 'the reporter’s machine is a browser host in its own process (killed with SIGKILL), behind a relay the spec cuts');
  test.setTimeout(180_000);
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const server = (await startNewsroomServer('pglite', [[REPORTER.login, { name: REPORTER.name, role: 'reporter', desk: '사회부', bylineRole: '기자' }]])) as NewsroomServer;
    cleanups.push(() => server.stop());
    const network = await startCutProxy(server.url);
    cleanups.push(() => network.close());
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-offline-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const context = await hostBrowser!.newContext({ locale: uiLocale, viewport: { width: 1400, height: 1000 } });
    cleanups.unshift(() => context.close());
    let app: HostProcess = await startHostProcess(dir);
    cleanups.unshift(() => app.kill());
    let page = await context.newPage();
    await page.goto(app.url);
    await connectAs(page, network.url, REPORTER);

    // ——— Online: a story written and stored on the server, then opened again from the list. ———
    await page.getByTestId('new-article').click();
    await page.getByTestId('field-headline').fill(HEADLINE);
    await bodyEditor(page).click();
    let ime = await Ime.attach(page);
    await ime.type(ONLINE);
    await expect(badge(page)).toHaveAttribute('data-stored', 'true');
    const id = await storyId(server, 'kim', HEADLINE);
    await expect.poll(async () => texts((await storyOnServer(server, 'kim', id)).body)).toEqual([ONLINE]);
    await page.getByTestId('back-to-library').click();
    await open(page, HEADLINE);
    await expect.poll(() => blockTexts(page)).toEqual([ONLINE]);

    // ——— The connection goes. The story says so, and takes what is typed; it is on disk, not on the server. ———
    await network.cut();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
    await expect(badge(page)).toHaveAttribute('data-connected', 'false');
    await caretTo(page, 'end');
    await ime.settle();
    await ime.type(OFFLINE);
    await expect.poll(() => blockTexts(page)).toEqual([ONLINE + OFFLINE]);
    await expect(badge(page)).toHaveAttribute('data-stored', 'false');
    await expect.poll(() => onDisk(dir, id), { message: 'the replica on disk holds the words typed offline' }).toBe(ONLINE + OFFLINE);
    expect(texts((await storyOnServer(server, 'kim', id)).body)).toEqual([ONLINE]);

    // ——— Sent offline: the step waits on this machine, in view, and the server has not seen it. ———
    await page.getByTestId('action-send').click();
    await expect(page.getByTestId('workflow-error')).toHaveAttribute('data-queued', 'true');
    await expect(page.getByTestId('outbox-step')).toHaveCount(1);
    await expect(page.getByTestId('outbox-step')).toContainText(HEADLINE);
    expect((await storyOnServer(server, 'kim', id)).status).toBe('draft');
    await page.screenshot({ path: `${SHOTS}-typing-offline.png` });

    // ——— The app is killed outright, and started again with still no connection. ———
    await app.kill();
    await page.close();
    app = await startHostProcess(dir);
    page = await context.newPage();
    await page.goto(app.url);
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
    // The list as this machine last had it, and a word saying so.
    await expect(page.getByTestId('offline-banner')).toContainText(network.url);
    await expect(page.getByTestId('article-row').filter({ hasText: HEADLINE })).toHaveCount(1);
    // This machine's copy holds words the server lacks: the row says so.
    await expect(page.getByTestId('article-row').filter({ hasText: HEADLINE }).getByTestId('row-unsent')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}-list-offline.png` });
    // The step taken before the kill still waits.
    await expect(page.getByTestId('outbox-step')).toContainText(HEADLINE);
    await open(page, HEADLINE);
    await expect.poll(() => blockTexts(page)).toEqual([ONLINE + OFFLINE]);
    await expect(badge(page)).toHaveAttribute('data-connected', 'false');
    await expect(badge(page)).toHaveAttribute('data-stored', 'false');
    await page.screenshot({ path: `${SHOTS}-reopened-offline.png` });
    // Still typing, offline, after the restart.
    await caretTo(page, 'end');
    ime = await Ime.attach(page);
    await ime.settle();
    await ime.type(' 셋째.');
    await expect.poll(() => onDisk(dir, id)).toBe(`${ONLINE}${OFFLINE} 셋째.`);

    // ——— The connection is back: every word reaches the server by itself, then the send; the badge says stored, the outbox what became of the step. ———
    await network.restore();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);
    await expect(badge(page)).toHaveAttribute('data-stored', 'true', { timeout: 20_000 });
    await expect.poll(async () => texts((await storyOnServer(server, 'kim', id)).body), { timeout: 10_000 }).toEqual([`${ONLINE}${OFFLINE} 셋째.`]);
    expect(await blockTexts(page)).toEqual([`${ONLINE}${OFFLINE} 셋째.`]);
    await expect(page.getByTestId('outbox-result')).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
    await expect(page.getByTestId('outbox-step')).toHaveCount(0);
    await expect.poll(async () => (await storyOnServer(server, 'kim', id)).status).toBe('sent');
    await expect(page.getByTestId('article-status')).toHaveText('출고');
    await page.screenshot({ path: `${SHOTS}-back-online.png` });
    // In the list, the row no longer says "not sent" but when the server last held all of it.
    await page.getByTestId('back-to-library').click();
    const row = page.getByTestId('article-row').filter({ hasText: HEADLINE });
    await expect(row.getByTestId('row-synced')).toBeVisible();
    await expect(row.getByTestId('row-unsent')).toHaveCount(0);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});
