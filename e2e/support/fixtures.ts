// The `app` fixture gives every spec a fresh library and a page showing Copydesk, either through
// the browser host (project `browser`) or the real Electron app (project `electron`). Specs are
// written once against it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, _electron, type Browser, type Page, type TestInfo } from '@playwright/test';
import { launchBrowserHost } from '../../electron/host/launchBrowserHost';
import { chromiumExecutable } from './chromiumExecutable';
import { findElectronBinary } from '../../scripts/electronBinary';
import { electronUnavailableReason } from './electronAvailability';

export interface CopydeskApp {
  page: Page;
  libraryDir: string;
  /** Closes the app (the core flushes and releases the library) and opens it again on the same folder. */
  restart(): Promise<Page>;
}

type Host = 'browser' | 'electron';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function openBrowser(browser: Browser, libraryDir: string, locale: string) {
  const host = await launchBrowserHost({ libraryDir });
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(host.url);
  return { page, close: async () => { await context.close(); await host.close(); } };
}

/** Launches the real desktop app on a library; `app` is Playwright's handle (its process can be killed). */
export async function openElectron(libraryDir: string) {
  const binary = findElectronBinary(process.cwd());
  if (!binary.found) throw new Error(binary.reason);
  const app = await _electron.launch({ executablePath: binary.path, args: ['.', '--library', libraryDir], env: { ...process.env, NODE_ENV: 'production' } });
  const page = await app.firstWindow();
  return { app, page, close: () => app.close() };
}

/** In the electron project, skips the running spec with the reason where no binary exists. */
export function skipWithoutElectron(host: Host, testInfo: TestInfo): void {
  if (host !== 'electron') return;
  const reason = electronUnavailableReason();
  testInfo.skip(reason !== null, `Electron specs skipped: ${reason}`);
}

export const test = base.extend<{ app: CopydeskApp; uiLocale: string }, { host: Host; hostBrowser: Browser | null }>({
  host: ['browser', { option: true, scope: 'worker' }],
  uiLocale: ['ko-KR', { option: true }],
  // Launched here rather than through Playwright's `browser` fixture so the electron project never
  // tries to start a browser it does not need.
  hostBrowser: [
    async ({ host, playwright }, use) => {
      const browser = host === 'browser' ? await playwright.chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS }) : null;
      await use(browser);
      await browser?.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ host, hostBrowser, uiLocale }, use, testInfo) => {
    skipWithoutElectron(host, testInfo);
    const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-'));
    const open = () => (hostBrowser ? openBrowser(hostBrowser, libraryDir, uiLocale) : openElectron(libraryDir));
    let current = await open();
    const app: CopydeskApp = {
      get page() { return current.page; },
      libraryDir,
      async restart() {
        await current.close();
        current = await open();
        return current.page;
      },
    };
    await use(app);
    await current.close();
    await rm(libraryDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
