// The everyday polish of issue 13 (item 6), at 1280×800: Esc closes every dialog and gives the
// focus back to what opened it (and nothing else on the page sees that Esc); spiking asks first,
// naming the story; deck lines behave like lines (Enter, Backspace, the caret in a new line) and
// Enter inside a Hangul composition belongs to the IME; the language picker says it is one;
// settings say when a change is stored, or why not; an export's folder is one click from the
// result; the header's buttons stay readable under the mouse in both languages.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Article } from '../shared/model/article';
import { test, expect } from './support/fixtures';
import { bodyEditor, waitSaved } from './support/editor';
import { Ime } from './support/ime';

const SHOTS = '/tmp/shots-polish-dialogs';
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

test.beforeEach(async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 800 });
});

function onDisk(libraryDir: string, headline: string): Article {
  const dir = join(libraryDir, 'articles');
  const found = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Article)
    .find((a) => a.headline === headline);
  if (!found) throw new Error(`no article "${headline}" on disk`);
  return found;
}

const settingsOnDisk = (libraryDir: string) => JSON.parse(readFileSync(join(libraryDir, 'settings.json'), 'utf8')) as { outlet: string; uiLanguage: string; workflow: { checklist: { lengthTolerancePct: number } } };

/** The data-testid of what has the focus (or its tag, or "editor" for the body). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    if (el.classList.contains('ProseMirror')) return 'editor';
    return el.dataset.testid ?? el.tagName.toLowerCase();
  });

/** Presses Esc and checks the dialog is gone and the focus is back on `opener`. */
async function escapeCloses(page: Page, dialog: string, opener: string) {
  await expect(page.getByTestId(dialog)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(dialog)).toHaveCount(0);
  await expect.poll(() => focused(page), { message: `focus after closing ${dialog}` }).toBe(opener);
}

async function newStory(page: Page, headline: string) {
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill(headline);
  await bodyEditor(page).click();
  await page.keyboard.type('Body text of the story.');
  await waitSaved(page);
}

test('Esc closes every dialog and gives the focus back to what opened it', async ({ app }) => {
  test.setTimeout(120_000);
  const page = app.page;
  const headline = '에스케이프 시험 기사';
  await newStory(page, headline);

  // Export, from the article.
  await page.getByTestId('export-article').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await shot(page, 'export-dialog-open');
  await escapeCloses(page, 'export-dialog', 'export-article');

  // The link field: Esc closes it and the caret is back in the body text.
  await bodyEditor(page).click();
  await page.getByTestId('tb-link').click();
  await expect(page.getByTestId('link-url')).toBeFocused();
  await escapeCloses(page, 'link-field', 'editor');

  // A photo refused: the results popup closes with Esc without taking the focus from the body.
  await page.getByTestId('figure-picker').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
  await expect(page.getByTestId('import-results')).toBeVisible();
  await bodyEditor(page).click();
  // The Esc is the popup's alone: the body text never sees it.
  await bodyEditor(page).evaluate((el) => {
    (window as unknown as { editorEscapes: number }).editorEscapes = 0;
    el.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Escape' && (window as unknown as { editorEscapes: number }).editorEscapes++);
  });
  await escapeCloses(page, 'import-results', 'editor');
  expect(await page.evaluate(() => (window as unknown as { editorEscapes: number }).editorEscapes)).toBe(0);
  // With nothing open, the same Esc does reach it.
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => (window as unknown as { editorEscapes: number }).editorEscapes)).toBe(1);

  // History is a panel beside the work: Esc in the body leaves it open; Esc inside it closes it.
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('history-panel')).toBeVisible();
  await bodyEditor(page).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('history-panel')).toBeVisible();
  await page.getByTestId('history-panel').locator('h2').click();
  await page.getByTestId('history-close').focus();
  await escapeCloses(page, 'history-panel', 'open-history');
  // Opening it puts the focus in it: Esc right after the click on 기록 closes it at once.
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('history-panel')).toBeFocused();
  await shot(page, 'history-open-focused');
  await escapeCloses(page, 'history-panel', 'open-history');

  // Workflow steps: the return note, the checklist that blocks approval, the publish and spike confirms.
  await page.getByTestId('action-send').click();
  await expect(page.getByTestId('article-status')).toHaveText('출고');
  await page.getByTestId('action-return').click();
  await expect(page.getByTestId('workflow-note')).toBeFocused();
  await escapeCloses(page, 'workflow-dialog', 'action-return');
  await page.getByTestId('action-review').click();
  await expect(page.getByTestId('article-status')).toHaveText('데스킹');
  await page.getByTestId('action-approve').click();
  await expect(page.getByTestId('checklist-missing')).toBeVisible(); // no byline yet
  await shot(page, 'checklist-popup');
  await escapeCloses(page, 'workflow-dialog', 'action-approve');
  expect(onDisk(app.libraryDir, headline).status).toBe('review');
  await page.getByTestId('action-approve').click();
  await page.getByTestId('workflow-note').fill('바이라인은 데스크가 넣는다');
  await page.getByTestId('workflow-confirm').click();
  await expect(page.getByTestId('article-status')).toHaveText('승인');
  await page.getByTestId('action-publish').click();
  await expect(page.getByTestId('publish-confirm')).toContainText(headline);
  await escapeCloses(page, 'publish-confirm', 'action-publish');
  expect(onDisk(app.libraryDir, headline).status).toBe('approved');

  // Spiking asks first, naming the story; Esc keeps it; yes spikes it.
  await page.getByTestId('action-spike').click();
  await expect(page.getByTestId('spike-confirm')).toContainText(`「${headline}」를 폐기합니다`);
  await expect(page.getByTestId('workflow-cancel')).toBeFocused();
  await shot(page, 'spike-confirm');
  await escapeCloses(page, 'spike-confirm', 'action-spike');
  await expect(page.getByTestId('article-status')).toHaveText('승인');
  expect(onDisk(app.libraryDir, headline).status).toBe('approved');
  await page.getByTestId('action-spike').click();
  await page.getByTestId('workflow-confirm').click();
  await expect(page.getByTestId('article-status')).toHaveText('폐기');
  expect(onDisk(app.libraryDir, headline).status).toBe('spiked');

  // The library: the import panel (through the real file chooser) and the export of what is listed.
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('library-search').fill('시험');
  const copy = test.info().outputPath('가져올 기사.txt');
  writeFileSync(copy, '가져온 기사 제목\n\n가져온 기사의 본문입니다.\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-articles').click();
  await (await chooser).setFiles(copy);
  await expect(page.getByTestId('import-file-result')).toHaveCount(1);
  await escapeCloses(page, 'import-panel', 'import-articles');
  // That Esc was the panel's alone: the search box kept its text.
  await expect(page.getByTestId('library-search')).toHaveValue('시험');
  await page.getByTestId('library-search').fill('');
  await page.getByTestId('export-articles').click();
  await escapeCloses(page, 'export-dialog', 'export-articles');

  // Emptying the trash asks first; Esc keeps everything.
  await page.getByTestId('article-row').filter({ hasText: headline }).getByTestId('trash-article').click();
  await page.getByTestId('scope-trash').click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await page.getByTestId('empty-trash').click();
  await expect(page.getByTestId('cancel-empty-trash')).toBeFocused();
  await escapeCloses(page, 'empty-trash-confirm', 'empty-trash');
  await expect(page.getByTestId('article-row')).toHaveCount(1);

  // Backups: the restore question.
  await page.getByTestId('open-backups').click();
  await page.getByTestId('back-up-now').click();
  await page.getByTestId('backup-open').first().click();
  const madeNote = await page.getByTestId('backup-outcome').textContent();
  await page.getByTestId('restore-all').click();
  await expect(page.getByTestId('cancel-restore')).toBeFocused();
  await shot(page, 'backup-confirm');
  await escapeCloses(page, 'backup-confirm', 'restore-all');
  // Nothing was restored: the screen still says only that the backup was made.
  await expect(page.getByTestId('backup-outcome')).toHaveText(madeNote!);
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
});

test('a modal export dialog keeps Tab inside itself', async ({ app }) => {
  const page = app.page;
  await newStory(page, '탭 시험');
  await page.getByTestId('export-article').click();
  const inside = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=export-dialog]'));
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await inside(), `after ${i + 1} tabs`).toBe(true);
  }
});

test('deck lines: a new line has the caret, Enter adds one, Backspace in an empty one goes back, and Enter while composing Hangul adds nothing', async ({ app }) => {
  const page = app.page;
  await newStory(page, '부제 시험');
  const lines = page.getByTestId('deck-line');
  await page.getByTestId('add-deck-line').click();
  await expect(lines).toHaveCount(1);
  await expect(lines.nth(0)).toBeFocused();
  const ime = await Ime.attach(page);
  await ime.type('첫 부제');
  await expect(lines.nth(0)).toHaveValue('첫 부제');

  await page.keyboard.press('Enter');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(1)).toBeFocused();

  // A syllable still being composed when Enter comes: the IME's key (keyCode 229), not a new line.
  const cdp = await page.context().newCDPSession(page);
  await ime.compose('ㄷ');
  await ime.compose('두');
  await ime.compose('둘');
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await ime.commit('둘');
  await ime.settle();
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(1)).toHaveValue('둘');
  await expect(lines.nth(1)).toBeFocused();

  // Enter in the middle line inserts after it; Backspace in that empty line goes back to the end of the one before.
  await lines.nth(0).focus();
  await page.keyboard.press('Enter');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(1)).toBeFocused();
  const values = () => lines.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  await expect.poll(values).toEqual(['첫 부제', '', '둘']);
  await page.keyboard.press('Backspace');
  await expect.poll(values).toEqual(['첫 부제', '둘']);
  await expect(lines.nth(0)).toBeFocused();
  expect(await lines.nth(0).evaluate((el: HTMLInputElement) => el.selectionStart === el.value.length)).toBe(true);
  await shot(page, 'deck-lines');

  await waitSaved(page);
  expect(onDisk(app.libraryDir, '부제 시험').deck).toEqual(['첫 부제', '둘']);
});

test('the language picker is labelled as a language choice and switches the interface', async ({ app }) => {
  const page = app.page;
  const picker = page.getByLabel('화면 언어');
  await expect(picker).toHaveAttribute('data-testid', 'ui-language');
  await expect(picker.locator('option')).toHaveText(['시스템 언어 따름', '한국어', 'English']);
  await shot(page, 'header-ko');

  await picker.selectOption('en');
  await expect(page.getByTestId('ui-language-label')).toHaveText('Language');
  const english = page.getByLabel('Language');
  await expect(english.locator('option')).toHaveText(['Follow system', '한국어', 'English']);
  await expect(page.getByTestId('open-settings')).toHaveText('Settings');
  await expect.poll(() => settingsOnDisk(app.libraryDir).uiLanguage).toBe('en');
  await shot(page, 'header-en');

  // Following the system: this browser says Korean.
  await english.selectOption('system');
  await expect(page.getByTestId('ui-language-label')).toHaveText('화면 언어');
  await expect(page.getByTestId('open-settings')).toHaveText('설정');
  await expect.poll(() => settingsOnDisk(app.libraryDir).uiLanguage).toBe('system');
});

test('settings say when a change is stored, beside its section, and why not when it fails', async ({ app, host }, testInfo) => {
  testInfo.skip(host !== 'browser', 'The failed write is staged by answering the browser host\'s HTTP call.');
  const page = app.page;
  await page.getByTestId('open-settings').click();
  const general = page.getByTestId('general-settings').getByTestId('settings-save-status');
  await expect(general).toHaveCount(0);
  await page.getByTestId('settings-outlet').fill('한빛경제');
  await expect(general).toHaveAttribute('data-state', 'saved');
  await expect(general).toHaveText(/^저장됨 · .*\d{1,2}:\d{2}/);
  expect(settingsOnDisk(app.libraryDir).outlet).toBe('한빛경제');
  // Only the section that changed says so.
  await expect(page.getByTestId('workflow-settings').getByTestId('settings-save-status')).toHaveCount(0);
  await shot(page, 'settings-saved');

  // A refused write is said where the change was made.
  await page.route('**/api/updateSettings', (route) => route.fulfill({ json: { ok: false, error: { code: 'writeFailed', message: 'write failed', params: {} } } }));
  const workflow = page.getByTestId('workflow-settings');
  await workflow.locator('input[type=number]').fill('25');
  const failed = workflow.getByTestId('settings-save-status');
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed).toHaveAttribute('role', 'alert');
  await expect(failed).toContainText('저장하지 못했습니다');
  expect(settingsOnDisk(app.libraryDir).workflow.checklist.lengthTolerancePct).not.toBe(25);
  await shot(page, 'settings-failed');
  await page.unroute('**/api/updateSettings');
  await workflow.locator('input[type=number]').fill('20');
  await expect(failed).toHaveAttribute('data-state', 'saved');
  expect(settingsOnDisk(app.libraryDir).workflow.checklist.lengthTolerancePct).toBe(20);
});

test('the export result shows the folder on disk, and "Copy path" puts it on the clipboard (browser host)', async ({ app, host }, testInfo) => {
  testInfo.skip(host !== 'browser', 'Copy path is what the browser host offers; the desktop app shows the folder instead.');
  const page = app.page;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const out = join(app.libraryDir, 'exports-polish');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-export-dir').fill(out);
  await page.getByTestId('settings-export-dir').blur();
  await expect(page.getByTestId('general-settings').getByTestId('settings-save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('close-settings').click();
  await newStory(page, '경로 복사 시험');

  await page.getByTestId('export-article').click();
  for (const f of ['html', 'text', 'md', 'nitf', 'ninjs', 'newsml', 'docx', 'pdf', 'package']) {
    const box = page.getByTestId(`format-${f}`);
    if ((await box.isChecked()) !== (f === 'text')) await box.click();
  }
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-summary')).toHaveText(/1건 내보냄, 0건 실패/);
  const shown = (await page.getByTestId('export-path').textContent())!;
  const [folder] = readdirSync(out).filter((n) => statSync(join(out, n)).isDirectory() && n !== 'fonts');
  expect(shown).toBe(join(out, folder));
  expect(existsSync(join(shown, 'article.txt'))).toBe(true);
  // No file manager in a browser: the path to copy instead of "Show in folder".
  await expect(page.getByTestId('export-show-folder')).toHaveCount(0);
  await page.getByTestId('export-copy-path').click();
  await expect(page.getByTestId('open-folder-status')).toHaveText('경로를 복사했습니다');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(join(out, folder));
  await shot(page, 'export-result-copy-path');

  // A browser that refuses the clipboard: the path is selected on screen, ready for Ctrl+C.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.getByTestId('export-copy-path').click();
  await expect(page.getByTestId('open-folder-status')).toContainText('경로를 선택해 두었습니다');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(join(out, folder));
});

test('in the desktop app the export result offers "Show in folder", which asks the core to show that article folder', async ({ app, host }, testInfo) => {
  testInfo.skip(host !== 'browser', 'The desktop app is played by answering the browser host\'s HTTP calls; Electron itself would open a file manager.');
  // The browser host has no file manager; here it answers as the desktop app would (the glue
  // itself is checked with the stand-in electron module in electron/main/main.test.ts).
  const page = app.page;
  await newStory(page, '폴더 열기 시험');
  await page.route('**/api/getAppInfo', async (route) => {
    const answer = (await (await route.fetch()).json()) as { ok: true; value: Record<string, unknown> };
    await route.fulfill({ json: { ok: true, value: { ...answer.value, host: 'electron' } } });
  });
  const asked: string[] = [];
  await page.route('**/api/showInFolder', async (route) => {
    asked.push((route.request().postDataJSON() as { path: string }).path);
    await route.fulfill({ json: { ok: true, value: { shown: true } } });
  });
  await page.getByTestId('export-article').click();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-summary')).toHaveText(/1건 내보냄, 0건 실패/, { timeout: 60_000 });
  await expect(page.getByTestId('export-copy-path')).toHaveCount(0);
  await page.getByTestId('export-show-folder').click();
  await expect.poll(() => asked.length).toBe(1);
  const dir = (await page.getByTestId('export-dir').textContent())!;
  const [folder] = readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory() && n !== 'fonts');
  expect(asked[0]).toBe(join(dir, folder));
  await expect(page.getByTestId('export-path')).toHaveText(join(dir, folder));
  await shot(page, 'export-result-show-in-folder');
});

test('the header buttons keep readable labels under the mouse, in Korean and in English', async ({ app }) => {
  const page = app.page;
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  for (const lang of ['ko', 'en'] as const) {
    await page.getByTestId('ui-language').selectOption(lang);
    await expect(page.getByTestId('open-settings')).toHaveText(lang === 'ko' ? '설정' : 'Settings');
    for (const id of ['switch-person', 'ui-language', 'open-backups', 'open-settings']) {
      await page.getByTestId(id).hover();
      const look = await page.getByTestId(id).evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, ink: getComputedStyle(el).color }));
      expect(contrast(look.ink, look.bg), `${lang} ${id}: ${look.ink} on ${look.bg}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.getByTestId('open-backups').hover();
    await page.locator('header').screenshot({ path: join(SHOTS, `header-hover-${lang}.png`) });
    // Everything in the header fits the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  }
  await page.getByTestId('ui-language').selectOption('ko');
});

test.describe('with the whole desk', () => {
  test.use({ team: 'desk' });

  test('the people table fits 1280 px in both languages', async ({ app }) => {
    const page = app.page;
    for (const lang of ['ko', 'en'] as const) {
      await page.getByTestId('ui-language').selectOption(lang);
      await page.getByTestId('open-settings').click();
      const section = (await page.getByTestId('people-settings').boundingBox())!;
      const table = (await page.getByTestId('people-settings').locator('table').boundingBox())!;
      expect(table.x + table.width).toBeLessThanOrEqual(section.x + section.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      // Every column title on one line (the narrow last one once broke 사용 into 사/용).
      const wrapped = await page.getByTestId('people-settings').locator('th').evaluateAll((ths) =>
        ths.filter((th) => th.getBoundingClientRect().height >= 2 * parseFloat(getComputedStyle(th).lineHeight)).map((th) => th.textContent),
      );
      expect(wrapped).toEqual([]);
      await page.getByTestId('people-settings').scrollIntoViewIfNeeded();
      await shot(page, `people-table-${lang}`);
      await page.getByTestId('close-settings').click();
    }
    await page.getByTestId('ui-language').selectOption('ko');
  });
});
