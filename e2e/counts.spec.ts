// Live counts in the side panel follow the text: grapheme characters with and without spaces,
// 어절, and 원고지 매수 both ways (quick = characters / 200; grid = rows of 20 cells / 10).
import { test, expect } from './support/fixtures';
import { bodyEditor } from './support/editor';

test('counts characters, 어절 and 원고지 sheets as the reporter types', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  await page.keyboard.insertText('가나다 라마');
  await expect(page.getByTestId('count-chars')).toHaveText('6');
  await expect(page.getByTestId('count-chars-nospace')).toHaveText('5');
  await expect(page.getByTestId('count-words')).toHaveText('2');

  // 20 syllables plus the paragraph indent need 21 cells: two grid rows, though the quick
  // estimate sees only 20 + 6 characters.
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('가'.repeat(20));
  await expect(page.getByTestId('count-chars')).toHaveText('26');
  await expect(page.getByTestId('count-sheets-quick')).toContainText('0.1');
  await expect(page.getByTestId('count-sheets-grid')).toContainText('0.3');

  // An emoji with a skin tone and a decomposed Hangul syllable each count as one character.
  await page.keyboard.insertText('👍🏽\u1100\u1161');
  await expect(page.getByTestId('count-chars')).toHaveText('28');
});
