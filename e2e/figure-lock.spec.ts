// A figure on a read-only copy (the reporter's sent story) takes no change: its tools are not shown
// under the mouse, a click that reaches them anyway does nothing, and the figure commands refuse
// the locked editor themselves. The walkthrough once removed and swapped photos on a published
// story's screen, then could not save them.
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { drawnPhoto } from './support/drawnPhoto';
import { bodyEditor, bodyJSON, waitSaved } from './support/editor';
import { storedArticle, newStoryAs } from './support/desk';
import { REPORTER } from './support/people';
import type { DocNode } from '../shared/model/article';

const SHOTS = '/tmp/shots-fix-editor';
const HEADLINE = '잠긴 기사의 사진';

const stored = (page: Page, actor: string) => storedArticle(page, actor, HEADLINE);

const figureIds = (doc: DocNode) => (doc.content ?? []).filter((n) => n.type === 'figure').map((n) => n.attrs?.photoId);

type EditorDom = HTMLElement & { editor: { commands: Record<string, (...args: unknown[]) => boolean>; state: { doc: { forEach(f: (n: { type: { name: string } }, offset: number) => void): void } } } };

test.use({ team: 'desk' });

test('on a sent story the reporter sees no figure tools, and neither a click nor a command changes the photo', async ({ app }) => {
  const { page } = app;
  await mkdir(SHOTS, { recursive: true });
  await newStoryAs(page, REPORTER.name, HEADLINE);
  await page.keyboard.type('First paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph.');
  await page.getByTestId('photo-input').setInputFiles(await drawnPhoto());
  await expect(page.getByTestId('figure')).toHaveCount(1);
  // While the copy is the reporter's, the tools show under the mouse.
  await page.getByTestId('figure').hover();
  await expect(page.getByTestId('figure-remove')).toBeVisible();
  await waitSaved(page);

  await page.getByTestId('action-send').click();
  await expect(page.getByTestId('article-status')).toHaveText('출고');
  await expect(page.getByTestId('article-screen')).toHaveAttribute('data-locked', /.+/);
  const onDisk = await stored(page, REPORTER.id);
  expect(figureIds(onDisk.body)).toHaveLength(1);
  const before = await bodyJSON(page);

  // Under the mouse: no tools (they were only transparent until hovered, and CSS unhid them).
  await page.getByTestId('figure').hover();
  for (const id of ['figure-up', 'figure-down', 'figure-replace', 'figure-remove']) {
    await expect(page.getByTestId(id)).toBeHidden();
    await expect(page.getByTestId(id)).toBeDisabled();
  }
  await page.screenshot({ path: `${SHOTS}/1-sent-figure-hovered-no-tools.png` });

  // A click that reaches the tools anyway does nothing; no file picker is asked for.
  let pickerOpened = false;
  page.on('filechooser', () => (pickerOpened = true));
  await page.getByTestId('figure-remove').dispatchEvent('click');
  await page.getByTestId('figure-replace').dispatchEvent('click');
  await page.getByTestId('figure-down').dispatchEvent('click');
  // The commands themselves refuse the locked editor, whoever calls them.
  const refused = await bodyEditor(page).evaluate((el) => {
    const { editor } = el as EditorDom;
    let pos = -1;
    editor.state.doc.forEach((n, offset) => {
      if (n.type.name === 'figure') pos = offset;
    });
    const other = { photoId: 'b'.repeat(64), credit: 'x', alt: 'x', fromFile: { caption: '', credit: '', alt: '' } };
    return [editor.commands.removeFigure(pos), editor.commands.moveFigureAt(pos, -1), editor.commands.replaceFigurePhoto(pos, other), editor.commands.insertFigures([{ ...other, caption: 'x' }], 0)];
  });
  expect(refused).toEqual([false, false, false, false]);
  // Alt+↑ on the figure changes nothing either.
  await page.getByTestId('figure').click();
  await page.keyboard.press('Alt+ArrowUp');

  await expect(page.getByTestId('figure')).toHaveCount(1);
  expect(await bodyJSON(page)).toEqual(before);
  expect(pickerOpened).toBe(false);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const after = await stored(page, REPORTER.id);
  expect(after.body).toEqual(onDisk.body);
  expect(after.revision).toBe(onDisk.revision);
  await page.screenshot({ path: `${SHOTS}/2-sent-figure-after-clicks.png` });

  // Leaving asks nothing: there is no unsaved input.
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('article-row').filter({ hasText: HEADLINE })).toBeVisible();
});
