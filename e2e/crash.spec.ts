// Killing the app outright (SIGKILL: no close handler, no flush) loses at most the last second of
// typing. The app runs in its own process here — the browser host's CLI, or Electron where present.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openElectron, skipWithoutElectron } from './support/fixtures';
import { blockTexts, bodyEditor } from './support/editor';
import { Ime } from './support/ime';
import { ADMIN, seedPeople, signInContext, signInPage } from './support/people';
import { startHostProcess } from './support/hostProcess';

interface Running { page: Page; kill(): Promise<void> }

test('a killed app keeps everything typed more than a second before the kill', async ({ host, hostBrowser }, testInfo) => {
  skipWithoutElectron(host, testInfo);
  const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-crash-'));
  await seedPeople(libraryDir, [ADMIN]);
  const open = async (): Promise<Running> => {
    if (hostBrowser) {
      const hostProcess = await startHostProcess(libraryDir);
      const context = await hostBrowser.newContext({ locale: 'ko-KR' });
      await signInContext(context, libraryDir, ADMIN.id);
      const page = await context.newPage();
      await page.goto(hostProcess.url);
      return {
        page,
        kill: async () => {
          await hostProcess.kill();
          await context.close();
        },
      };
    }
    const { app, page } = await openElectron(libraryDir);
    await signInPage(page, libraryDir, ADMIN.id);
    return {
      page,
      kill: async () => {
        app.process().kill('SIGKILL');
        await app.close().catch(() => undefined); // already dead: only Playwright's side is left
      },
    };
  };

  try {
    let app = await open();
    await app.page.getByTestId('new-article').click();
    await app.page.getByTestId('field-headline').fill('속보: 전력망 과부하');
    await bodyEditor(app.page).click();
    const ime = await Ime.attach(app.page);
    await ime.type('정전이 이어졌다');
    await app.page.waitForTimeout(1200); // the reporter pauses; no save button, no blur
    await app.kill();

    app = await open();
    await expect(app.page.getByTestId('row-headline')).toHaveText(['속보: 전력망 과부하']);
    await app.page.getByTestId('article-row').first().click();
    expect(await blockTexts(app.page)).toEqual(['정전이 이어졌다']);
    await app.kill();
  } finally {
    await rm(libraryDir, { recursive: true, force: true });
  }
});
