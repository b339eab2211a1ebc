// What a walkthrough of the desk tripped on, each as a person sees it and as the core keeps it:
// the library list gives a long headline two lines and its whole text as a tooltip when cut,
// counts a figure still waiting for its photo ("1/2"), and asks before binning a published story;
// 사용자 바꾸기 can be cancelled (button or Esc); the save dot's colour follows the save state;
// 출판 is the primary step once approved; the confirmations use the headline's own particle.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { bodyEditor, waitSaved } from './support/editor';
import { ADMIN } from './support/people';
import { WEB_COPY_HEADLINE, importWebCopyWithOnePhoto } from './support/webCopy';
import type { Article, ArticleSummary } from '../shared/model/article';
import { personStorageKey } from '../shared/model/person';

const SHOTS = '/tmp/shots-fix-ui';
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** The core's own summaries, through the same bridge the app uses. */
async function summaries(page: Page, scope: 'active' | 'trash' = 'active'): Promise<ArticleSummary[]> {
  return page.evaluate(async ([actor, s]) => {
    const bridge = (window as unknown as { copydesk: { listArticles(input: object): Promise<{ value: ArticleSummary[] }> } }).copydesk;
    return (await bridge.listArticles({ actor, scope: s })).value;
  }, [ADMIN.id, scope] as const);
}

function onDisk(libraryDir: string, headline: string): Article {
  const dir = join(libraryDir, 'articles');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
    const a = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Article;
    if (a.headline === headline) return a;
  }
  throw new Error(`no article "${headline}" on disk`);
}

async function newStory(page: Page, headline: string) {
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill(headline);
  await bodyEditor(page).click();
  await page.keyboard.type('Body text of the story.');
  await waitSaved(page);
}

const row = (page: Page, headline: string) => page.getByTestId('article-row').filter({ hasText: headline });
const box = async (l: Locator) => (await l.boundingBox())!;

// About 70 characters: two lines at 1280 px, whole. About 150: more than two lines, cut.
const TWO_LINES = '정부, 반도체·이차전지·바이오 등 3대 첨단산업에 2030년까지 민관 합동 550조원 투자…지방 거점에 특화단지 조성하고 전력망도 함께 넓힌다';
const TOO_LONG = '산업부는 첨단산업 특화단지를 지방 거점 열두 곳에 조성하고 인력 양성과 전력망 확충까지 한꺼번에 묶어 추진한다는 계획을 내놓았지만 재원 조달 방안은 아직 구체적으로 나오지 않아 업계와 지자체의 우려가 커지고 있으며 국회 논의도 늦어질 전망이다';

test('the list gives a long headline two lines in its fixed row, the whole headline as a tooltip when cut, compact actions, and "1/2" for a figure still waiting for its photo', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await newStory(page, TWO_LINES);
  await page.getByTestId('back-to-library').click();
  await newStory(page, TOO_LONG);
  await page.getByTestId('back-to-library').click();

  // Web copy: two figures waiting for their photos; one gets its photo.
  await importWebCopyWithOnePhoto(page);
  await waitSaved(page);
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('article-row')).toHaveCount(3);

  // "1/2": one photo placed of two figures, as the core counts them.
  const core = await summaries(page);
  expect(core.find((s) => s.headline === WEB_COPY_HEADLINE)).toMatchObject({ photoCount: 1, waitingPhotos: 1 });
  expect(core.find((s) => s.headline === TWO_LINES)).toMatchObject({ photoCount: 0, waitingPhotos: 0 });
  const photos = row(page, WEB_COPY_HEADLINE).getByTestId('row-photos');
  await expect(photos).toHaveText('1/2');
  await expect(photos).toHaveAttribute('aria-label', '사진 1장, 사진 없는 자리 1곳');
  await expect(row(page, TWO_LINES).getByTestId('row-photos')).toHaveText('–');

  // A 70-character headline: wrapped to two lines, whole, and the byline still inside the row.
  const two = row(page, TWO_LINES);
  const headline = two.getByTestId('row-headline');
  await expect(headline).toHaveText(TWO_LINES);
  const fit = await headline.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight, scroll: el.scrollHeight, line: parseFloat(getComputedStyle(el).lineHeight) }));
  expect(fit.width).toBeGreaterThanOrEqual(680); // most of the 1230 px row; the actions are icons
  expect(fit.height).toBeGreaterThanOrEqual(2 * fit.line - 1);
  expect(fit.scroll).toBeLessThanOrEqual(fit.height);
  const rowBox = await box(two);
  const bylineBox = await box(two.getByTestId('row-byline'));
  expect(bylineBox.y + bylineBox.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
  await headline.hover();
  await expect(headline).not.toHaveAttribute('title', /./); // nothing cut, nothing to add

  // 150 characters: cut after two lines, the whole headline shows on hover.
  const cut = row(page, TOO_LONG).getByTestId('row-headline');
  expect(await cut.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await cut.hover();
  await expect(cut).toHaveAttribute('title', TOO_LONG);
  const longBox = await box(row(page, TOO_LONG));
  expect(longBox.height).toBe(rowBox.height); // the fixed row height the virtual list counts on

  // The row's actions: icon buttons named for what they do, reached by Tab.
  const duplicate = two.getByRole('button', { name: '복제' });
  const trash = two.getByRole('button', { name: '휴지통으로' });
  await expect(duplicate).toBeVisible();
  await duplicate.focus();
  await page.keyboard.press('Tab');
  await expect(trash).toBeFocused();
  expect((await box(trash)).width).toBeLessThan(40);
  await shot(page, 'library-1280-ko');

  await page.getByTestId('ui-language').selectOption('en');
  await expect(photos).toHaveAttribute('aria-label', 'Photos: 1, 1 still without a photo');
  await expect(two.getByRole('button', { name: 'Move to trash' })).toBeVisible();
  await shot(page, 'library-1280-en');
});

test('binning a published story asks first, naming it (Esc keeps it); a draft goes in one click; 출판 is the primary step once approved, and the confirm uses the headline’s particle', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const published = '반도체 수출 역대 최대'; // ends in 대: 를
  await newStory(page, published);
  await page.getByTestId('action-send').click();
  await page.getByTestId('action-review').click();
  await page.getByTestId('action-approve').click();
  await page.getByTestId('workflow-note').fill('바이라인은 데스크가 넣는다'); // the checklist is overridden
  await page.getByTestId('workflow-confirm').click();
  await expect(page.getByTestId('article-status')).toHaveText('승인');

  // Approved: 출판 is the primary button, the way back and aside are not.
  await expect(page.getByTestId('action-publish')).toHaveClass(/\bprimary\b/);
  for (const other of ['action-return', 'action-reopen', 'action-spike']) await expect(page.getByTestId(other)).not.toHaveClass(/\bprimary\b/);
  await shot(page, 'approved-publish-primary');
  await page.getByTestId('action-publish').click();
  await expect(page.getByTestId('publish-confirm')).toContainText(`「${published}」를 출판합니다`);
  await expect(page.getByTestId('publish-confirm')).not.toContainText('을(를)');
  await page.getByTestId('workflow-confirm').click();
  await expect(page.getByTestId('article-status')).toHaveText('출판');
  await page.getByTestId('back-to-library').click();

  const draft = '초고 기사 하나';
  await newStory(page, draft);
  await page.getByTestId('back-to-library').click();

  // Published: a question naming the story; Esc keeps it where it was.
  await row(page, published).getByTestId('trash-article').click();
  const ask = page.getByTestId('trash-confirm');
  await expect(ask).toBeVisible();
  await expect(page.getByTestId('trash-confirm-text')).toHaveText(`출판 기사 「${published}」를 휴지통으로 옮길까요? 휴지통에서 복원할 수 있습니다.`);
  await expect(page.getByTestId('cancel-trash')).toBeFocused();
  await shot(page, 'trash-published-asks');
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(row(page, published)).toHaveCount(1);
  expect(onDisk(app.libraryDir, published).trashedAt).toBeNull();

  // Asked again, and yes: it goes.
  await row(page, published).getByTestId('trash-article').click();
  await page.getByTestId('confirm-trash').click();
  await expect(row(page, published)).toHaveCount(0);
  expect(onDisk(app.libraryDir, published).trashedAt).not.toBeNull();
  expect((await summaries(page, 'trash')).map((s) => s.headline)).toEqual([published]);

  // A draft: one click, no question (복원 brings it back).
  await row(page, draft).getByTestId('trash-article').click();
  await expect(row(page, draft)).toHaveCount(0);
  await expect(ask).toHaveCount(0);
  expect(onDisk(app.libraryDir, draft).trashedAt).not.toBeNull();

  // The trash's 복원 (a word, not an icon) fits the narrower actions column, in English too.
  await page.getByTestId('scope-trash').click();
  await page.getByTestId('ui-language').selectOption('en');
  const restore = row(page, published).getByTestId('restore-article');
  await expect(restore).toHaveText('Restore');
  const cell = await box(restore.locator('xpath=..'));
  const button = await box(restore);
  expect(button.x + button.width).toBeLessThanOrEqual(cell.x + cell.width);
  expect(await restore.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await shot(page, 'trash-en');
});

test('사용자 바꾸기 has a way back: Cancel or Esc returns to the same person on the same screen', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const headline = '사용자 바꾸기 시험';
  await newStory(page, headline);

  await page.getByTestId('switch-person').click();
  await expect(page.getByTestId('identity-screen')).toBeVisible();
  await expect(page.getByTestId('cancel-switch')).toHaveText(`취소 — ${ADMIN.name} 님으로 계속`);
  await shot(page, 'switch-person-cancel');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('identity-screen')).toHaveCount(0);
  await expect(page.getByTestId('current-person')).toContainText(ADMIN.name);
  await expect(page.getByTestId('field-headline')).toHaveValue(headline); // the same article, open again

  await page.getByTestId('switch-person').click();
  await page.getByTestId('cancel-switch').click();
  await expect(page.getByTestId('field-headline')).toHaveValue(headline);
  await expect(page.getByTestId('current-person')).toContainText(ADMIN.name);
  // Remembered again as the person at this machine (switching had forgotten them).
  expect(await page.evaluate((k) => localStorage.getItem(k), personStorageKey(app.libraryDir))).toBe(ADMIN.id);
});

test('the picker at start has no Cancel: nobody to go back to', async ({ app, host }, testInfo) => {
  testInfo.skip(host !== 'browser', 'A browser that remembers nobody is a second browser context (openWindow) on the browser host.');
  const { page } = app;
  // A browser that remembers nobody: the picker at start has nobody to go back to, and Esc leaves it there.
  const start = await app.openWindow('');
  await expect(start.getByTestId('identity-screen')).toBeVisible();
  await expect(start.getByTestId('pick-person')).toHaveCount(1);
  await expect(start.getByTestId('cancel-switch')).toHaveCount(0);
  await start.keyboard.press('Escape');
  await expect(start.getByTestId('identity-screen')).toBeVisible();
  await expect(page.getByTestId('current-person')).toContainText(ADMIN.name); // the other window is not affected
});

test('the save dot’s colour follows the save state: green only when saved', async ({ app }) => {
  const { page } = app;
  await newStory(page, '저장 표시 시험');
  const dot = page.getByTestId('save-state').locator('.save-state__dot');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const green = 'rgb(24, 121, 78)';
  await expect(dot).toHaveCSS('background-color', green);
  // Each state's look, on the same element with the app's stylesheet (the component names its state in the class).
  const colours = await page.getByTestId('save-state').evaluate((el) => {
    const out: Record<string, string> = {};
    for (const state of ['saved', 'saving', 'dirty', 'failed', 'conflict', 'readOnly']) {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.className = `save-state save-state--${state}`;
      el.parentElement!.appendChild(copy);
      out[state] = getComputedStyle(copy.querySelector('.save-state__dot')!).backgroundColor;
      copy.remove();
    }
    return out;
  });
  const red = 'rgb(180, 35, 24)';
  expect(colours).toEqual({ saved: green, saving: 'rgb(154, 163, 178)', dirty: 'rgb(212, 160, 23)', failed: red, conflict: red, readOnly: red });
});
