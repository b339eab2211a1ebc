// The list without scoring or sorting every hit (server/search/searchArticles.ts):
//   - each term whose best field is not the body is in `terms` once more under its label
//     (`#hA:term` … `#lB:term`, server/search/searchTerms.ts), made here from `search_rank` for the
//     rows written before, so one part's headline hits (say) are one exact GIN lookup;
//   - the terms' GIN index takes each write at once (fastupdate off): a list is read far more
//     often than written, and with pending entries every lookup scans them all (PGlite, which has
//     no autovacuum to merge them, would keep up to 4 MB of them for good);
//   - search_rank is read only by id now, so its GIN indexes go;
//   - the queue (no search text) reads each state's rows newest first, and counts the states,
//     from a btree on (trashed, status, updated_at) instead of visiting every article.
export const sql = `
UPDATE search_articles s SET terms = s.terms || l.labels
FROM (
  SELECT x.id, array_to_tsvector(array_agg(x.label)) AS labels
  FROM (
    SELECT r.id, '#h' || w || ':' || u.lexeme AS label FROM search_rank r, unnest(r.high) u, unnest(u.weights) w
    UNION ALL
    SELECT r.id, '#l' || w || ':' || u.lexeme FROM search_rank r, unnest(r.low) u, unnest(u.weights) w
  ) x
  GROUP BY x.id
) l
WHERE l.id = s.id;
ALTER INDEX search_articles_terms SET (fastupdate = off);
SELECT gin_clean_pending_list('search_articles_terms'::regclass);
DROP INDEX search_rank_high, search_rank_low;
CREATE INDEX search_articles_status ON search_articles (trashed, status, updated_at DESC, id DESC);
`;
