// Moving about the app as the desk does: switching who is at the machine, opening a story from the list.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { bodyEditor } from './editor';
import type { CopydeskBridge } from '../../shared/contract/bridge';
import type { Article } from '../../shared/model/article';

export async function switchTo(page: Page, name: string) {
  await page.getByTestId('switch-person').click();
  await page.getByTestId('pick-person').and(page.locator(`[data-person-name="${name}"]`)).click();
  await expect(page.getByTestId('current-person')).toContainText(name);
}

export async function open(page: Page, headline: string) {
  await page.getByTestId('article-row').filter({ hasText: headline }).click();
  await expect(page.getByTestId('article-status')).toBeVisible();
}

/** The article with this headline as the core has it (what is on disk), read through the bridge the app uses. */
export async function storedArticle(page: Page, actor: string, headline: string): Promise<Article> {
  return page.evaluate(
    async ({ actor, headline }) => {
      const api = (window as unknown as { copydesk: CopydeskBridge }).copydesk;
      const list = await api.listArticles({ actor, scope: 'active' });
      if (!list.ok) throw new Error(JSON.stringify(list.error));
      const row = list.value.find((a) => a.headline === headline);
      if (!row) throw new Error('not stored');
      const got = await api.getArticle({ id: row.id, actor });
      if (!got.ok) throw new Error(JSON.stringify(got.error));
      return got.value;
    },
    { actor, headline },
  );
}

/** At 1280×800, `name` starts a new story with this headline and the caret in the body. */
export async function newStoryAs(page: Page, name: string, headline: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchTo(page, name);
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill(headline);
  await bodyEditor(page).click();
}
