// Takes the README's screenshots (docs/screenshot-*.png) from a demo library, through the browser
// host in Debian's Chromium at 1280×800: `npm run screenshots`. Run it after changing a screen the
// README shows, then look at the pictures before committing them.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { launchBrowserHost } from '../host/launchBrowserHost';
import { chromiumExecutable } from '../e2e/support/chromiumExecutable';
import { personStorageKey } from '../shared/model/person';
import { buildDemoLibrary } from './demo/demoLibrary';
import { webCopyText } from '../e2e/support/webCopy';

// `--out <dir>` writes them elsewhere, to look at before replacing the README's.
const outAt = process.argv.indexOf('--out');
const DOCS = outAt > 0 ? resolve(process.argv[outAt + 1]) : resolve(import.meta.dirname, '..', 'docs');
const VIEWPORT = { width: 1280, height: 800 };

async function main() {
  await mkdir(DOCS, { recursive: true });
  const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-demo-'));
  const exportDir = await mkdtemp(join(tmpdir(), 'copydesk-demo-export-'));
  const demo = await buildDemoLibrary(libraryDir);
  const host = await launchBrowserHost({ libraryDir, exportDir });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu', '--lang=ko-KR'] });
  const shots: string[] = [];
  try {
    const pageAs = async (personId: string, locale = 'ko-KR') => {
      const context = await browser.newContext({ locale, viewport: VIEWPORT, deviceScaleFactor: 1 });
      await context.addInitScript(([k, id]) => localStorage.setItem(k, id), [personStorageKey(libraryDir), personId] as const);
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByTestId('article-list').waitFor();
      return page;
    };
    const shoot = async (page: Page, name: string) => {
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready);
      const path = join(DOCS, `screenshot-${name}.png`);
      await page.screenshot({ path });
      shots.push(path);
    };
    const open = async (page: Page, headline: string) => {
      await page.getByTestId('article-row').filter({ hasText: headline }).click();
      await page.getByTestId('article-status').waitFor();
    };
    const battery = '폐배터리 재활용 공장 첫 가동…연 2만t 처리';

    const reporter = await pageAs(demo.reporter.id);
    await shoot(reporter, 'library');
    await reporter.getByTestId('library-search').fill('배터리');
    await reporter.getByTestId('row-snippet').first().waitFor();
    await shoot(reporter, 'search');

    const editor = await pageAs(demo.editor.id);
    await shoot(editor, 'queue');
    await open(editor, battery);
    await shoot(editor, 'article');
    await editor.getByTestId('photo-panel').scrollIntoViewIfNeeded();
    await editor.getByTestId('figure').nth(1).scrollIntoViewIfNeeded();
    await shoot(editor, 'photos');
    // The desk tries to approve: the checklist lists what is missing and where.
    await editor.evaluate(() => window.scrollTo(0, 0));
    await editor.getByTestId('action-approve').click();
    await editor.getByTestId('missing-place').first().waitFor();
    await shoot(editor, 'checklist');
    await editor.keyboard.press('Escape');
    await editor.evaluate(() => window.scrollTo(0, 0));
    await editor.getByTestId('open-history').click();
    await editor.getByTestId('history-audit').first().waitFor();
    await shoot(editor, 'history');
    await editor.keyboard.press('Escape');

    await editor.getByTestId('back-to-library').click();
    // The reporter brings in a web page copied as text, and a file that only pretends to be a .docx.
    // A window in the background has its timers throttled (the search box's debounce among them).
    await reporter.bringToFront();
    await reporter.getByTestId('library-search').fill('');
    await reporter.getByTestId('article-row').nth(1).waitFor();
    await reporter.getByTestId('import-picker').setInputFiles([
      { name: '부산항.txt', mimeType: 'text/plain', buffer: Buffer.from(webCopyText()) },
      { name: '보도자료.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('not a zip') },
    ]);
    await reporter.getByTestId('import-file-result').nth(1).waitFor();
    await shoot(reporter, 'import');

    await editor.getByTestId('article-row').filter({ hasText: '항구 도시' }).getByTestId('select-row').check();
    await editor.getByTestId('export-articles').click();
    await editor.getByTestId('export-start').click();
    await editor.getByTestId('export-result').waitFor();
    await shoot(editor, 'export');

    // The reporter writes with two house-style slips: underlined, and the card on one of them.
    await reporter.bringToFront();
    await reporter.getByTestId('new-article').click();
    await reporter.getByTestId('field-headline').fill('개발자 행사에 1만5000명 몰려');
    await reporter.locator('[data-testid=body-editor] .ProseMirror').click();
    await reporter.keyboard.insertText('올해 개발자 컨퍼런스에는 몇일 동안 1만5000명이 다녀갔다. 주최 측은 내년 컨퍼런스 규모를 늘리겠다는 메세지를 냈다.');
    await reporter.getByTestId('check-finding').nth(2).waitFor();
    await reporter.getByTestId('check-finding').first().click();
    await reporter.getByTestId('finding-card').waitFor();
    await shoot(reporter, 'house-style');
  } finally {
    await browser.close();
    await host.close();
    await rm(libraryDir, { recursive: true, force: true });
    await rm(exportDir, { recursive: true, force: true });
  }
  for (const s of shots) console.log(`wrote ${s}`);
}

await main();
