// The `app` fixture gives every spec a fresh library and a page showing Copydesk, either through
// the browser host (project `browser`) or the real Electron app (project `electron`). Specs are
// written once against it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, _electron, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { launchBrowserHost } from '../../host/launchBrowserHost';
import { chromiumExecutable } from './chromiumExecutable';
import { findElectronBinary } from '../../scripts/electronBinary';
import { electronUnavailableReason } from './electronAvailability';
import { seedPeople, signInContext, signInPage, TEAMS, type Team } from './people';

export interface CopydeskApp {
  page: Page;
  libraryDir: string;
  /** Closes the app (the core flushes and releases the library) and opens it again on the same folder. */
  restart(): Promise<Page>;
  /**
   * Another window on the same library as `personId` (browser host only: a second browser
   * context, as a second person at another browser on the desk, or the same person twice).
   */
  openWindow(personId: string): Promise<Page>;
}

type Host = 'browser' | 'electron';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function openBrowser(browser: Browser, libraryDir: string, locale: string, personId: string) {
  const host = await launchBrowserHost({ libraryDir });
  const contexts: BrowserContext[] = [];
  const newPage = async (id: string) => {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    await signInContext(context, libraryDir, id);
    const page = await context.newPage();
    await page.goto(host.url);
    return page;
  };
  const page = await newPage(personId);
  return {
    page,
    newPage,
    close: async () => {
      for (const c of contexts) await c.close();
      await host.close();
    },
  };
}

/** Launches the real desktop app on a library; `app` is Playwright's handle (its process can be killed). */
export async function openElectron(libraryDir: string) {
  const binary = findElectronBinary(process.cwd());
  if (!binary.found) throw new Error(binary.reason);
  const app = await _electron.launch({ executablePath: binary.path, args: ['.', '--library', libraryDir], env: { ...process.env, NODE_ENV: 'production' } });
  const page = await app.firstWindow();
  return { app, page, close: () => app.close() };
}

async function openElectronAs(libraryDir: string, personId: string) {
  const opened = await openElectron(libraryDir);
  await signInPage(opened.page, libraryDir, personId);
  return {
    ...opened,
    newPage: async (): Promise<Page> => {
      throw new Error('a second window is only opened in the browser host');
    },
  };
}

/** In the electron project, skips the running spec with the reason where no binary exists. */
export function skipWithoutElectron(host: Host, testInfo: TestInfo): void {
  if (host !== 'electron') return;
  const reason = electronUnavailableReason();
  testInfo.skip(reason !== null, `Electron specs skipped: ${reason}`);
}

export const test = base.extend<{ app: CopydeskApp; uiLocale: string; team: Team }, { host: Host; hostBrowser: Browser | null }>({
  // Who the library knows; the first (an admin) is at the keyboard when the app opens.
  team: ['admin', { option: true }],
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
  app: async ({ host, hostBrowser, uiLocale, team }, use, testInfo) => {
    const people = TEAMS[team];
    skipWithoutElectron(host, testInfo);
    const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-'));
    await seedPeople(libraryDir, people);
    const open = () => (hostBrowser ? openBrowser(hostBrowser, libraryDir, uiLocale, people[0].id) : openElectronAs(libraryDir, people[0].id));
    let current = await open();
    const app: CopydeskApp = {
      get page() { return current.page; },
      libraryDir,
      async restart() {
        await current.close();
        current = await open();
        return current.page;
      },
      openWindow: (personId) => current.newPage(personId),
    };
    await use(app);
    await current.close();
    await rm(libraryDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
