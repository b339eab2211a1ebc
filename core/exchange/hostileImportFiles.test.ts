// Hostile files through the core's importFiles, as the app and the browser host call it: each is
// refused with its reason, nothing is saved (no article, no photo), and an ordinary file in the
// same batch, after them, still becomes an article.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestCore, tempDir } from '../testing/tempLibrary';
import { addAdmin } from '../testing/people';
import type { Core } from '../createCore';
import { deepHtmlPage, deepJson, deepMarkdownList, deepNinjsBody, deepNitf } from '../../shared/exchange/testing/hostileFiles';
import { zipOf } from './package/testing/zips';

let dir: Awaited<ReturnType<typeof tempDir>>;
let core: Core;
let actor: string;
beforeEach(async () => {
  dir = await tempDir();
  core = await openTestCore(dir.dir);
  actor = await addAdmin(core);
});
afterEach(async () => {
  await core.close();
  await dir.cleanup();
});

const utf8 = (s: string) => new TextEncoder().encode(s);
const job = { signal: new AbortController().signal, step: () => undefined };
const filesIn = async (sub: string) => (await readdir(join(dir.dir, sub), { recursive: true }).catch(() => [] as string[])).filter((n) => /\.json$/.test(String(n)));

it('refuses every hostile file without saving anything, and the next ordinary file imports', async () => {
  const articlesBefore = await filesIn('articles');
  const photosBefore = await core.library.photos.ids();
  const hostile = [
    { name: 'deep.md', bytes: utf8(deepMarkdownList(3000, 9 * 1024 * 1024)), reason: 'tooDeep' },
    { name: 'quotes.html', bytes: utf8(deepHtmlPage(10_000, 'blockquote')), reason: 'tooDeep' },
    { name: 'deep.xml', bytes: utf8(deepNitf(10_000)), reason: 'tooDeep' },
    { name: 'body.json', bytes: utf8(JSON.stringify(deepNinjsBody(10_000))), reason: 'tooDeep' },
    { name: 'nested.json', bytes: utf8(deepJson(100_000)), reason: 'tooDeep' },
    { name: 'bomb.zip', bytes: new Uint8Array(await zipOf(Array.from({ length: 480 }, (_, i) => ({ name: `z/${i}.bin`, zeros: 1024 * 1024 })))), reason: 'hostile' },
  ];
  const ordinary = { name: 'story.md', bytes: utf8('# 시의회 예산안 통과\n\n시의회가 내년 예산안을 통과시켰다.\n') };
  const t = performance.now();
  const { results } = await core.exchange.importFiles(actor, [...hostile, ordinary], job);
  const ms = performance.now() - t;
  console.info(`importFiles: ${hostile.length} hostile files and one story in ${ms.toFixed(0)} ms`);
  expect(ms).toBeLessThan(2000 * hostile.length);

  for (const [i, file] of hostile.entries()) {
    expect(results[i].articleId, file.name).toBeNull();
    expect(results[i].error?.code, file.name).toBe('importFailed');
    expect(results[i].error?.params.reason, file.name).toBe(file.reason);
  }
  const last = results[hostile.length];
  expect(last.error).toBeNull();
  expect(last.headline).toBe('시의회 예산안 통과');

  // Only the ordinary story was saved; no photo came in.
  const articlesAfter = await filesIn('articles');
  expect(articlesAfter.filter((n) => !articlesBefore.includes(n)).map((n) => String(n).replace(/\.json$/, ''))).toEqual([last.articleId]);
  expect(await core.library.photos.ids()).toEqual(photosBefore);
});
