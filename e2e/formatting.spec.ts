// Body formatting a reporter reaches for besides paragraphs: numbered lists, links (only web and
// mail addresses; a script URL is refused with a message), and undo/redo from the keyboard.
import { test, expect } from './support/fixtures';
import { blockTexts, bodyEditor, bodyJSON, modKey, waitSaved } from './support/editor';
import type { DocNode } from '../shared/model/article';

function linkHrefs(doc: DocNode): string[] {
  const hrefs: string[] = [];
  const walk = (n: DocNode) => {
    for (const m of n.marks ?? []) if (m.type === 'link') hrefs.push(String((m.attrs as { href: string }).href));
    n.content?.forEach(walk);
  };
  walk(doc);
  return hrefs;
}

test('numbered list, links and undo/redo', async ({ app }) => {
  let page = app.page;
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  await page.getByTestId('tb-ordered').click();
  await page.keyboard.type('First');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Source: report');
  expect((await bodyJSON(page)).content?.map((n) => n.type)).toEqual(['orderedList', 'paragraph']);

  // Select "report" and link it.
  for (let i = 0; i < 'report'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.getByTestId('tb-link').click();
  await page.getByTestId('link-url').fill('javascript:alert(1)');
  await page.getByTestId('link-url').press('Enter');
  await expect(page.getByTestId('link-url')).toHaveAttribute('aria-invalid', 'true');
  expect(linkHrefs(await bodyJSON(page))).toEqual([]);
  await page.getByTestId('link-url').fill('https://www.example.org/report');
  await page.getByTestId('link-url').press('Enter');
  await expect.poll(async () => linkHrefs(await bodyJSON(page))).toEqual(['https://www.example.org/report']);

  // Undo and redo a typed word with the platform shortcuts.
  await bodyEditor(page).press('End');
  await page.keyboard.type(' (PDF)');
  await expect.poll(async () => (await blockTexts(page))[1]).toBe('Source: report (PDF)');
  await page.keyboard.press(`${modKey}+z`);
  await expect.poll(async () => (await blockTexts(page))[1]).toBe('Source: report');
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+z' : 'Control+y');
  await expect.poll(async () => (await blockTexts(page))[1]).toBe('Source: report (PDF)');

  await waitSaved(page);
  page = await app.restart();
  await page.getByTestId('article-row').first().click();
  expect(linkHrefs(await bodyJSON(page))).toEqual(['https://www.example.org/report']);
  expect(await blockTexts(page)).toEqual(['FirstSecond', 'Source: report (PDF)']);
});
