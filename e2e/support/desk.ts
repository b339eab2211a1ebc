// Moving about the app as the desk does: switching who is at the machine, opening a story from the list.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export async function switchTo(page: Page, name: string) {
  await page.getByTestId('switch-person').click();
  await page.getByTestId('pick-person').and(page.locator(`[data-person-name="${name}"]`)).click();
  await expect(page.getByTestId('current-person')).toContainText(name);
}

export async function open(page: Page, headline: string) {
  await page.getByTestId('article-row').filter({ hasText: headline }).click();
  await expect(page.getByTestId('article-status')).toBeVisible();
}
