// Article schema 3 (core/migrations/migrateArticle.ts, wireDateline): a wire byline's place
// ((부산=연합뉴스) …) is the article's dateline, not its desk, and the wire template prints it from
// there (settings 2, read through migrateSettings in server/settings/settingsTable.ts). Every
// stored copy — the story and its versions — is marked schema 3, the version the server reads.
//
// A `ko-wire` byline with a desk and an empty dateline moves its desk into the dateline, as the
// desktop does on reading its files, in the versions and in stories with no open live document;
// their menus' desk row and the search's `#d:` desk key go with it (search_facets, 005), and the
// list row's summary loses the desk. The rest of the search rows (the byline's words) is
// refreshed by the story's next save, as for any change.
//
// A story with an open live document is left as it is: there the document's fields are the copy
// (server/collab/liveContent.ts) and a SQL step cannot edit them, so moving the row alone would be
// undone by the next save. Its place stays in the desk until someone puts it in the dateline.
const WIRE_TO_MOVE = `content->>'schemaVersion' = '2'
  AND content->'byline'->>'templateId' = 'ko-wire'
  AND coalesce(content->'byline'->>'desk', '') ~ '\\S'
  AND coalesce(content->>'dateline', '') !~ '\\S'`;
const MOVED = `jsonb_set(jsonb_set(content, '{dateline}', content->'byline'->'desk'), '{byline,desk}', '""')`;

export const sql = `
CREATE TEMP TABLE wire_moves ON COMMIT DROP AS
SELECT a.id, a.content->'byline'->>'desk' AS desk FROM articles a
 WHERE ${WIRE_TO_MOVE}
   AND NOT EXISTS (SELECT 1 FROM collab_epochs e WHERE e.article_id = a.id AND NOT e.closed);
UPDATE articles a SET content = ${MOVED} FROM wire_moves m WHERE a.id = m.id;
DELETE FROM search_facets f USING wire_moves m WHERE f.kind = 'desk' AND f.id = m.id;
UPDATE search_articles s SET terms = ts_delete(s.terms, '#d:' || m.desk) FROM wire_moves m WHERE s.id = m.id;
UPDATE search_rows r SET summary = jsonb_set(r.summary, '{byline,desk}', '""') FROM wire_moves m WHERE r.id = m.id AND r.summary->'byline' ? 'desk';
UPDATE versions SET content = ${MOVED} WHERE ${WIRE_TO_MOVE};
UPDATE articles SET content = content || '{"schemaVersion": 3}' WHERE content->>'schemaVersion' = '2';
UPDATE versions SET content = content || '{"schemaVersion": 3}' WHERE content->>'schemaVersion' = '2';
`;
