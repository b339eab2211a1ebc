// The desk workflow end to end: a reporter writes and sends, the desk reviews, edits and returns
// with a note, the reporter fixes and resends, the desk approves, and the history shows all of it
// with a diff. Also: the checklist, an embargo that holds publication, editor's notes, two windows
// on one article, and people managed in settings.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { bodyEditor, waitSaved } from './support/editor';
import { Ime } from './support/ime';
import { open, switchTo } from './support/desk';
import { ADMIN } from './support/people';

async function step(page: Page, action: string, note?: string) {
  await page.getByTestId(`action-${action}`).click();
  if (note !== undefined) {
    await page.getByTestId('workflow-note').fill(note);
    await page.getByTestId('workflow-confirm').click();
  }
}

async function back(page: Page) {
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('new-article')).toBeVisible();
}

test.describe('desk workflow', () => {
  test.use({ team: 'desk' });

  test('write, send, review, return with a note, fix, resend, approve — and the history shows it with a diff', async ({ app }) => {
    const { page } = app;
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-outlet').fill('한빛경제');
    await page.getByTestId('close-settings').click();
    await switchTo(page, '김하늘');

    // The reporter files one story and keeps a newer draft for later.
    await page.getByTestId('new-article').click();
    await page.getByTestId('field-headline').fill('폐배터리 재활용 공장 착공');
    // A reporter's new story starts with the house outlet (set by the admin below) and their own byline.
    await expect(page.getByTestId('byline-preview')).toHaveText('[한빛경제=산업부 김하늘 기자]');
    await bodyEditor(page).click();
    const ime = await Ime.attach(page);
    await ime.type('공장은 내년 3월 착공한다.');
    await waitSaved(page);
    await step(page, 'send');
    await expect(page.getByTestId('article-status')).toHaveText('출고');
    await expect(page.getByTestId('readonly-banner')).toBeVisible();
    await back(page);
    await page.getByTestId('new-article').click();
    await page.getByTestId('field-headline').fill('나중에 쓸 기사');
    await waitSaved(page);
    await back(page);

    // The desk sees what waits for it first, with counts per state.
    await switchTo(page, '이데스크');
    await expect(page.getByTestId('state-count-sent')).toHaveText('1');
    await expect(page.getByTestId('state-count-draft')).toHaveText('1');
    await expect(page.getByTestId('article-row').first().getByTestId('row-headline')).toContainText('폐배터리 재활용 공장 착공');
    await page.getByTestId('state-filter-draft').click();
    await expect(page.getByTestId('article-row')).toHaveCount(1);
    await page.getByTestId('state-filter-all').click();

    await open(page, '폐배터리 재활용 공장 착공');
    await step(page, 'review');
    await expect(page.getByTestId('article-status')).toHaveText('데스킹');
    await page.getByTestId('field-headline').fill('폐배터리 재활용 공장 첫삽');
    await waitSaved(page);
    await back(page);

    // Meanwhile the reporter's copy is read-only, with a banner saying why.
    await switchTo(page, '김하늘');
    await open(page, '폐배터리 재활용 공장 첫삽');
    await expect(page.getByTestId('readonly-banner')).toContainText('이데스크');
    await expect(page.getByTestId('field-headline')).toBeDisabled();
    await expect(bodyEditor(page)).toHaveAttribute('contenteditable', 'false');
    await expect(page.getByTestId('action-approve')).toHaveCount(0);
    await back(page);

    await switchTo(page, '이데스크');
    await open(page, '폐배터리 재활용 공장 첫삽');
    await step(page, 'return', '3문단 수치 출처를 밝혀 주세요');
    await expect(page.getByTestId('article-status')).toHaveText('반려');
    await back(page);

    // The reporter sees the note, fixes the copy and sends it again.
    await switchTo(page, '김하늘');
    await expect(page.getByTestId('article-row').first().getByTestId('row-headline')).toContainText('첫삽');
    await open(page, '폐배터리 재활용 공장 첫삽');
    await expect(page.getByTestId('return-note')).toContainText('3문단 수치 출처를 밝혀 주세요');
    await bodyEditor(page).click();
    await page.keyboard.press('End');
    await ime.type(' 산업부 자료다.');
    await waitSaved(page);
    await step(page, 'send');
    await back(page);

    await switchTo(page, '이데스크');
    await open(page, '폐배터리 재활용 공장 첫삽');
    await step(page, 'review');
    await step(page, 'approve');
    await expect(page.getByTestId('article-status')).toHaveText('승인');

    // The history: every step with who did it, and a diff between the reporter's first save and now.
    await page.getByTestId('open-history').click();
    const panel = page.getByTestId('history-panel');
    const audit = panel.getByTestId('history-audit');
    await expect(audit).toHaveCount(6);
    const actions = await audit.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')).reverse());
    expect(actions).toEqual(['send', 'review', 'return', 'send', 'review', 'approve']);
    await expect(audit.filter({ hasText: '3문단 수치 출처를 밝혀 주세요' })).toHaveCount(1);
    await panel.locator('[data-testid=history-version][data-seq="2"]').getByTestId('compare-from').click();
    await expect(panel.locator('[data-testid=diff-field][data-field=headline] ins')).toContainText('첫삽');
    await expect(panel.locator('[data-testid=diff-field][data-field=headline] del')).toContainText('착공');
    await expect(panel.locator('[data-testid=diff-block][data-change=changed] ins')).toContainText('산업부');
  });

  test('an embargoed story cannot be published before its time without a recorded override', async ({ app }) => {
    const { page } = app;
    await switchTo(page, '이데스크');
    await page.getByTestId('new-article').click();
    await page.getByTestId('field-headline').fill('신약 임상 결과 발표');
    await page.getByTestId('add-reporter-from-people').selectOption({ label: '김하늘 · 산업부' });
    const later = new Date(Date.now() + 24 * 3600 * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByTestId('field-embargo').fill(`${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T09:00`);
    await waitSaved(page);
    await expect(page.getByTestId('embargo-banner')).toBeVisible();
    await step(page, 'send');
    await step(page, 'review');
    await step(page, 'approve');
    await expect(page.getByTestId('article-status')).toHaveText('승인');

    // Publishing asks first, naming the story and the embargo still in force.
    await page.getByTestId('action-publish').click();
    await expect(page.getByTestId('publish-confirm')).toContainText('신약 임상 결과 발표');
    await expect(page.getByTestId('confirm-embargo')).toContainText('까지');
    // Not a schedule: it says publishing is refused until then, and how to override.
    await expect(page.getByTestId('confirm-embargo')).toContainText('출판할 수 없습니다');
    await expect(page.getByTestId('confirm-embargo')).not.toContainText('출판되지 않습니다');
    await page.getByTestId('workflow-confirm').click();
    await expect(page.getByTestId('embargo-blocked')).toBeVisible();
    await expect(page.getByTestId('article-status')).toHaveText('승인');
    await page.getByTestId('workflow-note').fill('엠바고 조기 해제 통보 받음');
    await page.getByTestId('workflow-confirm').click();
    await expect(page.getByTestId('article-status')).toHaveText('출판');
    await page.getByTestId('open-history').click();
    await expect(page.getByTestId('history-audit').and(page.locator('[data-action=publish]')).getByTestId('audit-override')).toContainText('엠바고');
  });

  test('the permission table in settings decides who may take a step', async ({ app }) => {
    const { page } = app;
    await page.getByTestId('open-settings').click();
    await page.getByTestId('permission-send-reporter').uncheck();
    await page.getByTestId('close-settings').click();
    await switchTo(page, '김하늘');
    await page.getByTestId('new-article').click();
    await page.getByTestId('field-headline').fill('출고 권한 없는 기자');
    await waitSaved(page);
    await expect(page.getByTestId('workflow-bar')).toBeVisible();
    await expect(page.getByTestId('action-send')).toHaveCount(0);
    // Settings are the admin's: the reporter sees the table but cannot change it.
    await page.getByTestId('open-settings').click();
    await expect(page.getByTestId('permission-send-reporter')).toBeDisabled();
  });

  test('approval is blocked with the list of what is missing', async ({ app }) => {
    const { page } = app;
    await switchTo(page, '이데스크');
    await page.getByTestId('new-article').click();
    await bodyEditor(page).click();
    await (await Ime.attach(page)).type('매출은 TK억원이다.');
    await waitSaved(page);
    await step(page, 'send');
    await step(page, 'review');
    await page.getByTestId('action-approve').click();
    await expect(page.getByTestId('missing-item')).toHaveText(['제목', '바이라인(기자 이름)', '메모·TK 정리']);
    await page.getByRole('dialog').getByRole('button', { name: '취소' }).click();
    await expect(page.getByTestId('article-status')).toHaveText('데스킹');
  });
});

test('editor notes and TK are counted while the copy is worked on', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  const ime = await Ime.attach(page);
  await ime.type('투자액은 TK억원이다. ');
  await page.getByTestId('tb-note').click();
  await ime.type('출처 확인');
  await expect(page.getByTestId('count-open-notes')).toHaveText('메모 1 · TK 1');
  await expect(bodyEditor(page).locator('span[data-editor-note]')).toHaveText('출처 확인');
  await waitSaved(page);
});

test('two windows on one article never overwrite each other: the second is shown both versions', async ({ app, host }) => {
  test.skip(host === 'electron', 'a second window is opened as a second browser page, which the browser host serves');
  const { page } = app;
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('첫 창 제목');
  await waitSaved(page);
  await back(page);
  const other = await app.openWindow(ADMIN.id);
  await open(other, '첫 창 제목');
  await open(page, '첫 창 제목');
  await page.getByTestId('field-headline').fill('첫 창에서 고침');
  await waitSaved(page);
  await other.getByTestId('field-headline').fill('둘째 창에서 고침');
  const conflict = other.getByTestId('conflict-panel');
  await expect(conflict).toBeVisible();
  await expect(conflict.locator('[data-field=headline] del')).toContainText('첫');
  await expect(conflict.locator('[data-field=headline] ins')).toContainText('둘째');
  // It names who saved the stored copy first (here the same person at another window).
  await expect(conflict.getByTestId('conflict-explain')).toContainText('관리자님이');
  // The save line points at the choice below, not at reopening (which would drop this window's edits).
  await expect(other.getByTestId('save-state')).toHaveAttribute('data-state', 'conflict');
  await expect(other.getByTestId('save-state')).toContainText('아래에서');
  await expect(other.getByTestId('save-state')).not.toContainText('다시 열어');
  await conflict.getByTestId('conflict-keep-mine').click();
  await expect(other.getByTestId('conflict-panel')).toHaveCount(0);
  await expect(other.getByTestId('field-headline')).toHaveValue('둘째 창에서 고침');
  await back(page);
  await expect(page.getByTestId('row-headline').first()).toContainText('둘째 창에서 고침');
  // The first window's queue catches up with later changes when it comes back to the front.
  await other.getByTestId('field-headline').fill('셋째로 고침');
  await waitSaved(other);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByTestId('row-headline').first()).toContainText('셋째로 고침');
});

test('an admin adds people, who can then be picked at start', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('open-settings').click();
  await page.getByTestId('new-person-name').fill('박도윤');
  await page.getByTestId('new-person-role').selectOption('editor');
  await page.getByTestId('new-person-desk').fill('경제부');
  await page.getByTestId('add-person').click();
  await expect(page.locator('[data-testid=person-row][data-person-name="박도윤"]')).toBeVisible();
  await page.getByTestId('close-settings').click();
  await switchTo(page, '박도윤');
  await expect(page.getByTestId('current-person')).toContainText('데스크');
});

test('an earlier version is restored as a new one, and the restore is in the history', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('처음 쓴 제목');
  await waitSaved(page);
  // Sending and recalling are steps, so each keeps a version of its own.
  await step(page, 'send');
  await step(page, 'recall');
  await page.getByTestId('field-headline').fill('고쳐 쓴 제목');
  await waitSaved(page);
  await page.getByTestId('open-history').click();
  const panel = page.getByTestId('history-panel');
  const third = panel.locator('[data-testid=history-version][data-seq="3"]');
  // It asks first, naming the version; Esc keeps the story as it is.
  await third.getByTestId('restore-version').click();
  await expect(third.getByTestId('restore-confirm-text')).toContainText('3판 내용으로 바꿉니다');
  await expect(third.getByTestId('cancel-restore')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(third.getByTestId('restore-confirm')).toHaveCount(0);
  await expect(page.getByTestId('field-headline')).toHaveValue('고쳐 쓴 제목');
  await third.getByTestId('restore-version').click();
  await third.getByTestId('confirm-restore').click();
  await expect(page.getByTestId('field-headline')).toHaveValue('처음 쓴 제목');
  await expect(panel.locator('[data-testid=history-audit][data-action=restoreVersion]')).toContainText('3판');
  await expect(panel.locator('[data-testid=history-version]').first()).toContainText('복원');
});
