// Byline templates are data a desk edits in Settings: a new house shape previews live, a broken
// pattern is flagged and never saved, and articles can use the new shape, also after a restart.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { waitSaved } from './support/editor';

test('a custom byline template previews, validates, persists and drives the article byline', async ({ app }) => {
  let page = app.page;
  await page.getByTestId('open-settings').click();
  await page.getByTestId('add-template').click();
  const row = page.getByTestId('template-row').last();
  await row.locator('input').first().fill('매체 부서 기자');
  const pattern = row.getByTestId('template-pattern');

  await pattern.fill('<{desk} >{reporters}<·{outlet}');
  await expect(pattern).toHaveAttribute('aria-invalid', 'true');
  await expect(row.getByRole('alert')).toBeVisible();
  await expect(row.getByTestId('template-preview')).toHaveText('—');

  await pattern.fill('{reporters}<·{outlet}><·{desk}>');
  await expect(pattern).toHaveAttribute('aria-invalid', 'false');
  await row.locator('input.narrow').first().fill(', ');
  await expect(row.getByTestId('template-preview')).toHaveText('김하늘, 박도윤 기자·한빛경제·산업부');
  // Settings save on every valid change; wait until the last one is on disk before restarting.
  const saved = async () => {
    const file = JSON.parse(await readFile(join(app.libraryDir, 'settings.json'), 'utf8').catch(() => '{}'));
    return file.bylineTemplates?.find((t: { name: string }) => t.name === '매체 부서 기자') ?? null;
  };
  await expect.poll(saved).toMatchObject({ pattern: '{reporters}<·{outlet}><·{desk}>', separator: ', ' });

  page = await app.restart();
  await page.getByTestId('new-article').click();
  await page.getByTestId('byline-template').selectOption({ label: '매체 부서 기자' });
  await page.getByTestId('field-outlet').fill('한빛경제');
  await page.getByTestId('add-reporter').click();
  await page.getByTestId('reporter-name').fill('이서준');
  await page.getByTestId('reporter-role').fill('특파원');
  // The optional desk part disappears when the desk is empty.
  await expect(page.getByTestId('byline-preview')).toHaveText('이서준 특파원·한빛경제');
  await page.getByTestId('field-desk').fill('워싱턴');
  await expect(page.getByTestId('byline-preview')).toHaveText('이서준 특파원·한빛경제·워싱턴');
  await waitSaved(page);

  page = await app.restart();
  await expect(page.getByTestId('row-byline')).toHaveText(['이서준 특파원·한빛경제·워싱턴']);
  await page.getByTestId('article-row').first().click();
  await expect(page.getByTestId('byline-preview')).toHaveText('이서준 특파원·한빛경제·워싱턴');

  // Editing the house template changes how every article using it is shown, the list included.
  await page.getByTestId('open-settings').click();
  await page.getByTestId('template-row').last().getByTestId('template-pattern').fill('({outlet}<={desk}>) {reporters}');
  await page.getByTestId('close-settings').click();
  await expect(page.getByTestId('row-byline')).toHaveText(['(한빛경제=워싱턴) 이서준 특파원']);
});

test.describe('at 1280×800, with the whole desk', () => {
  test.use({ team: 'desk' });

  test('the people table stays inside its section', async ({ app }) => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('open-settings').click();
    const section = (await page.getByTestId('people-settings').boundingBox())!;
    const table = (await page.getByTestId('people-settings').locator('table').boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(section.x + section.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    // Every column's input is reachable: the last person's "active" box is inside the card.
    const active = (await page.getByTestId('person-row').last().locator('input[type=checkbox]').boundingBox())!;
    expect(active.x + active.width).toBeLessThanOrEqual(section.x + section.width);
  });
});

test('the header buttons stay readable under the mouse', async ({ app }) => {
  const page = app.page;
  for (const id of ['switch-person', 'open-backups', 'open-settings']) {
    await page.getByTestId(id).hover();
    // The generic button hover once painted these near-white under their white labels.
    const look = await page.getByTestId(id).evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, ink: getComputedStyle(el).color }));
    expect(look.ink).toBe('rgb(255, 255, 255)');
    const [r, g, b] = look.bg.match(/\d+/g)!.map(Number);
    expect(0.2126 * r + 0.7152 * g + 0.0722 * b, `${id} background ${look.bg}`).toBeLessThan(100);
  }
});

test('the workflow table says who sees drafts that are not theirs, and an admin changes it on disk', async ({ app }) => {
  const page = app.page;
  await page.getByTestId('open-settings').click();
  const row = page.getByTestId('workflow-settings').locator('tr', { has: page.getByTestId('permission-seeDrafts-editor') });
  await expect(row.locator('th')).toHaveText('남의 초고 보기');
  await expect(page.getByTestId('permission-seeDrafts-editor')).toBeChecked();
  await expect(page.getByTestId('permission-seeDrafts-reporter')).not.toBeChecked();
  await page.getByTestId('workflow-settings').screenshot({ path: 'test-results/shots/workflow-see-drafts.png' });
  await page.getByTestId('permission-seeDrafts-reporter').check();
  const saved = async () => JSON.parse(await readFile(join(app.libraryDir, 'settings.json'), 'utf8')).workflow.permissions.seeDrafts;
  await expect.poll(saved).toEqual(['editor', 'admin', 'reporter']);
});
