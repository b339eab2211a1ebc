// The filter menus' choices on the server: the desks and tags in use in a scope among the stories
// the person may see (the list's visibility rule), sorted as the desktop's ListQueries.facets
// sorts them. The distinct values are walked through search_facets' key (a few index probes per
// value, however many articles there are), and each is kept if one article the person may see
// in the scope has it (LIMIT 1 per value: the planner would otherwise join every article's rows).
import type { Queryable } from '../db/Database';
import type { Bind, SearchOptions } from './searchArticles';

/** The desktop's facet order (core/search/ListQueries.ts). */
const FACET_COLLATOR = new Intl.Collator(['ko', 'en']);

export async function searchFacets(db: Queryable, scope: 'active' | 'trash', visibility: SearchOptions['visibility']): Promise<{ desks: string[]; tags: string[] }> {
  const params: unknown[] = [];
  const bind: Bind = (v) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`s.trashed = ${bind(scope === 'trash')}`];
  if (visibility) where.push(`(${visibility(bind)})`);
  const rows = await db.query<{ kind: 'desk' | 'tag'; value: string }>(
    `WITH RECURSIVE vals AS (
       (SELECT kind, value FROM search_facets ORDER BY kind, value LIMIT 1)
       UNION ALL
       SELECT n.kind, n.value FROM vals v
         CROSS JOIN LATERAL (SELECT f.kind, f.value FROM search_facets f WHERE (f.kind, f.value) > (v.kind, v.value) ORDER BY f.kind, f.value LIMIT 1) n
     )
     SELECT v.kind, v.value FROM vals v
       CROSS JOIN LATERAL (
         SELECT 1 FROM search_facets f JOIN search_articles s ON s.id = f.id
          WHERE f.kind = v.kind AND f.value = v.value AND ${where.join(' AND ')} LIMIT 1
       ) seen`,
    params,
  );
  const of = (kind: 'desk' | 'tag') => rows.filter((r) => r.kind === kind).map((r) => r.value).sort(FACET_COLLATOR.compare);
  return { desks: of('desk'), tags: of('tag') };
}
