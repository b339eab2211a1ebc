// "Upload this library to a newsroom" (issue 17): the admin of a local library with stories opens
// Settings → Newsroom, is refused with a reporter's account of the newsroom (the reason on the
// screen), then signs in as its admin, confirms, and sees what came of it in words; the stories
// are on the server as the library has them, and a second upload skips them. The folder stays local.
import { test, expect } from './support/fixtures';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bodyEditor, waitSaved } from './support/editor';
import { drawnPhoto } from './support/drawnPhoto';
import { startNewsroomServer, type NewsroomServer } from './support/newsroomServer';
import { ko } from '../renderer/src/i18n/ko';

const HEADLINES = ['폐배터리에서 리튬 캐는 도시광산', '구립 도서관 새로 연다'];

test('the admin uploads the library to a newsroom; a reporter’s account is refused; a second upload skips what is there; a photo gone from the folder is said, in Korean', async ({ app, host }) => {
  test.skip(host === 'electron', 'the upload is the core’s; the browser host drives the same dialog');
  test.setTimeout(180_000);
  const server = (await startNewsroomServer('pglite', [['kim', { name: '김하늘', role: 'reporter', desk: '사회부' }]])) as NewsroomServer;
  try {
    const { page } = app;
    for (const headline of HEADLINES) {
      await page.getByTestId('new-article').click();
      await page.getByTestId('field-headline').fill(headline);
      await waitSaved(page);
      await page.getByTestId('back-to-library').click();
    }
    await page.getByTestId('open-settings').click();
    await page.getByTestId('upload-library-open').click();
    const dialog = page.getByTestId('upload-library-dialog');
    const signIn = async (login: string, password: string) => {
      await dialog.getByTestId('upload-server').fill(server.url);
      await dialog.getByTestId('upload-login').fill(login);
      await dialog.getByTestId('upload-password').fill(password);
      await dialog.getByTestId('upload-next').click();
      await expect(dialog.getByTestId('upload-confirm')).toContainText('기사 2개');
      await dialog.getByTestId('upload-start').click();
    };

    await signIn('kim', 'kim password 1');
    await expect(dialog.getByTestId('upload-error')).toHaveText(ko.errors.forbiddenReason.role);

    await signIn('admin', 'admin password');
    await expect(dialog.getByTestId('upload-summary')).toContainText('기사 2개를 올렸고, 0개는 뉴스룸에 이미 있어');
    await page.screenshot({ path: 'test-results/shots/upload-library-summary.png' });
    const listed = await server.call('POST', '/api/call/listArticles', { scope: 'active' }, server.adminToken);
    expect((listed.body.value as { headline: string }[]).map((a) => a.headline).sort()).toEqual([...HEADLINES].sort());
    await dialog.getByTestId('upload-close').click();

    await page.getByTestId('upload-library-open').click();
    await signIn('admin', 'admin password');
    await expect(dialog.getByTestId('upload-summary')).toContainText('기사 0개를 올렸고, 2개는 뉴스룸에 이미 있어');
    await dialog.getByTestId('upload-close').click();

    // A third story with a photo whose file has since gone from the library folder: the story
    // goes up, the photo cannot, and the admin reads why, in Korean, with what to do next.
    await page.getByTestId('close-settings').click();
    await page.getByTestId('new-article').click();
    await page.getByTestId('field-headline').fill('사진 파일이 사라진 기사');
    await bodyEditor(page).click();
    await page.getByTestId('photo-input').setInputFiles(await drawnPhoto());
    await expect(page.getByTestId('figure')).toHaveCount(1);
    await waitSaved(page);
    const media = join(app.libraryDir, 'media');
    const originals = (await readdir(media, { recursive: true })).filter((f) => /[0-9a-f]{64}\.jpg$/.test(f));
    expect(originals).toHaveLength(1);
    await rm(join(media, originals[0]));
    await page.getByTestId('back-to-library').click();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('upload-library-open').click();
    await dialog.getByTestId('upload-server').fill(server.url);
    await dialog.getByTestId('upload-login').fill('admin');
    await dialog.getByTestId('upload-password').fill('admin password');
    await dialog.getByTestId('upload-next').click();
    await dialog.getByTestId('upload-start').click();
    await expect(dialog.getByTestId('upload-summary')).toContainText('기사 1개를 올렸고, 2개는 뉴스룸에 이미 있어');
    await expect(dialog.getByTestId('upload-failed-photos')).toContainText(ko.newsroom.upload.why.photoUnreadable);
    // Named by its file name, as the reporter imported it, not by its hash.
    await expect(dialog.getByTestId('upload-failed-photos')).toContainText('field.jpg');
    await expect(dialog.getByTestId('upload-failed-photos')).not.toContainText(originals[0].slice(3, 67));
    await page.screenshot({ path: 'test-results/shots/upload-library-photo-failed.png' });
    await dialog.getByTestId('upload-close').click();
    // Still a local library: no connection in the header.
    await expect(page.getByTestId('connection-state')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
