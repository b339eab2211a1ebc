// 새 기사 and then leaving it without typing a thing leaves no empty "(제목 없음)" behind: not in
// the list (not even for a moment), not on disk. A story with a headline typed is kept; an untouched
// one reopened after a reload is fine and goes when it is left; switching person discards it too.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { waitSaved } from './support/editor';
import { switchTo } from './support/desk';

test.use({ team: 'desk' });

const SHOTS = '/tmp/shots-empty-draft';

/** Article files in the library folder, as ids. */
async function filesOnDisk(libraryDir: string): Promise<string[]> {
  return (await readdir(join(libraryDir, 'articles'))).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, ''));
}

/** Starts counting the most library rows ever on screen (a row that flashes in and out counts). */
async function watchRows(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { mostRows: number };
    w.mostRows = 0;
    const count = () => (w.mostRows = Math.max(w.mostRows, document.querySelectorAll('[data-testid="article-row"]').length));
    new MutationObserver(count).observe(document.body, { childList: true, subtree: true });
  });
}
const mostRows = (page: Page) => page.evaluate(() => (window as unknown as { mostRows: number }).mostRows);

async function newArticle(page: Page): Promise<string> {
  await page.getByTestId('new-article').click();
  await expect(page.getByTestId('field-headline')).toBeVisible();
  return page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('copydesk.openArticle:'))![1]);
}

test('새 기사 then 기사 목록 leaves nothing behind; a typed headline is kept', async ({ app }) => {
  const { page, libraryDir } = app;
  await page.setViewportSize({ width: 1280, height: 800 });

  // Typed and saved: kept.
  const kept = await newArticle(page);
  await page.getByTestId('field-headline').fill('남아야 하는 기사');
  await waitSaved(page);
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await expect(page.getByTestId('article-row')).toContainText('남아야 하는 기사');
  expect(await filesOnDisk(libraryDir)).toEqual([kept]);

  // Untouched: written at creation, gone on leaving, and its row never shows.
  const empty = await newArticle(page);
  expect((await filesOnDisk(libraryDir)).sort()).toEqual([kept, empty].sort());
  await watchRows(page);
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await expect(page.getByTestId('article-row')).toContainText('남아야 하는 기사');
  expect(await mostRows(page)).toBe(1);
  expect(await filesOnDisk(libraryDir)).toEqual([kept]);
  await page.screenshot({ path: `${SHOTS}/back-to-library-no-empty-row.png` });

  // 새 기사 twice in a row: the first, untouched, goes as the second opens.
  const first = await newArticle(page);
  await page.keyboard.press('Control+n');
  await expect.poll(() => filesOnDisk(libraryDir)).not.toContain(first);
  const opened = () => page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('copydesk.openArticle:'))?.[1]);
  await expect.poll(opened).not.toBe(first);
  expect(await filesOnDisk(libraryDir)).toContain(await opened());
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  expect(await filesOnDisk(libraryDir)).toEqual([kept]);
});

test('an untouched new article reopened after a reload is still there, and goes when left', async ({ app }) => {
  const { page, libraryDir } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const id = await newArticle(page);
  await page.reload();
  await expect(page.getByTestId('field-headline')).toHaveValue('');
  await expect(page.getByTestId('article-status')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await filesOnDisk(libraryDir)).toEqual([id]);
  await page.screenshot({ path: `${SHOTS}/reopened-untouched.png` });

  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await expect(page.getByTestId('article-row')).toHaveCount(0);
  expect(await filesOnDisk(libraryDir)).toEqual([]);
  // Nothing to reopen next time.
  await page.reload();
  await expect(page.getByTestId('library-empty')).toBeVisible();
});

test('switching person discards an untouched new article; Cancel comes back to the library', async ({ app }) => {
  const { page, libraryDir } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await newArticle(page);
  await page.getByTestId('switch-person').click();
  await expect(page.getByTestId('identity-screen')).toBeVisible();
  expect(await filesOnDisk(libraryDir)).toEqual([]);
  await page.getByTestId('cancel-switch').click();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // As someone else: the reporter's untouched story (their byline filled in) goes as well.
  await switchTo(page, '김하늘');
  await newArticle(page);
  await switchTo(page, '이데스크');
  await expect(page.getByTestId('library-empty')).toBeVisible();
  expect(await filesOnDisk(libraryDir)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/switched-person-nothing-left.png` });
});
