// The filter menus' desks and tags (libraryFacets) read from the narrow search row: the desk and
// the tags as plain columns, so listing the ones in use never unpacks an article or its terms.
// Rows already indexed take theirs from the stored article.
export const sql = `
ALTER TABLE search_articles ADD COLUMN desk text NOT NULL DEFAULT '', ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
UPDATE search_articles s
   SET desk = coalesce(a.content->'byline'->>'desk', ''),
       tags = ARRAY(SELECT DISTINCT t FROM jsonb_array_elements_text(coalesce(a.content->'tags', '[]'::jsonb)) AS t WHERE t <> '')
  FROM articles a WHERE a.id = s.id;
`;
