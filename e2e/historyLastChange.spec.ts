// The history opens on the last real change: steps keep versions identical in content to the one
// before them, and the panel skips those to the newest pair that differs, naming it.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { Ime } from './support/ime';
import { bodyEditor, waitSaved } from './support/editor';
import { ADMIN } from './support/people';
import type { VersionMeta } from '../shared/model/history';
import { WEB_COPY_CAPTIONS, WEB_COPY_CREDIT, importWebCopyWithOnePhoto } from './support/webCopy';

const SHOTS = '/tmp/shots-fix-history-export';

/** The core's list of versions (newest first), through the same bridge the app uses. */
async function versions(page: Page, id: string): Promise<VersionMeta[]> {
  return page.evaluate(
    async ([actor, articleId]) => {
      const bridge = (window as unknown as { copydesk: { getHistory(input: object): Promise<{ value: { versions: VersionMeta[] } }> } }).copydesk;
      return (await bridge.getHistory({ actor, id: articleId })).value.versions;
    },
    [ADMIN.id, id] as const,
  );
}

test('after a step, the history opens on the save that changed the story, not on two identical versions', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('도시광산 업체 매출 늘어');
  await bodyEditor(page).click();
  const ime = await Ime.attach(page);
  await ime.type('폐가전에서 금을 캔다.');
  await waitSaved(page);
  await page.getByTestId('action-send').click();
  await expect(page.getByTestId('article-status')).toHaveText('출고');
  await page.getByTestId('action-recall').click();
  await expect(page.getByTestId('article-status')).toHaveText('작성중');
  await page.getByTestId('field-headline').fill('도시광산 업체 매출 두 배로');
  await waitSaved(page);
  // The step keeps a version of its own, the same as the save before it.
  await page.getByTestId('action-send').click();
  await expect(page.getByTestId('article-status')).toHaveText('출고');

  const id = await page.evaluate((prefix) => Object.entries(localStorage).find(([k]) => k.startsWith(prefix))![1], 'copydesk.openArticle:');
  const list = await versions(page, id);
  const [newest, lastSave, before] = list;
  expect(list.map((v) => v.kind)).toEqual(['transition', 'save', 'transition', 'transition', 'save', 'create']);

  await page.getByTestId('open-history').click();
  const panel = page.getByTestId('history-panel');
  const pair = panel.getByTestId('history-pair');
  await expect(pair).toHaveAttribute('data-to', String(lastSave.seq));
  await expect(pair).toHaveAttribute('data-from', String(before.seq));
  await expect(pair).toHaveText(`마지막으로 바뀐 곳: ${before.seq}판 → ${lastSave.seq}판`);
  await expect(panel.getByTestId('history-same-since')).toContainText(`${lastSave.seq}판 뒤로 ${newest.seq}판까지는 바뀐 내용이 없습니다`);
  await expect(panel.getByTestId('diff-same')).toHaveCount(0);
  await expect(panel.locator('[data-testid=diff-field][data-field=headline] ins')).toContainText('두 배로');
  await expect(panel.locator('[data-testid=diff-field][data-field=headline] del')).toContainText('늘어');
  await page.screenshot({ path: '/tmp/shots-history-list/history-last-change-ko.png' });

  // Choosing versions by hand still compares exactly those, named plainly.
  await panel.locator(`[data-testid=history-version][data-seq="${newest.seq}"]`).getByTestId('compare-to').click();
  await panel.locator(`[data-testid=history-version][data-seq="${lastSave.seq}"]`).getByTestId('compare-from').click();
  await expect(pair).toHaveText(`${lastSave.seq}판 → ${newest.seq}판 비교`);
  await expect(panel.getByTestId('diff-same')).toBeVisible();

  // English.
  await page.getByTestId('ui-language').selectOption('en');
  await page.getByTestId('history-close').or(panel.getByRole('button', { name: 'Close' })).first().click();
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('history-pair')).toHaveText(`Last change: version ${before.seq} → ${lastSave.seq}`);
  await page.screenshot({ path: '/tmp/shots-history-list/history-last-change-en.png' });
});

test('a story whose versions never differed says so instead of comparing two equal versions', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  // Steps only: every version holds the same (empty) story.
  await page.getByTestId('action-send').click();
  await expect(page.getByTestId('article-status')).toHaveText('출고');
  await page.getByTestId('open-history').click();
  const panel = page.getByTestId('history-panel');
  await expect(panel.getByTestId('history-version')).toHaveCount(2);
  await expect(panel.getByTestId('history-never-changed')).toHaveText('1판부터 2판까지 모든 판의 내용이 같습니다. 아직 바뀐 곳이 없습니다.');
  await expect(panel.getByTestId('history-pair')).toHaveCount(0);
});

/** A photo of our own, drawn here. */
test('the diff names each photo as the checklist does and says what changed in words, never by its id', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  mkdirSync(SHOTS, { recursive: true });
  const photoId = await importWebCopyWithOnePhoto(page);
  await waitSaved(page);
  // A step between, so the credit change below is a version of its own.
  await page.getByTestId('action-send').click();
  await expect(page.getByTestId('article-status')).toHaveText('출고');
  await page.getByTestId('action-recall').click();
  await expect(page.getByTestId('article-status')).toHaveText('작성중');
  await page.getByTestId('figure-credit').nth(1).fill('해양수산부 제공');
  await waitSaved(page);

  const id = await page.evaluate((prefix) => Object.entries(localStorage).find(([k]) => k.startsWith(prefix))![1], 'copydesk.openArticle:');
  const [lastSave] = await versions(page, id);
  expect(lastSave.kind).toBe('save');

  await page.getByTestId('open-history').click();
  const panel = page.getByTestId('history-panel');
  await expect(panel.getByTestId('history-pair')).toHaveAttribute('data-to', String(lastSave.seq));
  // One figure changed: photo 2, named by its number and caption start, the credit under it.
  const changed = panel.getByTestId('diff-figure');
  await expect(changed).toHaveCount(1);
  await expect(changed).toHaveAttribute('data-figure', '2');
  await expect(changed.getByTestId('diff-figure-name')).toHaveText(`사진 2 “${WEB_COPY_CAPTIONS[1].slice(0, 20).trimEnd()}…”`);
  const credit = changed.locator('[data-testid=diff-figure-field][data-field=credit]');
  await expect(credit).toContainText('크레디트');
  await expect(credit.locator('del')).toHaveText(WEB_COPY_CREDIT);
  await expect(credit.locator('ins')).toHaveText('해양수산부 제공');
  // Photo 2 still waits for its photo, and the diff says so in words.
  await expect(changed.getByTestId('diff-photo')).toHaveText('사진 없음(사진을 기다리는 자리)');
  const seen = await panel.getByTestId('diff').innerText();
  expect(seen).not.toContain(photoId.slice(0, 8));
  expect(seen).not.toMatch(/\[[0-9a-f]*\]/);
  await panel.screenshot({ path: `${SHOTS}/diff-photo2-credit-ko.png` });

  // A length target: its unit in the screen's language.
  await page.getByTestId('history-close').click();
  await page.getByTestId('target-value').fill('3');
  await waitSaved(page);
  await page.getByTestId('open-history').click();
  await expect(panel.locator('[data-testid=diff-field][data-field=lengthTarget]')).toHaveText('목표 분량3매');
  await page.getByTestId('ui-language').selectOption('en');
  await expect(panel.locator('[data-testid=diff-field][data-field=lengthTarget]')).toHaveText('Length target3 sheets');
  await expect(panel.getByTestId('diff-figure-name')).toHaveText(`Photo 2 “${WEB_COPY_CAPTIONS[1].slice(0, 20).trimEnd()}…”`);
  await panel.screenshot({ path: `${SHOTS}/diff-target-en.png` });
});

test('a change of language and embargo reads as words in the screen’s language, not "ko" or an ISO time', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('엠바고 기사');
  await waitSaved(page);
  await page.getByTestId('field-language').selectOption('en');
  await page.getByTestId('field-embargo').fill('2030-01-02T09:00');
  await waitSaved(page);
  await page.getByTestId('open-history').click();
  const language = page.locator('[data-testid=diff-field][data-field=language]');
  await expect(language.locator('del')).toHaveText('한국어');
  await expect(language.locator('ins')).toHaveText('영어');
  const embargo = page.locator('[data-testid=diff-field][data-field=embargo]');
  await expect(embargo.locator('ins')).toHaveText(/^2030\. 1\. 2\. 오전 9:00/);
  await expect(embargo).not.toContainText('2030-01-02T');
  // Setting the embargo is a step of its own in the audit log, worded, with the time it holds until.
  const step = page.getByTestId('history-audit').and(page.locator('[data-action=embargo]'));
  await expect(step).toHaveCount(1);
  await expect(step).toContainText('엠바고 변경');
  await expect(step).toContainText(/엠바고 2030\. 1\. 2\. 오전 9:00.*까지/);
  await expect(step).not.toContainText('2030-01-02T');
  // The app's own words are not quoted as if someone had written them: the step has no note.
  await expect(step.locator('.history-item__detail')).toContainText('엠바고 2030. 1. 2.');
  await expect(step).not.toContainText('“');
  await page.getByTestId('history-audit').and(page.locator('[data-action=embargo]')).screenshot({ path: 'test-results/shots/history-embargo-step.png' });
});
