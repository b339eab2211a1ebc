// The library screen: newest first, duplicate, trash, restore, empty trash, the UI language, and what a reporter is not offered.
import { test, expect } from './support/fixtures';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { waitSaved } from './support/editor';

async function writeArticle(page: Page, headline: string) {
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill(headline);
  await waitSaved(page);
  await page.getByTestId('back-to-library').click();
}

test('lists newest first; duplicate, trash, restore and empty trash', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await writeArticle(page, '첫 번째 기사');
  await writeArticle(page, 'Second story');
  const rows = page.getByTestId('article-row');
  await expect(rows.getByTestId('row-headline')).toHaveText([/Second story/, /첫 번째 기사/]);

  await rows.nth(1).getByTestId('duplicate-article').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.getByTestId('row-headline').filter({ hasText: '첫 번째 기사' })).toHaveCount(2);

  await rows.filter({ hasText: 'Second story' }).getByTestId('trash-article').click();
  await expect(rows).toHaveCount(2);
  await page.getByTestId('scope-trash').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('row-headline')).toHaveText(/Second story/);
  await rows.first().getByTestId('restore-article').click();
  await expect(rows).toHaveCount(0);
  await page.getByTestId('scope-active').click();
  await expect(rows).toHaveCount(3);

  // Trash two, empty the trash after confirming: they are gone for good, the third stays.
  await rows.filter({ hasText: 'Second story' }).getByTestId('trash-article').click();
  await rows.first().getByTestId('trash-article').click();
  await page.getByTestId('scope-trash').click();
  await expect(rows).toHaveCount(2);
  await page.getByTestId('empty-trash').click();
  await page.getByTestId('confirm-empty-trash').click();
  await expect(rows).toHaveCount(0);

  const fresh = await app.restart();
  await expect(fresh.getByTestId('article-row')).toHaveCount(1);
  await fresh.getByTestId('scope-trash').click();
  await expect(fresh.getByTestId('article-row')).toHaveCount(0);
});

test('switches the UI between Korean and English and remembers it', async ({ app }) => {
  const { page } = app;
  // The browser reports a Korean locale, so the first screen is Korean.
  await expect(page.getByTestId('new-article')).toHaveText(/새 기사/);
  await page.getByTestId('ui-language').selectOption('en');
  await expect(page.getByTestId('new-article')).toHaveText(/New article/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const fresh = await app.restart();
  await expect(fresh.getByTestId('new-article')).toHaveText(/New article/);
  await fresh.getByTestId('ui-language').selectOption('ko');
  await expect(fresh.getByTestId('new-article')).toHaveText(/새 기사/);
});

test.describe('a reporter', () => {
  test.use({ team: 'desk' });

  test('is not offered to empty the trash or to change the house settings', async ({ app }) => {
    const { page } = app;
    await page.getByTestId('switch-person').click();
    await page.getByTestId('pick-person').and(page.locator('[data-person-name="김하늘"]')).click();
    await expect(page.getByTestId('current-person')).toContainText('김하늘');
    await writeArticle(page, '버릴 초고');
    const rows = page.getByTestId('article-row');
    await rows.first().getByTestId('trash-article').click();
    await page.getByTestId('scope-trash').click();
    await expect(rows).toHaveCount(1);
    // Their own draft comes back out of the trash; emptying it is an admin's decision and not offered.
    await expect(rows.first().getByTestId('restore-article')).toBeVisible();
    await expect(page.getByTestId('empty-trash')).toHaveCount(0);
    await page.getByTestId('open-settings').click();
    await expect(page.getByTestId('settings-outlet')).toBeDisabled();
    await expect(page.getByTestId('settings-export-dir')).toBeDisabled();
  });
});

test('a library that lost its people file says so at once and offers no one the admin role', async ({ app }) => {
  // Lost while the app is open (as a disk or a sync tool might), then the app is opened again.
  await rm(join(app.libraryDir, 'people.json'));
  await rm(join(app.libraryDir, 'people.json.bak'), { force: true });
  const page = await app.restart();
  await expect(page.getByTestId('identity-screen')).toBeVisible();
  await expect(page.getByTestId('people-lost')).toContainText('people.json');
  await expect(page.getByTestId('setup-name')).toHaveCount(0);
});
