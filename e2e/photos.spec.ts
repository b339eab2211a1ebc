// Photos in an article, through the real app: import by picker, folder, drop and paste; captions
// and credits prefilled from the file; a Korean caption composed through the IME; alt text; moving
// a figure; the warnings panel; bad files refused by name. Everything must survive a restart.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { Ime } from './support/ime';
import { bodyEditor, bodyJSON, blockTexts, isComposing, waitSaved } from './support/editor';
import type { DocNode } from '../shared/model/article';
import { fixturePhoto, writeFixturePhotos } from '../testing/fixturePhotos';

// Our own fixture photos (testing/fixturePhotos), written once into a folder with two files that
// are not photos (an XMP sidecar and a JSON), as a photographer's card holds them.
const PHOTOS = mkdtempSync(join(tmpdir(), 'copydesk-photos-'));
const paths = await writeFixturePhotos(PHOTOS);
writeFileSync(join(PHOTOS, 'freelance-latin1-iim.xmp'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
writeFileSync(join(PHOTOS, 'shot-list.json'), '{"shots": 5}');
/** Caption and credit, no alt text, narrower than the default 1000 px minimum. */
const SMALL = await fixturePhoto('freelance-latin1-iim.jpg');
const STAFF = paths[SMALL.name];
const STAFF_CAPTION = SMALL.expected.caption;
const STAFF_CREDIT = SMALL.expected.credit;
/** Caption and credit, no alt text, wide enough. */
const WIDE = paths['staff-xmp-and-iim.jpg'];
/** Another photographer: a different credit. */
const OTHER = await fixturePhoto('iim-only-utf8-marker.jpg');
test.afterAll(() => rmSync(PHOTOS, { recursive: true, force: true }));

const figures = (doc: DocNode) => (doc.content ?? []).filter((n) => n.type === 'figure');
const captionOf = (fig: DocNode) => (fig.content?.[0]?.content ?? []).map((n) => n.text ?? '').join('');

async function startArticle(page: Page, paragraphs: string[]) {
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  const ime = await Ime.attach(page);
  for (const [i, p] of paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await ime.type(p);
  }
  return ime;
}

/** A DataTransfer holding a fixture file, made in the page (as a drop or paste from the desktop would). */
async function transferOf(page: Page, file: string, name: string) {
  const b64 = readFileSync(file).toString('base64');
  return page.evaluateHandle(
    ([data, fileName]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], fileName, { type: 'image/jpeg' }));
      return dt;
    },
    [b64, name] as const,
  );
}

test('a photo comes in with its caption and credit, takes a Korean caption and alt text, moves, and survives a restart', async ({ app }) => {
  let page = app.page;
  const ime = await startArticle(page, ['첫 문단', '둘째 문단']);
  // Caret in the first paragraph: the photo goes after it.
  await bodyEditor(page).locator('p').first().click();
  await page.getByTestId('photo-input').setInputFiles(STAFF);

  const figure = page.getByTestId('figure');
  await expect(figure).toHaveCount(1);
  await expect(page.getByTestId('figure-caption')).toHaveText(STAFF_CAPTION);
  await expect(page.getByTestId('figure-credit')).toHaveValue(STAFF_CREDIT);
  await expect(page.getByTestId('caption-from-file')).toBeVisible();
  await expect(page.getByTestId('credit-from-file')).toBeVisible();
  await expect(page.getByTestId('figure-image')).toHaveJSProperty('complete', true);
  expect(await page.getByTestId('figure-image').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  // Served by opaque id through the media scheme (/media/ here, media:// in Electron), never file://.
  expect(await page.getByTestId('figure-image').getAttribute('src')).toMatch(/^(\/media\/|media:\/\/photo\/)[a-f0-9]{64}\/preview$/);
  expect(await blockTexts(page)).toEqual(['첫 문단', STAFF_CAPTION, '둘째 문단']);

  // Replace the caption with Korean, composed syllable by syllable, then Enter leaves the caption.
  await page.getByTestId('figure-caption').click({ clickCount: 3 }); // a triple click selects the caption's text
  await ime.type('트랙터로 밭을 간 뒤 양파를 심는 농부');
  expect(await isComposing(page)).toBe(false);
  await expect(page.getByTestId('caption-from-file')).toBeHidden();
  await expect(page.getByTestId('count-captions')).toContainText('21'); // the caption, counted apart from the body
  await page.keyboard.press('Enter');
  await ime.settle();
  await ime.type('사진 아래 문단');

  // Alt text through the IME too, in the figure's own input.
  await page.getByTestId('figure-alt').click();
  await ime.type('밭에서 양파 모종을 심는 남성');
  await expect(page.getByTestId('figure-alt')).toHaveValue('밭에서 양파 모종을 심는 남성');

  // Move the figure above the first paragraph.
  await figure.hover();
  await page.getByTestId('figure-up').click();
  expect(await blockTexts(page)).toEqual(['트랙터로 밭을 간 뒤 양파를 심는 농부', '첫 문단', '사진 아래 문단', '둘째 문단']);

  // The panel shows the caption in house style.
  await expect(page.getByTestId('caption-preview')).toHaveText(`트랙터로 밭을 간 뒤 양파를 심는 농부 [사진=${STAFF_CREDIT}]`);

  await waitSaved(page);
  const before = await bodyJSON(page);
  page = await app.restart();
  await page.getByTestId('article-row').first().click();
  await expect(page.getByTestId('figure')).toHaveCount(1);
  const after = await bodyJSON(page);
  expect(after).toEqual(before);
  const [fig] = figures(after);
  expect(captionOf(fig)).toBe('트랙터로 밭을 간 뒤 양파를 심는 농부');
  expect(fig.attrs).toMatchObject({ credit: STAFF_CREDIT, alt: '밭에서 양파 모종을 심는 남성' });
  expect(await page.getByTestId('figure-image').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
});

test('the photo panel warns about what is missing and takes the user there', async ({ app }) => {
  const { page } = app;
  await startArticle(page, ['본문']);
  await page.getByTestId('photo-input').setInputFiles(WIDE);
  await expect(page.getByTestId('photo-card')).toHaveCount(1);
  // 1500 px wide meets the default minimum; the file has caption and credit but no alt text.
  await expect(page.getByTestId('photo-warning-noAlt')).toBeVisible();
  await expect(page.getByTestId('photo-warning-tooSmall')).toHaveCount(0);

  await page.getByTestId('photo-input').setInputFiles(STAFF); // 800 px wide
  await expect(page.getByTestId('photo-card')).toHaveCount(2);
  await expect(page.getByTestId('photo-warning-tooSmall')).toHaveCount(1);
  await expect(page.getByTestId('photo-warning-tooSmall')).toContainText(String(SMALL.width));

  await page.getByTestId('photo-warning-noAlt').first().click();
  const alt = page.getByTestId('figure-alt').first();
  await expect(alt).toBeFocused();
  await page.keyboard.type('A staff photographer’s test chart');
  await expect(page.getByTestId('photo-warning-noAlt')).toHaveCount(1); // only the second photo still lacks it

  // Clearing a caption raises its warning; clicking it puts the caret in that caption.
  await page.getByTestId('figure-caption').nth(1).click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('photo-warning-noCaption')).toHaveCount(1);
  await bodyEditor(page).locator('p').first().click();
  // The caret is in that caption as soon as the click is handled, not a frame later (TipTap's own
  // focus waits for one; a key typed meanwhile went to the warning button: "nions").
  const landed = await page.getByTestId('photo-warning-noCaption').evaluate((button) => {
    // As a mouse click does: the press focuses the button, then its click handler runs.
    (button as HTMLElement).focus();
    (button as HTMLElement).click();
    const anchor = window.getSelection()?.anchorNode ?? null;
    return { body: document.activeElement?.classList.contains('ProseMirror') ?? false, inSecondCaption: !!anchor && document.querySelectorAll('[data-testid=figure-caption]')[1].contains(anchor) };
  });
  expect(landed).toEqual({ body: true, inSecondCaption: true });
  await page.keyboard.type('Onions');
  await expect(page.getByTestId('figure-caption').nth(1)).toHaveText('Onions');
});

test('a figure\'s labels follow a change of UI language on the open article', async ({ app }) => {
  const { page } = app;
  await startArticle(page, ['본문']);
  await page.getByTestId('photo-input').setInputFiles(STAFF);
  await expect(page.getByTestId('figure')).toHaveCount(1);
  const label = (id: string) => page.getByTestId('figure').locator('label.figure__field', { has: page.getByTestId(id) }).locator('span').first();
  await expect(label('figure-credit')).toHaveText('크레디트');
  await page.getByTestId('ui-language').selectOption('en');
  // The editor (and its figures' plain-DOM labels) outlives the switch; they stayed Korean.
  await expect(label('figure-credit')).toHaveText('Credit');
  await expect(label('figure-alt')).toHaveText('Alt text');
  await expect(page.getByTestId('figure-remove')).toHaveAttribute('title', 'Remove photo');
  await expect(bodyEditor(page)).toHaveAttribute('aria-label', 'Body');
  await page.getByTestId('ui-language').selectOption('ko');
  await expect(label('figure-alt')).toHaveText('대체 텍스트');
});

test('photos dropped on the editor or pasted become figures', async ({ app }) => {
  const { page } = app;
  await startArticle(page, ['본문']);
  const dropped = await transferOf(page, STAFF, 'dropped.jpg');
  // ProseMirror places a drop by its coordinates: aim at the editor's first paragraph.
  const box = (await bodyEditor(page).locator('p').first().boundingBox())!;
  await bodyEditor(page).dispatchEvent('drop', { dataTransfer: dropped, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 });
  await expect(page.getByTestId('figure')).toHaveCount(1);
  await expect(page.getByTestId('figure-credit')).toHaveValue(STAFF_CREDIT);

  await bodyEditor(page).locator('p').first().click();
  const pasted = await transferOf(page, paths[OTHER.name], 'pasted.jpg');
  await bodyEditor(page).evaluate((el, dt) => {
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt as DataTransfer, bubbles: true, cancelable: true }));
  }, pasted);
  await expect(page.getByTestId('figure')).toHaveCount(2);
  await expect(page.getByTestId('figure-credit').first()).toHaveValue(OTHER.expected.credit);

  // Dropped on the photo panel instead of the text.
  const onPanel = await transferOf(page, paths['xmp-only.jpg'], 'panel.jpg');
  await page.getByTestId('photo-panel').dispatchEvent('drop', { dataTransfer: onPanel });
  await expect(page.getByTestId('figure')).toHaveCount(3);
  await expect(page.getByTestId('photo-card')).toHaveCount(3);
});

test('a folder imports every photo in it and skips the rest, with per-file results', async ({ app }) => {
  const { page } = app;
  await startArticle(page, ['본문']);
  await page.getByTestId('photo-folder-input').setInputFiles(PHOTOS);
  await expect(page.getByTestId('figure')).toHaveCount(5);
  // The folder also holds XMP sidecars and JSON: reported as skipped, not as errors.
  await expect(page.getByTestId('import-results')).toContainText('사진이 아닌 파일');
  await expect(page.locator('.import-result--failed')).toHaveCount(0);
});

test('bad files are refused by name in Korean and the article stays as it was', async ({ app }) => {
  const { page } = app;
  await startArticle(page, ['본문']);
  await page.getByTestId('photo-input').setInputFiles([
    { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('This is a text file, not a photo.') },
    { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) },
    { name: 'chart.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
    { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(SMALL.bytes.subarray(0, Math.floor(SMALL.bytes.length * 0.4))) },
  ]);
  const results = page.getByTestId('import-result');
  await expect(results).toHaveCount(4);
  await expect(results.nth(0)).toContainText('notes.jpg: 사진 파일이 아닙니다');
  await expect(results.nth(1)).toContainText('empty.jpg: 빈 파일');
  await expect(results.nth(2)).toContainText('chart.svg: SVG');
  await expect(results.nth(3)).toContainText('cut.jpg: 파일이 중간에 잘려');
  await expect(page.getByTestId('figure')).toHaveCount(0);
  expect(await blockTexts(page)).toEqual(['본문']);
  await page.getByTestId('import-dismiss').click();
  await expect(page.getByTestId('import-results')).toHaveCount(0);
});

test('figures move with the keyboard, and removing or replacing one can be undone', async ({ app }) => {
  const { page } = app;
  await startArticle(page, ['가', '나']);
  await bodyEditor(page).locator('p').first().click();
  await page.getByTestId('photo-input').setInputFiles(STAFF);
  await expect(page.getByTestId('figure')).toHaveCount(1);
  expect(await blockTexts(page)).toEqual(['가', STAFF_CAPTION, '나']);

  await page.getByTestId('figure-caption').click();
  await page.keyboard.press('Alt+ArrowDown');
  expect(await blockTexts(page)).toEqual(['가', '나', STAFF_CAPTION]);
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  expect(await blockTexts(page)).toEqual([STAFF_CAPTION, '가', '나']);

  const firstId = await page.getByTestId('figure').getAttribute('data-photo-id');
  await page.getByTestId('figure').hover();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('figure-replace').click();
  await (await chooser).setFiles(paths[OTHER.name]);
  await expect(page.getByTestId('figure')).not.toHaveAttribute('data-photo-id', firstId!);
  // The desk's caption and credit stay; only the picture changes.
  await expect(page.getByTestId('figure-caption')).toHaveText(STAFF_CAPTION);
  await expect(page.getByTestId('figure-credit')).toHaveValue(STAFF_CREDIT);

  await page.getByTestId('figure-caption').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('figure')).toHaveAttribute('data-photo-id', firstId!);

  await page.getByTestId('figure').hover();
  await page.getByTestId('figure-remove').click();
  await expect(page.getByTestId('figure')).toHaveCount(0);
  expect(await blockTexts(page)).toEqual(['가', '나']);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('figure')).toHaveCount(1);
  expect(await blockTexts(page)).toEqual([STAFF_CAPTION, '가', '나']);
});

test.describe('Korean IME in a caption', () => {
  async function emptyCaption(page: Page) {
    const ime = await startArticle(page, ['본문']);
    await page.getByTestId('photo-input').setInputFiles(STAFF);
    await page.getByTestId('figure-caption').click({ clickCount: 3 });
    await page.keyboard.press('Backspace');
    await expect(page.getByTestId('figure-caption')).toHaveText('');
    return ime;
  }
  const caption = async (page: Page) => captionOf(figures(await bodyJSON(page))[0]);

  test('composes in an empty caption and mid-word', async ({ app }) => {
    const { page } = app;
    const ime = await emptyCaption(page);
    await ime.type('대한국');
    await page.keyboard.press('ArrowLeft');
    await ime.settle();
    await ime.type('민');
    expect(await caption(page)).toBe('대한민국');
    expect(await isComposing(page)).toBe(false);
  });

  test('Enter right after a syllable keeps it and leaves the caption', async ({ app }) => {
    const { page } = app;
    const ime = await emptyCaption(page);
    await ime.type('한');
    await page.keyboard.press('Enter');
    await ime.type('글');
    expect(await caption(page)).toBe('한');
    expect(await blockTexts(page)).toEqual(['본문', '한', '글']);
    expect(await isComposing(page)).toBe(false);
  });

  test('Backspace inside and a cancelled composition leave only what was committed', async ({ app }) => {
    const { page } = app;
    const ime = await emptyCaption(page);
    await ime.type('사진');
    await ime.compose('ㄱ');
    await ime.compose('그');
    await ime.compose('글');
    await ime.compose('그');
    await ime.commit('그');
    await ime.compose('ㅎ');
    await ime.compose('하');
    await ime.cancel();
    await ime.settle();
    await ime.type('림');
    expect(await caption(page)).toBe('사진그림');
    expect(await isComposing(page)).toBe(false);
  });
});

test('caption credits follow the house style set in settings', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('open-settings').click();
  await page.getByTestId('credit-pattern-ko').fill('(사진={credit})');
  await expect(page.getByTestId('credit-preview-ko')).toHaveText('시민들이 광화문 광장을 걷고 있다. (사진=홍길동 기자)');
  await page.getByTestId('photo-min-width').fill('400');
  await page.getByTestId('close-settings').click();
  await startArticle(page, ['본문']);
  await page.getByTestId('photo-input').setInputFiles(STAFF);
  await expect(page.getByTestId('caption-preview')).toHaveText(`${STAFF_CAPTION} (사진=${STAFF_CREDIT})`);
  // 800 px now meets the minimum of 400.
  await expect(page.getByTestId('photo-card')).toHaveCount(1);
  await expect(page.getByTestId('photo-warning-tooSmall')).toHaveCount(0);
});

test('a file dropped outside the editor and the panel does not take the page away', async ({ app }) => {
  const { page } = app;
  await startArticle(page, ['본문']);
  const url = page.url();
  const stray = await transferOf(page, STAFF, 'stray.jpg');
  const prevented = await page.getByTestId('field-headline').evaluate((el, dt) => {
    const drop = new DragEvent('drop', { dataTransfer: dt as DataTransfer, bubbles: true, cancelable: true });
    el.dispatchEvent(drop);
    return drop.defaultPrevented;
  }, stray);
  expect(prevented).toBe(true);
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('figure')).toHaveCount(0);
});

test('a figure can be dragged to another place in the body', async ({ app }) => {
  const { page } = app;
  await startArticle(page, ['가', '나']);
  await page.getByTestId('photo-input').setInputFiles(STAFF); // goes after 나, where the caret is
  await expect(page.getByTestId('figure')).toHaveCount(1);
  expect(await blockTexts(page)).toEqual(['가', '나', STAFF_CAPTION]);
  await page.getByTestId('figure-image').scrollIntoViewIfNeeded();
  const from = (await page.getByTestId('figure-image').boundingBox())!;
  const to = (await bodyEditor(page).locator('p').first().boundingBox())!;
  // A real drag: press on the picture, move a little to start dragging, then over the first paragraph.
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + 28, { steps: 3 });
  await page.mouse.move(to.x + 4, to.y + 3, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => blockTexts(page)).toEqual([STAFF_CAPTION, '가', '나']);
  await expect(page.getByTestId('figure')).toHaveCount(1); // moved, not copied
});
