// Part 2 of the offline bench: keystroke latency in the app's editor in Chromium, the way a person
// feels it (IME composition mid-document, beforeinput → the next frame; the typing bench's probe),
// in a live story opened offline from its replica, against the same document in an unconnected
// library (issue 17: ≤ 1.1×). Two browser hosts in this process, one page each in one browser:
//   (a) a plain library holding the story as an ordinary article (no server anywhere);
//   (b) a library connected to the newsroom server through the app (as a reporter does), where the
//       story is opened once online (so its replica is on disk) and left, then the server stops,
//       the page reloads and the story is opened again: the header and the story both say offline.
// Rounds take turns (a, b, a, b…) so machine noise hits both. At the end every syllable typed in
// (b) must be in its replica on disk, and on the server once it is back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { Browser, Page } from '@playwright/test';
import { launchBrowserHost } from '../../host/launchBrowserHost';
import { openCore } from '../../core/createCore';
import { addAdmin } from '../../core/testing/people';
import { ReplicaLog } from '../../core/newsroom/live/replicaLog';
import { readBody } from '../../shared/live/bodyFragment';
import { emptyContent, type ArticleContent } from '../../shared/model/article';
import { personStorageKey } from '../../shared/model/person';
import { koreanParagraphs, paragraphsToDoc } from '../koreanText';
import { LATENCY_PROBE } from '../typing/latencyProbe';
import { launchBenchChromium, typeRound } from '../typingBench';
import { percentile } from '../stats';
import { sized, type BenchOptions } from '../bench';
import { bodyText, type BoundDesk } from './boundDesk';

const HEADLINE = '오프라인 타자 벤치';

type EditorElement = HTMLElement & { editor: { state: { doc: { textContent: string } } } };

/** The body editor's text, paragraphs one after another (as bodyText reads a stored body). */
const shownText = (page: Page) => page.evaluate(() => (document.querySelector('[data-testid=body-editor] .ProseMirror') as EditorElement).editor.state.doc.textContent);

/** What the story's replica on disk holds, read without opening it for writing (the host's core has it open). */
async function replicaText(libraryDir: string, id: string): Promise<string> {
  const contents = await ReplicaLog.peek(libraryDir, id);
  if (!contents || contents.updates.length === 0) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(contents.updates));
  const text = bodyText(readBody(doc));
  doc.destroy();
  return text;
}

async function until(check: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** A plain library (no server) holding `content` as its one article, and who opens it. */
async function plainLibrary(dir: string, content: ArticleContent): Promise<string> {
  const core = await openCore({ libraryDir: dir, appInfo: { version: 'bench', platform: process.platform, host: 'browser', systemLocale: 'ko-KR', mediaBase: '/media/' }, backupSchedule: false });
  try {
    const actor = await addAdmin(core);
    const article = await core.handlers.createArticle({ actor, language: 'ko' });
    await core.handlers.saveArticle({ id: article.id, actor, baseRevision: article.revision, content });
    return actor;
  } finally {
    await core.close();
  }
}

const editorReady = (page: Page) => page.waitForSelector('[data-testid=body-editor] .ProseMirror[contenteditable=true]', { timeout: 60_000 });

/** The header's word on the connection and the story's, as the page shows them now. */
const saysOffline = async (page: Page) => ({
  header: await page.getByTestId('connection-state').getAttribute('data-state'),
  story: await page.getByTestId('live-sync').getAttribute('data-connected'),
});

/**
 * The server is up on entry and up again on return. `desk` provides the server, its reporter
 * (kim, who signs in through the app) and the story.
 */
export async function browserOfflineTyping(opts: BenchOptions, desk: BoundDesk): Promise<{ lines: string[]; ok: boolean }> {
  const words = sized(opts, 10_000, 2_000);
  const rounds = sized(opts, 6, 3);
  const syllables = sized(opts, 40, 12);
  const content: ArticleContent = { ...emptyContent('ko'), headline: HEADLINE, body: paragraphsToDoc(koreanParagraphs(words, 17)) };
  const id = await desk.createStory(0, content);

  const work = await mkdtemp(join(tmpdir(), 'copydesk-bench-offline-typing-'));
  const plainDir = join(work, 'plain');
  const boundDir = join(work, 'bound');
  const actor = await plainLibrary(plainDir, content);
  const plainHost = await launchBrowserHost({ libraryDir: plainDir });
  const boundHost = await launchBrowserHost({ libraryDir: boundDir });
  const samples = { plain: [] as number[], offline: [] as number[] };
  let browser: Browser | null = null;
  let before = { header: null as string | null, story: null as string | null };
  let after = before;
  let start = '';
  let shown = '';
  let onDisk = '';
  let onServer = '';
  let inReplica = false;
  let stored = false;
  try {
    browser = await launchBenchChromium();
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 900 } });
    await context.addInitScript(LATENCY_PROBE);
    await context.addInitScript(([k, who]) => localStorage.setItem(k, who), [personStorageKey(plainDir), actor] as const);

    const plain = await context.newPage();
    await plain.goto(plainHost.url);
    await plain.getByTestId('article-row').filter({ hasText: HEADLINE }).click();
    await editorReady(plain);

    // (b) online first: connected through the app, the story opened live and stored, then left.
    const page = await context.newPage();
    await page.goto(boundHost.url);
    await page.getByTestId('connect-newsroom').click();
    await page.getByTestId('connect-server').fill(desk.serverUrl);
    await page.getByTestId('connect-login').fill('kim');
    await page.getByTestId('connect-password').fill('kim password 1');
    await page.getByTestId('connect-submit').click();
    await page.waitForSelector('[data-testid=connection-state][data-state=online]', { timeout: 30_000 });
    await page.getByTestId('article-row').filter({ hasText: HEADLINE }).click();
    await editorReady(page);
    await page.waitForSelector('[data-testid=live-sync][data-connected=true]', { timeout: 30_000 });
    await page.getByTestId('back-to-library').click();
    await page.getByTestId('article-row').filter({ hasText: HEADLINE }).waitFor();
    // Its replica is on disk, holding the whole story.
    if (!(await until(async () => (await replicaText(boundDir, id)).length > 0, 10_000))) throw new Error(`the story ${id} has no replica after being opened online`);

    // The server goes; the page reloads and opens the story again, from its replica.
    await desk.stopServer();
    await page.waitForSelector('[data-testid=connection-state][data-state=offline]', { timeout: 30_000 });
    await page.reload();
    await page.waitForSelector('[data-testid=connection-state][data-state=offline]', { timeout: 30_000 });
    await page.getByTestId('article-row').filter({ hasText: HEADLINE }).click();
    await editorReady(page);
    await page.getByTestId('live-sync').waitFor();
    before = await saysOffline(page);
    start = await shownText(page);

    // Warm-up (JIT, first layout of each page), not counted; then the rounds, taking turns.
    await typeRound(plain, 3);
    await typeRound(page, 3);
    for (let r = 0; r < rounds; r++) {
      samples.plain.push(...(await typeRound(plain, syllables)));
      samples.offline.push(...(await typeRound(page, syllables)));
    }
    after = await saysOffline(page);

    // Every syllable typed in (b) is in its replica on disk, and on the server once it is back.
    shown = await shownText(page);
    inReplica = await until(async () => (onDisk = await replicaText(boundDir, id)) === shown, 10_000);
    await desk.startServer();
    stored = await until(async () => (onServer = await desk.storedText(id)) === shown, 30_000);
  } finally {
    await browser?.close();
    await plainHost.close();
    await boundHost.close();
    await rm(work, { recursive: true, force: true });
  }
  // typeRound types whole syllables; each is one character of the text.
  const typed = 3 + rounds * syllables;
  const complete = shown.length === start.length + typed;
  const offline = before.header === 'offline' && before.story === 'false' && after.header === 'offline' && after.story === 'false';
  const [a50, a95, b50, b95] = [percentile(samples.plain, 50), percentile(samples.plain, 95), percentile(samples.offline, 50), percentile(samples.offline, 95)];
  const row = (name: string, s: number[]) => `   ${name.padEnd(52)} p50 ${percentile(s, 50).toFixed(2).padStart(6)} ms   p95 ${percentile(s, 95).toFixed(2).padStart(6)} ms   (n=${s.length})`;
  const says = (s: typeof before) => `header ${s.header}, story connected=${s.story}`;
  return {
    ok: offline && complete && inReplica && stored && samples.plain.length > 0 && samples.offline.length === samples.plain.length,
    lines: [
      `2. keystroke latency in the app (Chromium, browser hosts), ${words.toLocaleString('en')}-word Korean story, IME composition mid-document (beforeinput → next frame), ${rounds} rounds × ${syllables} syllables each way, taking turns:`,
      row('(a) unconnected library (baseline)', samples.plain),
      row('(b) live story opened offline from its replica', samples.offline),
      `   ratio (b)/(a): p50 ${(b50 / a50).toFixed(2)}×, p95 ${(b95 / a95).toFixed(2)}× (target ≤ 1.1×)`,
      `   (b) said offline: ${offline ? 'yes' : 'NO'} (opened: ${says(before)}; after typing: ${says(after)})`,
      `   (b) every syllable kept: shown ${shown.length - start.length} of ${typed} typed; replica on disk ${inReplica ? 'holds them all' : `DIFFERS (${onDisk.length} characters, shown ${shown.length})`}; server once back ${stored ? 'holds them all' : `DIFFERS (${onServer.length} characters, shown ${shown.length})`}`,
    ],
  };
}
