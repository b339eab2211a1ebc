// The server's list answers as the desktop's does: the same generated articles go to both, and a
// table of queries (Korean and English words, particles, one syllable, prefixes, bylines, every
// filter, every order, both scopes, two roles) must give the same rows in the same order, the same
// total and per-state counts, the same headline marks and snippets, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle, vocabulary } from '../../bench/library/generateArticles';
import type { Article } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import { ArticleQuerySchema, type ArticleQuery } from '../../shared/search/query';
import type { Database } from '../db/Database';
import { migrate } from '../db/migrate';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { searchArticles } from './searchArticles';
import { listVisibility } from './listVisibility';
import { defaultPermissions } from '../../shared/workflow/transitions';
import { indexArticle, indexArticles, removeArticle } from './searchTable';
import { filterKey } from './searchTerms';
import { DesktopList } from './testing/desktopList';

const v = vocabulary();
const person = (id: string, name: string, role: Person['role'], bylineName = name): Person => ({ id, name, role, desk: '', email: '', bylineName, bylineRole: '', active: true });
const PEOPLE = [person('person-rep-0001', v.reportersKo[3], 'reporter'), person('person-rep-0002', 'Someone Else', 'reporter', v.reportersEn[5]), person('person-edi-0001', '데스크', 'editor')];
const [REPORTER, , EDITOR] = PEOPLE;
const N = 700;
const ARTICLES: Article[] = Array.from({ length: N }, (_, i) => generateArticle(i, v, { ownerId: i % 5 === 0 ? PEOPLE[i % 2].id : null }));
// Some trashed ones for the trash scope (the generator trashes 1 in 100).
for (let i = 0; i < N; i += 37) ARTICLES[i] = { ...ARTICLES[i], trashedAt: ARTICLES[i].updatedAt };

const q = (text: string, more: Partial<ArticleQuery> = {}, filters: Partial<ArticleQuery['filters']> = {}) => ArticleQuerySchema.parse({ scope: 'active', text, ...more, filters });
const headlineWord = ARTICLES[10].headline.split(' ')[1];
const QUERIES: ArticleQuery[] = [
  q(''),
  q('', { order: 'updated' }),
  q('', { order: 'created' }),
  q('', { order: 'headline' }),
  q('', { scope: 'trash' }),
  q('배터리'),
  q('배터리를'),
  q('폐배터리 재활용'),
  q('반도'),
  q('배'),
  q('정'),
  q(headlineWord),
  q(v.ko[3]),
  q(`${v.ko[5]} ${v.ko[40]}`),
  q('battery'),
  q('gov'),
  q('the'),
  q('a'),
  q('20'),
  q('AI'),
  q('TK 확인'),
  q(v.reportersKo[3]),
  q(v.reportersEn[5]),
  q(`${v.ko[0]} ai`),
  q('없는말없는말'),
  q('배터리', { order: 'updated' }),
  q('배터리', { order: 'headline' }),
  q('the', { order: 'created' }),
  q('배터리', {}, { state: 'published' }),
  q('', {}, { state: 'draft' }),
  q('', {}, { desk: '산업부' }),
  q('금리', {}, { desk: '경제부' }),
  q('the', {}, { desk: 'Business' }),
  q('', {}, { tag: '반도체' }),
  q('the', {}, { tag: 'climate', state: 'approved' }),
  q('', {}, { reporter: REPORTER.id }),
  q('', {}, { reporter: PEOPLE[1].id }),
  q('', {}, { reporter: 'person-nobody-01' }),
  q('', {}, { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' }),
  q('정부', {}, { from: '2024-06-01T00:00:00.000Z' }),
  q('', { scope: 'trash' }, { state: 'published' }),
];

// The server reads a window run by run (a queue state, a search's best field): windows that start
// inside a run, and ones that span several (a state holds about 60 of these articles).
const WINDOWS = [[0, 50], [30, 15], [55, 20], [100, 60]];

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`the server's list against the desktop's on ${kind}`, () => {
    const s = store as TestStore;
    let db: Database;
    /** The server's list as the contract asks for it: with the rule of who sees which draft, as the desktop's list applies it. */
    const listAs = (query: ArticleQuery, viewer: Person, offset: number, limit: number) => searchArticles(db, query, viewer, offset, limit, { visibility: listVisibility(defaultPermissions(), viewer) });
    const desktop = new DesktopList(PEOPLE);

    beforeAll(async () => {
      db = await s.open();
      await migrate(db);
      for (const p of PEOPLE) await db.query('INSERT INTO people (id, login, name, role, byline_name) VALUES ($1, $2, $3, $4, $5)', [p.id, p.id, p.name, p.role, p.bylineName]);
      for (let i = 0; i < N; i += 100) await db.transaction((tx) => indexArticles(tx, ARTICLES.slice(i, i + 100)));
      for (const a of ARTICLES) desktop.put(a);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await s.dispose();
    });

    it('gives the same windows, totals, counts, marks and snippets for every query and role', async () => {
      let compared = 0;
      for (const query of QUERIES) {
        for (const viewer of [EDITOR, REPORTER]) {
          for (const [offset, limit] of WINDOWS) {
            const want = desktop.query(query, viewer, offset, limit);
            const got = await listAs(query, viewer, offset, limit);
            expect({ query, role: viewer.role, offset, ...got }).toEqual({ query, role: viewer.role, offset, ...want });
            compared++;
          }
        }
      }
      expect(compared).toBe(QUERIES.length * 2 * WINDOWS.length);
      // The table is not trivially empty: most queries list something.
      const listed = await Promise.all(QUERIES.map((query) => listAs(query, EDITOR, 0, 1)));
      expect(QUERIES.filter((_, i) => listed[i].total === 0).map((x) => x.text)).toEqual(['없는말없는말']);
    });

    it('ranks each field as the desktop does, a prefix taking its best word and a word only in notes last', async () => {
      const base = ARTICLES[2];
      const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
      const made = (n: number, over: Partial<Article>, body: unknown[]): Article => ({
        ...base, ...over, id: `rank-${n}`, trashedAt: null, updatedAt: `2026-10-0${n}T00:00:00.000Z`, tags: over.tags ?? [], kicker: over.kicker ?? '', deck: over.deck ?? [],
        headline: over.headline ?? '평범한 제목', deskNote: over.deskNote ?? '', body: { type: 'doc', content: body as never },
      });
      const cases = [
        // The desk's note is searched as notes only (an editor's note inside a paragraph is body text too).
        made(1, { deskNote: 'qzxnote' }, [para('본문 qzxbody 있음')]), // body beats notes: 2
        made(2, { deskNote: 'qzxnote' }, [para('본문만 있음')]), // notes only: 1
        made(3, {}, [{ type: 'figure', attrs: { photoId: '', credit: '', alt: '', fromFile: { caption: '', credit: '', alt: '' } }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: 'qzxcap 사진' }] }] }]), // caption: 4
        made(4, { headline: 'qzxhead 제목' }, [para('본문')]), // headline: 64
        made(5, { tags: ['qzxtag'] }, [para('본문')]), // tags: 12
        made(6, { kicker: 'qzxkick' }, [para('본문')]), // kicker: 24
        made(7, { deck: ['qzxdeck 부제'] }, [para('본문 qzxbody')]), // deck: 16
      ];
      await db.transaction((tx) => indexArticles(tx, cases));
      for (const a of cases) desktop.put(a);
      const got = await listAs(q('qzx'), EDITOR, 0, 20);
      expect(got.rows.map((r) => r.summary.id)).toEqual(['rank-4', 'rank-6', 'rank-7', 'rank-5', 'rank-3', 'rank-1', 'rank-2']);
      expect(got).toEqual(desktop.query(q('qzx'), EDITOR, 0, 20));
      for (const text of ['qzxnote', 'qzxbody', 'qzx 본문', '본', 'qzxdeck 부']) expect(await listAs(q(text), REPORTER, 0, 20)).toEqual(desktop.query(q(text), REPORTER, 0, 20));
    });

    it('follows a change and a removal', async () => {
      const a = ARTICLES[1];
      const changed: Article = { ...a, headline: '유일무이한 제목어', updatedAt: '2026-12-01T00:00:00.000Z' };
      await db.transaction((tx) => indexArticle(tx, changed));
      desktop.put(changed);
      const query = q('유일무이');
      expect((await listAs(query, EDITOR, 0, 10)).rows.map((r) => r.summary.id)).toEqual([a.id]);
      expect(await listAs(q(''), EDITOR, 0, 5)).toEqual(desktop.query(q(''), EDITOR, 0, 5));
      await db.transaction((tx) => removeArticle(tx, a.id));
      expect((await listAs(query, EDITOR, 0, 10)).total).toBe(0);
      for (const table of ['search_rows', 'search_rank', 'search_facets']) expect(await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [a.id])).toEqual([]);
    });

    it('lists only what the visibility rule lets through', async () => {
      const mine = await searchArticles(db, q(''), REPORTER, 0, 1000, { visibility: (bind) => `s.terms @@ ${bind(filterKey.owner(REPORTER.id))}::tsquery` });
      expect(mine.total).toBe(ARTICLES.filter((a) => a.ownerId === REPORTER.id && a.trashedAt === null).length);
      expect(mine.rows.every((r) => r.summary.ownerId === REPORTER.id)).toBe(true);
    });
  });
}
