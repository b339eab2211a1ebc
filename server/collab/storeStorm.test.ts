// Hocuspocus's store debounce, once a store outlasts maxDebounce, asks for a store on every change
// that arrives meanwhile; awaited one by one, the article row was written once per keystroke (the
// cluster bench's load run queued thousands per instance). The writes of one story are folded:
// one at a time, and the requests made during one become a single write after it.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../shared/model/article';
import { ArticleService } from '../articles/ArticleService';
import { pgliteStore } from '../testing/bothDatabases';
import { openCollab } from '../testing/collabClient';
import { staffDeskOfThree, startTestServer } from '../testing/testServer';
import { until } from '../testing/until';
import { CoalescedRuns } from './coalescedRuns';

const KEYSTROKES = 100;
/** Each write of the row takes this long at least: longer than the debounce and the gap between keystrokes. */
const SLOW_WRITE_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('writing live stories into their article rows', () => {
  afterEach(() => vi.restoreAllMocks());
  const made = pgliteStore();
  afterAll(async () => (await made).dispose());

  it('writes the row a few times while typing goes on, not once per keystroke, and ends with every keystroke in it', async () => {
    const materialise = ArticleService.prototype.materialise;
    const calls: string[] = [];
    vi.spyOn(ArticleService.prototype, 'materialise').mockImplementation(async function (this: ArticleService, id: string) {
      calls.push(id);
      await sleep(SLOW_WRITE_MS);
      return materialise.call(this, id);
    });
    const server = await startTestServer(await made, { collab: { debounceMs: 5, maxDebounceMs: 20 } });
    try {
      const tokens: Record<string, string> = {};
      await staffDeskOfThree(server, tokens, {});
      const story = (await server.call('POST', '/api/call/createArticle', {}, tokens.kim)).body.value as Article;
      const kim = openCollab(server.url, story.id, tokens.kim);
      await until(() => kim.provider.isSynced);
      for (let i = 0; i < KEYSTROKES; i++) {
        kim.type('가');
        await sleep(10);
      }
      await until(() => kim.provider.unsyncedChanges === 0, 30_000);
      const body = async () => JSON.stringify(((await server.call('POST', '/api/call/getArticle', { id: story.id }, tokens.kim)).body.value as Article).body);
      // Every keystroke reaches the row (a write asked for during another is not dropped).
      for (let t = 0; !(await body()).includes('가'.repeat(KEYSTROKES)); t++) {
        if (t > 600) throw new Error('the row never got every keystroke');
        await sleep(100);
      }
      // Then until no write has begun for a while (queued ones would still be coming, one per keystroke).
      for (let seen = -1, t = 0; seen !== calls.length && t < 60; t++) {
        seen = calls.length;
        await sleep(4 * SLOW_WRITE_MS);
      }
      // One per keystroke before (101 here); folded, about one per slow write while the keystrokes
      // arrive (6 here, typing for 1.3 s). Half the keystrokes leaves room for a loaded machine.
      expect(calls.length).toBeLessThan(KEYSTROKES / 2);
      kim.destroy();
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('CoalescedRuns', () => {
  it('runs one at a time per key and folds the requests made during a run into one run after it', async () => {
    const started: string[] = [];
    let release: (() => void)[] = [];
    const runs = new CoalescedRuns(async (key) => {
      started.push(key);
      await new Promise<void>((r) => release.push(r));
    });
    const first = runs.request('a');
    const asked = [runs.request('a'), runs.request('a'), runs.request('a')];
    runs.request('b');
    expect(started).toEqual(['a', 'b']);
    let settled = false;
    void Promise.all(asked).then(() => (settled = true));
    const go = () => {
      const r = release;
      release = [];
      r.forEach((f) => f());
    };
    go();
    await until(() => started.length === 3);
    expect(started).toEqual(['a', 'b', 'a']);
    expect(settled).toBe(false); // the folded requests wait for the run that began after them
    go();
    await Promise.all([first, ...asked]);
    await runs.idle();
    expect(started).toEqual(['a', 'b', 'a']);
  });
});
