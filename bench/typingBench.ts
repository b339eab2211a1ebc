// Keystroke latency in a 10,000-word Korean article: our editor (the real app through the browser
// host, counting and autosave included) against bare TipTap StarterKit on the same document, in
// the same run, rounds interleaved so machine noise hits both alike.
import { addAdmin } from '../core/testing/people';
import { personStorageKey } from '../shared/model/person';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumExecutable } from '../e2e/support/chromiumExecutable';
import { compositionSteps } from '../e2e/support/hangul';
import { openCore } from '../core/createCore';
import { launchBrowserHost } from '../host/launchBrowserHost';
import { emptyContent } from '../shared/model/article';
import { koreanParagraphs, paragraphsToDoc } from './koreanText';
import { LATENCY_PROBE } from './typing/latencyProbe';
import { percentile } from './stats';
import { CHECK_SETTING } from '../renderer/src/editor/check/checkingClient';
import { sized, type Bench, type BenchOptions } from './bench';

const TEXT = '폐배터리에서리튬을캐는도시광산재활용경쟁이불붙었다';

async function buildBarePage(outDir: string): Promise<void> {
  await build({ root: resolve('bench/typing'), logLevel: 'error', build: { outDir, emptyOutDir: true, target: 'es2022' } });
}

function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer(async (req, res) => {
    const path = join(dir, (req.url ?? '/').split('?')[0].replace(/^\/+/, '') || 'index.html');
    if (!path.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address() as { port: number };
    ok({ server, url: `http://127.0.0.1:${addr.port}/` });
  }));
}

type EditorElement = HTMLElement & {
  editor: { isEditable: boolean; state: { doc: { content: { size: number } }; selection: { from: number } }; view: { hasFocus(): boolean }; commands: { focus(p: number): void } };
};

/**
 * Makes `page` the one the keys go to, with the caret mid-document in an editable editor. The
 * page brought to front becomes visible and focused a moment later, and TipTap's `focus` command
 * places the caret in an animation frame, which a hidden page never runs: IME events sent before
 * all of that has happened reach no editor and are lost.
 */
async function caretMidDocument(page: Page): Promise<void> {
  await page.bringToFront();
  await page.waitForFunction(() => document.visibilityState === 'visible' && document.hasFocus(), undefined, { polling: 50, timeout: 10_000 });
  // The body's editor: a live story's fields beside it are editors too (the bare page has only one).
  const target = await page.evaluate(() => {
    const el = (document.querySelector('[data-testid=body-editor] .ProseMirror') ?? document.querySelector('.ProseMirror')) as EditorElement;
    const pos = Math.floor(el.editor.state.doc.content.size / 2);
    el.editor.commands.focus(pos);
    return pos;
  });
  await page.waitForFunction(
    (pos) => {
      const el = (document.querySelector('[data-testid=body-editor] .ProseMirror') ?? document.querySelector('.ProseMirror')) as EditorElement;
      return el.editor.isEditable && el.editor.view.hasFocus() && document.activeElement === el && Math.abs(el.editor.state.selection.from - pos) <= 2;
    },
    target,
    { polling: 50, timeout: 10_000 },
  );
  await page.evaluate(() => ((window as unknown as { __latency: number[] }).__latency.length = 0));
}

/** Types syllables through IME composition with the caret mid-document; returns latency samples. */
export async function typeRound(page: Page, syllables: number): Promise<number[]> {
  await caretMidDocument(page);
  const cdp = await page.context().newCDPSession(page);
  let expected = 0;
  const waitFor = async (n: number) => {
    try {
      await page.waitForFunction((k) => (window as unknown as { __latency: number[] }).__latency.length >= k, n, { polling: 'raf', timeout: 30_000 });
    } catch (err) {
      const state = await page.evaluate(() => ({ samples: (window as unknown as { __latency: number[] }).__latency.length, active: document.activeElement?.className ?? document.activeElement?.tagName, visible: document.visibilityState, text: document.body.innerText.slice(0, 300) }));
      throw new Error(`no keystroke reached the editor (expected ${n} samples): ${JSON.stringify(state)}`, { cause: err });
    }
  };
  for (const ch of TEXT.repeat(Math.ceil(syllables / TEXT.length)).slice(0, syllables)) {
    for (const step of compositionSteps(ch)) {
      await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
      await waitFor(++expected);
    }
    await cdp.send('Input.insertText', { text: ch });
    await waitFor(++expected);
  }
  await cdp.detach();
  return page.evaluate(() => (window as unknown as { __latency: number[] }).__latency.slice());
}

/** Debian's Chromium, quiet (no background traffic), as every browser bench launches it. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

async function runTypingBench(opts: BenchOptions): Promise<string[]> {
  const words = sized(opts, 10_000, 2_000);
  const rounds = sized(opts, 4, 2);
  const syllables = sized(opts, 60, 10);
  const work = await mkdtemp(join(tmpdir(), 'copydesk-typing-'));
  // Every eighth paragraph carries house-style mistakes, so the checker has underlines to keep in place while typing.
  const doc = paragraphsToDoc(koreanParagraphs(words).map((p, i) => (i % 8 === 0 ? `${p} 개발자 컨퍼런스는 몇일 동안 열렸다.` : p)));
  const bareDir = join(work, 'bare');
  await buildBarePage(bareDir);
  await writeFile(join(bareDir, 'doc.json'), JSON.stringify(doc));
  const bare = await serveStatic(bareDir);

  // Seed a library with the same document as an article.
  const libraryDir = join(work, 'library');
  const core = await openCore({ libraryDir, appInfo: { version: 'bench', platform: process.platform, host: 'browser', systemLocale: 'ko-KR', mediaBase: '/media/' } });
  const actor = await addAdmin(core);
  const article = await core.handlers.createArticle({ actor, language: 'ko' });
  await core.handlers.saveArticle({ id: article.id, actor, baseRevision: article.revision, content: { ...emptyContent('ko'), headline: '벤치마크', body: doc } });
  await core.close();
  const host = await launchBrowserHost({ libraryDir });

  const samples = { ours: [] as number[], bare: [] as number[], unchecked: [] as number[] };
  let browser: Browser | null = null;
  let findingsDrawn = 0;
  try {
    browser = await launchBenchChromium();
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
    await context.addInitScript(LATENCY_PROBE);
    // The app opens as the library's admin, as a returning user's machine would remember.
    await context.addInitScript(([k, id]) => localStorage.setItem(k, id), [personStorageKey(libraryDir), actor] as const);
    const barePage = await context.newPage();
    await barePage.goto(bare.url);
    await barePage.waitForSelector('.ProseMirror');
    const ourPage = await context.newPage();
    await ourPage.goto(host.url);
    await ourPage.getByTestId('article-row').first().click();
    await ourPage.waitForSelector('[data-testid=body-editor] .ProseMirror[contenteditable=true]');
    // The same app with house style checking off (its own context: the switch is in local storage).
    const offContext = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
    await offContext.addInitScript(LATENCY_PROBE);
    await offContext.addInitScript(([k, id, check]) => {
      localStorage.setItem(k, id);
      localStorage.setItem(check, 'off');
    }, [personStorageKey(libraryDir), actor, CHECK_SETTING] as const);
    const offPage = await offContext.newPage();
    await offPage.goto(host.url);
    await offPage.getByTestId('article-row').first().click();
    await offPage.waitForSelector('[data-testid=body-editor] .ProseMirror[contenteditable=true]');
    // Checking on: the story's findings are drawn before typing starts (the count says so).
    await ourPage.waitForSelector('[data-testid=check-finding]', { timeout: 60_000 });
    for (let round = 0; round < rounds; round++) {
      samples.ours.push(...(await typeRound(ourPage, syllables)));
      samples.bare.push(...(await typeRound(barePage, syllables)));
      samples.unchecked.push(...(await typeRound(offPage, syllables)));
    }
    const drawn = await ourPage.locator('[data-testid=check-finding]').count();
    const drawnOff = await offPage.locator('[data-testid=check-finding]').count();
    if (drawnOff !== 0) throw new Error(`checking was meant to be off on one page, but it drew ${drawnOff} findings`);
    findingsDrawn = drawn;
  } finally {
    await browser?.close();
    await host.close();
    bare.server.close();
    await rm(work, { recursive: true, force: true });
  }
  const row = (name: string, s: number[]) => `  ${name.padEnd(22)} p50 ${percentile(s, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(s, 95).toFixed(2).padStart(6)} ms   (n=${s.length})`;
  const ratio95 = percentile(samples.ours, 95) / percentile(samples.bare, 95);
  const ratio50 = percentile(samples.ours, 50) / percentile(samples.bare, 50);
  return [
    `Keystroke latency, ${words.toLocaleString('en')}-word Korean article, IME composition mid-document (beforeinput → next frame):`,
    row('bare TipTap StarterKit', samples.bare),
    row('Copydesk editor', samples.ours),
    `  ratio ours/bare: p50 ${ratio50.toFixed(2)}×, p95 ${ratio95.toFixed(2)}× (target p95 ≤ 1.2×)`,
    row('Copydesk, checking off', samples.unchecked),
    `  house style checking on/off: p50 ${(percentile(samples.ours, 50) / percentile(samples.unchecked, 50)).toFixed(2)}×, p95 ${(percentile(samples.ours, 95) / percentile(samples.unchecked, 95)).toFixed(2)}× (target p95 ≤ 1.2×; ${findingsDrawn} findings underlined in the story)`,
  ];
}

export const typingBench: Bench = { name: 'Typing', run: runTypingBench };
