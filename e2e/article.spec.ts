// A reporter writes a whole story — every structured field and every body format — and after a
// restart of the app finds exactly what was there.
import { mkdir } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { Ime } from './support/ime';
import { blockTexts, bodyEditor, bodyJSON, markedRuns, modKey, waitSaved } from './support/editor';

test('fill every field, write the body, restart and find it intact', async ({ app }, testInfo) => {
  let page = app.page;
  await page.getByTestId('new-article').click();

  await page.getByTestId('field-kicker').fill('테크인사이드');
  await page.getByTestId('field-headline').fill('폐배터리에서 리튬 캐는 ‘도시광산’…재활용 경쟁 불붙었다');

  // Deck: three lines, move the third up, remove the (new) second.
  for (let i = 0; i < 3; i++) await page.getByTestId('add-deck-line').click();
  const deck = page.getByTestId('deck-line');
  await deck.nth(0).fill('2030년 전기차 폐배터리 연 10만개 쏟아져');
  await deck.nth(1).fill('지울 줄');
  await deck.nth(2).fill('완성차·배터리 업계 회수망 선점 경쟁');
  await page.getByTestId('deck-up').nth(2).click();
  await expect(deck.nth(1)).toHaveValue('완성차·배터리 업계 회수망 선점 경쟁');
  await page.getByTestId('remove-deck-line').nth(2).click();
  await expect(deck).toHaveCount(2);

  await page.getByTestId('field-outlet').fill('한빛경제');
  await page.getByTestId('field-desk').fill('산업부');
  await page.getByTestId('add-reporter').click();
  await page.getByTestId('add-reporter').click();
  const reporters = page.getByTestId('reporter-row');
  await reporters.nth(0).getByTestId('reporter-name').fill('김하늘');
  await reporters.nth(0).getByTestId('reporter-role').fill('기자');
  await reporters.nth(0).getByTestId('reporter-email').fill('sky@hanbit-econ.example');
  await reporters.nth(1).getByTestId('reporter-name').fill('박도윤');
  await reporters.nth(1).getByTestId('reporter-role').fill('기자');
  await expect(page.getByTestId('byline-preview')).toHaveText('[한빛경제=산업부 김하늘ㆍ박도윤 기자]');
  await expect(page.getByTestId('signoff-preview')).toContainText('sky@hanbit-econ.example');

  const tags = page.getByTestId('tags-input');
  await tags.fill('배터리');
  await tags.press('Enter');
  await tags.fill('ESG');
  await tags.press('Enter');
  await expect(page.getByTestId('tag-chip')).toHaveCount(2);

  // Body: a lead paragraph typed through the IME, a subhead, a quote, a list, bold, italic, a hard break.
  await bodyEditor(page).click();
  const ime = await Ime.attach(page);
  await ime.type('폐배터리 재활용 시장이 커지고 있다.');
  await page.keyboard.press('Enter');
  await page.getByTestId('tb-subhead').click();
  await page.keyboard.type('Urban mining');
  await page.keyboard.press('Enter');
  await page.getByTestId('tb-quote').click();
  await page.keyboard.type('Recycling is the new mining.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByTestId('tb-bullet').click();
  await page.keyboard.type('Lithium');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Nickel');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${modKey}+b`);
  await page.keyboard.type('Bold');
  await page.keyboard.press(`${modKey}+b`);
  await page.keyboard.press(`${modKey}+i`);
  await page.keyboard.type(' and italic');
  await page.keyboard.press(`${modKey}+i`);
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');

  const before = await bodyJSON(page);
  const types = (before.content ?? []).map((n) => n.type);
  expect(types).toEqual(['paragraph', 'heading', 'blockquote', 'bulletList', 'paragraph']);
  expect(await markedRuns(page, 'bold')).toEqual(['Bold']);
  expect(await markedRuns(page, 'italic')).toEqual([' and italic']);

  // Counts are live and the body is counted apart from the byline.
  await expect(page.getByTestId('count-chars')).not.toHaveText('0');
  await page.getByTestId('target-value').fill('8');
  await expect(page.getByTestId('target-progress')).toBeVisible();

  await waitSaved(page);
  await mkdir('test-results/screenshots', { recursive: true });
  const shot = await page.screenshot({ path: 'test-results/screenshots/article-screen.png', fullPage: true });
  await testInfo.attach('article-screen', { body: shot, contentType: 'image/png' });

  page = await app.restart();
  const row = page.getByTestId('article-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('row-headline')).toContainText('도시광산');
  await expect(row.getByTestId('row-byline')).toHaveText('[한빛경제=산업부 김하늘ㆍ박도윤 기자]');
  await row.click();

  await expect(page.getByTestId('field-kicker')).toHaveValue('테크인사이드');
  await expect(page.getByTestId('field-headline')).toHaveValue('폐배터리에서 리튬 캐는 ‘도시광산’…재활용 경쟁 불붙었다');
  await expect(page.getByTestId('deck-line')).toHaveCount(2);
  await expect(page.getByTestId('deck-line').nth(0)).toHaveValue('2030년 전기차 폐배터리 연 10만개 쏟아져');
  await expect(page.getByTestId('deck-line').nth(1)).toHaveValue('완성차·배터리 업계 회수망 선점 경쟁');
  await expect(page.getByTestId('reporter-row').nth(0).getByTestId('reporter-email')).toHaveValue('sky@hanbit-econ.example');
  await expect(page.getByTestId('tag-chip')).toHaveText([/배터리/, /ESG/]);
  await expect(page.getByTestId('target-value')).toHaveValue('8');
  expect(await bodyJSON(page)).toEqual(before);
  expect((await blockTexts(page))[0]).toBe('폐배터리 재활용 시장이 커지고 있다.');
});

test('English byline preview and language switch of the article', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-language').selectOption('en');
  await page.getByTestId('add-reporter').click();
  await page.getByTestId('add-reporter').click();
  await page.getByTestId('reporter-name').nth(0).fill('Dana Whitfield');
  await page.getByTestId('reporter-name').nth(1).fill('Marco Ilves');
  await expect(page.getByTestId('byline-preview')).toHaveText('By Dana Whitfield and Marco Ilves');
});

test('autosave puts a change on disk within a second of the last keystroke', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  await page.keyboard.type('Every word is kept.');
  const typedAt = Date.now();
  await waitSaved(page);
  expect(Date.now() - typedAt).toBeLessThan(1500);
  // No explicit save, no navigation: a kill now must not lose the text.
  const fresh = await app.restart();
  await fresh.getByTestId('article-row').first().click();
  expect(await blockTexts(fresh)).toEqual(['Every word is kept.']);
});

test('at 1280×800 with the History open, every field stays inside the article column', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('new-article').click();
  await page.getByTestId('add-reporter').click();
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('history-panel')).toBeVisible();
  // A fieldset is as wide as its content unless told otherwise: the byline once ran under the side column.
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('.article-main')!.getBoundingClientRect();
    return Array.from(document.querySelectorAll('.article-main *')).filter((e) => e.getBoundingClientRect().right > main.right + 1).map((e) => e.outerHTML.slice(0, 80));
  });
  expect(overflow).toEqual([]);
  // The bar's buttons stand apart (History and Export once touched, reading as one control).
  // Measured together once the save indicator beside them has settled: its text changes width
  // while a save runs, and two boxes read a moment apart could come from two layouts.
  await waitSaved(page);
  const gap = await page.evaluate(() => {
    const history = document.querySelector('[data-testid=open-history]')!.getBoundingClientRect();
    const exportButton = document.querySelector('[data-testid=export-article]')!.getBoundingClientRect();
    return { gap: exportButton.left - history.right, sameRow: Math.abs(exportButton.top - history.top) < 2 };
  });
  expect(gap.sameRow).toBe(true);
  expect(gap.gap).toBeGreaterThanOrEqual(6);
});
