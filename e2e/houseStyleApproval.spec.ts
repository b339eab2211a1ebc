// House style on the approval checklist: a finding the reporter kept travels with the story (it is
// on disk, and the desk's screen does not underline it), the desk's blocked approval lists each
// finding nobody kept with its fix, a click selects it in the body, and once it is fixed the story
// is approved without an override.
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { Ime } from './support/ime';
import { bodyEditor, waitSaved } from './support/editor';
import { open, switchTo, storedArticle, newStoryAs } from './support/desk';
import { EDITOR, REPORTER } from './support/people';

const SHOTS = '/tmp/shots-house-style-approval';
const HEADLINE = '개발자 행사 사흘간 열려';
const LEAD = '개발자 컨퍼런스가 열렸다. 행사는 몇일 동안 이어졌다.';

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test.use({ team: 'desk' });

test('a kept finding travels with the story; the desk approves only once the others are fixed, and the checklist takes it there', async ({ app }) => {
  const { page } = app;
  await mkdir(SHOTS, { recursive: true });
  await newStoryAs(page, REPORTER.name, HEADLINE);
  const ime = await Ime.attach(page);
  await ime.type(LEAD);
  const findings = page.getByTestId('check-finding');
  await expect(findings.filter({ hasText: '컨퍼런스' })).toHaveCount(1);
  await expect(findings.filter({ hasText: '몇일' })).toHaveCount(1);

  // The reporter keeps 몇일 (a quote, say): it is recorded on the story itself.
  await findings.filter({ hasText: '몇일' }).click();
  await page.getByTestId('finding-ignore').click();
  await expect(findings.filter({ hasText: '몇일' })).toHaveCount(0);
  await waitSaved(page);
  const kept = await storedArticle(page, REPORTER.id, HEADLINE);
  expect(kept.keptFindings).toEqual([{ rule: 'spelling-myeochil', before: '렸다. 행사는 ', text: '몇일', after: ' 동안 이어졌다' }]);
  await page.getByTestId('action-send').click();
  await expect(page.getByTestId('article-status')).toHaveText('출고');

  // The desk, on its own screen: the kept finding is not underlined there either.
  await page.getByTestId('back-to-library').click();
  await switchTo(page, EDITOR.name);
  await open(page, HEADLINE);
  await expect(findings.filter({ hasText: '컨퍼런스' })).toHaveCount(1);
  await expect(findings.filter({ hasText: '몇일' })).toHaveCount(0);
  await page.getByTestId('action-review').click();
  await expect(page.getByTestId('article-status')).toHaveText('데스킹');

  // Approval is blocked by the one finding nobody kept, named with its fix and its paragraph.
  await page.getByTestId('action-approve').click();
  const missing = page.getByTestId('checklist-missing');
  await expect(missing.getByTestId('missing-item')).toHaveText(['표기 지적 정리(“그대로 두기”는 빼고)']);
  const place = missing.locator('[data-item=houseStyle]').getByTestId('missing-place');
  await expect(place).toHaveText(['“컨퍼런스” 대신 “콘퍼런스” — 1번째 문단 “개발자 컨퍼런스가 열렸다. 행사는 몇…”']);
  await page.screenshot({ path: `${SHOTS}/1-blocked.png` });

  // A click selects it; typing the house spelling over it fixes it, and the list says so.
  await place.click();
  await expect.poll(() => selectedText(page)).toBe('컨퍼런스');
  await ime.type('콘퍼런스');
  await expect(bodyEditor(page).locator('p').first()).toHaveText('개발자 콘퍼런스가 열렸다. 행사는 몇일 동안 이어졌다.');
  await expect(missing.locator('[data-item=houseStyle]').getByTestId('missing-fixed')).toBeVisible();
  await expect(place).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/2-fixed.png` });

  // Asked again, the core finds nothing missing: approved with no override on record.
  await page.getByTestId('workflow-cancel').click();
  await waitSaved(page);
  await page.getByTestId('action-approve').click();
  await expect(page.getByTestId('article-status')).toHaveText('승인');
  const approved = await storedArticle(page, EDITOR.id, HEADLINE);
  expect(approved.status).toBe('approved');
  expect(approved.keptFindings).toEqual(kept.keptFindings);
  expect(approved.lastTransition).toMatchObject({ action: 'approve', note: '' });
});
