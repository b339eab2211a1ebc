// Nothing typed is lost: when the desk starts review in another window while the reporter types,
// the reporter's edits cannot be saved to the story any more. The screen says so, leaving asks
// first (and closing the tab prompts), and "save as a new draft" keeps exactly what was typed in
// a new draft of the reporter's while the original on disk stays as the desk has it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../shared/model/article';
import { test, expect } from './support/fixtures';
import { bodyEditor, waitSaved } from './support/editor';
import { Ime } from './support/ime';
import { open, switchTo } from './support/desk';
import { REPORTER } from './support/people';

test.use({ team: 'desk' });

function articlesOnDisk(libraryDir: string): { file: string; raw: string; article: Article }[] {
  const dir = join(libraryDir, 'articles');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      return { file, raw, article: JSON.parse(raw) as Article };
    });
}

const textOf = (node: unknown): string => {
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? '') + (n.content ?? []).map(textOf).join('');
};

test('edits refused because the desk started review elsewhere: back asks, and "save as a new draft" keeps them while the original is untouched', async ({ app }) => {
  test.setTimeout(120_000);
  const page = app.page;
  const dir = app.libraryDir;

  // The reporter writes a story and saves it.
  await switchTo(page, '김하늘');
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('항만 물동량 증가');
  await bodyEditor(page).click();
  const ime = await Ime.attach(page);
  await ime.type('부산항 물동량이 늘었다.');
  await waitSaved(page);

  // In another window, the reporter files it and the desk starts review.
  const other = await app.openWindow(REPORTER.id);
  await open(other, '항만 물동량 증가');
  await other.getByTestId('action-send').click();
  await expect(other.getByTestId('article-status')).toHaveText('출고');
  await other.getByTestId('back-to-library').click();
  await switchTo(other, '이데스크');
  await open(other, '항만 물동량 증가');
  await other.getByTestId('action-review').click();
  await expect(other.getByTestId('article-status')).toHaveText('데스킹');
  const [original] = articlesOnDisk(dir);
  expect(original.article.status).toBe('review');

  // The first window still shows the draft; the reporter goes on typing (in Hangul, through the IME).
  await bodyEditor(page).click();
  await page.keyboard.press('Control+End');
  await ime.type(' 수출 화물이 특히 많았다.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'readOnly');
  await expect(page.getByTestId('save-state')).toContainText('읽기 전용');
  await expect(bodyEditor(page)).toContainText('수출 화물이 특히 많았다.');
  await expect(page.getByTestId('save-as-draft')).toBeVisible();

  // Closing the tab prompts (the browser's own beforeunload dialog); dismissing it keeps the window.
  const prompted = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await prompted;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);

  // Back asks first; staying keeps everything on screen.
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('unsaved-dialog')).toBeVisible();
  await page.getByTestId('unsaved-stay').click();
  await expect(page.getByTestId('unsaved-dialog')).toHaveCount(0);
  await expect(bodyEditor(page)).toContainText('수출 화물이 특히 많았다.');
  // Switching person asks too; Esc answers "stay" and the focus goes back to the button.
  await page.getByTestId('switch-person').click();
  await expect(page.getByTestId('unsaved-dialog')).toBeVisible();
  await expect(page.getByTestId('unsaved-stay')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('unsaved-dialog')).toHaveCount(0);
  await expect(page.getByTestId('switch-person')).toBeFocused();
  await expect(page.getByTestId('current-person')).toContainText('김하늘');
  await expect(bodyEditor(page)).toContainText('수출 화물이 특히 많았다.');

  // Back again, and keep it as a new draft.
  await page.getByTestId('back-to-library').click();
  await page.getByTestId('unsaved-save-draft').click();
  await expect(page.getByTestId('new-article')).toBeVisible();
  await expect(page.getByTestId('article-row').filter({ hasText: '항만 물동량 증가 (새 초고)' })).toHaveCount(1);

  const after = articlesOnDisk(dir);
  expect(after).toHaveLength(2);
  // The original: not a byte changed.
  expect(after.find((a) => a.file === original.file)!.raw).toBe(original.raw);
  const draft = after.find((a) => a.file !== original.file)!.article;
  expect(draft.status).toBe('draft');
  expect(draft.ownerId).toBe(REPORTER.id);
  expect(draft.headline).toBe('항만 물동량 증가 (새 초고)');
  expect(textOf(draft.body)).toContain('부산항 물동량이 늘었다. 수출 화물이 특히 많았다.');

  // The draft opens editable, and with everything saved leaving asks nothing.
  await open(page, '항만 물동량 증가 (새 초고)');
  await expect(page.getByTestId('field-headline')).toBeEnabled();
  await expect(bodyEditor(page)).toContainText('수출 화물이 특히 많았다.');
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('unsaved-dialog')).toHaveCount(0);
  await expect(page.getByTestId('new-article')).toBeVisible();

  // The desk's window, everything saved: closing it prompts nothing.
  let asked = false;
  other.on('dialog', (d) => {
    asked = true;
    void d.dismiss();
  });
  await waitSaved(other);
  await other.close({ runBeforeUnload: true });
  await expect.poll(() => other.isClosed()).toBe(true);
  expect(asked).toBe(false);
});

test('a real conflict: "save as a new draft" opens a draft with this window’s copy, and the other window’s save stands', async ({ app }) => {
  const page = app.page;
  const dir = app.libraryDir;
  await switchTo(page, '김하늘');
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('첫 제목');
  await waitSaved(page);
  await page.getByTestId('back-to-library').click();
  const other = await app.openWindow(REPORTER.id);
  await open(other, '첫 제목');
  await open(page, '첫 제목');
  await other.getByTestId('field-headline').fill('다른 창 제목');
  await waitSaved(other);
  await page.getByTestId('field-headline').fill('이 창 제목');
  await expect(page.getByTestId('conflict-panel')).toBeVisible();
  await expect(page.getByTestId('save-as-draft')).toHaveCount(0); // offered once, in the panel
  const [theirs] = articlesOnDisk(dir);
  expect(theirs.article.headline).toBe('다른 창 제목');

  await page.getByTestId('conflict-save-as-draft').click();
  // The new draft is open here, editable, with this window's copy.
  await expect(page.getByTestId('field-headline')).toHaveValue('이 창 제목 (새 초고)');
  await expect(page.getByTestId('conflict-panel')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('field-headline')).toBeEnabled();
  const after = articlesOnDisk(dir);
  expect(after).toHaveLength(2);
  expect(after.find((a) => a.file === theirs.file)!.raw).toBe(theirs.raw);
  expect(after.find((a) => a.file !== theirs.file)!.article.headline).toBe('이 창 제목 (새 초고)');
});
