// The whole desk story in one go, as a newsroom lives it: a reporter writes a Korean story with two
// photos and an editor's note and sends it; the editor starts review, edits body, credit and alt
// text, returns it with a note; the reporter fixes it and sends it again; the editor reviews,
// edits, approves, publishes (confirming) and exports. After every step the screen must be the
// article: what it shows is what the library file holds, autosave is not stuck, no "changed
// elsewhere" is raised, and every field is locked or open as the state and the person say.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { bodyEditor, bodyJSON } from './support/editor';
import { Ime } from './support/ime';
import { open, switchTo } from './support/desk';
import type { Article, DocNode } from '../shared/model/article';

const STATUS_KO: Record<Article['status'], string> = { draft: '작성중', sent: '출고', review: '데스킹', approved: '승인', returned: '반려', published: '출판', spiked: '폐기' };
const SHOTS = 'test-results/desk-story';

/** What a reader (or the desk) sees of a body: each block's kind and text, notes, and each photo's credit and alt text. */
function seen(body: DocNode) {
  const text = (n: DocNode): string => (n.text ?? '') + (n.content ?? []).map(text).join('');
  const notes = (n: DocNode): string[] => [...(n.marks?.some((m) => m.type === 'editorNote') && n.text ? [n.text] : []), ...(n.content ?? []).flatMap(notes)];
  return (body.content ?? []).map((b) =>
    b.type === 'figure'
      ? { type: 'figure', caption: text(b), photoId: String(b.attrs?.photoId ?? ''), credit: String(b.attrs?.credit ?? ''), alt: String(b.attrs?.alt ?? '') }
      : { type: b.type, text: text(b), notes: notes(b) },
  );
}

function onDisk(libraryDir: string): Article {
  const files = readdirSync(join(libraryDir, 'articles')).filter((n) => n.endsWith('.json'));
  expect(files).toHaveLength(1);
  return JSON.parse(readFileSync(join(libraryDir, 'articles', files[0]), 'utf8')) as Article;
}

/**
 * The screen is the article: nothing unsaved or stuck, no conflict, and headline, body, every
 * figure's caption/credit/alt (the inputs as painted, not only the document) and the state are
 * exactly the library file's. Locks follow `editable`.
 */
async function expectScreenIsDisk(page: Page, libraryDir: string, state: Article['status'], editable: boolean): Promise<Article> {
  await expect(page.getByTestId('article-status')).toHaveText(STATUS_KO[state]);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('conflict-panel')).toHaveCount(0);
  const disk = onDisk(libraryDir);
  expect(disk.status).toBe(state);
  await expect(page.getByTestId('field-headline')).toHaveValue(disk.headline);
  expect(seen(await bodyJSON(page))).toEqual(seen(disk.body));
  const figures = seen(disk.body).flatMap((b) => ('caption' in b && b.caption !== undefined ? [{ caption: b.caption, credit: b.credit!, alt: b.alt! }] : []));
  await expect(page.getByTestId('figure')).toHaveCount(figures.length);
  for (const [i, f] of figures.entries()) {
    await expect(page.getByTestId('figure-caption').nth(i)).toHaveText(f.caption);
    await expect(page.getByTestId('figure-credit').nth(i)).toHaveValue(f.credit);
    await expect(page.getByTestId('figure-alt').nth(i)).toHaveValue(f.alt);
  }
  // Locks, live: every field the same way, and the look with them.
  const enabled = (l: ReturnType<Page['getByTestId']>) => (editable ? expect(l).toBeEnabled() : expect(l).toBeDisabled());
  await enabled(page.getByTestId('field-headline'));
  await enabled(page.getByTestId('field-kicker'));
  await expect(bodyEditor(page)).toHaveAttribute('contenteditable', String(editable));
  for (let i = 0; i < figures.length; i++) {
    await enabled(page.getByTestId('figure-credit').nth(i));
    await enabled(page.getByTestId('figure-alt').nth(i));
  }
  await expect(page.getByTestId('add-photos')).toHaveCount(editable ? 1 : 0);
  await expect(page.getByTestId('readonly-banner')).toHaveCount(editable ? 0 : 1);
  if (!editable) {
    // Read-only looks read-only: no input box, no text cursor.
    const look = await page.getByTestId('field-headline').evaluate((el) => ({ cursor: getComputedStyle(el).cursor, border: getComputedStyle(el).borderTopColor }));
    expect(look.cursor).toBe('default');
    // …and a choice that cannot be changed shows no dropdown arrow.
    expect(await page.getByTestId('field-language').evaluate((el) => getComputedStyle(el).appearance)).toBe('none');
    // No length target on locked copy reads "none", not an empty box beside a lone unit.
    await expect(page.getByTestId('target-none')).toHaveText('없음');
    await expect(page.getByTestId('target-unit')).toHaveCount(0);
    expect(await bodyEditor(page).evaluate((el) => getComputedStyle(el).cursor)).toBe('default');
  }
  return disk;
}

/** Nothing changes on its own after a step: still saved, still no conflict, a while later. */
async function expectSettled(page: Page, libraryDir: string, state: Article['status'], editable: boolean) {
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expectScreenIsDisk(page, libraryDir, state, editable);
}

/** Remembers the body editor instance, to prove later that a step did not replace it (caret and undo live there). */
async function markEditor(page: Page) {
  await bodyEditor(page).evaluate((el) => ((window as unknown as { seenEditor: unknown }).seenEditor = (el as unknown as { editor: unknown }).editor));
}
async function expectSameEditor(page: Page) {
  expect(await bodyEditor(page).evaluate((el) => (window as unknown as { seenEditor: unknown }).seenEditor === (el as unknown as { editor: unknown }).editor)).toBe(true);
}

/** A screenshot of the screen's top (state, banners, headline) for a person to look at. */
async function shot(page: Page, name: string) {
  await page.getByTestId('field-headline').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop > 0 && (el.scrollTop = 0)));
  await page.screenshot({ path: `${SHOTS}-${name}.png` });
}

async function back(page: Page) {
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('new-article')).toBeVisible();
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

/** Two plain photos, made here (no metadata: caption, credit and alt are the reporter's to write). */
async function makePhotos(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files = [join(dir, '공장-부지.jpg'), join(dir, '배터리-더미.jpg')];
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 40, g: 110, b: 70 } } }).jpeg().toFile(files[0]);
  await sharp({ create: { width: 1400, height: 900, channels: 3, background: { r: 120, g: 90, b: 40 } } }).jpeg().toFile(files[1]);
  return files;
}

test.use({ team: 'desk' });

test('the desk story: write with photos and a note → send → review → edit → return → fix → send → review → approve → publish → export, the screen always the article', async ({ app }) => {
  test.setTimeout(240_000);
  const page = app.page;
  const dir = app.libraryDir;
  const out = join(dir, 'exports-desk');
  const photos = await makePhotos(join(dir, 'incoming'));

  // The admin sets the house outlet and the export folder once.
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-outlet').fill('한빛경제');
  await page.getByTestId('settings-export-dir').fill(out);
  await page.getByTestId('settings-export-dir').blur();
  await page.getByTestId('close-settings').click();

  // ——— The reporter writes. ———
  await switchTo(page, '김하늘');
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('폐배터리 재활용 공장 착공');
  await bodyEditor(page).click();
  const ime = await Ime.attach(page);
  await ime.type('공장은 내년 3월 착공한다.');
  await page.keyboard.press('Enter');
  await ime.type('연간 처리량은 2만톤 규모다. ');
  await page.getByTestId('tb-note').click();
  await ime.type('출처 확인');
  await expect(page.getByTestId('count-open-notes')).toHaveText('메모 1 · TK 0');
  // Two photos: the first after the first paragraph, the second at the end.
  await bodyEditor(page).locator('p').first().click();
  await page.getByTestId('photo-input').setInputFiles(photos[0]);
  await expect(page.getByTestId('figure')).toHaveCount(1);
  await ime.type('착공식이 열릴 공장 부지');
  await bodyEditor(page).locator('p').last().click();
  await page.keyboard.press('End');
  await page.getByTestId('photo-input').setInputFiles(photos[1]);
  await expect(page.getByTestId('figure')).toHaveCount(2);
  await ime.type('재활용을 기다리는 폐배터리');
  await page.getByTestId('figure-credit').nth(0).fill('김하늘 기자');
  await page.getByTestId('figure-alt').nth(0).fill('흙이 드러난 넓은 공장 부지');
  await page.getByTestId('figure-credit').nth(1).fill('김하늘 기자');
  await waitSaved(page);
  let disk = await expectScreenIsDisk(page, dir, 'draft', true);
  expect(seen(disk.body).map((b) => b.type)).toEqual(['paragraph', 'figure', 'paragraph', 'figure']);
  expect(seen(disk.body)[2]).toMatchObject({ notes: ['출처 확인'] });

  // ——— 출고: read-only for the reporter, nothing "changed elsewhere", even after a pause. ———
  await page.getByTestId('action-send').click();
  await expectScreenIsDisk(page, dir, 'sent', false);
  await expect(page.getByTestId('readonly-banner')).toHaveAttribute('data-next-step', 'recall');
  await expectSettled(page, dir, 'sent', false);
  await shot(page, '1-sent-reporter');
  await back(page);
  // The story is the desk's now: the reporter is not offered the trash for it, and is told why, by name.
  const trash = page.getByTestId('article-row').filter({ hasText: '폐배터리 재활용 공장 착공' }).getByTestId('trash-article');
  await expect(trash).toBeDisabled();
  await expect(trash).toHaveAttribute('title', /폐배터리 재활용 공장 착공.*데스크/);

  // ——— The editor opens sent copy: the desk's banner, not the reporter's. ———
  await switchTo(page, '이데스크');
  await open(page, '폐배터리 재활용 공장 착공');
  await expectScreenIsDisk(page, dir, 'sent', false);
  const banner = page.getByTestId('readonly-banner');
  await expect(banner).toHaveAttribute('data-next-step', 'review');
  await expect(banner).toContainText('데스킹 시작');
  await expect(banner).not.toContainText('출고 취소');

  // ——— 데스킹 시작: everything unlocks at once, photos' credit and alt included, on the same editor. ———
  await markEditor(page);
  await page.getByTestId('action-review').click();
  await expectScreenIsDisk(page, dir, 'review', true);
  await expectSameEditor(page);
  await shot(page, '2-review-desk');
  await page.getByTestId('field-headline').fill('폐배터리 재활용 공장 첫삽');
  await bodyEditor(page).locator('p').first().click();
  await page.keyboard.press('End');
  await ime.type(' 총 5000억원이 들어간다.');
  await page.getByTestId('figure-credit').nth(0).fill('한빛경제 김하늘 기자');
  await page.getByTestId('figure-alt').nth(1).fill('창고에 쌓인 전기차 폐배터리');
  await waitSaved(page);
  disk = await expectScreenIsDisk(page, dir, 'review', true);
  expect(seen(disk.body)[1]).toMatchObject({ credit: '한빛경제 김하늘 기자' });
  expect(seen(disk.body)[3]).toMatchObject({ alt: '창고에 쌓인 전기차 폐배터리' });

  // ——— 반려 with a note. ———
  await page.getByTestId('action-return').click();
  await page.getByTestId('workflow-note').fill('2문단 수치의 출처를 밝혀 주세요');
  await page.getByTestId('workflow-confirm').click();
  await expectScreenIsDisk(page, dir, 'returned', true);
  await expectSettled(page, dir, 'returned', true);
  await expectSameEditor(page);
  await back(page);

  // ——— The reporter fixes: the note goes, the source comes in; 출고 again. ———
  await switchTo(page, '김하늘');
  await open(page, '폐배터리 재활용 공장 첫삽');
  await expect(page.getByTestId('return-note')).toContainText('2문단 수치의 출처를 밝혀 주세요');
  await expectScreenIsDisk(page, dir, 'returned', true);
  await bodyEditor(page).locator('p').last().click();
  await page.keyboard.press('End');
  // Under load ProseMirror takes a moment to move its selection: Backspace sent sooner deletes elsewhere.
  await expect
    .poll(() => bodyEditor(page).evaluate((el) => {
      const { $head } = (el as HTMLElement & { editor: { state: { selection: { $head: { parentOffset: number; parent: { content: { size: number } } } } } } }).editor.state.selection;
      return $head.parentOffset === $head.parent.content.size;
    }))
    .toBe(true);
  for (let i = 0; i < '출처 확인'.length; i++) await page.keyboard.press('Backspace');
  // The note is gone once the counts say so; by then the toolbar shows the caret's marks too.
  await expect(page.getByTestId('count-open-notes')).toHaveText('메모 0 · TK 0');
  // The caret still carries the note mark (as after any marked text): switch it off, then write the source.
  if ((await page.getByTestId('tb-note').getAttribute('aria-pressed')) === 'true') await page.getByTestId('tb-note').click();
  await ime.type('환경부 자료다.');
  await expect(page.getByTestId('count-open-notes')).toHaveText('메모 0 · TK 0');
  await waitSaved(page);
  disk = await expectScreenIsDisk(page, dir, 'returned', true);
  expect(seen(disk.body)[2]).toMatchObject({ text: '연간 처리량은 2만톤 규모다. 환경부 자료다.', notes: [] });
  await page.getByTestId('action-send').click();
  await expectScreenIsDisk(page, dir, 'sent', false);
  await expectSettled(page, dir, 'sent', false);
  await back(page);

  // ——— The editor reviews again, edits, and approves straight away (the step saves first). ———
  await switchTo(page, '이데스크');
  await open(page, '폐배터리 재활용 공장 첫삽');
  await page.getByTestId('action-review').click();
  await expectScreenIsDisk(page, dir, 'review', true);
  await page.getByTestId('figure-alt').nth(0).fill('착공을 앞둔 공장 부지 전경');
  await bodyEditor(page).locator('p').first().click();
  await page.keyboard.press('End');
  await ime.type(' 완공은 2028년이다.');
  await markEditor(page);
  await page.getByTestId('action-approve').click();
  disk = await expectScreenIsDisk(page, dir, 'approved', false);
  await expectSameEditor(page);
  // What was edited right before approving is what the screen and the file show — not the copy as opened.
  expect(seen(disk.body)[0]).toMatchObject({ text: '공장은 내년 3월 착공한다. 총 5000억원이 들어간다. 완공은 2028년이다.' });
  expect(seen(disk.body)[1]).toMatchObject({ credit: '한빛경제 김하늘 기자', alt: '착공을 앞둔 공장 부지 전경' });
  expect(seen(disk.body)[2]).toMatchObject({ notes: [] });
  await expect(page.getByTestId('readonly-banner')).toHaveAttribute('data-next-step', 'reopen');
  await expectSettled(page, dir, 'approved', false);
  await shot(page, '3-approved-desk');

  // ——— 출판 asks first, naming the story and the embargo (none). ———
  await page.getByTestId('action-publish').click();
  const confirm = page.getByTestId('publish-confirm');
  await expect(confirm).toContainText('폐배터리 재활용 공장 첫삽');
  await expect(confirm.getByTestId('confirm-embargo')).toContainText('엠바고 없음');
  await shot(page, '4-publish-confirm');
  expect(onDisk(dir).status).toBe('approved'); // nothing happens before the yes
  await confirm.getByTestId('workflow-confirm').click();
  await expect(confirm).toHaveCount(0);
  disk = await expectScreenIsDisk(page, dir, 'published', false);
  await expect(page.getByTestId('readonly-banner')).toHaveAttribute('data-next-step', 'correct');
  await expectSettled(page, dir, 'published', false);

  // ——— Export: the published copy, without the notes. ———
  await page.getByTestId('export-article').click();
  const text = page.getByTestId('format-text');
  if (!(await text.isChecked())) await text.check();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-summary')).toHaveText(/1건 내보냄, 0건 실패/, { timeout: 60_000 });
  const [folder] = readdirSync(out).filter((n) => n !== 'fonts');
  const txt = readFileSync(join(out, folder, 'article.txt'), 'utf8');
  expect(txt).toContain('폐배터리 재활용 공장 첫삽');
  expect(txt).toContain('공장은 내년 3월 착공한다. 총 5000억원이 들어간다. 완공은 2028년이다.');
  expect(txt).toContain('환경부 자료다.');
  expect(txt).not.toContain('출처 확인');
  await page.getByTestId('export-close').click();
  await shot(page, '5-published');
  await expectScreenIsDisk(page, dir, 'published', false);
  expect(disk.revision).toBe(onDisk(dir).revision);
});
