// The filter menus' desks and tags on the server: the same lists as the desktop's ListQueries.facets
// over the articles the person may see, in both scopes, on PGlite and PostgreSQL; and articles
// indexed before the menus had a table of their own get their rows from the stored article.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle, vocabulary } from '../../bench/library/generateArticles';
import type { Article } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import { defaultPermissions } from '../../shared/workflow/transitions';
import { maySee } from '../../shared/workflow/visibility';
import type { Database } from '../db/Database';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { writeArticle } from '../articles/articleRows';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { listVisibility } from './listVisibility';
import { searchFacets } from './searchFacets';
import { indexArticles, removeArticle } from './searchTable';
import { DesktopList } from './testing/desktopList';

const v = vocabulary();
const person = (id: string, name: string, role: Person['role']): Person => ({ id, name, role, desk: '', email: '', bylineName: name, bylineRole: '', active: true });
const REPORTER = person('person-rep-0001', '김하늘', 'reporter');
const OTHER = person('person-rep-0002', '이바다', 'reporter');
const EDITOR = person('person-edi-0001', '데스크', 'editor');
const N = 200;
const ARTICLES: Article[] = Array.from({ length: N }, (_, i) => generateArticle(i, v, { ownerId: i % 3 === 0 ? [REPORTER, OTHER][i % 2].id : null }));
for (let i = 0; i < N; i += 23) ARTICLES[i] = { ...ARTICLES[i], trashedAt: ARTICLES[i].updatedAt };
// The other reporter's drafts with a desk and tags found nowhere else: only the desk (and they) see them.
const base = ARTICLES[1];
const privateDraft = (n: number, desk: string, tags: string[], trashed = false): Article => ({
  ...base, id: `private-draft-${n}`, status: 'draft', ownerId: OTHER.id, trashedAt: trashed ? base.updatedAt : null,
  byline: { ...base.byline, desk, reporters: [{ name: OTHER.name, role: '기자', email: '' }] }, tags,
});
ARTICLES.push(privateDraft(1, '비공개부', ['비공개태그', 'Zeta']), privateDraft(2, 'Hidden Desk', ['hidden-tag'], true));

const seen = (viewer: Person) => ARTICLES.filter((a) => maySee(defaultPermissions(), viewer, { status: a.status, ownerId: a.ownerId, bylineNames: a.byline.reporters.map((r) => r.name) }));

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`the filter menus on ${kind}`, () => {
    const s = store as TestStore;
    let db: Database;

    beforeAll(async () => {
      db = await s.open();
      // Up to the search tables as they were first made, with rows written then: the next
      // migration must give them their menus' rows.
      await migrate(db, MIGRATIONS.filter((m) => m.version <= 4));
      for (const p of [REPORTER, OTHER, EDITOR]) await db.query('INSERT INTO people (id, login, name, role) VALUES ($1, $2, $3, $4)', [p.id, p.id, p.name, p.role]);
      const early = ARTICLES.slice(0, 5);
      await db.transaction(async (tx) => {
        for (const a of early) {
          await writeArticle(tx, a);
          await tx.query(`INSERT INTO search_articles (id, trashed, status, created_at, updated_at, terms) VALUES ($1, $2, $3, $4, $5, ''::tsvector)`, [
            a.id, a.trashedAt !== null, a.status, a.createdAt, a.updatedAt,
          ]);
        }
      });
      await migrate(db);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await s.dispose();
    });

    it('gives articles indexed before the menus had a table their desk and tags', async () => {
      const rows = await db.query<{ kind: string; value: string; id: string }>('SELECT kind, value, id FROM search_facets');
      const key = (r: { kind: string; value: string; id: string }) => `${r.id} ${r.kind} ${r.value}`;
      const want = ARTICLES.slice(0, 5).flatMap((a) => [{ kind: 'desk', value: a.byline.desk, id: a.id }, ...[...new Set(a.tags)].map((value) => ({ kind: 'tag', value, id: a.id }))]);
      expect(rows.map(key).sort()).toEqual(want.map(key).sort());
      expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['desk', 'tag']));
    });

    it('lists the desks and tags in use among what each person may see, as the desktop lists them', async () => {
      for (let i = 0; i < ARTICLES.length; i += 100) await db.transaction((tx) => indexArticles(tx, ARTICLES.slice(i, i + 100)));
      for (const viewer of [EDITOR, REPORTER]) {
        // The desktop's own facets over the articles this person sees.
        const desktop = new DesktopList([REPORTER, OTHER, EDITOR]);
        for (const a of seen(viewer)) desktop.put(a);
        for (const scope of ['active', 'trash'] as const) {
          const got = await searchFacets(db, scope, listVisibility(defaultPermissions(), viewer));
          expect({ role: viewer.role, scope, ...got }).toEqual({ role: viewer.role, scope, ...desktop.facets(scope) });
        }
      }
      const editor = await searchFacets(db, 'active', listVisibility(defaultPermissions(), EDITOR));
      const reporter = await searchFacets(db, 'active', listVisibility(defaultPermissions(), REPORTER));
      expect([editor.desks.includes('비공개부'), editor.tags.includes('비공개태그'), reporter.desks.includes('비공개부'), reporter.tags.includes('비공개태그')]).toEqual([true, true, false, false]);
      expect((await searchFacets(db, 'trash', undefined)).tags).toContain('hidden-tag');
      expect(editor.tags.length).toBeGreaterThan(5);
    });

    it('follows an article whose desk and tags change, and one purged', async () => {
      const a = { ...ARTICLES[2], trashedAt: null, byline: { ...ARTICLES[2].byline, desk: '새로운부서' }, tags: ['새태그', '새태그'] };
      const menus = () => searchFacets(db, 'active', undefined);
      await db.transaction((tx) => indexArticles(tx, [a]));
      expect([(await menus()).desks.includes('새로운부서'), (await menus()).tags.includes('새태그')]).toEqual([true, true]);
      await db.transaction((tx) => indexArticles(tx, [{ ...a, byline: ARTICLES[2].byline, tags: [] }]));
      expect([(await menus()).desks.includes('새로운부서'), (await menus()).tags.includes('새태그')]).toEqual([false, false]);
      await db.transaction((tx) => indexArticles(tx, [a]));
      await db.transaction((tx) => removeArticle(tx, a.id));
      expect(await db.query('SELECT 1 FROM search_facets WHERE id = $1', [a.id])).toEqual([]);
      expect((await menus()).tags.includes('새태그')).toBe(false);
    });
  });
}
