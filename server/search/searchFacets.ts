// The filter menus' choices on the server: the desks and tags in use in a scope among the stories
// the person may see (the list's visibility rule), sorted as the desktop's ListQueries.facets sorts them.
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
  const [row] = await db.query<{ desks: string[]; tags: string[] }>(
    `WITH v AS MATERIALIZED (SELECT f.desk, f.tags FROM search_articles s JOIN search_facets f USING (id) WHERE ${where.join(' AND ')})
     SELECT (SELECT coalesce(json_agg(d.desk), '[]'::json) FROM (SELECT DISTINCT desk FROM v WHERE desk <> '') d) AS desks,
            (SELECT coalesce(json_agg(t.tag), '[]'::json) FROM (SELECT DISTINCT tag FROM v, unnest(v.tags) AS tag WHERE tag <> '') t) AS tags`,
    params,
  );
  return { desks: [...row.desks].sort(FACET_COLLATOR.compare), tags: [...row.tags].sort(FACET_COLLATOR.compare) };
}
