// Keystroke latency in the app's editor on a live story while someone else types into it: the
// browser host's library connected to the newsroom server (as a person does, through the app),
// the story open in Chromium with the editor bound to the live document, and a Node provider (the
// desk) typing about 5 syllables a second at the story's end. Rounds of the same IME typing with
// the remote client typing and idle take turns, so noise hits both (the typing bench's probe).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchBrowserHost } from '../../host/launchBrowserHost';
import { emptyContent, type Article } from '../../shared/model/article';
import { koreanParagraphs, paragraphsToDoc } from '../koreanText';
import { LATENCY_PROBE } from '../typing/latencyProbe';
import { launchBenchChromium, typeRound } from '../typingBench';
import { percentile } from '../stats';
import { sized, type BenchOptions } from '../bench';
import type { Newsroom } from './relays';

const HEADLINE = '라이브 벤치마크';

type EditorElement = HTMLElement & { editor: { state: { doc: { textContent: string } } } };

const shownLength = (page: Page) => page.evaluate(() => (document.querySelector('[data-testid=body-editor] .ProseMirror') as EditorElement).editor.state.doc.textContent.length);

export async function remoteTyping(opts: BenchOptions, newsroom: Newsroom): Promise<{ lines: string[]; ok: boolean }> {
  const words = sized(opts, 10_000, 2_000);
  const rounds = sized(opts, 4, 2);
  const syllables = sized(opts, 60, 10);
  const { server, tokens } = newsroom;
  const call = async <T>(method: string, input: Record<string, unknown>) => {
    const answer = await server.call('POST', `/api/call/${method}`, input, tokens.r0);
    if (answer.status !== 200) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
    return answer.body.value as T;
  };
  const created = await call<Article>('createArticle', {});
  await call('saveArticle', { id: created.id, baseRevision: created.revision, content: { ...emptyContent('ko'), headline: HEADLINE, body: paragraphsToDoc(koreanParagraphs(words)) } });

  const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-bench-live-'));
  const host = await launchBrowserHost({ libraryDir });
  const samples = { alone: [] as number[], remote: [] as number[] };
  let browser: Browser | null = null;
  let remoteTyped = 0;
  let expected = 0;
  let shown = 0;
  const desk = newsroom.connect(created.id, 'park');
  try {
    browser = await launchBenchChromium();
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
    await context.addInitScript(LATENCY_PROBE);
    const page = await context.newPage();
    await page.goto(host.url);
    // Connecting the library, as the reporter does in the app.
    await page.getByTestId('connect-newsroom').click();
    await page.getByTestId('connect-server').fill(server.url);
    await page.getByTestId('connect-login').fill('r0');
    await page.getByTestId('connect-password').fill('r0 password 1');
    await page.getByTestId('connect-submit').click();
    await page.waitForSelector('[data-testid=connection-state][data-state=online]', { timeout: 30_000 });
    await page.getByTestId('article-row').filter({ hasText: HEADLINE }).click();
    await page.waitForSelector('[data-testid=body-editor] .ProseMirror[contenteditable=true]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=live-sync][data-connected=true]', { timeout: 30_000 });
    await new Promise<void>((resolve) => (desk.provider.isSynced ? resolve() : desk.provider.on('synced', () => resolve())));
    const start = await shownLength(page);

    for (let round = 0; round < rounds; round++) {
      for (const typing of round % 2 === 0 ? [false, true] : [true, false]) {
        const timer = typing ? setInterval(() => (desk.type('가'), (remoteTyped += 1)), 200) : null;
        try {
          (typing ? samples.remote : samples.alone).push(...(await typeRound(page, syllables)));
        } finally {
          if (timer) clearInterval(timer);
        }
      }
    }
    // Nobody's letters were lost: the page shows all it typed and all the desk typed.
    expected = start + 2 * rounds * syllables + remoteTyped;
    const started = Date.now();
    while ((shown = await shownLength(page)) !== expected && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 100));
  } finally {
    desk.destroy();
    await browser?.close();
    await host.close();
    await rm(libraryDir, { recursive: true, force: true });
  }
  const row = (name: string, s: number[]) => `   ${name.padEnd(38)} p50 ${percentile(s, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(s, 95).toFixed(2).padStart(6)} ms   (n=${s.length})`;
  return {
    ok: shown === expected && samples.alone.length > 0 && samples.remote.length > 0,
    lines: [
      `3. keystroke latency in the app (browser host bound to the server), ${words.toLocaleString('en')}-word Korean live story, IME mid-document:`,
      row('typing alone', samples.alone),
      row(`while the desk types ~5/s (${remoteTyped} typed)`, samples.remote),
      `   ratio with/without: p50 ${(percentile(samples.remote, 50) / percentile(samples.alone, 50)).toFixed(2)}×, p95 ${(percentile(samples.remote, 95) / percentile(samples.alone, 95)).toFixed(2)}× (target p95 ≤ 1.2×); characters shown ${shown} of ${expected}`,
    ],
  };
}
