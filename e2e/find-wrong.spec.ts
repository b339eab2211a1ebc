// Finding what is wrong in a story: a TK is highlighted in the body as a note is; F8 (Shift+F8 back)
// and the toolbar button select the next open note or TK; a blocked approval's checklist names the
// photo and the paragraph, in the fields' own words, and a click goes there.
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { drawnPhoto } from './support/drawnPhoto';
import { Ime } from './support/ime';
import { bodyEditor, waitSaved } from './support/editor';
import { open, switchTo, storedArticle, newStoryAs } from './support/desk';
import { EDITOR, REPORTER } from './support/people';
import type { DocNode } from '../shared/model/article';

const SHOTS = '/tmp/shots-find-wrong';
const HEADLINE = '폐배터리 재활용 공장 착공';
const CAPTION = '착공식이 열릴 공장 부지를 하늘에서 본 모습';

/** What the person sees selected on the page. */
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

const stored = (page: Page, actor: string) => storedArticle(page, actor, HEADLINE);

const textOf = (n: DocNode): string => (n.text ?? '') + (n.content ?? []).map(textOf).join('');
const noteRuns = (n: DocNode): string[] => [...(n.marks?.some((m) => m.type === 'editorNote') ? [n.text ?? ''] : []), ...(n.content ?? []).flatMap(noteRuns)];

test.use({ team: 'desk' });

test('a TK is highlighted, F8 and the button step through the note and the TK, and the checklist takes the desk to the photo without a credit', async ({ app }) => {
  const { page } = app;
  await mkdir(SHOTS, { recursive: true });
  // The reporter writes: a note in the first paragraph, a TK in the second, then a photo.
  await newStoryAs(page, REPORTER.name, HEADLINE);
  const ime = await Ime.attach(page);
  await ime.type('공장은 ');
  await page.getByTestId('tb-note').click();
  await ime.type('착공일 확인');
  await page.getByTestId('tb-note').click();
  await ime.type(' 내년에 문을 연다.');
  await page.keyboard.press('Enter');
  await ime.type('사망자는 TK명이다.');
  await page.getByTestId('photo-input').setInputFiles(await drawnPhoto());
  await expect(page.getByTestId('figure')).toHaveCount(1);
  await page.getByTestId('figure-caption').click({ clickCount: 3 });
  await ime.type(CAPTION);
  await page.getByTestId('figure-alt').click();
  await ime.type('공장 부지 항공 사진');
  // The file brought a credit; the reporter clears it (the agency's name is still to be checked).
  await page.getByTestId('figure-credit').fill('');

  // The TK is painted like a note, in its own colour; the note keeps its look.
  const tk = bodyEditor(page).locator('.tk-mark');
  await expect(tk).toHaveText(['TK']);
  expect(await tk.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 217, 199)');
  await expect(bodyEditor(page).locator('.editor-note')).toHaveText('착공일 확인');
  expect(await bodyEditor(page).locator('.editor-note').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 243, 176)');

  // The button says what it does and its shortcuts, and counts what is open.
  const next = page.getByTestId('tb-next-open');
  await expect(next).toHaveAttribute('title', '다음 메모·TK로 (F8, 이전은 Shift+F8)');
  await expect(page.getByTestId('open-mark-count')).toHaveText('2');

  // From the start of the body: F8 selects the note, then the TK, then wraps to the note.
  await bodyEditor(page).locator('p').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  await expect.poll(() => selectedText(page)).toBe('착공일 확인');
  await page.keyboard.press('F8');
  await expect.poll(() => selectedText(page)).toBe('TK');
  await page.screenshot({ path: `${SHOTS}/1-tk-selected-by-f8.png` });
  await page.keyboard.press('F8');
  await expect.poll(() => selectedText(page)).toBe('착공일 확인');
  // Shift goes back (wrapping to the end), the button goes on, from wherever the focus is.
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => selectedText(page)).toBe('TK');
  await page.getByTestId('field-headline').click();
  await next.click();
  await expect.poll(() => selectedText(page)).toBe('착공일 확인');
  await expect(bodyEditor(page)).toBeFocused();
  await next.click();
  await expect.poll(() => selectedText(page)).toBe('TK');
  // Typing over the selected TK fills it in; the highlight and the count follow.
  await page.keyboard.type('3');
  await expect(tk).toHaveCount(0);
  await expect(page.getByTestId('open-mark-count')).toHaveText('1');
  await page.keyboard.press('Control+z');
  await expect(tk).toHaveText(['TK']);

  await waitSaved(page);
  const written = await stored(page, REPORTER.id);
  expect(textOf(written.body)).toContain('사망자는 TK명이다.');
  expect(noteRuns(written.body)).toEqual(['착공일 확인']);
  const figure = written.body.content?.find((n) => n.type === 'figure');
  expect(figure?.attrs).toMatchObject({ credit: '', alt: '공장 부지 항공 사진' });
  await page.getByTestId('action-send').click();
  await expect(page.getByTestId('article-status')).toHaveText('출고');

  // The desk takes it up and tries to approve: the checklist says what and where.
  await page.getByTestId('back-to-library').click();
  await switchTo(page, EDITOR.name);
  await open(page, HEADLINE);
  await page.getByTestId('action-review').click();
  await expect(page.getByTestId('article-status')).toHaveText('데스킹');
  await page.getByTestId('action-approve').click();
  const missing = page.getByTestId('checklist-missing');
  // In the fields' own words: 크레디트, as the photo's field is labelled (not 출처).
  await expect(missing.getByTestId('missing-item')).toHaveText(['모든 사진의 크레디트', '메모·TK 정리']);
  const creditPlace = missing.locator('[data-item=photoCredit]').getByTestId('missing-place');
  await expect(creditPlace).toHaveText('사진 1 “착공식이 열릴 공장 부지를 하늘에서…”');
  await expect(missing.locator('[data-item=openNotes]').getByTestId('missing-place')).toHaveText([
    '메모 “착공일 확인” — 1번째 문단 “공장은 착공일 확인 내년에 문을 연다…”',
    'TK — 2번째 문단 “사망자는 TK명이다.”',
  ]);
  // No empty band above the list: the dialog's first line sits at its padding.
  const gap = await page.getByTestId('workflow-dialog').evaluate((dialog) => dialog.querySelector('p')!.getBoundingClientRect().top - dialog.getBoundingClientRect().top);
  expect(gap).toBeLessThan(20);
  await page.screenshot({ path: `${SHOTS}/2-checklist-places.png` });

  // A click on the photo puts the focus in that photo's 크레디트 field.
  await creditPlace.click();
  const credit = page.getByTestId('figure-credit');
  await expect(credit).toBeFocused();
  await expect(credit).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/3-checklist-to-credit.png` });
  await page.keyboard.type('Big Newspaper');
  // The list follows the editor: the photo is fixed, the item says so.
  await expect(missing.locator('[data-item=photoCredit]').getByTestId('missing-fixed')).toBeVisible();
  await expect(missing.locator('[data-item=photoCredit]').getByTestId('missing-place')).toHaveCount(0);
  // …and stops looking like a problem: struck through, no longer red.
  const fixedItem = missing.locator('[data-item=photoCredit]').getByTestId('missing-item');
  expect(await fixedItem.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
  expect(await fixedItem.evaluate((el) => getComputedStyle(el).color)).not.toBe(await missing.locator('[data-item=openNotes]').getByTestId('missing-item').evaluate((el) => getComputedStyle(el).color));

  // A click on the TK selects it in the body.
  await missing.locator('[data-item=openNotes]').getByTestId('missing-place').nth(1).click();
  await expect.poll(() => selectedText(page)).toBe('TK');
  await page.keyboard.type('2');
  await waitSaved(page);
  await page.screenshot({ path: `${SHOTS}/4-after-fixes.png` });
  const fixed = await stored(page, EDITOR.id);
  expect(fixed.status).toBe('review');
  expect(textOf(fixed.body)).toContain('사망자는 2명이다.');
  expect(fixed.body.content?.find((n) => n.type === 'figure')?.attrs).toMatchObject({ credit: 'Big Newspaper' });
});

test('typing over a note that F8 selected answers it: the new text is plain, in the editor and on disk, and the 메모 count goes down', async ({ app }) => {
  const { page } = app;
  await mkdir(SHOTS, { recursive: true });
  await newStoryAs(page, REPORTER.name, HEADLINE);
  const ime = await Ime.attach(page);
  // One note inside a paragraph, one at the end of the next (as the desk leaves them).
  await ime.type('공장은 ');
  await page.getByTestId('tb-note').click();
  await ime.type('착공일 확인');
  await page.getByTestId('tb-note').click();
  await ime.type(' 문을 연다.');
  await page.keyboard.press('Enter');
  await ime.type('투자액은 ');
  await page.getByTestId('tb-note').click();
  await ime.type('액수 확인');
  await expect(page.getByTestId('count-open-notes')).toHaveText('메모 2 · TK 0');
  await waitSaved(page);
  expect(noteRuns((await stored(page, REPORTER.id)).body)).toEqual(['착공일 확인', '액수 확인']);

  // F8 from the start selects the first note; Hangul composed over it is the answer, not more note.
  await bodyEditor(page).locator('p').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  await expect.poll(() => selectedText(page)).toBe('착공일 확인');
  await ime.type('내년 3월에');
  await expect(bodyEditor(page).locator('p').first()).toHaveText('공장은 내년 3월에 문을 연다.');
  await expect(bodyEditor(page).locator('.editor-note')).toHaveText(['액수 확인']);
  await expect(page.getByTestId('count-open-notes')).toHaveText('메모 1 · TK 0');
  await expect(page.getByTestId('open-mark-count')).toHaveText('1');

  // Shift+F8 back to the note at the end of the paragraph; keys typed over it are plain too, and
  // typing on after them stays plain.
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => selectedText(page)).toBe('액수 확인');
  await page.keyboard.type('5000');
  await ime.type('억원이다.');
  await expect(bodyEditor(page).locator('p').nth(1)).toHaveText('투자액은 5000억원이다.');
  await expect(bodyEditor(page).locator('.editor-note')).toHaveCount(0);
  await expect(page.getByTestId('count-open-notes')).toHaveText('메모 0 · TK 0');
  await expect(page.getByTestId('count-note-text')).toHaveText('0자 (분량 제외)');
  await page.screenshot({ path: `${SHOTS}/5-notes-answered.png` });

  // On disk: the answers are there as plain text, no note left to strip from an export.
  await waitSaved(page);
  const answered = await stored(page, REPORTER.id);
  expect(noteRuns(answered.body)).toEqual([]);
  expect(textOf(answered.body)).toContain('공장은 내년 3월에 문을 연다.');
  expect(textOf(answered.body)).toContain('투자액은 5000억원이다.');
});
