// Killing the app outright (SIGKILL: no close handler, no flush) loses at most the last second of
// typing. The app runs in its own process here — the browser host's CLI, or Electron where present.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openElectron, skipWithoutElectron } from './support/fixtures';
import { blockTexts, bodyEditor } from './support/editor';
import { Ime } from './support/ime';
import { ADMIN, seedPeople, signInContext, signInPage } from './support/people';

interface Running { page: Page; kill(): Promise<void> }

async function startHostProcess(libraryDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'host/cli.ts', '--library', libraryDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (m) ok(m[0]);
    });
    child.once('exit', (code) => fail(new Error(`host exited with ${code}: ${out}`)));
  });
  return { child, url };
}

test('a killed app keeps everything typed more than a second before the kill', async ({ host, hostBrowser }, testInfo) => {
  skipWithoutElectron(host, testInfo);
  const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-crash-'));
  await seedPeople(libraryDir, [ADMIN]);
  const open = async (): Promise<Running> => {
    if (hostBrowser) {
      const { child, url } = await startHostProcess(libraryDir);
      const context = await hostBrowser.newContext({ locale: 'ko-KR' });
      await signInContext(context, libraryDir, ADMIN.id);
      const page = await context.newPage();
      await page.goto(url);
      return {
        page,
        kill: async () => {
          const gone = new Promise((ok) => child.once('exit', ok));
          child.kill('SIGKILL');
          await gone;
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
