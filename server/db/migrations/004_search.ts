// The list and its search, shared by every server instance: one narrow row per article with the
// columns the filters and orders read and the core tokenizer's terms as tsvectors
// (server/search/searchTerms.ts) with a GIN index; `high` and `low` hold the few terms whose best
// field is not the body, so ranking reads two small values per hit instead of the whole text's
// terms. What a shown row needs (summary, text for the snippet) sits in a table of its own.
export const sql = `
CREATE TABLE search_articles (
  id text PRIMARY KEY,
  trashed boolean NOT NULL,
  status text NOT NULL,
  desk text NOT NULL,
  owner_id text,
  reporter_names text[] NOT NULL,
  tags text[] NOT NULL,
  headline text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  terms tsvector NOT NULL,
  high tsvector NOT NULL,
  low tsvector NOT NULL
);
-- What a shown row needs (read for a window's few rows only), apart so that filtering and ranking
-- read narrow rows.
CREATE TABLE search_rows (
  id text PRIMARY KEY REFERENCES search_articles (id) ON DELETE CASCADE,
  summary jsonb NOT NULL,
  fields jsonb NOT NULL
);
CREATE INDEX search_articles_terms ON search_articles USING gin (terms);
CREATE INDEX search_articles_updated ON search_articles (trashed, updated_at DESC, id DESC);
CREATE INDEX search_articles_created ON search_articles (trashed, created_at DESC, id DESC);
`;
