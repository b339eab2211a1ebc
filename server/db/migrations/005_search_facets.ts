// The filter menus' desks and tags (libraryFacets): one row per article and desk or tag, beside
// the search rows. Keyed by (kind, value) so the menus walk the few distinct values and ask each
// for one article the person may see, instead of reading every article's row; search_articles
// (what every list query counts and orders) stays as narrow as it was. Articles indexed already
// take theirs from the stored copy.
export const sql = `
CREATE TABLE search_facets (
  kind text NOT NULL CHECK (kind IN ('desk', 'tag')),
  value text NOT NULL CHECK (value <> ''),
  id text NOT NULL REFERENCES search_articles (id) ON DELETE CASCADE,
  PRIMARY KEY (kind, value, id)
);
CREATE INDEX search_facets_article ON search_facets (id);
INSERT INTO search_facets (kind, value, id)
SELECT 'desk', a.content->'byline'->>'desk', s.id FROM search_articles s JOIN articles a ON a.id = s.id
 WHERE coalesce(a.content->'byline'->>'desk', '') <> ''
UNION
SELECT 'tag', t, s.id FROM search_articles s JOIN articles a ON a.id = s.id, jsonb_array_elements_text(coalesce(a.content->'tags', '[]'::jsonb)) AS t
 WHERE t <> '';
`;
