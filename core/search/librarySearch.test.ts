// The library list at work: search through the core contract, filters and counts, ordering by
// role and relevance, snippets, the index following saves, and surviving a restart.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, type Input } from '../../shared/contract/api';
import { emptyContent, type ArticleContent } from '../../shared/model/article';
import { openTestCore } from '../testing/tempLibrary';
import { addPerson } from '../testing/people';
import { useTestCore } from '../testing/useTestCore';

const lib = useTestCore();
let reporter: string;
beforeEach(async () => {
  reporter = await addPerson(lib.core, '김하늘', 'reporter', lib.actor);
});

function story(headline: string, text: string, extra: Partial<ArticleContent> = {}): ArticleContent {
  return { ...emptyContent('ko'), headline, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, ...extra };
}

async function add(c: ArticleContent, as = reporter): Promise<string> {
  const a = await lib.core.handlers.createArticle({ actor: as });
  await lib.core.handlers.saveArticle({ id: a.id, actor: as, baseRevision: 0, content: c });
  return a.id;
}

/** Through the contract's parser, as the renderer's calls arrive. */
function query(q: Partial<Input<'queryArticles'>>, actor = lib.actor) {
  return lib.core.handlers.queryArticles(contract.queryArticles.input.parse({ actor, scope: 'active', offset: 0, limit: 50, ...q }));
}


describe('search through the library', () => {
  it('ranks a headline hit over a body hit, marks both, and finds words behind particles', async () => {
    const inBody = await add(story('정부, 재활용 지원 확대', '업계는 폐배터리를 다시 쓰는 공장을 짓는다.'));
    const inHeadline = await add(story('배터리 재활용 공장 첫 가동', '공장이 문을 열었다.'));
    await add(story('반도체 수출 늘어', '수출이 늘었다.'));
    await lib.core.library.whenIndexed();
    const r = await query({ text: '배터리' });
    expect(r.total).toBe(2);
    expect(r.rows.map((row) => row.summary.id)).toEqual([inHeadline, inBody]);
    expect(r.rows[0].headlineMarks).toEqual([[0, 3]]);
    const snippet = r.rows[1].snippet!;
    expect(snippet.field).toBe('body');
    expect(snippet.marks.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['배터리']);
  });

  it('follows saves at once: new text is found, old text no longer', async () => {
    const id = await add(story('기사', '처음에는 금리 이야기'));
    await lib.core.library.whenIndexed();
    expect((await query({ text: '금리' })).total).toBe(1);
    await lib.core.handlers.saveArticle({ id, actor: reporter, baseRevision: 1, content: story('기사', '이제는 환율 이야기') });
    expect((await query({ text: '금리' })).total).toBe(0);
    expect((await query({ text: '환율' })).rows.map((r) => r.summary.id)).toEqual([id]);
  });

  it('combines the query with state, desk, reporter, tag and date filters, and counts per state', async () => {
    const a = await add(story('배터리 A', '본문', { tags: ['산업'], byline: { outlet: '', desk: '산업부', templateId: '', reporters: [] } }));
    const b = await add(story('배터리 B', '본문', { tags: ['경제'], byline: { outlet: '', desk: '경제부', templateId: '', reporters: [] } }));
    await add(story('반도체 C', '본문', { tags: ['산업'] }), lib.actor);
    await lib.core.handlers.transitionArticle({ id: a, actor: reporter, action: 'send', note: '', override: false });
    await lib.core.library.whenIndexed();
    const all = await query({ text: '배터리' });
    expect(all.counts).toMatchObject({ all: 2, sent: 1, draft: 1 });
    expect((await query({ text: '배터리', filters: { state: 'sent' } as never })).rows.map((r) => r.summary.id)).toEqual([a]);
    expect((await query({ text: '배터리', filters: { desk: '경제부' } as never })).rows.map((r) => r.summary.id)).toEqual([b]);
    expect((await query({ filters: { tag: '산업' } as never })).total).toBe(2);
    expect((await query({ text: '배터리', filters: { tag: '산업' } as never })).rows.map((r) => r.summary.id)).toEqual([a]);
    expect((await query({ filters: { reporter } as never })).total).toBe(2);
    const future = new Date(Date.now() + 86400_000).toISOString();
    expect((await query({ filters: { from: future } as never })).total).toBe(0);
    expect((await query({ filters: { to: future } as never })).total).toBe(3);
    expect(await lib.core.handlers.libraryFacets({ actor: lib.actor, scope: 'active' })).toEqual({ desks: ['경제부', '산업부'], tags: ['경제', '산업'] });
  });

  it('puts what waits for the asking role first, and pages through the rest', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await add(story(`기사 ${i}`, '본문')));
    await lib.core.handlers.transitionArticle({ id: ids[1], actor: reporter, action: 'send', note: '', override: false });
    const editorView = await query({}, lib.actor);
    expect(editorView.rows[0].summary.id).toBe(ids[1]);
    const reporterView = await query({}, reporter);
    expect(reporterView.rows.at(-1)!.summary.id).toBe(ids[1]);
    const page = await query({ order: 'created', offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.summary.id)).toEqual([ids[3], ids[2]]);
    expect((await lib.core.handlers.queryArticleIds(contract.queryArticleIds.input.parse({ actor: lib.actor, scope: 'active', order: 'headline', max: 3 }))).ids).toEqual(ids.slice(0, 3));
  });

  it('keeps trashed articles out of the active list and in the trash', async () => {
    const id = await add(story('배터리 버린 기사', '본문'));
    await lib.core.handlers.trashArticle({ id, actor: reporter });
    await lib.core.library.whenIndexed();
    expect((await query({ text: '배터리' })).total).toBe(0);
    expect((await query({ text: '배터리', scope: 'trash' })).total).toBe(1);
  });
});

describe('the search index on disk', () => {
  async function reopen() {
    await lib.core.close();
    lib.core = await openTestCore(lib.dir);
    await lib.core.library.whenIndexed();
  }

  it('is used again after a restart, reading only the articles changed while it was away', async () => {
    for (let i = 0; i < 5; i++) await add(story(`배터리 ${i}`, '본문'));
    await lib.core.library.whenIndexed();
    await reopen();
    expect(lib.core.library.searchStats.lastLoad).toEqual({ fromDisk: true, read: 0 });
    expect((await query({ text: '배터리' })).total).toBe(5);
  });

  it('is rebuilt from the article files when missing or damaged, with the same results', async () => {
    for (let i = 0; i < 5; i++) await add(story(`배터리 ${i}`, i % 2 ? '반도체' : '환율'));
    await lib.core.library.whenIndexed();
    await lib.core.close();
    await rm(join(lib.dir, 'index', 'search.bin'));
    lib.core = await openTestCore(lib.dir);
    const during = lib.core.library.indexing;
    await lib.core.library.whenIndexed();
    expect(during).not.toBeNull();
    expect(lib.core.library.searchStats.lastLoad).toEqual({ fromDisk: false, read: 5 });
    expect((await query({ text: '반도체' })).total).toBe(2);

    await lib.core.close();
    await writeFile(join(lib.dir, 'index', 'search.bin'), 'garbage');
    lib.core = await openTestCore(lib.dir);
    await lib.core.library.whenIndexed();
    expect(lib.core.library.searchStats.lastLoad).toEqual({ fromDisk: false, read: 5 });
    expect((await query({ text: '환율' })).total).toBe(3);
  });
});
