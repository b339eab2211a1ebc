// A window left open while the browser host restarts: its pass no longer opens the door. The save
// line must say so in words that lead somewhere (copy the text, open the new address), never show
// the copy as read-only, and the typed text stays in the window while the file keeps the last save.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { ADMIN, seedPeople, signInContext } from './support/people';
import { waitSaved } from './support/editor';
import { launchBrowserHost } from '../host/launchBrowserHost';

test('after the host restarts, an open window says it can no longer save and keeps what was typed', async ({ hostBrowser, host }, testInfo) => {
  testInfo.skip(host !== 'browser' || !hostBrowser, 'The token and its restart belong to the browser host.');
  const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-restart-'));
  await seedPeople(libraryDir, [ADMIN]);
  let server = await launchBrowserHost({ libraryDir });
  const port = Number(new URL(server.url).port);
  const context = await hostBrowser!.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
  try {
    await signInContext(context, libraryDir, ADMIN.id);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('new-article').click();
    const headline = page.getByTestId('field-headline');
    await headline.fill('재시작 전 제목');
    await waitSaved(page);

    // The same library and port, a new token: what the terminal prints after `npm run start:browser` again.
    await server.close();
    server = await launchBrowserHost({ libraryDir, port });
    await headline.fill('재시작 뒤에 쓴 제목');
    const state = page.getByTestId('save-state');
    await expect(state).toHaveAttribute('data-state', 'failed');
    await expect(state).toContainText('다시 시작되었거나 멈춰서');
    await expect(page.getByTestId('readonly-banner')).toHaveCount(0);
    await expect(headline).toHaveValue('재시작 뒤에 쓴 제목');
    await expect(headline).toBeEditable();
    const [file] = (await readdir(join(libraryDir, 'articles'))).filter((n) => n.endsWith('.json'));
    expect(JSON.parse(await readFile(join(libraryDir, 'articles', file), 'utf8')).headline).toBe('재시작 전 제목');
  } finally {
    await context.close();
    await server.close();
    await rm(libraryDir, { recursive: true, force: true });
  }
});
