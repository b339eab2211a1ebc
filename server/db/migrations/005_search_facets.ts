// The filter menus' desks and tags (libraryFacets): one small row per article beside the search
// rows, so listing the ones in use neither unpacks an article nor widens search_articles (the row
// every list query counts and orders). Articles indexed already take theirs from the stored copy.
export const sql = `
CREATE TABLE search_facets (
  id text PRIMARY KEY REFERENCES search_articles (id) ON DELETE CASCADE,
  desk text NOT NULL,
  tags text[] NOT NULL
);
INSERT INTO search_facets (id, desk, tags)
SELECT s.id, coalesce(a.content->'byline'->>'desk', ''),
       ARRAY(SELECT DISTINCT t FROM jsonb_array_elements_text(coalesce(a.content->'tags', '[]'::jsonb)) AS t WHERE t <> '')
  FROM search_articles s JOIN articles a ON a.id = s.id;
`;
