// Backups from the app: back up, change an article, put its old text back from the backup screen.
import { test, expect } from './support/fixtures';
import { blockTexts, bodyEditor, modKey, waitSaved } from './support/editor';

test('restores an article from a backup: the old text comes back, and its history says so', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('항만 전기화 계획');
  await bodyEditor(page).click();
  await page.keyboard.type('First draft: the port electrifies its cranes.');
  await waitSaved(page);
  await page.getByTestId('back-to-library').click();

  await page.getByTestId('open-backups').click();
  await expect(page.getByTestId('backups-empty')).toBeVisible();
  await page.getByTestId('back-up-now').click();
  await expect(page.getByTestId('backup-outcome')).toBeVisible();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  // Laid out as tables across the section: one row is one line, not stretched to fill a 240 px box.
  for (const [table, row] of [['.backups__list', 'backup-row'], ['.backups__articles', 'backup-article-row']] as const) {
    const box = (await page.locator(table).boundingBox())!;
    const section = (await page.locator(table).locator('xpath=ancestor::section[1]').boundingBox())!;
    expect(box.width).toBeGreaterThan(section.width * 0.9);
    expect((await page.getByTestId(row).first().boundingBox())!.height).toBeLessThan(60);
  }
  // Just taken: the article is as it is now, so there is nothing to restore.
  await expect(page.getByTestId('backup-article-state')).toHaveAttribute('class', /backups__state--same/);
  await expect(page.getByTestId('restore-from-backup')).toHaveCount(0);
  await page.getByTestId('close-backups').click();

  await page.getByTestId('article-row').filter({ hasText: '항만 전기화 계획' }).click();
  await bodyEditor(page).click();
  await page.keyboard.press(`${modKey}+A`);
  await page.keyboard.type('Rewritten: nothing about cranes any more.');
  await waitSaved(page);
  expect(await blockTexts(page)).toEqual(['Rewritten: nothing about cranes any more.']);
  await page.getByTestId('back-to-library').click();

  await page.getByTestId('open-backups').click();
  await page.getByTestId('backup-open').first().click();
  const row = page.getByTestId('backup-article-row').filter({ hasText: '항만 전기화 계획' });
  await expect(row).toHaveAttribute('data-state', 'changed');
  await row.getByTestId('restore-from-backup').click();
  await expect(page.getByTestId('backup-confirm')).toContainText('항만 전기화 계획');
  await page.getByTestId('confirm-restore').click();
  await expect(page.getByTestId('backup-outcome')).toContainText(/1/);
  await expect(row).toHaveAttribute('data-state', 'same');

  await row.getByTestId('backup-open-article').click();
  await expect(bodyEditor(page)).toContainText('First draft: the port electrifies its cranes.');
  expect(await blockTexts(page)).toEqual(['First draft: the port electrifies its cranes.']);
  // The history says it came from a backup.
  await page.getByTestId('open-history').click();
  await expect(page.locator('[data-testid=history-audit][data-action=restoreBackup]')).toHaveCount(1);
});

test('exports a backup as an archive and brings the library back from it', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('보관 파일 시험 기사');
  await waitSaved(page);
  await page.getByTestId('back-to-library').click();

  await page.getByTestId('open-backups').click();
  await page.getByTestId('back-up-now').click();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await page.getByTestId('backup-open').first().click();
  await page.getByTestId('export-backup').click();
  const outcome = page.getByTestId('backup-outcome');
  await expect(outcome).toContainText('.zip');
  const archive = /(\/\S+\.zip)/.exec((await outcome.textContent()) ?? '')?.[1];
  expect(archive?.startsWith(app.libraryDir)).toBe(true);
  await page.getByTestId('close-backups').click();

  // The article is deleted for good, then the archive brings it back.
  await page.getByTestId('article-row').filter({ hasText: '보관 파일 시험 기사' }).getByTestId('trash-article').click();
  await page.getByTestId('scope-trash').click();
  await page.getByTestId('empty-trash').click();
  await page.getByTestId('confirm-empty-trash').click();
  await expect(page.getByTestId('article-row')).toHaveCount(0);

  await page.getByTestId('open-backups').click();
  await page.getByTestId('import-backup-file').setInputFiles(archive!);
  await expect(page.getByTestId('backup-confirm')).toContainText('.zip');
  await page.getByTestId('confirm-restore').click();
  await expect(outcome).toContainText(/1/);
  // Kept as a snapshot too, beside the one taken just before the import.
  await expect(page.getByTestId('backup-row')).toHaveCount(3);
  await page.getByTestId('close-backups').click();
  await page.getByTestId('scope-active').click();
  await expect(page.getByTestId('article-row').filter({ hasText: '보관 파일 시험 기사' })).toHaveCount(1);
});
