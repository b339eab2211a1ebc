// Search and the big list: Hangul typed through a real IME finds words inside words (배터리 in
// 폐배터리를) with headline hits first and the match marked; Latin words match by prefix;
// filters narrow a search and the state chips count what the search finds; and a library of
// 3,000 generated articles is listed a screenful at a time, scrolled to its last row and opened
// far down.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openElectron, skipWithoutElectron } from './support/fixtures';
import { Ime } from './support/ime';
import { ADMIN, seedPeople, signInContext, signInPage } from './support/people';
import { launchBrowserHost } from '../host/launchBrowserHost';
import { writeLibrary } from '../bench/library/writeLibrary';
import type { CopydeskBridge } from '../shared/contract/bridge';
import type { ArticleSummary } from '../shared/model/article';
import { ROW_HEIGHT, SEARCH_DEBOUNCE_MS } from '../renderer/src/library/listLayout';

interface Seed {
  headline: string;
  body: string;
  tags?: string[];
  language?: 'ko' | 'en';
  /** Sent to the desk after saving. */
  send?: boolean;
}

/** Writes articles through the same API the app uses (create, save, send), then reloads the library. */
async function seed(page: Page, articles: Seed[]): Promise<void> {
  await page.evaluate(
    async ({ actor, articles }) => {
      const api = (window as unknown as { copydesk: CopydeskBridge }).copydesk;
      const ok = <T,>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value;
      };
      for (const a of articles) {
        const created = ok(await api.createArticle({ actor, language: a.language ?? 'ko' }));
        const content = {
          language: created.language,
          kicker: '',
          headline: a.headline,
          deck: [],
          byline: created.byline,
          dateline: '',
          tags: a.tags ?? [],
          body: { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: a.body }] }] },
          lengthTarget: null,
          deskNote: '',
          embargo: null,
        };
        ok(await api.saveArticle({ id: created.id, actor, baseRevision: created.revision, content }));
        if (a.send) ok(await api.transitionArticle({ id: created.id, actor, action: 'send' }));
      }
    },
    { actor: ADMIN.id, articles },
  );
  await page.reload();
  await expect(page.getByTestId('article-row')).toHaveCount(articles.length);
}

const HEADLINE_HIT = '배터리 값 내려간다';
const BODY_HIT = '도시광산 경쟁 불붙었다';
const CABBAGE = '배추값 폭등에 식탁 물가 비상';

// Seeded oldest first: the headline hit is the oldest of the three Korean stories, so only
// relevance (not recency) can put it first.
const STORIES: Seed[] = [
  { headline: HEADLINE_HIT, body: '전기차 가격이 내려간다.', tags: ['전기차'], send: true },
  { headline: CABBAGE, body: '김장철을 앞두고 배추 한 포기 값이 두 배가 됐다.', tags: ['물가'] },
  { headline: BODY_HIT, body: '정부가 폐배터리를 모아 리튬을 캐는 사업을 키운다.', tags: ['재활용'] },
  { headline: '금리 동결', body: '한국은행이 기준금리를 동결했다.', tags: ['금리'] },
  { headline: 'Port Avery opens new plant', body: 'The recycling plant opens in May on the harbour.', language: 'en', tags: ['trade'] },
  { headline: 'A recital at the harbour', body: 'A cello recital drew a crowd.', language: 'en', tags: ['culture'] },
];

const headlines = (page: Page) => page.getByTestId('article-row').getByTestId('row-headline');

test('Hangul typed through the IME finds the word inside words, headline hits first, marked; Escape clears', async ({ app }) => {
  const { page } = app;
  await seed(page, STORIES);
  const box = page.getByTestId('library-search');

  // Ctrl+F (⌘F on macOS) puts the cursor in the search box.
  await page.getByTestId('scope-active').focus();
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+F' : 'Control+F');
  await expect(box).toBeFocused();

  const ime = await Ime.attach(page);
  // A syllable still being composed is not searched for: the list stays as it was…
  await ime.compose('ㅂ');
  await ime.compose('배');
  await page.waitForTimeout(SEARCH_DEBOUNCE_MS * 3);
  await expect(page.getByTestId('article-row')).toHaveCount(STORIES.length);
  // …and once it is committed, it is: 배 also finds 배추.
  await ime.commit('배');
  await expect(headlines(page).filter({ hasText: CABBAGE })).toHaveCount(1);

  await ime.type('터리');
  await expect(box).toHaveValue('배터리');
  // The headline hit first, then the article with 폐배터리를 in its body; nothing for 배추 or 금리.
  await expect(headlines(page)).toHaveText([HEADLINE_HIT, BODY_HIT]);
  const [first, second] = [page.getByTestId('article-row').nth(0), page.getByTestId('article-row').nth(1)];
  await expect(first.getByTestId('row-headline').locator('mark')).toHaveText('배터리');
  await expect(second.getByTestId('row-headline').locator('mark')).toHaveCount(0);
  await expect(second.getByTestId('row-snippet')).toContainText('폐배터리를');
  await expect(second.getByTestId('row-snippet').locator('mark')).toHaveText('배터리');
  await expect(second.getByTestId('row-snippet')).toHaveAttribute('data-field', 'body');
  // The order says it is by relevance while searching.
  await expect(page.getByTestId('filter-order').locator('option:checked')).toHaveText('관련도순');
  // The windowed list keeps table semantics that assistive tech can follow.
  await expect(page.getByTestId('article-list')).toHaveAttribute('aria-rowcount', '3');
  expect(await page.getByTestId('article-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-rowindex')))).toEqual(['2', '3']);
  const { violations } = await new AxeBuilder({ page }).include('[data-testid=article-list]').include('[role=search]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(page.getByTestId('article-row')).toHaveCount(STORIES.length);
  await expect(page.getByTestId('row-snippet')).toHaveCount(0);
  await expect(page.getByTestId('filter-order').locator('option:checked')).toHaveText('대기 순');
});

test('a Latin prefix finds the whole word; "/" focuses the search box', async ({ app }) => {
  const { page } = app;
  await seed(page, STORIES);
  const box = page.getByTestId('library-search');
  await page.getByTestId('scope-active').focus();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.type('recycl');
  await expect(headlines(page)).toHaveText(['Port Avery opens new plant']);
  const snippet = page.getByTestId('row-snippet');
  await expect(snippet).toContainText('recycling plant');
  await expect(snippet.locator('mark')).toHaveText('recycl');
  // 'recital' shares 'rec' but not the prefix typed.
  await expect(headlines(page).filter({ hasText: 'recital' })).toHaveCount(0);

  await box.fill('nothing-matches-this');
  await expect(page.getByTestId('library-empty')).toContainText('nothing-matches-this');
});

test('filters narrow a search, and the state chips count what the search finds', async ({ app }) => {
  const { page } = app;
  await seed(page, STORIES);
  await expect(page.getByTestId('state-count-all')).toHaveText('6');
  await expect(page.getByTestId('state-count-sent')).toHaveText('1');

  await page.getByTestId('library-search').click();
  const ime = await Ime.attach(page);
  await ime.type('배터리');
  await expect(headlines(page)).toHaveText([HEADLINE_HIT, BODY_HIT]);
  await expect(page.getByTestId('state-count-all')).toHaveText('2');
  await expect(page.getByTestId('state-count-sent')).toHaveText('1');
  await expect(page.getByTestId('state-count-draft')).toHaveText('1');

  await page.getByTestId('state-filter-sent').click();
  await expect(headlines(page)).toHaveText([HEADLINE_HIT]);
  // The chips still show what each state would give with this search.
  await expect(page.getByTestId('state-count-draft')).toHaveText('1');
  await page.getByTestId('state-filter-all').click();

  await page.getByTestId('filter-tag').selectOption('재활용');
  await expect(headlines(page)).toHaveText([BODY_HIT]);
  await expect(page.getByTestId('state-count-all')).toHaveText('1');
  await expect(page.getByTestId('state-count-sent')).toHaveText('0');

  // The tag alone, without the search, lists the same one; with a tag nobody searched for, nothing.
  await page.getByTestId('library-search').press('Escape');
  await expect(headlines(page)).toHaveText([BODY_HIT]);
  await page.getByTestId('filter-tag').selectOption('금리');
  await expect(headlines(page)).toHaveText(['금리 동결']);
  await page.getByTestId('clear-filters').click();
  await expect(page.getByTestId('article-row')).toHaveCount(STORIES.length);
});

/**
 * A generated library of 3,000 articles, written once into a cache folder of this suite's own
 * and copied for each run; what the list should show is read from the article files themselves.
 */
async function bigLibrary(): Promise<{ dir: string; articles: Pick<ArticleSummary, 'id' | 'headline' | 'status' | 'updatedAt' | 'trashedAt'>[] }> {
  const source = await writeLibrary(join(tmpdir(), 'copydesk-e2e-cache'), 3000);
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-big-'));
  await cp(source, dir, { recursive: true, preserveTimestamps: true });
  await seedPeople(dir, [ADMIN]);
  const names = (await readdir(join(dir, 'articles'))).filter((n) => n.endsWith('.json'));
  const articles = await Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, 'articles', n), 'utf8')) as ArticleSummary));
  return { dir, articles };
}

test('3,000 articles: a screenful of rows in the page, the last one reached by scrolling, one far down opened', async ({ host, hostBrowser }, testInfo) => {
  test.setTimeout(180_000);
  skipWithoutElectron(host, testInfo);
  const { dir, articles } = await bigLibrary();
  let close: () => Promise<void>;
  let page: Page;
  if (hostBrowser) {
    const running = await launchBrowserHost({ libraryDir: dir });
    const context = await hostBrowser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
    await signInContext(context, dir, ADMIN.id);
    page = await context.newPage();
    await page.goto(running.url);
    close = async () => {
      await context.close();
      await running.close();
    };
  } else {
    const opened = await openElectron(dir);
    page = opened.page;
    await signInPage(page, dir, ADMIN.id);
    close = opened.close;
  }
  try {
    const active = articles.filter((s) => s.trashedAt === null);
    expect(active.length).toBeGreaterThan(2900);
    // Without a search an admin's queue lists sent, in-review and approved copy first, then the
    // rest newest first: the last row is the least recently changed of the rest.
    const waiting = new Set(['sent', 'review', 'approved']);
    const lastOne = active
      .filter((s) => !waiting.has(s.status))
      .reduce((a, b) => (b.updatedAt < a.updatedAt || (b.updatedAt === a.updatedAt && b.id > a.id) ? b : a));

    const list = page.getByTestId('article-list');
    await expect(page.getByTestId('article-row').first()).toBeVisible();
    await expect(list).toHaveAttribute('aria-rowcount', String(active.length + 1)); // the rows and the header row
    await expect(page.getByTestId('state-count-all')).toHaveText(new Intl.NumberFormat('ko').format(active.length));
    const rowsInPage = () => page.locator('[data-testid=article-list] [role=row]').count();
    expect(await rowsInPage()).toBeLessThan(150);
    const firstId = await page.getByTestId('article-row').first().getAttribute('data-article-id');

    // To the end: the last article is there, at the last row index, and the top rows are gone from the page.
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = page.locator(`[data-testid=article-row][data-article-id="${lastOne.id}"]`);
    await expect(last).toBeVisible();
    await expect(last).toHaveAttribute('aria-rowindex', String(active.length + 1));
    await expect(last.getByTestId('row-headline')).toContainText(lastOne.headline);
    expect(await rowsInPage()).toBeLessThan(150);
    await expect(page.locator(`[data-article-id="${firstId}"]`)).toHaveCount(0);

    // Far down, but not at the end: row 2,001 opens its own article.
    await list.evaluate((el, top) => el.scrollTo({ top }), 2000 * ROW_HEIGHT);
    const far = page.locator('[data-testid=article-row][aria-rowindex="2002"]');
    await expect(far).toBeVisible();
    const id = await far.getAttribute('data-article-id');
    const expected = active.find((s) => s.id === id)!;
    expect(expected).toBeTruthy();
    await far.getByTestId('row-headline').click();
    await expect(page.getByTestId('field-headline')).toHaveValue(expected.headline);
  } finally {
    await close();
    await rm(dir, { recursive: true, force: true });
  }
});
