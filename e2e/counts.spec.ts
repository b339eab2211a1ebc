// Live counts in the side panel follow the text: grapheme characters with and without spaces,
// 어절, and 원고지 매수 both ways (quick = characters / 200; grid = rows of 20 cells / 10). Editor's
// notes count in none of them and are shown apart; the target says which 매수 it is measured in.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { bodyEditor, markedRuns, waitSaved } from './support/editor';
import type { Article } from '../shared/model/article';
import { countArticle } from '../shared/counting/countArticle';
import { defaultSettings } from '../shared/model/settings';

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

test('an editor\'s note counts toward neither 글자 수 nor 매수, is shown apart, and the target says which 매수 it uses', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  await page.keyboard.insertText('가나다 라마 ');
  await expect(page.getByTestId('count-chars')).toHaveText('7');
  await expect(page.getByTestId('count-note-text')).toHaveText('0자 (분량 제외)');

  // A note through the toolbar's note button, typed after the text.
  await page.getByTestId('tb-note').click();
  await page.keyboard.insertText('숫자 출처 확인 필요');
  await expect.poll(() => markedRuns(page, 'editorNote')).toEqual(['숫자 출처 확인 필요']);
  await expect(page.getByTestId('count-open-notes')).toContainText('메모 1');
  // The space before the note goes with it, as in the published text: the body is 가나다 라마.
  await expect(page.getByTestId('count-chars')).toHaveText('6');
  await expect(page.getByTestId('count-chars-nospace')).toHaveText('5');
  await expect(page.getByTestId('count-words')).toHaveText('2');
  await expect(page.getByTestId('count-note-text')).toHaveText('11자 (분량 제외)');
  await expect(page.getByTestId('count-sheets-quick')).toContainText('0.0');
  await expect(page.getByTestId('count-sheets-grid')).toContainText('0.1');

  // A target in 매 names the grid figure, beside it and under the target.
  await expect(page.getByTestId('target-unit')).toHaveValue('sheets');
  await expect(page.getByTestId('target-unit').locator('option:checked')).toHaveText('매(칸 계산)');
  await expect(page.getByTestId('target-basis')).toHaveText('목표 매수는 원고지 매수(칸 계산)로 잽니다.');
  await page.getByTestId('target-value').fill('0.2');
  await expect(page.getByTestId('count-target-basis')).toBeVisible();
  await expect(page.getByTestId('count-target-basis')).toHaveText('목표 기준');
  await expect(page.getByTestId('target-progress')).toContainText('목표의 50%'); // 0.1 of 0.2 grid sheets
  mkdirSync('/tmp/shots-counts-checklist', { recursive: true });
  await page.getByTestId('counts-panel').screenshot({ path: '/tmp/shots-counts-checklist/5-counts-note-apart.png' });
  await page.getByTestId('target-unit').selectOption('chars');
  await expect(page.getByTestId('target-basis')).toHaveCount(0);
  await expect(page.getByTestId('count-target-basis')).toHaveCount(0);

  // The core's copy keeps the note, and the shared rule counts it out there too.
  await waitSaved(page);
  const files = readdirSync(join(app.libraryDir, 'articles')).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  const saved = JSON.parse(readFileSync(join(app.libraryDir, 'articles', files[0]), 'utf8')) as Article;
  expect(JSON.stringify(saved.body)).toContain('숫자 출처 확인 필요');
  const counts = countArticle(saved, defaultSettings());
  expect(counts.body.chars).toBe(6);
  expect(counts.notes.chars).toBe(11);
});
