// A full disk and a read-only library folder, for real: the library sits on a 4 MB tmpfs that the
// spec fills up, or in a folder whose permissions the spec takes away from the app. No fault
// switch in the app: the kernel itself refuses the writes. Saving fails with a sentence saying what
// happened and what to do, the typed text stays in the editor, and once space or permission is back
// autosave goes through on its own, which a reload proves.
//
// Mounting a tmpfs needs root (CAP_SYS_ADMIN); where the suite runs without it the disk-full test
// is skipped with that reason. The read-only test runs anywhere: as root (whom permissions do not
// stop) it starts the app as the unprivileged user `nobody`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, open, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { launchBrowserHost } from '../host/launchBrowserHost';
import { blockTexts, bodyEditor, waitSaved } from './support/editor';
import { Ime } from './support/ime';
import { ADMIN, seedPeople, signInContext } from './support/people';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

async function openPage(browser: Browser, libraryDir: string, url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
  await signInContext(context, libraryDir, ADMIN.id);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Writes a new article and waits until it is on disk; returns its file. */
async function writeFirstDraft(page: Page, libraryDir: string): Promise<string> {
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('전력망 과부하 경보');
  await bodyEditor(page).click();
  await (await Ime.attach(page)).type('첫 문단이다.');
  await waitSaved(page);
  const names = (await readdir(join(libraryDir, 'articles'))).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  expect(names).toHaveLength(1);
  return join(libraryDir, 'articles', names[0]);
}

/** Types more while saving is impossible, and checks the refusal is explained and nothing is lost or written. */
async function typeWhileRefused(page: Page, file: string, message: RegExp): Promise<void> {
  const before = await readFile(file);
  await bodyEditor(page).press('End');
  await (await Ime.attach(page)).type(' 저장이 막힌 동안 쓴 문장.');
  const state = page.getByTestId('save-state');
  await expect(state).toHaveAttribute('data-state', 'failed');
  await expect(state).toContainText(message);
  await expect(state).toHaveAttribute('role', 'alert');
  expect(await blockTexts(page)).toEqual(['첫 문단이다. 저장이 막힌 동안 쓴 문장.']);
  // What was on disk is exactly as it was.
  expect(await readFile(file)).toEqual(before);
}

/** After the fault clears: autosave retries by itself, and a reload shows the whole text. */
async function expectSavedAfterRecovery(page: Page, file: string): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 25_000 });
  expect(await readFile(file, 'utf8')).toContain('저장이 막힌 동안 쓴 문장.');
  // The reload reopens the article that was open.
  await page.reload();
  await expect(page.getByTestId('article-status')).toBeVisible();
  await expect(bodyEditor(page)).toContainText('저장이 막힌 동안 쓴 문장.');
  expect(await blockTexts(page)).toEqual(['첫 문단이다. 저장이 막힌 동안 쓴 문장.']);
}

/** Writes zeros until the file system says it is full; returns the filler to delete. */
async function fillDisk(dir: string): Promise<string> {
  const filler = join(dir, 'filler.bin');
  const handle = await open(filler, 'w');
  const chunk = Buffer.alloc(4096);
  try {
    for (;;) await handle.write(chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await handle.close();
  }
  return filler;
}

test('a full disk: the save fails with a clear message, the text stays, and saving resumes when space returns', async ({ host, hostBrowser }, testInfo) => {
  testInfo.skip(host !== 'browser', 'The library is put on a small tmpfs under the browser host.');
  const base = await mkdtemp(join(tmpdir(), 'copydesk-diskfull-'));
  const libraryDir = join(base, 'library');
  await mkdir(libraryDir);
  let mounted = false;
  try {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0755', 'copydesk-diskfull', libraryDir], { stdio: 'pipe' });
      mounted = true;
    } catch (err) {
      testInfo.skip(true, `A full disk needs a small tmpfs, and mounting one needs root: ${String((err as Error).message).split('\n')[0]}`);
    }
    await seedPeople(libraryDir, [ADMIN]);
    const app = await launchBrowserHost({ libraryDir });
    try {
      const page = await openPage(hostBrowser!, libraryDir, app.url);
      const file = await writeFirstDraft(page, libraryDir);
      const filler = await fillDisk(libraryDir);
      await typeWhileRefused(page, file, /디스크 공간이 부족해 저장하지 못했습니다/);
      await unlink(filler); // space returns
      await expectSavedAfterRecovery(page, file);
      await page.context().close();
    } finally {
      await app.close();
    }
  } finally {
    if (mounted) execFileSync('umount', [libraryDir]);
    await rm(base, { recursive: true, force: true });
  }
});

/** The browser host in its own process, as `nobody` when the suite runs as root. */
async function startHostProcess(libraryDir: string, home: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'host/cli.ts', '--library', libraryDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: home },
    ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const take = (d: Buffer) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (m) ok(m[0]);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', (d: Buffer) => (out += d));
    child.once('exit', (code) => fail(new Error(`host exited with ${code}: ${out}`)));
  });
  return { child, url };
}

/** Every folder and file under `dir`, deepest first, so a folder is changed after what is inside it. */
async function tree(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return [...names.map((n) => join(dir, n)).reverse(), dir];
}

async function setWritable(dir: string, writable: boolean): Promise<void> {
  for (const path of await tree(dir)) {
    const isDir = (await stat(path)).isDirectory();
    await chmod(path, isDir ? (writable ? 0o755 : 0o555) : writable ? 0o644 : 0o444);
  }
}

test('a read-only library folder: the save fails with a clear message, the text stays, and saving resumes when it is writable again', async ({ host, hostBrowser }, testInfo) => {
  testInfo.skip(host !== 'browser', 'The folder permissions are taken from a browser host process.');
  const base = await mkdtemp(join(tmpdir(), 'copydesk-readonly-'));
  await chmod(base, 0o755);
  const libraryDir = join(base, 'library');
  const home = join(base, 'home');
  await mkdir(libraryDir);
  await mkdir(home);
  await seedPeople(libraryDir, [ADMIN]);
  if (isRoot) for (const path of [libraryDir, home, join(libraryDir, 'people.json')]) await chown(path, NOBODY, NOBODY);
  const { child, url } = await startHostProcess(libraryDir, home);
  try {
    const page = await openPage(hostBrowser!, libraryDir, url);
    const file = await writeFirstDraft(page, libraryDir);
    await setWritable(libraryDir, false);
    await typeWhileRefused(page, file, /보관 폴더에 쓸 수 없습니다/);
    await setWritable(libraryDir, true);
    await expectSavedAfterRecovery(page, file);
    await page.context().close();
  } finally {
    const gone = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await gone;
    await setWritable(libraryDir, true).catch(() => undefined);
    await rm(base, { recursive: true, force: true });
  }
});
