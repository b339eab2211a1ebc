// House style while writing: findings are underlined a moment after typing stops, a click opens
// the card with the rule's message and its fix, "fix all of this kind" fixes every one in one
// step, "keep it here" stays kept after a reload, and the count beside the length follows. Hangul
// being composed is never checked: a word still in composition is not underlined.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { blockTexts, bodyEditor, isComposing, waitSaved } from './support/editor';
import { Ime } from './support/ime';
import type { Article } from '../shared/model/article';

const SHOTS = '/tmp/shots-house-style';

function savedArticle(libraryDir: string): Article {
  const dir = join(libraryDir, 'articles');
  const file = readdirSync(dir).find((n) => n.endsWith('.json') && !n.startsWith('.'));
  return JSON.parse(readFileSync(join(dir, file!), 'utf8')) as Article;
}
const savedBodyText = (libraryDir: string) => JSON.stringify(savedArticle(libraryDir).body);

test('findings are underlined, fixed one by one or all of a kind, kept where the reporter says, and counted', async ({ app }) => {
  const { page } = app;
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  await page.keyboard.insertText('개발자 컨퍼런스가 열렸다. 컨퍼런스에는 몇일 동안 1만명이 다녀갔다.');

  // Two loanword findings and one spelling of 며칠 (plus whatever else the set says of 1만명).
  const findings = page.getByTestId('check-finding');
  await expect(findings.filter({ hasText: '컨퍼런스' })).toHaveCount(2);
  await expect(findings.filter({ hasText: '몇일' })).toHaveCount(1);
  const count = page.getByTestId('check-count');
  // The count follows the underlines a moment later.
  await expect.poll(async () => Number(await count.getAttribute('data-count'))).toBeGreaterThanOrEqual(3);
  const before = Number(await count.getAttribute('data-count'));
  await expect(count).toContainText('표기');
  await page.screenshot({ path: `${SHOTS}/1-underlined.png` });

  // The card: the rule's own message and its fix.
  await findings.filter({ hasText: '컨퍼런스' }).first().click();
  const card = page.getByTestId('finding-card');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('finding-message')).toContainText('콘퍼런스');
  await expect(page.getByTestId('finding-fix')).toHaveText('콘퍼런스');
  await expect(page.getByTestId('finding-apply-all')).toContainText('2');
  await page.screenshot({ path: `${SHOTS}/2-card.png` });

  // Fix all of this kind: both, in one step, and the count falls by two.
  await page.getByTestId('finding-apply-all').click();
  await expect(card).toHaveCount(0);
  await expect.poll(() => blockTexts(page)).toEqual(['개발자 콘퍼런스가 열렸다. 콘퍼런스에는 몇일 동안 1만명이 다녀갔다.']);
  await expect(findings.filter({ hasText: '퍼런스' })).toHaveCount(0);
  await expect(count).toHaveAttribute('data-count', String(before - 2));

  // Keep 몇일 here: the underline goes and stays gone after a reload.
  await findings.filter({ hasText: '몇일' }).click();
  await expect(page.getByTestId('finding-message')).toContainText('며칠');
  await page.getByTestId('finding-ignore').click();
  await expect(findings.filter({ hasText: '몇일' })).toHaveCount(0);
  await expect(count).toHaveAttribute('data-count', String(before - 3));
  await waitSaved(page);
  expect(savedBodyText(app.libraryDir)).toContain('콘퍼런스에는 몇일 동안');
  // Kept on the story itself (the desk and every other machine see it kept), by its place.
  expect(savedArticle(app.libraryDir).keptFindings).toEqual([{ rule: 'spelling-myeochil', before: ' 콘퍼런스에는 ', text: '몇일', after: ' 동안 1만명이' }]);

  await page.reload();
  await expect.poll(() => blockTexts(page)).toEqual(['개발자 콘퍼런스가 열렸다. 콘퍼런스에는 몇일 동안 1만명이 다녀갔다.']);
  await expect(page.getByTestId('check-count')).toHaveAttribute('data-count', String(before - 3));
  await expect(page.getByTestId('check-finding').filter({ hasText: '몇일' })).toHaveCount(0);

  // The same mistake written elsewhere is found again: the keep was for that place only.
  await bodyEditor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' 몇일째 비가 왔다.');
  await expect(page.getByTestId('check-finding').filter({ hasText: '몇일' })).toHaveCount(1);

  // "Next finding" walks the underlines and opens the card on each.
  await page.getByTestId('check-next').click();
  await expect(page.getByTestId('finding-card')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('finding-card')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/3-after.png` });
});

/** The findings the editor's check plugin holds, whether or not they are drawn yet. */
function findingsInState(page: Page): Promise<string[]> {
  return bodyEditor(page).evaluate((el) => {
    type Found = { spec: { finding: { text: string } } };
    const { state } = (el as HTMLElement & { editor: { state: { plugins: Array<{ key: string; getState(s: unknown): { decorations: { find(): Found[] } } }> } } }).editor;
    const plugin = state.plugins.find((p) => p.key.startsWith('styleCheck$'));
    return plugin ? plugin.getState(state).decorations.find().map((d) => d.spec.finding.text) : ['no check plugin'];
  });
}

test('a word still being composed through the IME is not checked; once committed it is', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  const ime = await Ime.attach(page);
  await ime.type('행사는 ');
  // 컨퍼런스 held open as one composition, well past the pause after which text is checked.
  await ime.compose('컨퍼런스');
  expect(await isComposing(page)).toBe(true);
  await page.waitForTimeout(1200);
  // Neither drawn nor known: ProseMirror would keep a new underline off the composing text anyway,
  // so the editor's own state is what shows the word was not checked.
  await expect(page.getByTestId('check-finding')).toHaveCount(0);
  expect(await findingsInState(page)).toEqual([]);
  expect(await isComposing(page)).toBe(true);
  await ime.commit('컨퍼런스');
  await ime.settle();
  await expect(page.getByTestId('check-finding').filter({ hasText: '컨퍼런스' })).toHaveCount(1);
  expect(await findingsInState(page)).toEqual(['컨퍼런스']);
  await ime.type('로 열렸다.');
  await expect.poll(() => blockTexts(page)).toEqual(['행사는 컨퍼런스로 열렸다.']);
  await expect(page.getByTestId('check-finding').filter({ hasText: '컨퍼런스' })).toHaveCount(1);
});

test('a word the dictionary does not know is underlined as spelling; its card offers the dictionary\'s words, read from the app itself', async ({ app }) => {
  const { page } = app;
  const dictionaryRequests: string[] = [];
  page.on('request', (r) => {
    if (/\.(aff|dic)$/.test(new URL(r.url()).pathname)) dictionaryRequests.push(r.url());
  });
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  await page.keyboard.insertText('대퉁령은 오늘 국회에서 연설했다.');
  const misspelt = page.locator('.check-finding--spelling');
  await expect(misspelt).toHaveCount(1, { timeout: 30_000 });
  await expect(misspelt).toHaveText('대퉁령은');
  await expect(page.getByTestId('check-count')).toContainText('맞춤법 1건');
  // Offline: the dictionaries came from the app's own address, nowhere else.
  expect(dictionaryRequests.length).toBeGreaterThan(0);
  for (const url of dictionaryRequests) expect(new URL(url).origin).toBe(new URL(page.url()).origin);

  await misspelt.click();
  await expect(page.getByTestId('finding-suggestion').first()).toHaveText('대통령은', { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/4-spelling.png` });
  await page.getByTestId('finding-suggestion').first().click();
  await expect.poll(() => blockTexts(page)).toEqual(['대통령은 오늘 국회에서 연설했다.']);
  await expect(page.locator('.check-finding--spelling')).toHaveCount(0);
  await expect(page.getByTestId('check-count')).toHaveAttribute('data-count', '0');
});

test('the check follows the outlet\'s settings: a rule turned off stops underlining, a word added from a card stops being a misspelling', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('new-article').click();
  await bodyEditor(page).click();
  await page.keyboard.insertText('한빛타이탄스가 개발자 컨퍼런스에서 이겼다.');
  await expect(page.getByTestId('check-finding').filter({ hasText: '컨퍼런스' })).toHaveCount(1);
  const misspelt = page.locator('.check-finding--spelling').filter({ hasText: '한빛타이탄스가' });
  await expect(misspelt).toHaveCount(1, { timeout: 30_000 });

  // The admin adds the team's name to the newsroom word list from the card: the stem, not 가.
  await misspelt.click();
  await expect(page.getByTestId('finding-add-word')).toContainText('‘한빛타이탄스’');
  await page.getByTestId('finding-add-word').click();
  await expect(page.locator('.check-finding--spelling')).toHaveCount(0);
  await waitSaved(page);

  // Settings › House style: the word is on the list; the loanword rule is turned off.
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('house-style-words')).toContainText('한빛타이탄스');
  // Rules are grouped by category, each group folded.
  await page.getByTestId('house-style-category').filter({ has: page.locator('code', { hasText: 'loanword-conference' }) }).locator('summary').click();
  // The switch shows the settings as saved, so it turns once the library has them.
  await page.getByRole('checkbox', { name: /loanword-conference/ }).click();
  await expect(page.getByRole('checkbox', { name: /loanword-conference/ })).not.toBeChecked();
  await expect(page.getByTestId('house-style-on-count')).toContainText('253');
  await page.getByTestId('close-settings').click();
  await page.getByTestId('article-row').first().click();
  await expect.poll(() => blockTexts(page)).toEqual(['한빛타이탄스가 개발자 컨퍼런스에서 이겼다.']);
  await expect(page.getByTestId('check-count')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('check-finding')).toHaveCount(0);
});

test('a rule set with a pattern that could freeze the checker is refused whole, naming the rule, and the rules in force stay as they were', async ({ app }) => {
  const { page } = app;
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('house-style-on-count')).toContainText('254');
  const rule = (id: string, pattern: string, flags: string[], passes: string[]) => ({ id, category: 'style', check: { pattern }, message: { ko: `${id} 규칙`, en: `${id} rule` }, flags, passes });
  const file = {
    version: 1,
    outlet: '한빛일보',
    language: 'ko',
    rules: [rule('outlet-name', '한빛 일보', ['한빛 일보 기자'], ['한빛일보 기자']), rule('repeated-laughs', '(ㅋ+)+$', ['좋다ㅋㅋ'], ['좋다'])],
  };
  await page.getByTestId('house-style-file').setInputFiles({ name: 'hanbit-style.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const problems = page.getByTestId('house-style-problems');
  await expect(problems).toBeVisible({ timeout: 60_000 });
  await expect(problems).toContainText('repeated-laughs');
  await expect(problems).not.toContainText('outlet-name');
  // Nothing imported: the default set, all of it on.
  await expect(page.getByTestId('house-style-on-count')).toContainText('254');
  await expect(page.getByTestId('house-style-source')).not.toContainText('hanbit-style.json');
  await problems.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/4-import-refused.png` });
});

test('the headline and deck are checked too: a finding under the deck is fixed in the field with one click, or kept, and both are saved', async ({ app }) => {
  const { page } = app;
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('new-article').click();
  await page.getByTestId('field-headline').fill('개발자 컨퍼런스 사흘간 열려');
  await page.getByTestId('add-deck-line').click();
  await page.getByTestId('deck-line').first().fill('몇일 동안 1만명 다녀가');
  const listed = page.getByTestId('field-finding');
  await expect(listed.filter({ hasText: '컨퍼런스' })).toContainText('제목');
  await expect(listed.filter({ hasText: '몇일' })).toContainText('부제 1');
  // The side panel counts them with the body's (empty here).
  const count = page.getByTestId('check-count');
  await expect(count).toHaveAttribute('data-count', String(await listed.count()));
  await expect(count).toContainText(`표기 ${await listed.count()}건`);
  await page.screenshot({ path: `${SHOTS}/5-headline-findings.png` });

  // Fix: the headline field itself changes, and so does the saved copy.
  await listed.filter({ hasText: '컨퍼런스' }).getByTestId('field-finding-fix').click();
  await expect(page.getByTestId('field-headline')).toHaveValue('개발자 콘퍼런스 사흘간 열려');
  await expect(listed.filter({ hasText: '컨퍼런스' })).toHaveCount(0);
  // Keep: the deck stays as written, the finding is recorded on the story.
  await listed.filter({ hasText: '몇일' }).getByTestId('field-finding-keep').click();
  await expect(page.getByTestId('field-findings')).toHaveCount(0);
  await expect(count).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('deck-line').first()).toHaveValue('몇일 동안 1만명 다녀가');
  await waitSaved(page);
  const saved = savedArticle(app.libraryDir);
  expect(saved.headline).toBe('개발자 콘퍼런스 사흘간 열려');
  expect(saved.deck).toEqual(['몇일 동안 1만명 다녀가']);
  expect(saved.keptFindings).toEqual([{ rule: 'spelling-myeochil', before: '', text: '몇일', after: ' 동안 1만명 ' }]);
});
