// Korean input through real IME composition events (CDP), for every case a reporter meets:
// no syllable may be lost, doubled or moved, and the editor must leave composition mode.
import { test, expect } from './support/fixtures';
import { Ime } from './support/ime';
import { blockTexts, bodyEditor, isComposing, markedRuns, modKey, waitSaved } from './support/editor';

async function newArticle(page: import('@playwright/test').Page) {
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  return Ime.attach(page);
}

test.describe('Korean IME in the body', () => {
  test('composes in an empty paragraph', async ({ app }) => {
    const ime = await newArticle(app.page);
    await ime.type('폐배터리 재활용');
    expect(await blockTexts(app.page)).toEqual(['폐배터리 재활용']);
    expect(await isComposing(app.page)).toBe(false);
  });

  test('composes mid-word without moving syllables', async ({ app }) => {
    const { page } = app;
    const ime = await newArticle(page);
    await ime.type('대한국');
    await page.keyboard.press('ArrowLeft');
    await ime.settle();
    await ime.type('민');
    expect(await blockTexts(page)).toEqual(['대한민국']);
    expect(await isComposing(page)).toBe(false);
  });

  test('composes inside bold and keeps the mark', async ({ app }) => {
    const { page } = app;
    const ime = await newArticle(page);
    await ime.type('속보 ');
    await page.keyboard.press(`${modKey}+b`);
    await ime.type('리튬');
    await page.keyboard.press(`${modKey}+b`);
    await ime.type(' 가격');
    expect(await blockTexts(page)).toEqual(['속보 리튬 가격']);
    expect(await markedRuns(page, 'bold')).toEqual(['리튬']);
  });

  test('composes at the start of a line with bold pre-set', async ({ app }) => {
    const { page } = app;
    const ime = await newArticle(page);
    await ime.type('첫 줄');
    await page.keyboard.press('Enter');
    await page.keyboard.press(`${modKey}+b`);
    await ime.type('굵게');
    expect(await blockTexts(page)).toEqual(['첫 줄', '굵게']);
    expect(await markedRuns(page, 'bold')).toEqual(['굵게']);
  });

  test('Enter right after a syllable keeps it (TipTap #4108)', async ({ app }) => {
    const { page } = app;
    const ime = await newArticle(page);
    await ime.type('한');
    await page.keyboard.press('Enter');
    await ime.type('글');
    expect(await blockTexts(page)).toEqual(['한', '글']);
    expect(await isComposing(page)).toBe(false);
  });

  test('Backspace within a composition edits only the open syllable', async ({ app }) => {
    const { page } = app;
    const ime = await newArticle(page);
    await ime.type('기사');
    // ㄱ → 그 → 글, then Backspace inside the IME takes 글 back to 그, committed as 그.
    await ime.compose('ㄱ');
    await ime.compose('그');
    await ime.compose('글');
    await ime.compose('그');
    await ime.commit('그');
    await ime.settle();
    expect(await blockTexts(page)).toEqual(['기사그']);
    expect(await isComposing(page)).toBe(false);
  });

  test('a cancelled composition leaves no trace', async ({ app }) => {
    const { page } = app;
    const ime = await newArticle(page);
    await ime.type('본문');
    await ime.compose('ㅎ');
    await ime.compose('하');
    await ime.cancel();
    await ime.settle();
    await ime.type('입니다');
    expect(await blockTexts(page)).toEqual(['본문입니다']);
    expect(await isComposing(page)).toBe(false);
  });

  test('a jamo moving to the next syllable composes both', async ({ app }) => {
    const { page } = app;
    const ime = await newArticle(page);
    // 한 + ㅏ: the IME takes ㄴ from 한 to start 나 — commit 하, then compose 나.
    await ime.compose('ㅎ');
    await ime.compose('하');
    await ime.compose('한');
    await ime.commit('하');
    await ime.compose('나');
    await ime.commit('나');
    await ime.settle();
    expect(await blockTexts(page)).toEqual(['하나']);
  });

  test('composed text survives a restart', async ({ app }) => {
    const ime = await newArticle(app.page);
    await app.page.getByTestId('field-headline').click();
    await ime.type('도시광산');
    await bodyEditor(app.page).click();
    await ime.type('리튬을 캐는 도시광산');
    await waitSaved(app.page);
    const page = await app.restart();
    await page.getByTestId('article-row').first().click();
    await expect(page.getByTestId('field-headline')).toHaveValue('도시광산');
    expect(await blockTexts(page)).toEqual(['리튬을 캐는 도시광산']);
  });
});
