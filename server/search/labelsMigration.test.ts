// Migration 006 gives rows written before it the labelled terms the search now reads
// (`#hA:term`…), the same terms searchTable writes today, and the state counts the queue reads,
// on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticle, vocabulary } from '../../bench/library/generateArticles';
import type { Article } from '../../shared/model/article';
import { articleText } from '../../shared/search/articleText';
import type { Database } from '../db/Database';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { indexArticles, removeArticle } from './searchTable';
import { articleTerms } from './searchTerms';

const v = vocabulary();
const ARTICLES = Array.from({ length: 40 }, (_, i) => generateArticle(i, v));
const BEFORE = MIGRATIONS.filter((m) => m.name !== 'search buckets');
const termsOf = (a: Article) => articleTerms(articleText(a), { desk: a.byline.desk, tags: a.tags, ownerId: a.ownerId, reporterNames: a.byline.reporters.map((r) => r.name) });

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`the search buckets migration on ${kind}`, () => {
    const s = store as TestStore;
    let db: Database;
    beforeAll(async () => {
      db = await s.open();
    });
    afterAll(async () => {
      await db?.close();
      await s.dispose();
    });

    it('adds the labelled terms to the rows already there', async () => {
      await migrate(db, BEFORE);
      // The rows as the earlier code wrote them: no labelled terms.
      for (const a of ARTICLES) {
        const t = termsOf(a);
        await db.query('INSERT INTO search_articles (id, trashed, status, created_at, updated_at, terms) VALUES ($1, $2, $3, $4, $5, $6::tsvector)', [a.id, a.trashedAt !== null, a.status, a.createdAt, a.updatedAt, t.terms]);
        await db.query('INSERT INTO search_rank (id, high, low) VALUES ($1, $2::tsvector, $3::tsvector)', [a.id, t.high, t.low]);
      }
      await db.exec("UPDATE search_articles SET terms = ts_delete(terms, ARRAY(SELECT lexeme FROM unnest(terms) WHERE lexeme LIKE '#h_:%' OR lexeme LIKE '#l_:%'))");
      const [before] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM search_articles WHERE terms @@ '''#hA:'':*'::tsquery");
      expect(before.n).toBe(0);
      expect(await migrate(db)).toEqual([MIGRATIONS.find((m) => m.name === 'search buckets')!.version]);
      for (const a of ARTICLES) {
        const t = termsOf(a);
        const [row] = await db.query<{ same: boolean }>('SELECT terms = $2::tsvector AS same FROM search_articles WHERE id = $1', [a.id, t.terms]);
        expect({ id: a.id, same: row.same }).toEqual({ id: a.id, same: true });
      }
      // Every article has a headline, so each got labelled terms.
      const [after] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM search_articles WHERE terms @@ '''#hA:'':*'::tsquery");
      expect(after.n).toBe(ARTICLES.length);
      // The state counts start from the rows there, and follow the writes after.
      const counted = () => db.query<{ status: string; n: number }>('SELECT status, sum(n)::int AS n FROM search_counts WHERE NOT trashed GROUP BY status HAVING sum(n) <> 0 ORDER BY status');
      const actual = () => db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM search_articles WHERE NOT trashed GROUP BY status ORDER BY status');
      expect(await counted()).toEqual(await actual());
      await db.transaction((tx) => indexArticles(tx, ARTICLES.slice(0, 5).map((a) => ({ ...a, status: 'spiked' as const }))));
      await db.transaction((tx) => removeArticle(tx, ARTICLES[6].id));
      expect(await counted()).toEqual(await actual());
    });
  });
}
