// The list of a bound folder offline, for a read the server never answered here (issue 17, item 1):
// it searches the stories this machine holds (the whole story where it was opened, with what was
// typed here since; the list row where it was only listed), with the local list's terms, filters,
// counts, orders and snippets, and says it covers only those. A read answered before still gets
// that answer.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/contract/dispatch';
import { ArticleStatusSchema, emptyContent, type Article, type ArticleStatus, type Body } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import type { ArticleQuery, QueryResult } from '../../shared/search/query';
import { summarise } from '../articleSummary';
import { openCore } from '../createCore';
import { appInfo, tempDir } from '../testing/tempLibrary';
import type { LateCopy } from './live/lateRevisions';
import { REPLICAS_DIR } from './live/replicaLog';
import { writeBinding } from './newsroomBinding';
import { HeldStories } from './heldStories';
import { OfflineAnswers } from './offlineAnswers';
import { queryHeld, queryHeldIds, heldFacets, type HeldViewer } from './offlineQuery';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const KIM: Person = { id: 'person-kim1', name: '김하늘', role: 'reporter', desk: '사회부', email: '', bylineName: '김하늘', bylineRole: '기자', active: true };
const REPORTER: HeldViewer = { id: KIM.id, role: 'reporter' };
const EDITOR: HeldViewer = { id: 'person-lee1', role: 'editor' };

const body = (...paragraphs: string[]): Body => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

function article(id: string, headline: string, text: string, over: Partial<Article> = {}): Article {
  return {
    ...emptyContent('ko'),
    schemaVersion: 1 as Article['schemaVersion'],
    id,
    revision: 3,
    headline,
    body: body(text),
    byline: { outlet: '', desk: '사회부', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: '' }] },
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    status: 'draft',
    trashedAt: null,
    ownerId: KIM.id,
    corrections: [],
    lastTransition: null,
    ...over,
  } as Article;
}

const query = (over: Partial<ArticleQuery> = {}, window = { offset: 0, limit: 50 }) => ({
  scope: 'active' as const,
  text: '',
  filters: { state: 'all' as const, desk: '', reporter: '', tag: '', from: null, to: null },
  order: 'auto' as const,
  ...over,
  ...window,
});

/** Per-state counts of some rows, as the server gives them. */
const countsOf = (articles: Article[]) => Object.fromEntries([['all', articles.length], ...ArticleStatusSchema.options.map((st) => [st, articles.filter((a) => a.status === st).length])]);

/** A folder holding what a bound desktop kept: opened stories (getArticle) and a list window (queryArticles). */
async function folder(opened: Article[], listedOnly: Article[] = []): Promise<{ dir: string; answers: OfflineAnswers }> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  const answers = new OfflineAnswers(dir);
  for (const a of opened) await answers.remember('getArticle', { actor: KIM.id, id: a.id }, a);
  const rows = [...opened, ...listedOnly].map((a) => ({ summary: summarise(a), headlineMarks: [], snippet: null }));
  await answers.remember('queryArticles', query(), { total: rows.length, counts: countsOf([...opened, ...listedOnly]), rows, indexing: null } satisfies Partial<QueryResult>);
  return { dir, answers };
}

/** Replica copies as a live story would give them, with a file on disk whose stamp says when they change. */
function replicas(dir: string) {
  const copies = new Map<string, LateCopy>();
  return {
    copies,
    live: { copyOf: async (id: string) => copies.get(id) ?? null },
    async type(id: string, copy: LateCopy) {
      copies.set(id, copy);
      await mkdir(join(dir, REPLICAS_DIR), { recursive: true });
      await writeFile(join(dir, REPLICAS_DIR, `${id}.ylog`), JSON.stringify(copy));
    },
  };
}

const STORIES = [
  article('story-0001', '폐배터리 수거 확대', '시는 내년부터 전기차 폐배터리를 모아 재활용한다.', { status: 'sent', updatedAt: '2026-12-03T09:00:00.000Z', tags: ['환경'] }),
  article('story-0002', '첫눈 예보', '기상청은 주말 서울에 첫눈이 내릴 것으로 내다봤다. 배터리 방전에 주의하라고 했다.', { status: 'draft', updatedAt: '2026-12-02T09:00:00.000Z' }),
  article('story-0003', '시의회 예산 심사', '예산안 심사가 사흘째 이어졌다. Budget hearings go on.', { status: 'returned', updatedAt: '2026-12-01T09:00:00.000Z' }),
  article('story-0004', '버스 노선 개편', '노선 개편안은 휴지통에 있다.', { status: 'draft', trashedAt: '2026-12-02T10:00:00.000Z' }),
];
const LISTED_ONLY = [article('story-0005', '지하철 배터리 화재', '이 본문은 이 컴퓨터에 없다: 열어 본 적이 없다.', { status: 'review', updatedAt: '2026-12-04T09:00:00.000Z', byline: { outlet: '', desk: '경제부', templateId: '', reporters: [{ name: '박서준', role: '기자', email: '' }] } })];

describe('the list offline, from the stories this machine holds', () => {
  it('finds a word only in a held story’s body, with its snippet; a word held nowhere finds nothing', async () => {
    const { dir, answers } = await folder(STORIES, LISTED_ONLY);
    const held = await new HeldStories(answers, replicas(dir).live).all();

    const found = queryHeld(held, query({ text: '재활용' }), REPORTER, []);
    expect(found.rows.map((r) => r.summary.id)).toEqual(['story-0001']);
    expect(found.rows[0].snippet).toEqual({ field: 'body', text: '시는 내년부터 전기차 폐배터리를 모아 재활용한다.', marks: [[21, 24]] });
    expect(found.rows[0].headlineMarks).toEqual([]);
    // Four stories in the library here (one in the trash is not), one of them only as its list row.
    expect(found.heldOnly).toEqual({ stories: 4 });
    expect(found.total).toBe(1);

    // A word in the body of the story only listed here is not found: its body never came here.
    expect(queryHeld(held, query({ text: '열어' }), REPORTER, []).total).toBe(0);
    const none = queryHeld(held, query({ text: '태풍' }), REPORTER, []);
    expect(none).toMatchObject({ total: 0, rows: [], heldOnly: { stories: 4 } });
    expect(none.counts.all).toBe(0);
    // A Latin word matches by its beginning, as on the desktop.
    expect(queryHeld(held, query({ text: 'budg' }), REPORTER, []).rows.map((r) => r.summary.id)).toEqual(['story-0003']);
    expect(queryHeld(held, query({ text: 'udget' }), REPORTER, []).total).toBe(0);
  });

  it('ranks a headline hit above a body hit, lists the role’s waiting states first, and counts per state for the chips', async () => {
    const { dir, answers } = await folder(STORIES, LISTED_ONLY);
    const held = await new HeldStories(answers, replicas(dir).live).all();

    // 배터리: in story-0001's and story-0005's headlines (newest first), in story-0002's body only.
    const hits = queryHeld(held, query({ text: '배터리' }), REPORTER, []);
    expect(hits.rows.map((r) => r.summary.id)).toEqual(['story-0005', 'story-0001', 'story-0002']);
    expect(hits.rows[1].headlineMarks).toEqual([[1, 4]]);
    expect(hits.rows[2].snippet?.field).toBe('body');
    expect(hits.counts).toMatchObject({ all: 3, sent: 1, draft: 1, review: 1, returned: 0 });

    // A state filter lists that state; the counts still cover every state.
    const drafts = queryHeld(held, query({ text: '배터리', filters: { ...query().filters, state: 'draft' } }), REPORTER, []);
    expect(drafts.rows.map((r) => r.summary.id)).toEqual(['story-0002']);
    expect(drafts.total).toBe(1);
    expect(drafts.counts).toMatchObject({ all: 3, sent: 1, draft: 1, review: 1 });

    // No search: a reporter's returned and drafts first, an editor's sent and in review.
    expect(queryHeld(held, query(), REPORTER, []).rows.map((r) => r.summary.id)).toEqual(['story-0003', 'story-0002', 'story-0005', 'story-0001']);
    expect(queryHeld(held, query(), EDITOR, []).rows.map((r) => r.summary.id)).toEqual(['story-0001', 'story-0005', 'story-0002', 'story-0003']);
    expect(queryHeld(held, query({ order: 'headline' }), REPORTER, []).rows.map((r) => r.summary.headline)).toEqual(['시의회 예산 심사', '지하철 배터리 화재', '첫눈 예보', '폐배터리 수거 확대']);
    // The window and the trash.
    expect(queryHeld(held, query({}, { offset: 1, limit: 2 }), REPORTER, []).rows.map((r) => r.summary.id)).toEqual(['story-0002', 'story-0005']);
    expect(queryHeld(held, query({ scope: 'trash' }), REPORTER, []).rows.map((r) => r.summary.id)).toEqual(['story-0004']);

    // Desk, reporter and tag filters; a story only listed has no tags here.
    expect(queryHeld(held, query({ filters: { ...query().filters, desk: '경제부' } }), REPORTER, []).rows.map((r) => r.summary.id)).toEqual(['story-0005']);
    expect(queryHeld(held, query({ filters: { ...query().filters, tag: '환경' } }), REPORTER, []).rows.map((r) => r.summary.id)).toEqual(['story-0001']);
    const park: Person = { ...KIM, id: 'person-park', name: '박서준', bylineName: '박서준' };
    expect(queryHeld(held, query({ filters: { ...query().filters, reporter: park.id } }), REPORTER, [KIM, park]).rows.map((r) => r.summary.id)).toEqual(['story-0005']);

    expect(queryHeldIds(held, { ...query({ text: '배터리' }), max: 2 }, REPORTER, [])).toEqual({ ids: ['story-0005', 'story-0001'], total: 3 });
    expect(heldFacets(held, 'active')).toEqual({ desks: ['경제부', '사회부'], tags: ['환경'] });
  });

  it('searches what was typed here offline (the story’s replica), and a later list row’s state', async () => {
    const { dir, answers } = await folder(STORIES);
    const copies = replicas(dir);
    const stories = new HeldStories(answers, copies.live);
    expect(queryHeld(await stories.all(), query({ text: '한파' }), REPORTER, []).total).toBe(0);

    await copies.type('story-0002', { body: body('기상청은 주말 한파가 온다고 했다.'), fields: { headline: '한파 예보' } });
    const typed = queryHeld(await stories.all(), query({ text: '한파' }), REPORTER, []);
    expect(typed.rows.map((r) => [r.summary.id, r.summary.headline])).toEqual([['story-0002', '한파 예보']]);
    expect(typed.rows[0].snippet?.text).toBe('기상청은 주말 한파가 온다고 했다.');
    // The words the replica replaced are gone from the story as this machine has it.
    expect(queryHeld(await stories.all(), query({ text: '첫눈' }), REPORTER, []).total).toBe(0);

    // Typed on: the changed replica is read again.
    await copies.type('story-0002', { body: body('기상청은 주말 폭설이 온다고 했다. 한파도 함께.'), fields: { headline: '폭설 예보' } });
    expect(queryHeld(await stories.all(), query({ text: '폭설' }), REPORTER, []).rows.map((r) => r.summary.headline)).toEqual(['폭설 예보']);

    // The story read again from the server before the connection dropped: its newer copy is searched.
    await answers.remember('getArticle', { actor: KIM.id, id: 'story-0001' }, { ...STORIES[0], revision: 4, body: body('수거함은 동 주민센터에 둔다.') });
    expect(queryHeld(await stories.all(), query({ text: '주민센터' }), REPORTER, []).rows.map((r) => r.summary.id)).toEqual(['story-0001']);
    expect(queryHeld(await stories.all(), query({ text: '재활용' }), REPORTER, []).total).toBe(0);

    // The list saw story-0003 sent after it was opened here: it counts as sent, with the words opened here.
    const sent = { ...summarise(STORIES[2]), status: 'sent' as ArticleStatus, updatedAt: '2026-12-05T09:00:00.000Z', revision: 4 };
    await answers.remember('listArticles', { actor: KIM.id, scope: 'active' }, [sent]);
    const after = queryHeld(await stories.all(), query({ text: '사흘째' }), REPORTER, []);
    expect(after.rows.map((r) => [r.summary.id, r.summary.status])).toEqual([['story-0003', 'sent']]);
    expect(after.counts).toMatchObject({ sent: 1, returned: 0 });
  });

  it('answers a bound core’s list offline from the stories held, a search answered before included (its rows are held too)', { timeout: 20_000 }, async () => {
    const { dir, answers } = await folder(STORIES, LISTED_ONLY);
    const remembered = { total: 1, counts: countsOf([STORIES[1]]), rows: [{ summary: summarise(STORIES[1]), headlineMarks: [], snippet: null }], indexing: null };
    await answers.remember('queryArticles', query({ text: '첫눈' }), remembered);
    // Nothing listens there: every read to the server fails as offline.
    await writeBinding(dir, { server: 'http://127.0.0.1:9', token: 'kim-session-token-0123456789', person: KIM });
    const core = await openCore({ libraryDir: dir, appInfo, backupSchedule: false, exportDir: join(dir, 'exports') });
    cleanups.push(() => core.close());

    const kept = await dispatch(core.handlers, 'queryArticles', { actor: KIM.id, ...query({ text: '첫눈' }) });
    if (!kept.ok) throw new Error(kept.error.message);
    expect(kept.value.rows.map((r) => r.summary.id)).toContain('story-0002');
    expect(kept.value.heldOnly).toEqual({ stories: 4 });
    // Paging one list offline: the pages agree (one order, one total), whatever was seen online.
    const page = (offset: number) => dispatch(core.handlers, 'queryArticles', { actor: KIM.id, ...query({ text: '' }), offset, limit: 2 });
    const [first, second] = [await page(0), await page(2)];
    if (!first.ok || !second.ok) throw new Error('offline pages failed');
    expect(first.value.total).toBe(second.value.total);
    expect(new Set([...first.value.rows, ...second.value.rows].map((r) => r.summary.id)).size).toBe(first.value.rows.length + second.value.rows.length);

    const fresh = await dispatch(core.handlers, 'queryArticles', { actor: KIM.id, ...query({ text: '재활용' }) });
    if (!fresh.ok) throw new Error(fresh.error.message);
    expect(fresh.value.rows.map((r) => r.summary.id)).toEqual(['story-0001']);
    expect(fresh.value.heldOnly).toEqual({ stories: 4 });

    const { offset: _o, limit: _l, ...battery } = query({ text: '배터리' });
    const ids = await dispatch(core.handlers, 'queryArticleIds', { actor: KIM.id, ...battery, max: 10 });
    expect(ids.ok && ids.value).toEqual({ ids: ['story-0005', 'story-0001', 'story-0002'], total: 3 });
    const facets = await dispatch(core.handlers, 'libraryFacets', { actor: KIM.id, scope: 'active' });
    expect(facets.ok && facets.value).toEqual({ desks: ['경제부', '사회부'], tags: ['환경'] });
    // A read that is not a list still fails as offline when it was never answered here.
    const story = await dispatch(core.handlers, 'getArticle', { actor: KIM.id, id: 'story-0005' });
    expect(!story.ok && story.error.code).toBe('offline');

    // An export offline fails with the server named and said to be needed for it.
    const out = await dispatch(core.handlers, 'exportArticles', { actor: KIM.id, jobId: 'export-0001', ids: ['story-0001'], formats: ['text'], override: false, note: '' });
    expect(!out.ok && out.error).toMatchObject({ code: 'offline', params: { server: 'http://127.0.0.1:9', during: 'export' } });
  });

  it('searches 2,000 held stories in well under a second', { timeout: 60_000 }, async () => {
    const words = ['배터리', '재활용', '예산', '시의회', '첫눈', '기상청', '노선', '버스', '전기차', '환경', '수거', '한파', '서울', '정부', '발표'];
    const paragraph = (i: number, j: number) => Array.from({ length: 12 }, (_, k) => words[(i * 7 + j * 3 + k) % words.length] + '를 두고').join(' ') + ` 기사${i}번.`;
    const many = Array.from({ length: 2000 }, (_, i) =>
      article(`story-${String(i).padStart(6, '0')}`, `${words[i % words.length]} 소식 ${i}`, '', {
        body: body(...Array.from({ length: 15 }, (_, j) => paragraph(i, j))),
        status: (['draft', 'sent', 'review', 'approved'] as const)[i % 4],
        updatedAt: new Date(Date.parse('2026-12-01T00:00:00Z') + i * 60_000).toISOString(),
      }),
    );
    const { dir, answers } = await folder(many);
    const stories = new HeldStories(answers, replicas(dir).live);
    let started = performance.now();
    const first = queryHeld(await stories.all(), query({ text: '시의회 발표' }), REPORTER, []);
    const cold = performance.now() - started;
    started = performance.now();
    const again = queryHeld(await stories.all(), query({ text: '전기차', filters: { ...query().filters, state: 'sent' } }), REPORTER, []);
    const warm = performance.now() - started;
    console.log(`offline search over 2,000 held stories: first ${cold.toFixed(0)} ms (reads and splits them), then ${warm.toFixed(0)} ms`);
    expect(first.heldOnly).toEqual({ stories: 2000 });
    expect(first.total).toBeGreaterThan(0);
    expect(again.rows.every((r) => r.summary.status === 'sent')).toBe(true);
    expect(warm).toBeLessThan(1000);
  });
});
