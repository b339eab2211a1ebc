// The search index's own thread: updates are posted and not waited for, yet a query posted after
// them sees them; a worker that dies is replaced and catches up from the article files without
// losing a save; one that cannot start leaves the index in the core's thread; closing stops it.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Input } from '../../shared/contract/api';
import { emptyContent, type ArticleContent } from '../../shared/model/article';
import type { Core } from '../createCore';
import { openTestCore, tempDir } from '../testing/tempLibrary';
import { addAdmin } from '../testing/people';
import { runningSearchWorkers, SearchThread, useSearchWorker } from './searchThread';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  useSearchWorker(null);
  await cleanup();
});

const none = { ids: [], slots: new Int32Array(0), sizes: new Float64Array(0), mtimes: new Float64Array(0) };
const fields = (text: string) => [{ field: 'body' as const, text }];

describe('SearchThread', () => {
  it('answers a query after the updates posted before it, in a worker thread', async () => {
    const thread = new SearchThread(async () => undefined);
    try {
      expect(thread.inThread).toBe(false);
      await thread.request({ t: 'load', path: join(dir, 'search.bin'), live: none });
      // A burst of updates, none awaited, then the query at once: it must see the last of them.
      for (let i = 0; i < 200; i++) thread.post({ t: 'put', id: `a${i}`, fields: fields(`기사 ${i === 199 ? '배터리' : '반도체'}`), fp: { size: i, mtimeMs: i }, slot: i, count: true });
      thread.post({ t: 'remove', id: 'a3' });
      const hits = await thread.request({ t: 'search', text: '배터리' });
      expect(hits.t === 'hits' && [...hits.slots.subarray(0, hits.count)]).toEqual([199]);
      const chips = await thread.request({ t: 'search', text: '반도체' });
      expect(chips.t === 'hits' && chips.count).toBe(198);
    } finally {
      await thread.close();
    }
  });

  it('runs the index in the core thread when the worker cannot start, answering what was asked before', async () => {
    useSearchWorker(join(dir, 'no-such-worker.mjs'));
    let restarted = 0;
    const thread = new SearchThread(async () => {
      restarted++;
    });
    try {
      const loaded = thread.request({ t: 'load', path: join(dir, 'search.bin'), live: none });
      const answer = await loaded;
      expect(answer.t).toBe('checked');
      expect(thread.inThread).toBe(true);
      expect(restarted).toBe(1);
      thread.post({ t: 'put', id: 'a', fields: fields('환율'), fp: { size: 1, mtimeMs: 1 }, slot: 7, count: true });
      const hits = await thread.request({ t: 'search', text: '환율' });
      expect(hits.t === 'hits' && [...hits.slots.subarray(0, hits.count)]).toEqual([7]);
    } finally {
      await thread.close();
    }
  });
});

describe('the library with its search worker', () => {
  let core: Core;
  let admin: string;
  afterEach(async () => {
    await core.close().catch(() => undefined);
  });

  function story(headline: string, text: string): ArticleContent {
    return { ...emptyContent('ko'), headline, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
  }
  async function add(c: ArticleContent): Promise<string> {
    const a = await core.handlers.createArticle({ actor: admin });
    await core.handlers.saveArticle({ id: a.id, actor: admin, baseRevision: 0, content: c });
    return a.id;
  }
  function query(q: Partial<Input<'queryArticles'>>) {
    return core.handlers.queryArticles(contract.queryArticles.input.parse({ actor: admin, scope: 'active', offset: 0, limit: 50, ...q }));
  }

  it('loses no save when the worker dies: a new one loads the index again and reads the changed files', async () => {
    core = await openTestCore(dir);
    admin = await addAdmin(core);
    const first = await add(story('금리 동결', '본문'));
    await core.library.whenIndexed();
    expect(core.library.searchStats.restarts).toBe(0);
    // Saved (posted to the worker, not awaited) and the worker stopped at once, the save perhaps not applied.
    const second = await add(story('환율 급등', '본문'));
    const asked = query({ text: '환율' });
    await core.library.searchThreadProbe!.kill();
    expect((await asked).rows.map((r) => r.summary.id)).toEqual([second]);
    await core.library.whenIndexed();
    expect(core.library.searchStats).toMatchObject({ restarts: 1, inThread: false, documents: 2 });
    expect((await query({ text: '금리' })).rows.map((r) => r.summary.id)).toEqual([first]);
    // And it follows saves as before.
    const third = await add(story('환율 안정', '본문'));
    expect((await query({ text: '환율' })).rows.map((r) => r.summary.id).sort()).toEqual([second, third].sort());
  });

  it('stops its worker when the library closes, and starts one again when it opens', async () => {
    const before = runningSearchWorkers();
    core = await openTestCore(dir);
    admin = await addAdmin(core);
    await add(story('배터리', '본문'));
    await core.library.whenIndexed();
    expect(runningSearchWorkers()).toBe(before + 1);
    await core.close();
    expect(runningSearchWorkers()).toBe(before);
    core = await openTestCore(dir);
    await core.library.whenIndexed();
    expect(runningSearchWorkers()).toBe(before + 1);
    expect((await query({ text: '배터리' })).total).toBe(1);
  });
});
