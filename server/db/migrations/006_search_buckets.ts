// The list without scoring or sorting every hit (server/search/searchArticles.ts):
//   - each term whose best field is not the body is in `terms` once more under its label
//     (`#hA:term` … `#lB:term`, server/search/searchTerms.ts), made here from `search_rank` for the
//     rows written before, so one part's headline hits (say) are one exact GIN lookup;
//   - the terms' GIN index takes each write at once (fastupdate off): a list is read far more
//     often than written, and with pending entries every lookup scans them all (PGlite, which has
//     no autovacuum to merge them, would keep up to 4 MB of them for good);
//   - search_rank is read only by id now, so its GIN indexes go;
//   - the queue (no search text) reads each state's rows newest first from a btree on (trashed,
//     status, updated_at), and the desk's whole queue counts its states from search_counts
//     instead of visiting every article: a trigger appends +1/-1 rows as articles come, go or
//     change state or scope (appends only, so writers never wait on one another or deadlock),
//     and the writers fold them now and then (server/search/searchTable.ts).
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

CREATE TABLE search_counts (
  trashed boolean NOT NULL,
  status text NOT NULL,
  n integer NOT NULL
);
INSERT INTO search_counts (trashed, status, n) SELECT trashed, status, count(*) FROM search_articles GROUP BY trashed, status;
CREATE FUNCTION search_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_counts VALUES (NEW.trashed, NEW.status, 1);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO search_counts VALUES (OLD.trashed, OLD.status, -1);
  ELSIF OLD.trashed <> NEW.trashed OR OLD.status <> NEW.status THEN
    INSERT INTO search_counts VALUES (OLD.trashed, OLD.status, -1), (NEW.trashed, NEW.status, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER search_counts_follow AFTER INSERT OR UPDATE OR DELETE ON search_articles
  FOR EACH ROW EXECUTE FUNCTION search_counts_follow();
`;
