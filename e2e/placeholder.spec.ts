// Figures that wait for their photos (a web page copied as text keeps only the caption lines):
// each shows a placeholder with 사진 넣기 that fills that figure and keeps what the desk wrote, the
// photo panel says 사진 없음, and nothing asks the host for a media URL without a photo id. Files
// that are no image are refused by name, in words that match the file, and change nothing.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request, Response } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { drawnPhoto } from './support/drawnPhoto';
import { Ime } from './support/ime';
import { bodyEditor, bodyJSON, blockTexts, waitSaved } from './support/editor';
import { WEB_COPY_CAPTIONS, WEB_COPY_CREDIT, WEB_COPY_HEADLINE, webCopyText } from './support/webCopy';
import type { Article, DocNode } from '../shared/model/article';

const SHOTS = '/tmp/shots-counts-checklist';
const FIX_SHOTS = '/tmp/shots-fix-ui';
mkdirSync(FIX_SHOTS, { recursive: true });
mkdirSync(SHOTS, { recursive: true });

function onDisk(libraryDir: string): Article {
  const files = readdirSync(join(libraryDir, 'articles')).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  expect(files).toHaveLength(1);
  return JSON.parse(readFileSync(join(libraryDir, 'articles', files[0]), 'utf8')) as Article;
}

const figuresOf = (doc: DocNode) => (doc.content ?? []).filter((n) => n.type === 'figure');

/** Every request the page makes and every failed response, for "nothing asks for /media//". */
function watchNetwork(page: Page) {
  const requests: string[] = [];
  const failures: string[] = [];
  page.on('request', (r: Request) => requests.push(r.url()));
  page.on('response', (r: Response) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  return { requests, failures };
}

test('figures from web copy wait with 사진 넣기, the photo fills that figure keeping its caption, credit and alt, and no media URL without an id is asked for', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const net = watchNetwork(page);
  await page.getByTestId('import-picker').setInputFiles({ name: '부산항.txt', mimeType: 'text/plain', buffer: Buffer.from(webCopyText()) });
  await expect(page.getByTestId('import-file-result')).toContainText(WEB_COPY_HEADLINE);
  await page.getByTestId('import-open').click();
  await expect(page.getByTestId('field-headline')).toHaveValue(WEB_COPY_HEADLINE);

  // Two figures, each a visible placeholder with its button; no broken image.
  const figure = page.getByTestId('figure');
  await expect(figure).toHaveCount(2);
  await expect(page.getByTestId('figure-placeholder')).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    await expect(figure.nth(i).getByTestId('figure-placeholder')).toBeVisible();
    await expect(figure.nth(i).getByTestId('figure-add-photo')).toHaveText('사진 넣기');
    await expect(figure.nth(i).getByTestId('figure-image')).toBeHidden();
    expect(await figure.nth(i).getByTestId('figure-image').getAttribute('src')).toBeNull();
    await expect(page.getByTestId('figure-caption').nth(i)).toHaveText(WEB_COPY_CAPTIONS[i]);
    await expect(page.getByTestId('figure-credit').nth(i)).toHaveValue(WEB_COPY_CREDIT);
  }
  // The panel: 사진 없음 for each, a placeholder thumbnail, and not "missing from the library".
  await expect(page.getByTestId('photo-card')).toHaveCount(2);
  await expect(page.getByTestId('photo-warning-noPhoto')).toHaveCount(2);
  await expect(page.getByTestId('photo-warning-noPhoto').first()).toHaveText('사진 없음');
  await expect(page.getByTestId('photo-warning-missingPhoto')).toHaveCount(0);
  await expect(page.getByTestId('photo-card-no-photo')).toHaveCount(2);
  await figure.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, '1-placeholder-figure.png') });
  await page.getByTestId('photo-panel').screenshot({ path: join(SHOTS, '1b-photo-panel-no-photo.png') });

  // Alt text on the second figure: one paragraph that wraps and grows; Enter adds no line break.
  const alt = page.getByTestId('figure-alt').nth(1);
  const oneLine = (await alt.boundingBox())!.height;
  await alt.click();
  await page.keyboard.type('관제실 모니터 앞에서 헤드셋을 쓴 직원이');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' 조이스틱으로 부두의 크레인을 움직이는 모습, 모니터에는 컨테이너 번호가 떠 있다');
  const altText = '관제실 모니터 앞에서 헤드셋을 쓴 직원이 조이스틱으로 부두의 크레인을 움직이는 모습, 모니터에는 컨테이너 번호가 떠 있다';
  await expect(alt).toHaveValue(altText);
  expect((await alt.boundingBox())!.height).toBeGreaterThan(oneLine * 1.5);
  expect(await blockTexts(page)).toHaveLength(4); // Enter made no paragraph in the body either
  await alt.screenshot({ path: join(SHOTS, '2-alt-text-wraps.png') });

  // 사진 넣기 on the second figure: the picker, then that figure has the photo.
  const chooser = page.waitForEvent('filechooser');
  await figure.nth(1).getByTestId('figure-add-photo').click();
  await (await chooser).setFiles(await drawnPhoto('harbour', 'crane.jpg'));
  await expect(figure.nth(1)).toHaveAttribute('data-photo-id', /^[a-f0-9]{64}$/);
  const photoId = (await figure.nth(1).getAttribute('data-photo-id'))!;
  await expect(figure.nth(1).getByTestId('figure-placeholder')).toBeHidden();
  await expect(figure.nth(1).getByTestId('figure-image')).toBeVisible();
  await expect.poll(() => figure.nth(1).getByTestId('figure-image').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  // What the desk had is kept; the other figure still waits.
  await expect(page.getByTestId('figure-caption').nth(1)).toHaveText(WEB_COPY_CAPTIONS[1]);
  await expect(page.getByTestId('figure-credit').nth(1)).toHaveValue(WEB_COPY_CREDIT);
  await expect(alt).toHaveValue(altText);
  await expect(figure.nth(0).getByTestId('figure-placeholder')).toBeVisible();
  await expect(page.getByTestId('photo-warning-noPhoto')).toHaveCount(1);
  await expect(page.getByTestId('photo-card').nth(1).locator('img')).toHaveAttribute('src', `/media/${photoId}/thumb`);

  // The core's copy: that figure has the photo and the desk's words, the other none yet.
  await waitSaved(page);
  const saved = figuresOf(onDisk(app.libraryDir).body as DocNode);
  expect(saved.map((f) => f.attrs?.photoId)).toEqual(['', photoId]);
  expect(saved[1].attrs).toMatchObject({ credit: WEB_COPY_CREDIT, alt: altText });
  expect(figuresOf(await bodyJSON(page)).map((f) => f.attrs?.photoId)).toEqual(['', photoId]);
  await figure.nth(1).getByTestId('figure-credit').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, '3-placeholder-filled.png') });

  expect(net.requests.filter((u) => u.includes('/media//'))).toEqual([]);
  expect(net.requests.some((u) => u.includes(`/media/${photoId}/preview`))).toBe(true);
  expect(net.failures).toEqual([]);
});

test('a .txt picked as a photo is "not an image", a .jpg of text is named as such, a .txt dropped on the body is refused by name, and the article is unchanged', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  const ime = await Ime.attach(page);
  await ime.type('본문');
  await waitSaved(page);
  const before = onDisk(app.libraryDir).body;

  await page.getByTestId('photo-input').setInputFiles([
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('취재 메모: 사진 아님') },
    { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('This is a text file, not a photo.') },
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: Buffer.from('not a video either') },
  ]);
  const results = page.getByTestId('import-result');
  await expect(results).toHaveCount(3);
  // A file the article import reads is pointed there; a photo-named file or a video is not.
  await expect(results.nth(0)).toHaveText('notes.txt: 사진 파일이 아닙니다. JPEG, PNG, WebP, TIFF 파일을 넣어 주세요. 기사 파일이면 기사 목록의 ‘가져오기’를 쓰세요.');
  await expect(results.nth(1)).toContainText('notes.jpg: 사진 파일이 아닙니다(이름만 사진이고 내용은 이미지가 아님)');
  await expect(results.nth(1)).not.toContainText('가져오기');
  await expect(results.nth(2)).toHaveText('clip.mp4: 사진 파일이 아닙니다. JPEG, PNG, WebP, TIFF 파일을 넣어 주세요.');
  await page.getByTestId('import-dismiss').click();

  // Dropped on the text: refused by name, visibly (it was once ignored without a word).
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['회의록 초안'], '회의록.txt', { type: 'text/plain' }));
    return dt;
  });
  const box = (await bodyEditor(page).locator('p').first().boundingBox())!;
  await bodyEditor(page).dispatchEvent('drop', { dataTransfer: dropped, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 });
  await expect(page.getByTestId('import-results')).toBeVisible();
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveText('회의록.txt: 사진 파일이 아닙니다. JPEG, PNG, WebP, TIFF 파일을 넣어 주세요. 기사 파일이면 기사 목록의 ‘가져오기’를 쓰세요.');
  await page.screenshot({ path: join(SHOTS, '4-txt-dropped-on-body.png') });
  await page.screenshot({ path: join(FIX_SHOTS, 'txt-dropped-on-body.png') });

  // In English, the same refusal in English.
  await page.getByTestId('import-dismiss').click();
  await page.getByTestId('ui-language').selectOption('en');
  await bodyEditor(page).dispatchEvent('drop', { dataTransfer: dropped, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 });
  await expect(results.first()).toHaveText('회의록.txt: this is not an image. Use a JPEG, PNG, WebP or TIFF file. If it is an article, use ‘Import’ in the article list.');
  await page.getByTestId('ui-language').selectOption('ko');

  expect(await blockTexts(page)).toEqual(['본문']);
  await expect(page.getByTestId('figure')).toHaveCount(0);
  await waitSaved(page);
  expect(onDisk(app.libraryDir).body).toEqual(before);
});

test('approving a story whose figures still wait for photos lists them by number and caption, and a click goes to that figure’s 사진 넣기', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('import-picker').setInputFiles({ name: '부산항.txt', mimeType: 'text/plain', buffer: Buffer.from(webCopyText()) });
  await page.getByTestId('import-open').click();
  await expect(page.getByTestId('field-headline')).toHaveValue(WEB_COPY_HEADLINE);
  await page.getByTestId('action-send').click();
  await expect(page.getByTestId('article-status')).toHaveText('출고');
  await page.getByTestId('action-review').click();
  await expect(page.getByTestId('article-status')).toHaveText('데스킹');
  await page.getByTestId('action-approve').click();
  const waiting = page.getByTestId('checklist-missing').locator('[data-item=photo]');
  await expect(waiting.getByTestId('missing-item')).toHaveText('모든 사진 자리에 사진');
  await expect(waiting.getByTestId('missing-place')).toHaveCount(2);
  await expect(waiting.getByTestId('missing-place').nth(1)).toContainText(`사진 2 “${WEB_COPY_CAPTIONS[1].slice(0, 8)}`);
  await waiting.getByTestId('missing-place').nth(1).click();
  await expect(page.getByTestId('figure').nth(1).getByTestId('figure-add-photo')).toBeFocused();
  // The core refused the step: the story is still in review.
  await expect(page.getByTestId('article-status')).toHaveText('데스킹');
  expect(onDisk(app.libraryDir).status).toBe('review');
});
