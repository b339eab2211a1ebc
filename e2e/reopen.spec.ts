// The article that was open comes back after a reload or a closed tab (remembered per library in
// the window's storage); one that has gone to the trash since leaves the library showing, no error.
import { test, expect } from './support/fixtures';
import { waitSaved } from './support/editor';

const KEY_PREFIX = 'copydesk.openArticle:';

test('reopens the open article after a reload and in a new tab; a trashed one leaves the library, without an error', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('다시 열리는 기사');
  await waitSaved(page);
  const id = await page.evaluate((prefix) => Object.entries(localStorage).find(([k]) => k.startsWith(prefix))?.[1], KEY_PREFIX);
  expect(id).toMatch(/^[0-9a-f-]{36}$/);

  await page.reload();
  await expect(page.getByTestId('field-headline')).toHaveValue('다시 열리는 기사');
  await expect(page.getByTestId('article-list')).toHaveCount(0);

  // A new tab in the same browser (the closed tab opened again).
  const tab = await page.context().newPage();
  await tab.setViewportSize({ width: 1280, height: 800 });
  await tab.goto(page.url());
  await expect(tab.getByTestId('field-headline')).toHaveValue('다시 열리는 기사');
  await tab.screenshot({ path: '/tmp/shots-history-list/reopen-new-tab.png' });
  await tab.close();

  // Back to the library: it is the library that comes back.
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await expect(page.getByTestId('field-headline')).toHaveCount(0);

  // Open again, then the story goes to the trash (from another window) while this one is closed.
  await page.getByTestId('article-row').click();
  await expect(page.getByTestId('field-headline')).toHaveValue('다시 열리는 기사');
  const other = await app.openWindow((await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('copydesk.person:'))![1])));
  await other.getByTestId('article-row').getByTestId('trash-article').click();
  await expect(other.getByTestId('article-row')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix) && localStorage.getItem(k)), KEY_PREFIX)).toEqual([]);
});
