// The library list at 1280 px: a long Korean headline shows whole (the byline under it, not in a
// half-empty column of its own), and every row shows its 매수 and photo count as the core counts them.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { drawnPhoto } from './support/drawnPhoto';
import { Ime } from './support/ime';
import { bodyEditor, waitSaved } from './support/editor';
import { ADMIN } from './support/people';
import type { ArticleSummary } from '../shared/model/article';

// 40 characters, spaces included: the length of a long front-page headline.
const LONG = '폐가전 속 금·은 캐는 도시광산 업체들, 올해 매출 두 배로 껑충 뛰었다';
const SHOTS = '/tmp/shots-history-list';

/** The core's own summaries, through the same bridge the app uses. */
async function summaries(page: Page): Promise<ArticleSummary[]> {
  return page.evaluate(async (actor) => {
    const bridge = (window as unknown as { copydesk: { listArticles(input: object): Promise<{ value: ArticleSummary[] }> } }).copydesk;
    const result = await bridge.listArticles({ actor, scope: 'active' });
    return result.value;
  }, ADMIN.id);
}

test('a 40-character Korean headline shows whole at 1280 px, with 매수 and photo count equal to the core’s', async ({ app }) => {
  const { page } = app;
  expect(LONG.length).toBe(40);
  await page.setViewportSize({ width: 1280, height: 800 });

  // A story with a photo and two Korean paragraphs (typed through the IME), and one with neither.
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-kicker').fill('단독');
  await page.getByTestId('field-headline').fill(LONG);
  await bodyEditor(page).click();
  const ime = await Ime.attach(page);
  await ime.type('폐가전에서 금과 은을 캐는 도시광산 업체들이 올해 매출을 두 배로 늘렸다.');
  await page.keyboard.press('Enter');
  await ime.type('업계는 수거 물량이 늘어난 덕분이라고 설명했다.');
  await bodyEditor(page).locator('p').first().click();
  await page.getByTestId('photo-input').setInputFiles(await drawnPhoto());
  await expect(page.getByTestId('figure')).toHaveCount(1);
  await waitSaved(page);
  const editorSheets = (await page.getByTestId('count-sheets-grid').textContent())!;
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('짧은 제목');
  await waitSaved(page);
  await page.getByTestId('back-to-library').click();

  const rows = page.getByTestId('article-row');
  await expect(rows).toHaveCount(2);
  const long = rows.filter({ hasText: LONG });
  const headline = long.getByTestId('row-headline');
  await expect(headline).toContainText(LONG);
  // Whole: nothing cut off by the ellipsis.
  const fit = await headline.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(fit.scroll).toBeLessThanOrEqual(fit.client);

  // 매수 and photos: what the core's index says, and the 매수 the editor's counts panel showed.
  const core = await summaries(page);
  const story = core.find((s) => s.headline === LONG)!;
  const short = core.find((s) => s.headline === '짧은 제목')!;
  expect(story.photoCount).toBe(1);
  expect(story.sheets).toBeGreaterThan(0);
  expect(short).toMatchObject({ photoCount: 0, sheets: 0 });
  await expect(long.getByTestId('row-sheets')).toHaveText(`${story.sheets!.toFixed(1)}매`);
  await expect(long.getByTestId('row-sheets')).toHaveText(editorSheets);
  await expect(long.getByTestId('row-photos')).toHaveText(String(story.photoCount));
  const shortRow = rows.filter({ hasText: '짧은 제목' });
  await expect(shortRow.getByTestId('row-sheets')).toHaveText('0.0매');
  await expect(shortRow.getByTestId('row-photos')).toHaveText('–');
  await page.screenshot({ path: `${SHOTS}/list-1280-ko.png` });

  // After a restart the counts come from the index on disk, the same.
  const restarted = await app.restart();
  await restarted.setViewportSize({ width: 1280, height: 800 });
  const again = restarted.getByTestId('article-row').filter({ hasText: LONG });
  await expect(again.getByTestId('row-sheets')).toHaveText(`${story.sheets!.toFixed(1)}매`);
  await expect(again.getByTestId('row-photos')).toHaveText('1');

  // English, and a wider window: the headline still whole, the headers in English.
  await restarted.getByTestId('ui-language').selectOption('en');
  await expect(restarted.getByRole('columnheader', { name: 'Length' })).toBeVisible();
  await expect(again.getByTestId('row-sheets')).toHaveText(`${story.sheets!.toFixed(1)} sheets`);
  const fitEn = await again.getByTestId('row-headline').evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fitEn).toBe(true);
  await restarted.screenshot({ path: `${SHOTS}/list-1280-en.png` });
  await restarted.setViewportSize({ width: 1600, height: 900 });
  await expect(again.getByTestId('row-headline')).toContainText(LONG);
  expect(await again.getByTestId('row-headline').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await restarted.screenshot({ path: `${SHOTS}/list-1600-en.png` });
});
